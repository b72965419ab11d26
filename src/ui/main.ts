import Phaser from 'phaser';
import './styles.css';
import './app/fonts';
import { gameConfig } from './config';
import { attachRouter, currentScene, renderCount } from './app/router';
import { initialLang, store } from './app/store';
import { toggleNarration } from './widgets/frame';
import { t } from './i18n/t';
import { loadBundledScenarios } from '../scenario/registry';
import { loadMap } from './widgets/map';
import { ensureClassroomScenes, isClassroomKey } from './class/scenes';
import { ensureNetScenes, isNetKey } from './net/scenes';
import { watchTabs } from './app/tab-notice';

// The page's own few words come from the catalogue too, in the language on screen.
function labelPage(): void {
  document.title = t('page.title');
  document.getElementById('game')?.setAttribute('aria-label', t('page.board'));
  const narrationTitle = document.getElementById('narration-title');
  if (narrationTitle) narrationTitle.textContent = t('page.narration');
  const skip = document.querySelector('.skip-link');
  if (skip) skip.textContent = t('page.skip');
}
labelPage();
store.onChange(labelPage);

performance.mark('up:main');
// Ask for the scenario files now, so they arrive while Phaser boots; the Preloader waits on the same promise.
void loadBundledScenarios();
void loadMap();
// And for the player's language (its texts, translations and typefaces), when it is not English.
const startLang = initialLang();
if (startLang !== 'en') void import('./i18n/load').then((m) => m.prefetchLang(startLang)); // its files are already on their way (early.ts)
const game = new Phaser.Game(gameConfig);
attachRouter(game, { has: (k) => isClassroomKey(k) || isNetKey(k), load: (g, k) => (isNetKey(k) ? ensureNetScenes(g) : ensureClassroomScenes(g)) });
watchTabs();

// Canvas text is drawn once: when a typeface slice arrives (Japanese comes in many small
// files, each fetched when first needed), the canvas texts on screen are drawn again with it,
// and the render loop, asleep on a still screen, is woken to show them.
document.fonts?.addEventListener('loadingdone', () => {
  for (const scene of game.scene.getScenes(true)) {
    for (const o of scene.children.list) if (o instanceof Phaser.GameObjects.Text) o.updateText();
  }
  store.screen.wake();
});

// Read-only handle for the end-to-end tests and for curious players.
Object.defineProperty(window, '__up', {
  value: Object.freeze({
    get phase() {
      return store.session?.phase ?? null;
    },
    get pending() {
      return store.session?.pending ?? null;
    },
    get scene() {
      return currentScene();
    },
    get renders() {
      return renderCount();
    },
    get round() {
      return store.session?.state.round ?? null;
    },
    get scenarioId() {
      return store.session?.scenario.id ?? null;
    },
    get viewer() {
      return store.viewer;
    },
    hash() {
      return store.session ? store.session.hash() : null;
    },
    get moves() {
      return store.session?.actions.length ?? null;
    },
    /** The game state this page holds: for a networked match, only what this side may know. */
    state() {
      return store.session ? (JSON.parse(JSON.stringify(store.session.state)) as unknown) : null;
    },
    get net() {
      return store.net ? { code: store.net.code, side: store.net.side, status: store.net.status } : null;
    },
    /** The canvas texts on screen and their boxes (in the 1280×720 base), for the layout tests. */
    canvasTexts() {
      return game.scene.getScenes(true).flatMap((scene) =>
        scene.children.list
          .filter((o): o is Phaser.GameObjects.Text => o instanceof Phaser.GameObjects.Text && o.visible && o.text !== '')
          .map((o) => {
            const b = o.getBounds();
            return { text: o.text, x: b.x, y: b.y, w: b.width, h: b.height };
          }),
      );
    },
  }),
});

document.addEventListener('keydown', (ev) => {
  const target = ev.target as HTMLElement | null;
  const typing = target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA');
  if (typing || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  if (ev.key === 'l' || ev.key === 'L') {
    ev.preventDefault();
    toggleNarration();
  }
});
