// Loads a language for the screen: its interface catalogue, the shipped
// scenarios' translations, its plural/number/date rules and its typefaces.
// Imported lazily (store.chooseLang), so none of this is on the English page.
import { en, type MessageKey } from './en';
import { formatFor } from './format';
import { installLang, hasLang, type Catalogue } from './t';
import { dictionaryOf, type OverlayTexts, type TranslatedLang } from '../../scenario/i18n';
import type { Scenario } from '../../scenario/schema';

type CatalogueFile = { texts: Record<string, { en: string; text: string }> };

const CATALOGUES: Record<TranslatedLang, () => Promise<{ default: CatalogueFile }>> = {
  ja: () => import('./ja.json'),
  ru: () => import('./ru.json'),
};

// Each language's typefaces: Japanese in unicode-range slices (the browser fetches only the
// slices a page's characters need), Cyrillic as one small file per face (fonts.css).
const FONTS: Record<TranslatedLang, () => Promise<unknown>> = {
  ja: () => import('@fontsource/noto-sans-jp/400.css'),
  ru: () => import('./fonts-cyrillic.css'),
};

const OVERLAYS = import.meta.glob('../../../scenarios/i18n/*.json', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

/** The interface texts whose English is still the English they were translated from. */
export function catalogueOf(file: CatalogueFile): Catalogue {
  const out: Catalogue = {};
  for (const [key, english] of Object.entries(en) as [MessageKey, string][]) {
    const entry = file.texts[key];
    if (entry && entry.en === english && entry.text.trim() !== '') out[key] = entry.text;
  }
  return out;
}

async function fetchOverlay(url: string): Promise<OverlayTexts | null> {
  try {
    const response = await fetch(url);
    if (!response.ok) return null;
    const data = (await response.json()) as unknown;
    return data !== null && typeof data === 'object' && typeof (data as OverlayTexts).texts === 'object' ? (data as OverlayTexts) : null;
  } catch {
    // A missing translation file leaves that scenario in English; the game goes on.
    return null;
  }
}

const loading = new Map<TranslatedLang, Promise<void>>();

/** The catalogue keys the title draws on its canvas: its name, tagline, map labels and legend. */
const FIRST_SCREEN = /^(app\.title|app\.tagline|map\..*|status\..*)$/;

/**
 * Loads a language once (later calls share the first). Scenario texts are
 * matched to the scenarios given (the shipped ones; an own scenario stays in English).
 */
export function loadLang(lang: TranslatedLang, scenarios: readonly Scenario[]): Promise<void> {
  if (hasLang(lang)) return Promise.resolve();
  let p = loading.get(lang);
  if (!p) {
    p = (async () => {
      const overlayFor = (id: string) => Object.entries(OVERLAYS).find(([path]) => path.endsWith(`/${id}.${lang}.json`))?.[1];
      const [catalogue, overlays] = await Promise.all([
        CATALOGUES[lang]().then((m) => catalogueOf(m.default)),
        Promise.all(scenarios.map(async (s) => {
          const url = overlayFor(s.id);
          return { s, overlay: url ? await fetchOverlay(url) : null };
        })),
        FONTS[lang]().catch(() => undefined),
      ]);
      const texts = new Map<string, string>();
      const quotes = new Map<string, string>();
      for (const { s, overlay } of overlays) {
        if (!overlay) continue;
        const d = dictionaryOf(s, overlay);
        for (const [k, v] of d.texts) if (!texts.has(k)) texts.set(k, v);
        for (const [k, v] of d.quotes) if (!quotes.has(k)) quotes.set(k, v);
      }
      installLang(lang, { catalogue, texts, quotes, format: formatFor(lang) });
      // Only the first screen's canvas words are waited for; every later slice redraws the
      // canvas texts when it arrives (main.ts), and DOM text redraws by itself.
      await fontsFor(lang, (Object.entries(catalogue) as [string, string][]).filter(([k]) => FIRST_SCREEN.test(k)).map(([, v]) => v).join(''));
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
    ? ['400 17px "Noto Sans JP"']
    : ['400 17px "IBM Plex Sans"', '600 17px "IBM Plex Sans"', '400 17px "Source Serif 4"', '600 17px "Source Serif 4"', 'italic 400 17px "Source Serif 4"'];
  await Promise.race([
    Promise.all(faces.map((f) => document.fonts.load(f, chars))).catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, 3000)),
  ]);
}
