// The notice a tab shows when another tab moved its game on: outside the scenes (a scene
// redraw would lose a half-made offer), at the top of the page, with the choice it needs.
import { h } from '../dom/el';
import { t } from '../i18n/t';
import { button } from '../widgets/button';
import { refreshFooterStatus } from '../widgets/frame';
import { announce } from '../a11y/live';
import { continueSave } from './boot';
import { readKey } from './save';
import { route } from './router';
import { store } from './store';

/** The notice on the page, if one is up: the page itself holds it, not this module. */
const TESTID = 'tab-notice';

function hide(): void {
  document.querySelector(`[data-testid="${TESTID}"]`)?.remove();
}

/** Reloads the game as the other tab left it (or, when it was finished there, goes back to the title). */
async function reloadFromStorage(key: string): Promise<void> {
  hide();
  const r = readKey(key);
  if (r.kind === 'ok') {
    if ((await continueSave(key, r.save)).kind === 'ok') return;
  } else store.notices.push({ text: t('tabs.endedElsewhere'), tone: 'warn' });
  store.quit();
  route('Title');
}

function show(): void {
  const c = store.conflict;
  if (!c || !store.session) return hide();
  const text = c.ended ? t('tabs.endedElsewhere') : t('tabs.movedElsewhere', { theirs: c.moves ?? 0, ours: store.session.actions.length });
  hide();
  const reload = button(t('tabs.reload'), () => void reloadFromStorage(c.key), { testid: 'tab-reload' });
  const box = h('div', { class: 'tab-notice', role: 'alertdialog', 'aria-labelledby': 'tab-notice-text', testid: TESTID },
    h('p', { id: 'tab-notice-text' }, text),
    h('div', { class: 'row' },
      reload,
      button(t('tabs.keep'), () => {
        hide();
        store.keepThisTab();
        announce(t('save.saved'));
      }, { kind: 'secondary', testid: 'tab-keep' }),
    ),
  );
  document.getElementById('stage')?.prepend(box);
  // The choice decides whether this tab's next move is kept: the keyboard goes to it.
  reload.focus();
}

/** Watches the store's tab changes for the life of the page. */
export function watchTabs(): void {
  store.listenToTabs();
  store.onTabChange(() => {
    if (store.conflict && store.mode.kind === 'play') show();
    else hide();
    refreshFooterStatus();
  });
  store.onChange(() => {
    if (!store.conflict) hide();
  });
}
