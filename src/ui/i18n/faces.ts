// A language's typefaces, added to the page as FontFace objects (no stylesheet to fetch
// first): the Japanese files hold exactly the characters listed in fonts/chars.json
// (written by `npm run fonts`), the Cyrillic faces the Cyrillic block. Lazy: only a
// Japanese or Russian page loads this.
import chars from './fonts/chars.json';
import { LANG_FILES, type FaceFile } from './files';
import type { TranslatedLang } from '../../scenario/i18n';

/** Cyrillic as @fontsource cuts it (its "cyrillic" subset). */
const CYRILLIC = 'U+0301, U+0400-045F, U+0490-0491, U+04B0-04B1, U+2116';

/** A CSS unicode-range for these characters, runs of neighbours joined (U+3041-3096). */
export function unicodeRange(text: string): string {
  const points = [...new Set([...text].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);
  const out: string[] = [];
  const hex = (n: number): string => n.toString(16).toUpperCase();
  for (let i = 0; i < points.length; ) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j]! + 1) j += 1;
    out.push(i === j ? `U+${hex(points[i]!)}` : `U+${hex(points[i]!)}-${hex(points[j]!)}`);
    i = j + 1;
  }
  return out.join(', ');
}

const rangeOf = (face: FaceFile): string => (face.piece ? unicodeRange(chars[face.piece]) : CYRILLIC);

const added = new Map<TranslatedLang, FontFace[]>();

/** Adds a language's faces to the page once; the browser fetches each when text first needs it (the title's are preloaded). */
export function addFaces(lang: TranslatedLang): FontFace[] {
  let faces = added.get(lang);
  if (!faces) {
    faces = [];
    if (typeof document !== 'undefined' && typeof FontFace !== 'undefined') {
      for (const f of LANG_FILES[lang].faces) {
        const face = new FontFace(f.family, `url(${f.url}) format('woff2')`, { weight: f.weight, style: f.style, display: 'swap', unicodeRange: rangeOf(f) });
        document.fonts.add(face);
        faces.push(face);
      }
    }
    added.set(lang, faces);
  }
  return faces;
}
