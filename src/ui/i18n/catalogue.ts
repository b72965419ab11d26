// A translated interface catalogue as the game uses it: only entries still made from today's English
// (the interface's and the file checks' messages).
import { allEnglish } from './english';
import type { Catalogue } from './t';

export type CatalogueFile = { texts: Record<string, { en: string; text: string }> };

/** The interface texts whose English is still the English they were translated from. */
export function catalogueOf(file: CatalogueFile): Catalogue {
  const out: Catalogue = {};
  for (const [key, english] of Object.entries(allEnglish)) {
    const entry = file.texts[key];
    if (entry && entry.en === english && entry.text.trim() !== '') out[key] = entry.text;
  }
  return out;
}
