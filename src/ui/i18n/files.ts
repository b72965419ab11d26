// Where a language's files are, and a way to ask for them before anything needs them.
// A few URLs, shared by the page's first script (early.ts), which calls preloadLang before
// Phaser and the game's code have downloaded, and the loader (i18n/load.ts), which then
// finds the catalogue, the scenario translations and the title's typefaces in the cache.
import type { TranslatedLang } from '../../scenario/i18n';
import jaCatalogue from './ja.json?url';
import ruCatalogue from './ru.json?url';
import jaTitleFont from './fonts/noto-sans-jp-title.woff2?url';
import jaGameFont from './fonts/noto-sans-jp-game.woff2?url';
import plex400 from '../../../node_modules/@fontsource/ibm-plex-sans/files/ibm-plex-sans-cyrillic-400-normal.woff2?url';
import plex600 from '../../../node_modules/@fontsource/ibm-plex-sans/files/ibm-plex-sans-cyrillic-600-normal.woff2?url';
import serif400 from '../../../node_modules/@fontsource/source-serif-4/files/source-serif-4-cyrillic-400-normal.woff2?url';
import serif600 from '../../../node_modules/@fontsource/source-serif-4/files/source-serif-4-cyrillic-600-normal.woff2?url';
import serifItalic from '../../../node_modules/@fontsource/source-serif-4/files/source-serif-4-cyrillic-400-italic.woff2?url';

const OVERLAYS = import.meta.glob('../../../scenarios/i18n/*.json', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

/** A typeface file of a language: which family, weight and style it is, and whether the title draws with it. */
export type FaceFile = { family: string; url: string; weight: '400' | '600'; style: 'normal' | 'italic'; title: boolean; piece?: 'title' | 'game' };

export type LangFiles = {
  /** The interface catalogue (src/ui/i18n/<lang>.json). */
  catalogue: string;
  /** Each shipped scenario's translation file, by scenario id. */
  overlays: ReadonlyMap<string, string>;
  /** The typeface files: Japanese cut to the game's characters (npm run fonts), Cyrillic faces of the Latin families. */
  faces: readonly FaceFile[];
};

function overlaysOf(lang: TranslatedLang): Map<string, string> {
  const suffix = `.${lang}.json`;
  const out = new Map<string, string>();
  for (const path of Object.keys(OVERLAYS).sort()) if (path.endsWith(suffix)) out.set(path.slice(path.lastIndexOf('/') + 1, -suffix.length), OVERLAYS[path]!);
  return out;
}

const JP = 'Noto Sans JP Subset';
const cyrillic = (family: string, url: string, weight: '400' | '600', style: 'normal' | 'italic' = 'normal'): FaceFile => ({ family, url, weight, style, title: true });

export const LANG_FILES: Record<TranslatedLang, LangFiles> = {
  ja: {
    catalogue: jaCatalogue,
    overlays: overlaysOf('ja'),
    faces: [
      { family: JP, url: jaTitleFont, weight: '400', style: 'normal', title: true, piece: 'title' },
      { family: JP, url: jaGameFont, weight: '400', style: 'normal', title: false, piece: 'game' },
    ],
  },
  ru: {
    catalogue: ruCatalogue,
    overlays: overlaysOf('ru'),
    faces: [
      cyrillic('IBM Plex Sans', plex400, '400'),
      cyrillic('IBM Plex Sans', plex600, '600'),
      cyrillic('Source Serif 4', serif400, '400'),
      cyrillic('Source Serif 4', serif600, '600'),
      cyrillic('Source Serif 4', serifItalic, '400', 'italic'),
    ],
  },
};

const preloaded = new Set<TranslatedLang>();

/** Asks the browser for a language's files now (link rel=preload), once, without waiting for them. */
export function preloadLang(lang: TranslatedLang): void {
  if (typeof document === 'undefined' || preloaded.has(lang)) return;
  preloaded.add(lang);
  const f = LANG_FILES[lang];
  const add = (href: string, as: 'fetch' | 'font'): void => {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.href = href;
    link.as = as;
    link.crossOrigin = 'anonymous'; // what fetch() and @font-face use, so the preloaded copy is the one they get
    if (as === 'font') link.type = 'font/woff2';
    document.head.append(link);
  };
  add(f.catalogue, 'fetch');
  for (const url of f.overlays.values()) add(url, 'fetch');
  for (const face of f.faces) if (face.title) add(face.url, 'font');
}
