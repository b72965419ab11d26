// Small form pieces: labelled selects and radio groups that keep native keyboard behaviour.
import { h } from '../dom/el';
import { t } from '../i18n/t';
import { button } from './button';

// eslint-disable-next-line no-restricted-syntax -- a counter of DOM ids, unique for the page's life
let uid = 0;

export function select(label: string, options: { value: string; label: string }[], value: string, testid: string, onChange?: (v: string) => void): { wrap: HTMLElement; el: HTMLSelectElement } {
  const id = `f${++uid}`;
  const el = h('select', { id, testid });
  for (const o of options) el.append(h('option', { value: o.value }, o.label));
  el.value = value;
  if (onChange) el.addEventListener('change', () => onChange(el.value));
  return { wrap: h('div', {}, h('label', { for: id }, label), el), el };
}

export function radios(legend: string, name: string, options: { value: string; label: string }[], value: string, testid: string, onChange?: (v: string) => void): { wrap: HTMLElement; get: () => string } {
  const fs = h('fieldset', { testid }, h('legend', {}, legend));
  const seg = h('div', { class: 'seg' });
  for (const o of options) {
    const input = h('input', { type: 'radio', name, value: o.value, testid: `${testid}-${o.value}` });
    input.checked = o.value === value;
    if (onChange) input.addEventListener('change', () => input.checked && onChange(o.value));
    seg.append(h('label', {}, input, h('span', {}, o.label)));
  }
  fs.append(seg);
  return {
    wrap: fs,
    get: () => (fs.querySelector<HTMLInputElement>('input:checked')?.value ?? value),
  };
}

/**
 * A JSON file picker that speaks the page's language: a native file input says "Choose
 * File / No file chosen" in the browser's language whatever the page is in, so the input
 * stays in the page but hidden (files still arrive by it, by drop, and in tests by
 * setInputFiles) and a button of ours opens it. `label` names what the file is for.
 */
export function filePicker(id: string, label: string, opts: { multiple?: boolean; testid?: string } = {}): { wrap: HTMLElement; input: HTMLInputElement } {
  const input = h('input', { type: 'file', id, accept: '.json,application/json', testid: opts.testid ?? id, hidden: true });
  input.multiple = Boolean(opts.multiple);
  const chosen = h('span', { class: 'help file-chosen', testid: `${id}-chosen` }, t('file.none'));
  // Registered before the caller's listener, which empties the input once it has the files.
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    if (files.length > 0) chosen.textContent = files.length === 1 ? files[0]!.name : t('file.many', { count: files.length });
  });
  const choose = button(t(opts.multiple ? 'file.chooseMany' : 'file.choose'), () => input.click(), { kind: 'secondary', testid: `${id}-choose`, ariaLabel: `${label}: ${t(opts.multiple ? 'file.chooseMany' : 'file.choose')}` });
  return { wrap: h('div', { class: 'file-picker' }, choose, chosen, input), input };
}
