// Small form pieces: labelled selects and radio groups that keep native keyboard behaviour.
import { h } from '../dom/el';

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
