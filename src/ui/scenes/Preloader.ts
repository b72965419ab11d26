import Phaser from 'phaser';
import { BASE, FONTS, PALETTE } from '../theme';
import { t } from '../i18n/t';
import { boot } from '../app/boot';

/** Waits for the typefaces (canvas text must not be drawn in a fallback font), then boots the app. */
export class Preloader extends Phaser.Scene {
  constructor() {
    super('Preloader');
  }

  create(): void {
    this.add.text(BASE.width / 2, BASE.height / 2, t('app.loading'), { fontFamily: FONTS.sans, fontSize: '20px', color: PALETTE.paper }).setOrigin(0.5);
    const faces = ['400 17px "IBM Plex Sans"', '600 17px "IBM Plex Sans"', '600 26px "Source Serif 4"', '400 17px "Source Serif 4"', 'italic 400 17px "Source Serif 4"'];
    const timeout = new Promise((resolve) => setTimeout(resolve, 3000));
    void Promise.race([Promise.all(faces.map((f) => document.fonts.load(f))), timeout]).then(() => {
      this.scene.stop();
      boot();
    });
  }
}
