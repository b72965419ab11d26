// A progress bar the screen reader can follow: role=progressbar with its value, and a fill.
import { h } from '../dom/el';

export interface Progress {
  readonly el: HTMLDivElement;
  /** `done` of `total`, with the words a screen reader says (optional). */
  set(done: number, total: number, text?: string): void;
  readonly done: string;
}

export function progressBar(label: string, testid: string, max = 100): Progress {
  const fill = h('div', {});
  const el = h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': max, 'aria-valuenow': 0, 'aria-label': label, testid }, fill);
  return {
    el,
    set(done, total, text) {
      el.setAttribute('aria-valuemax', String(total));
      el.setAttribute('aria-valuenow', String(done));
      if (text !== undefined) el.setAttribute('aria-valuetext', text);
      fill.style.width = `${total > 0 ? (100 * done) / total : 0}%`;
    },
    get done() {
      return el.getAttribute('aria-valuenow') ?? '0';
    },
  };
}
