// Loads a language for the screen: its interface catalogue, the shipped
// scenarios' translations, its plural/number/date rules and its typefaces.
// Imported lazily (store.chooseLang), so none of this is on the English page.
import { catalogueOf, type CatalogueFile } from './catalogue';
import { LANG_FILES, preloadLang } from './files';
import { formatFor } from './format';
import { firstScreenWords } from './first-screen';
import { installLang, hasLang, type Catalogue } from './t';
import { addFaces } from './faces';
import { dictionaryOf, type OverlayTexts, type TranslatedLang } from '../../scenario/i18n';
import type { Scenario } from '../../scenario/schema';

// Behind the game's own Japanese characters (faces.ts, from `npm run fonts`), every
// other character from @fontsource's slices: needed only for texts the game did not ship
// (a teacher's own translation), so their rules load after the first screen.
const FALLBACK_FONTS: Partial<Record<TranslatedLang, () => Promise<unknown>>> = {
  ja: () => import('@fontsource/noto-sans-jp/400.css'),
};

const isTexts = (data: unknown): boolean => data !== null && typeof data === 'object' && typeof (data as { texts?: unknown }).texts === 'object';

/** A translation file's JSON, or null when it cannot be had: that part stays in English and the game goes on. */
async function fetchJson(url: string): Promise<unknown> {
  try {
    const response = await fetch(url);
    return response.ok ? ((await response.json()) as unknown) : null;
  } catch {
    return null;
  }
}

type Fetched = { catalogue: Promise<Catalogue>; overlays: Promise<Map<string, OverlayTexts | null>>; fonts: Promise<void> };
const fetching = new Map<TranslatedLang, Fetched>();

/**
 * Starts everything a language needs that does not depend on the scenarios: the
 * catalogue, every shipped scenario's translation file and the typefaces, then
 * waits for the faces that draw the title's words. Called by main.ts as soon as
 * the game's code runs (early.ts has already asked the browser for the files).
 */
export function prefetchLang(lang: TranslatedLang): Fetched {
  let f = fetching.get(lang);
  if (!f) {
    preloadLang(lang); // asks once: nothing more when early.ts already has
    const files = LANG_FILES[lang];
    const catalogue = fetchJson(files.catalogue).then((file) => catalogueOf(isTexts(file) ? (file as CatalogueFile) : { texts: {} }));
    // The faces, and at once the files the title draws with (preloaded already): they need
    // not wait for the texts below.
    const faces = addFaces(lang);
    const titleFaces = Promise.all(faces.filter((_, i) => files.faces[i]!.title).map((face) => face.load().catch(() => undefined)));
    const overlays = Promise.all([...files.overlays].map(async ([id, url]) => [id, await fetchJson(url).then((d) => (isTexts(d) ? (d as OverlayTexts) : null))] as const)).then((all) => new Map(all));
    // The title is drawn once the faces for its words are in; any face that arrives later
    // redraws the canvas texts (main.ts).
    const fonts = Promise.all([catalogue, overlays, titleFaces]).then(([c, o]) => fontsFor(lang, firstScreenWords(lang, c, o.values())));
    f = { catalogue, overlays, fonts };
    fetching.set(lang, f);
  }
  return f;
}

const loading = new Map<TranslatedLang, Promise<void>>();

/**
 * Loads a language once (later calls share the first). Scenario texts are
 * matched to the scenarios given (the shipped ones; an own scenario stays in English).
 */
export function loadLang(lang: TranslatedLang, scenarios: readonly Scenario[]): Promise<void> {
  if (hasLang(lang)) return Promise.resolve();
  let p = loading.get(lang);
  if (!p) {
    p = (async () => {
      const f = prefetchLang(lang);
      const [catalogue, overlays] = await Promise.all([f.catalogue, f.overlays]);
      const texts = new Map<string, string>();
      const quotes = new Map<string, string>();
      for (const s of scenarios) {
        const overlay = overlays.get(s.id);
        if (!overlay) continue;
        const d = dictionaryOf(s, overlay);
        for (const [k, v] of d.texts) if (!texts.has(k)) texts.set(k, v);
        for (const [k, v] of d.quotes) if (!quotes.has(k)) quotes.set(k, v);
      }
      installLang(lang, { catalogue, texts, quotes, format: formatFor(lang) });
      await f.fonts;
      setTimeout(() => void FALLBACK_FONTS[lang]?.().catch(() => undefined), 0);
    })();
    loading.set(lang, p);
  }
  return p;
}

/**
 * Waits (at most 3 s) for the faces that draw these characters, so the first
 * canvas frame is not drawn in a fallback font.
 */
async function fontsFor(lang: TranslatedLang, sample: string): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  const chars = [...new Set(sample)].join('');
  const faces = lang === 'ja'
    ? ['400 17px "Noto Sans JP Subset"']
    : ['400 17px "IBM Plex Sans"', '600 17px "IBM Plex Sans"', '400 17px "Source Serif 4"', '600 17px "Source Serif 4"', 'italic 400 17px "Source Serif 4"'];
  await Promise.race([
    Promise.all(faces.map((f) => document.fonts.load(f, chars))).catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, 3000)),
  ]);
}
