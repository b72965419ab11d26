// What the page shows when a screen throws while it is drawn: the reason, on the page and in
// the screen-reader log, and a way on. Phaser itself would leave that screen frozen for good
// (src/ui/app/router.ts stops it); the game is kept either way (autosaved, or on the server).
import { h } from '../dom/el';
import { t } from '../i18n/t';
import { button } from '../widgets/button';
import { announce } from '../a11y/live';

export function showSceneFailed(error: unknown): void {
  const text = t('app.sceneFailed', { error: error instanceof Error ? error.message : String(error) });
  document.querySelector('[data-testid="scene-failed"]')?.remove();
  const reload = button(t('app.reload'), () => window.location.reload(), { testid: 'scene-failed-reload' });
  document.getElementById('stage')?.prepend(h('div', { class: 'tab-notice', role: 'alert', testid: 'scene-failed' }, h('p', {}, text), h('div', { class: 'row' }, reload)));
  reload.focus();
  announce(text);
  // Still an error, for whoever reads the console (and for the tests, which fail on one).
  console.error(error);
}
