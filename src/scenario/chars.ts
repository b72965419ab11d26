// Characters a reader cannot see: controls, format characters (zero-width
// spaces and joiners, direction marks, the byte-order mark), lone surrogates,
// line and paragraph separators and the other default-ignorable code points.
// A text made only of them looks blank; a seed holding one looks like another.

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;
const INVISIBLE_ALL = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu;

/**
 * The invisible characters that are part of a visible emoji: the variation
 * selector that asks for the emoji form (🏝️), the joiner inside a ZWJ
 * sequence (👩‍🔬), and a keycap's selector (1️⃣). They change no meaning a
 * reader could miss, so they are allowed.
 */
const EMOJI_GLUE = /(?<=\p{Extended_Pictographic}[\u{1F3FB}-\u{1F3FF}]?)\u{FE0F}|(?<=\p{Extended_Pictographic}\u{FE0F}?[\u{1F3FB}-\u{1F3FF}]?)\u{200D}(?=\p{Extended_Pictographic})|(?<=[#*0-9])\u{FE0F}(?=\u{20E3})/gu;

/** The first invisible character of a text (emoji glue aside), or null. */
export function firstInvisible(text: string): string | null {
  const m = INVISIBLE.exec(text.replace(EMOJI_GLUE, ''));
  return m ? m[0] : null;
}

/** True when nothing would be seen: empty, or only spaces and invisible characters. */
export const isBlank = (text: string): boolean => text.replace(INVISIBLE_ALL, '').trim() === '';

/** A code point as it is written in a Unicode chart: U+200D. */
export const codePoint = (ch: string): string => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * A text with everything but printable ASCII written as \u{…}, so that a
 * Cyrillic "а" beside a Latin "a", or a zero-width joiner, can be seen.
 */
export const escapeText = (text: string): string =>
  [...text].map((ch) => (/^[\x20-\x7e]$/.test(ch) && ch !== '\\' ? ch : `\\u{${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`)).join('');

/** A text for a one-line message: its invisible characters written as ⟨U+200B⟩, so nothing hides and no line breaks. */
export const showInvisible = (text: string): string => text.replace(INVISIBLE_ALL, (ch) => `⟨${codePoint(ch)}⟩`);
