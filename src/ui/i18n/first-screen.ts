// The words the title screen shows in a language, from its catalogue and its
// scenario translations. The loader asks for their typeface before drawing the
// title; `npm run fonts` puts their Japanese glyphs in one small file.
import { dateIn } from './format';
import { LANG_NAMES, type TranslatedLang } from '../../scenario/i18n';

/** The catalogue keys the title shows (canvas and DOM): its name, tagline, map, legend, setup, saves and buttons. */
export const FIRST_SCREEN = /^(app|common|map|status|setup|save|opponent|difficulty|side|tabs|replay|title)\./;

/** The scenario texts the title shows: each scenario's name and summary, and the islands' names on the map. */
export const FIRST_SCREEN_SCENARIO = /^(title|summary|islands\.\w+\.names\.\w+)$/;

type Texts = { texts: Record<string, { text: string }> };

/** The title's words in a language: the catalogue's first-screen texts, the scenarios' names and summaries, a date as the title writes it, and the language chooser's names. */
export function firstScreenWords(lang: TranslatedLang, catalogue: Readonly<Partial<Record<string, string>>>, overlays: Iterable<Texts | null>): string {
  const words = Object.entries(catalogue).filter(([k]) => FIRST_SCREEN.test(k)).map(([, v]) => v ?? '');
  for (const overlay of overlays) for (const [k, e] of Object.entries(overlay?.texts ?? {})) if (FIRST_SCREEN_SCENARIO.test(k)) words.push(e.text);
  words.push(dateIn(lang, '2016-12-31'), ...Object.values(LANG_NAMES));
  return words.join('');
}
