import Phaser from 'phaser';
import { BASE, PALETTE, hex } from '../theme';
import { announce } from '../a11y/live';
import { t } from '../i18n/t';
import { boot } from '../app/boot';
import { fontsReady } from '../app/fonts';
import { loadBundledScenarios } from '../../scenario/registry';
import { loadMap } from '../widgets/map';
import { initialLang, store } from '../app/store';

/** Waits for the typefaces (canvas text must not be drawn in a fallback font), the scenario files and the map, then boots the app. */
export class Preloader extends Phaser.Scene {
  constructor() {
    super('Preloader');
  }

  create(): void {
    performance.mark('up:boot');
    performance.mark('up:preloader');
    // No canvas text before the faces arrive: a first text in a missing font sends the browser
    // hunting through system fallbacks, which costs more than this whole scene. A quiet rule
    // on the page says "loading"; the words are in the DOM for screen readers.
    this.add.graphics().fillStyle(hex(PALETTE.vermilion), 1).fillRect(BASE.width / 2 - 80, BASE.height / 2, 160, 3);
    // The player's language (its texts and typefaces) before the title is drawn in it; "loading"
    // is said in that language, once its words are here (English has them from the start).
    const lang = initialLang();
    if (lang === 'en') announce(t('app.loading'));
    const language = lang === 'en' ? Promise.resolve() : loadBundledScenarios().then(() => store.chooseLang(lang, { remember: false, redraw: false })).then(() => announce(t('app.loading'))).catch(() => undefined);
    void Promise.all([fontsReady, loadBundledScenarios(), loadMap(), language]).then(() => {
      performance.mark('up:fonts');
      this.scene.stop();
      void boot();
    });
  }
}
