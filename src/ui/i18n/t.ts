import { PROBLEM_TEXTS, renderMsg, type Msg } from '../../scenario/messages';
import { en, type MessageKey } from './en';
import { expandPluralsWith, type PluralRules } from './plural';
import type { Lang } from '../../scenario/i18n';

// The catalogue lookup for whichever language is on screen now. English is
// built in; Japanese and Russian arrive as lazily loaded packs (i18n/load.ts),
// so the English page carries none of their weight. The store decides which
// language is active (the player's, or in hot seat the viewer's); this module
// only holds the packs that decision picks from.

export type Params = Record<string, string | number>;
/** A language's texts by key: the interface's (MessageKey) and the file checks' (`problem.<key>`). */
export type Catalogue = Partial<Record<string, string>>;

/** One language: the interface catalogue and the scenario texts (English → translation). */
export interface LangPack {
  catalogue: Catalogue;
  texts: Map<string, string>;
  quotes: Map<string, string>;
  /** The language's own ways with plurals, numbers and dates (i18n/format.ts); English needs none. */
  format?: LangFormat;
}

export interface LangFormat {
  /** Expands `{n, plural, …}` blocks for a number's plural category. */
  plurals(template: string, params: Params): string;
  number(n: number, digits: number): string;
  date(iso: string): string;
}

const packs: Partial<Record<Lang, LangPack>> = { en: { catalogue: en, texts: new Map(), quotes: new Map() } };
// The language texts are drawn in: set only by the store (AppStore.applyLang) through
// setActiveLang, and read by t() on every call, which the store itself imports.
// eslint-disable-next-line no-restricted-syntax -- the store's language, mirrored where t() reads it
let active: Lang = 'en';
// eslint-disable-next-line no-restricted-syntax -- that language's texts
let pack: LangPack = packs.en!;

export const activeLang = (): Lang => active;
export const hasLang = (lang: Lang): boolean => packs[lang] !== undefined;

/** Adds a loaded language (or more scenario texts to one already loaded). */
export function installLang(lang: Lang, add: Partial<LangPack>): void {
  const have: LangPack = packs[lang] ?? { catalogue: {}, texts: new Map(), quotes: new Map() };
  if (add.catalogue) have.catalogue = { ...have.catalogue, ...add.catalogue };
  if (add.format) have.format = add.format;
  for (const [k, v] of add.texts ?? []) if (!have.texts.has(k)) have.texts.set(k, v);
  for (const [k, v] of add.quotes ?? []) if (!have.quotes.has(k)) have.quotes.set(k, v);
  packs[lang] = have;
}

/** Makes a loaded language the one on screen; false (and no change) when it is not loaded. */
export function setActiveLang(lang: Lang): boolean {
  const next = packs[lang];
  if (!next) return false;
  active = lang;
  pack = next;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  return true;
}

/** English: one and other. */
const ENGLISH_PLURALS: PluralRules = {
  category: (n) => (n === 1 ? 'one' : 'other'),
  read: (text) => Number(text.replace(/,/g, '')),
  write: (n) => groupNumber(n, 2, ',', '.'),
};

function fill(template: string, params: Params): string {
  const expanded = !template.includes(', plural,') ? template : pack.format ? pack.format.plurals(template, params) : expandPluralsWith(template, params, ENGLISH_PLURALS);
  return expanded.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) return `{${name}}`;
    // A scenario text handed in as a value (a title, a label) is shown in the language on screen too.
    // A bare number is not grouped (it may be a year); only its decimal mark follows the language.
    return typeof v === 'number' ? (active === 'ru' ? String(v).replace('.', ',') : String(v)) : sx(v);
  });
}

/** Looks a message up and fills its {placeholders}; values go in as plain text. Falls back to English. */
export function t(key: MessageKey, params: Params = {}): string {
  return fill(pack.catalogue[key] ?? (en as Catalogue)[key] ?? key, params);
}

/** A file check's message (src/scenario/messages.ts) in the language on screen, its nested messages too; English when untranslated. */
export function problemText(m: Msg): string {
  return renderMsg(m, (key, params) => fill(pack.catalogue[`problem.${key}`] ?? PROBLEM_TEXTS[key], params));
}

/** For keys built from data (e.g. `status.${id}`), checked at run time. */
export function tk(key: string, params: Params = {}): string {
  // The English catalogue holds this file's texts and those installed with later parts (en-net, en-class).
  return packs.en!.catalogue[key] !== undefined ? t(key as MessageKey, params) : key;
}

/** A scenario text (title, headline, line, label) in the language on screen, or as written when untranslated. */
export const sx = (text: string): string => pack.texts.get(text) ?? text;

/**
 * A cited quote as the article wrote it, with its translation beside it (marked
 * as one) when the screen is in another language: quotes are evidence, so the
 * original words stay on screen.
 */
export function quoted(quote: string): string {
  const tr = pack.quotes.get(quote);
  return tr ? `“${quote}” [${t('cite.translation')}: ${tr}]` : `“${quote}”`;
}

/**
 * Numbers as the language on screen writes them: at most `digits` decimals,
 * no trailing zeros, thousands grouped (1,234.5; Russian 1 234,5 through its
 * pack). Written out rather than through Intl.NumberFormat, whose first use
 * starts ICU's number data (~40 ms) on the title's loading path.
 */
export function formatNumber(n: number, digits = 0): string {
  return pack.format ? pack.format.number(n, digits) : groupNumber(n, digits, ',', '.');
}

export function groupNumber(n: number, digits: number, group: string, point: string): string {
  if (!Number.isFinite(n)) return String(n);
  const fixed = Math.abs(n).toFixed(digits);
  const [whole = '0', frac = ''] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const decimals = frac.replace(/0+$/, '');
  const body = decimals ? `${grouped}${point}${decimals}` : grouped;
  return n < 0 && Number(fixed) !== 0 ? `-${body}` : body;
}

/** A scenario's YYYY-MM-DD date as the language on screen writes it (English keeps the ISO form). */
export const formatDate = (iso: string): string => (pack.format ? pack.format.date(iso) : iso);
