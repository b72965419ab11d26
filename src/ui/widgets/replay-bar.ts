// Step controls shown over any scene while a replay is on screen (read-only).
import { h } from '../dom/el';
import { store } from '../app/store';
import { t } from '../i18n/t';
import { button } from './button';

export function replayBar(): HTMLElement | null {
  if (store.mode.kind !== 'replay') return null;
  const { step, total } = store.mode;
  const bar = h('div', { class: 'replaybar', role: 'toolbar', 'aria-label': t('replay.heading'), testid: 'replay-bar' });
  bar.append(
    button(t('replay.first'), () => store.showStep(0), { testid: 'replay-first', disabled: step === 0 }),
    button(t('replay.back'), () => store.showStep(step - 1), { testid: 'replay-back', disabled: step === 0 }),
    h('span', { testid: 'replay-step', 'aria-live': 'off' }, t('replay.step', { step, total })),
    button(t('replay.forward'), () => store.showStep(step + 1), { testid: 'replay-forward', disabled: step >= total, autofocus: true }),
    button(t('replay.last'), () => store.showStep(total), { testid: 'replay-last', disabled: step >= total }),
    button(t('replay.fork'), () => store.fork(), { testid: 'replay-fork' }),
    button(t('replay.exit'), () => store.quit(), { testid: 'replay-exit' }),
  );
  return bar;
}
