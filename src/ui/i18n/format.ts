import { groupNumber, type LangFormat, type Params } from './t';
import { expandPluralsWith } from './plural';
import type { TranslatedLang } from '../../scenario/i18n';

// Plurals, numbers and dates for Japanese and Russian, loaded with their
// language pack so the English page carries none of it. Hand-written CLDR
// rules (a few lines) instead of Intl.PluralRules/NumberFormat, whose ICU
// data would start on the loading path; tests/ui/i18n.test.ts checks them
// against Intl for thousands of values.

/** CLDR plural category of a number in a language (en, ja and ru rules, checked against Intl.PluralRules in the tests). */
export function pluralCategory(lang: 'en' | TranslatedLang, n: number): 'one' | 'few' | 'many' | 'other' {
  const integer = Number.isInteger(n);
  if (lang === 'ja') return 'other';
  if (lang === 'en') return n === 1 ? 'one' : 'other';
  if (!integer) return 'other';
  const i = Math.abs(n);
  const d10 = i % 10;
  const d100 = i % 100;
  if (d10 === 1 && d100 !== 11) return 'one';
  if (d10 >= 2 && d10 <= 4 && (d100 < 12 || d100 > 14)) return 'few';
  return 'many';
}

/**
 * ICU plural blocks, the one piece of MessageFormat the catalogues use:
 * `{count, plural, one {# round} few {# раунда} many {# раундов} other {# rounds}}`,
 * `#` standing for the number; `=0 {…}` picks an exact value.
 */
export const expandPlurals = (template: string, params: Params, lang: TranslatedLang): string =>
  expandPluralsWith(template, params, {
    category: (n) => pluralCategory(lang, n),
    read: (text) => readNumber(lang, text),
    write: (n) => numberIn(lang, n, 2),
  });


/** A number written by `numberIn` read back: group marks dropped, the decimal mark made a point. */
export const readNumber = (lang: TranslatedLang, text: string): number =>
  Number(lang === 'ru' ? text.replace(/[\s\u00a0]/g, '').replace(',', '.') : text.replace(/,/g, ''));

/** Japanese writes numbers as English does; Russian groups with a no-break space and uses a decimal comma. */
export const numberIn = (lang: TranslatedLang, n: number, digits: number): string =>
  lang === 'ru' ? groupNumber(n, digits, '\u00a0', ',') : groupNumber(n, digits, ',', '.');

const RU_MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

export function dateIn(lang: TranslatedLang, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (lang === 'ja') return `${y}年${mo}月${d}日`;
  return `${d} ${RU_MONTHS[mo - 1] ?? mo} ${y} г.`;
}

export const formatFor = (lang: TranslatedLang): LangFormat => ({
  plurals: (template, params) => expandPlurals(template, params, lang),
  number: (n, digits) => numberIn(lang, n, digits),
  date: (iso) => dateIn(lang, iso),
});
