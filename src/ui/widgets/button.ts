import { h } from '../dom/el';

export interface ButtonOpts {
  kind?: 'primary' | 'secondary' | 'danger';
  testid?: string;
  disabled?: boolean;
  autofocus?: boolean;
  title?: string;
  ariaLabel?: string;
}

/** A real <button>: keyboard, focus ring and screen readers work without extra code. */
export function button(label: string, onClick: () => void, opts: ButtonOpts = {}): HTMLButtonElement {
  const b = h('button', {
    type: 'button',
    class: `btn ${opts.kind && opts.kind !== 'primary' ? opts.kind : ''}`.trim(),
    testid: opts.testid,
    title: opts.title,
    'aria-label': opts.ariaLabel,
    'data-autofocus': opts.autofocus ? 'true' : undefined,
  }, label);
  b.disabled = Boolean(opts.disabled);
  b.addEventListener('click', (ev) => {
    ev.preventDefault();
    if (!b.disabled) onClick();
  });
  return b;
}
