// The citation checker: every quote a scenario shows a player must stand,
// word for word, in the article its source names. Pure: the caller reads the
// articles (from disk in the CLI and tests, from anywhere else if it likes).

import { attribute, sameSpeaker, type Attribution } from './attribution';
import { citationsOf } from './load';
import type { Problem } from './problems';
import type { Scenario } from './schema';

/** Quotes must be short: at most this many characters… */
export const MAX_QUOTE_CHARS = 300;
/** …and at most this many sentences. */
export const MAX_QUOTE_SENTENCES = 2;

/** Collapses every run of whitespace (including no-break spaces and line breaks) to one space, and trims. */
export const normaliseWhitespace = (s: string): string => s.replace(/\s+/gu, ' ').trim();

// Words whose trailing full stop does not end a sentence.
const ABBREVIATION = /(?:^|[\s("“„'‘])(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Gen|Col|Lt|No|vs|etc|e\.g|i\.e|(?:[A-Z]\.)+[A-Z])$/u;

/**
 * Counts sentences the way a reader would: a sentence ends at . ! ? (or an
 * ellipsis), possibly followed by closing quotes or brackets, then a space
 * and a capital letter or an opening quote. "U.S. troops" and "Mr. Kono" do
 * not end a sentence.
 */
export function countSentences(quote: string): number {
  const text = normaliseWhitespace(quote);
  if (text === '') return 0;
  let count = 1;
  const boundary = /[.!?…]+["'”“„’)\]]*\s+(?=["'“„‘(\[]?[A-Z0-9])/gu;
  for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
    const before = text.slice(0, m.index);
    if (m[0].startsWith('.') && !m[0].startsWith('..') && ABBREVIATION.test(before)) continue;
    count += 1;
  }
  return count;
}

/** The quoted (non-designer) citations of a scenario, with their JSON paths. */
export function quotedCitations(s: Scenario): { path: string; source: string; quote: string; saidBy?: string }[] {
  return citationsOf(s).flatMap(({ path, cite }) =>
    'quote' in cite ? [{ path, source: cite.source, quote: cite.quote, ...(cite.saidBy === undefined ? {} : { saidBy: cite.saidBy }) }] : [],
  );
}

/**
 * Checks every quote of a scenario against the articles.
 * @param articles file name (as in a source's `file`) → the article's full text
 * @param scenarioFile the name to report problems under
 */
export function checkQuotes(s: Scenario, articles: ReadonlyMap<string, string>, scenarioFile: string): Problem[] {
  const problems: Problem[] = [];
  const at = (path: string, message: string) => problems.push({ file: scenarioFile, path, message });

  const normalised = new Map<string, string>();
  for (const [name, text] of articles) normalised.set(name, normaliseWhitespace(text));

  const fileOf = new Map<string, string>();
  s.sources.forEach((src, i) => {
    fileOf.set(src.id, src.file);
    if (!normalised.has(src.file)) {
      const known = [...normalised.keys()].sort();
      at(
        `sources[${i}].file`,
        `source "${src.id}" names the file "${src.file}", which is not in the articles folder${known.length > 0 ? ` (found: ${known.join(', ')})` : ' (the folder has no .txt articles)'}`,
      );
    }
  });

  const attributions = new Map<string, { file: string; found: Attribution | null }>();
  for (const { path, source, quote, saidBy } of quotedCitations(s)) {
    const qpath = `${path}.quote`;
    const file = fileOf.get(source);
    if (file === undefined) {
      at(`${path}.source`, `cites source "${source}", which is not in the sources registry (known: ${[...fileOf.keys()].join(', ')}, or "designer")`);
      continue;
    }
    const q = normaliseWhitespace(quote);
    if (q.length > MAX_QUOTE_CHARS) {
      at(qpath, `quote is ${q.length} characters long; quote at most ${MAX_QUOTE_CHARS} (one or two sentences)`);
    }
    const sentences = countSentences(q);
    if (sentences > MAX_QUOTE_SENTENCES) {
      at(qpath, `quote runs to ${sentences} sentences; quote at most ${MAX_QUOTE_SENTENCES}`);
    }
    const article = normalised.get(file);
    if (article === undefined) continue; // already reported once at the source
    if (!article.includes(q)) {
      at(qpath, notVerbatim(q, article, source, file));
      continue;
    }
    // Verbatim, but in whose mouth? The article's attribution, nearest the quote.
    const author = s.sources.find((x) => x.id === source)?.author ?? '';
    const found = attribute(articles.get(file) ?? '', q, author);
    attributions.set(path, { file, found });
    if (saidBy === undefined) {
      at(`${path}.saidBy`, `says nothing of who said these words: add "saidBy"${found ? `: ${file} gives them to ${found.who} (${found.how})` : ' (the person or outlet the article quotes, or its author for its own prose)'}`);
    } else if (found && !sameSpeaker(saidBy, found.who)) {
      at(`${path}.saidBy`, `"${saidBy}", but ${file} gives these words to ${found.who} (${found.how})`);
    }
  }
  checkLines(s, attributions, at);
  return problems;
}

/**
 * A leader or minister at the table says either their own reported words, or
 * the game's paraphrase of a named person's description, marked "after".
 */
function checkLines(
  s: Scenario,
  attributions: ReadonlyMap<string, { file: string; found: Attribution | null }>,
  at: (path: string, message: string) => void,
): void {
  s.lines.forEach((line, i) => {
    const path = `lines[${i}]`;
    const cite = line.cite;
    if (!('quote' in cite)) {
      if (line.after !== undefined) at(`${path}.after`, `a paraphrase "after ${line.after}" must cite the words it paraphrases (a quote with "saidBy"), not "designer"`);
      return;
    }
    const known = attributions.get(`${path}.cite`);
    if (known === undefined) return; // the quote itself is wrong; reported above
    // The article decides; saidBy stands in only where the article's attribution cannot be read.
    const found = known.found?.who;
    const who = found === undefined || (cite.saidBy !== undefined && sameSpeaker(cite.saidBy, found)) ? cite.saidBy : found;
    if (who === undefined) return;
    const [side, role] = line.speaker.split('.') as ['japan' | 'russia', 'leader' | 'minister'];
    const person = s.sides[side][role].name;
    const how = known.found ? ` (${known.found.how})` : '';
    if (line.after !== undefined) {
      if (!sameSpeaker(line.after, who)) at(`${path}.after`, `the line is marked "after ${line.after}", but ${known.file} gives its cited words to ${who}${how}`);
    } else if (!sameSpeaker(person, who)) {
      at(path, `${person} (${line.speaker}) says words ${known.file} gives to ${who}${how}: cite ${person}'s own words, or mark the line "after": "${who}, <who they are>" as the game's paraphrase`);
    }
  });
}

/** Says where a quote stops matching its article, so the author can find the changed word. */
function notVerbatim(quote: string, article: string, source: string, file: string): string {
  // The longest prefix of the quote that the article holds (binary search: prefixes of a found prefix are found).
  let lo = 0;
  let hi = quote.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (article.includes(quote.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  // Back up to the start of the word that differs, so the message names a whole word.
  const space = quote.lastIndexOf(' ', lo - 1);
  if (space > 0 && lo < quote.length && quote[lo - 1] !== ' ') lo = space + 1;
  const short = (t: string, n = 60) => (t.length > n ? `${t.slice(0, n)}…` : t);
  const head = `quote is not verbatim in ${file} (source "${source}")`;
  if (lo < 12) return `${head}: its opening words "${short(quote, 40)}" are not in the article`;
  return `${head}: the first ${lo} characters match, then it differs at "${short(quote.slice(lo))}" (after "${lastWords(quote.slice(0, lo))}")`;
}

/** The last few words of a text, for context in a message. */
function lastWords(t: string, n = 30): string {
  const trimmed = t.trimEnd();
  if (trimmed.length <= n) return trimmed;
  const tail = trimmed.slice(-n);
  const cut = tail.indexOf(' ');
  return `…${cut >= 0 ? tail.slice(cut + 1) : tail}`;
}
