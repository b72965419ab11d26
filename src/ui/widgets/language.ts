// The language choosers: each language named in itself (English, 日本語, Русский), so a
// player finds their own whatever the screen is in now.
import { LANGS, LANG_NAMES, type Lang } from '../../scenario/i18n';
import { select } from './form';

export function languageSelect(label: string, value: Lang, testid: string, onChange?: (lang: Lang) => void): { wrap: HTMLElement; el: HTMLSelectElement } {
  const field = select(label, LANGS.map((l) => ({ value: l, label: LANG_NAMES[l] })), value, testid, onChange ? (v) => onChange(v as Lang) : undefined);
  // Screen readers say each name in its own language.
  for (const option of field.el.options) option.lang = option.value;
  return field;
}
