import Phaser from 'phaser';
import './styles.css';
import './app/fonts';
import { gameConfig } from './config';
import { attachRouter, currentScene, renderCount } from './app/router';
import { store } from './app/store';
import { toggleNarration } from './widgets/frame';
import { t } from './i18n/t';
import { loadBundledScenarios } from '../scenario/registry';
import { ensureClassroomScenes, isClassroomKey } from './class/scenes';
import { watchTabs } from './app/tab-notice';

// The page's own few words come from the catalogue too.
document.title = t('page.title');
document.getElementById('game')?.setAttribute('aria-label', t('page.board'));
const narrationTitle = document.getElementById('narration-title');
if (narrationTitle) narrationTitle.textContent = t('page.narration');
const skip = document.querySelector('.skip-link');
if (skip) skip.textContent = t('page.skip');

performance.mark('up:main');
// Ask for the scenario files now, so they arrive while Phaser boots; the Preloader waits on the same promise.
void loadBundledScenarios();
const game = new Phaser.Game(gameConfig);
attachRouter(game, { has: isClassroomKey, load: ensureClassroomScenes });
watchTabs();

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
