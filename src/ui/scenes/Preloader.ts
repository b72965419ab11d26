import Phaser from 'phaser';
import { BASE, FONTS, PALETTE } from '../theme';
import { t } from '../i18n/t';
import { boot } from '../app/boot';
import { fontsReady } from '../app/fonts';
import { loadBundledScenarios } from '../../scenario/registry';

/** Waits for the typefaces (canvas text must not be drawn in a fallback font) and the scenario files, then boots the app. */
export class Preloader extends Phaser.Scene {
  constructor() {
    super('Preloader');
  }

  create(): void {
    performance.mark('up:preloader');
    this.add.text(BASE.width / 2, BASE.height / 2, t('app.loading'), { fontFamily: FONTS.sans, fontSize: '20px', color: PALETTE.paper }).setOrigin(0.5);
    void Promise.all([fontsReady, loadBundledScenarios()]).then(() => {
      performance.mark('up:fonts');
      this.scene.stop();
      boot();
    });
  }
}
