import type { Scenario } from './schema.ts';

// A scenario's texts in another language, as data beside the scenario:
// scenarios/i18n/<scenario id>.<lang>.json. Each entry is keyed by where the
// text stands in the scenario (ids where the scenario has them, positions
// where it has none) and keeps the English it was translated from, so a
// changed English text shows up as stale instead of being shown wrongly.
// The simulation never sees a translation: the game's state, hashes and
// replays are the same in every language; only the screen reads these.
// The file's schema and checks are in overlay.ts (zod, loaded only where needed).

export const LANGS = ['en', 'ja', 'ru'] as const;
export type Lang = (typeof LANGS)[number];
export const TRANSLATED_LANGS = ['ja', 'ru'] as const;

/** Each language named in itself, as the language choosers show it. */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', ja: '日本語', ru: 'Русский' };
export type TranslatedLang = (typeof TRANSLATED_LANGS)[number];

export const isLang = (s: unknown): s is Lang => typeof s === 'string' && (LANGS as readonly string[]).includes(s);

/** A text a player reads, or a cited quote (shown as written, with the translation beside it). */
export type TextKind = 'text' | 'quote';

export interface TextEntry {
  key: string;
  en: string;
  kind: TextKind;
}

// The fields that hold words a player or teacher reads. Everything else in a
// scenario (ids, option ids, dates, numbers, tags, source ids, file names) is
// left as it is; article titles and outlets stay as published.
const TEXT_FIELDS = new Set([
  'title', 'summary', 'label', 'note', 'place', 'text', 'name', 'who', 'stance', 'unit',
  'levels', 'redLines', 'term', 'definition', 'questions', 'reason', 'saidBy', 'after', 'headlines', 'names',
]);
const SKIPPED_SECTIONS = new Set(['sources']);

/**
 * Every translatable text of a scenario, in file order, with its key:
 * `events.<id>.title`, `lines.12.text`, `sides.japan.brief.redLines.0`,
 * `islands.iturup.names.ja`, `rounds.<id>.cite.quote`.
 */
export function textEntries(scenario: Scenario): TextEntry[] {
  const out: TextEntry[] = [];
  // `container`: the value stands under a text field (headlines, names, levels,
  // questions), so its own strings are text; objects below it are judged by their keys.
  const walk = (value: unknown, key: string, container: boolean): void => {
    const visit = (child: unknown, childKey: string, field: string): void => {
      if (typeof child === 'string') {
        if (child !== '' && (container || TEXT_FIELDS.has(field) || field === 'quote')) out.push({ key: childKey, en: child, kind: field === 'quote' ? 'quote' : 'text' });
      } else walk(child, childKey, TEXT_FIELDS.has(field));
    };
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        const idOf = item !== null && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : String(i);
        if (typeof item === 'string') {
          if (container && item !== '') out.push({ key: `${key}.${idOf}`, en: item, kind: 'text' });
        } else walk(item, `${key}.${idOf}`, false);
      });
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (key === '' && SKIPPED_SECTIONS.has(k)) continue;
        visit(v, key === '' ? k : `${key}.${k}`, container ? '' : k);
      }
    }
  };
  walk(scenario, '', false);
  return out;
}

/** An overlay's entries, as dictionaryOf needs them (the schema is in overlay.ts). */
export interface OverlayTexts {
  texts: Record<string, { en: string; text: string }>;
}

/** For the screen: English text → its translation, and English quote → its translation. */
export interface ScenarioDictionary {
  texts: Map<string, string>;
  quotes: Map<string, string>;
}

/**
 * The translations that still match their English, looked up by the English
 * itself: the screen meets scenario texts in many places (the scenario, the
 * log, the ledger), and this finds them all the same way. A stale or missing
 * entry is simply absent, so the English shows.
 */
export function dictionaryOf(scenario: Scenario, overlay: OverlayTexts): ScenarioDictionary {
  const dict: ScenarioDictionary = { texts: new Map(), quotes: new Map() };
  for (const entry of textEntries(scenario)) {
    const t = overlay.texts[entry.key];
    if (!t || t.en !== entry.en || t.text.trim() === '') continue;
    const into = entry.kind === 'quote' ? dict.quotes : dict.texts;
    if (!into.has(entry.en)) into.set(entry.en, t.text);
  }
  return dict;
}
