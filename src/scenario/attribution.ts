// Who an article gives a passage to. Pure: the article's text in, a name out.
//
// The rule a careful reader follows: words inside quotation marks belong to
// the person the nearest attribution names ("X said", "X says", "said X",
// "X told", "X was quoted as saying", "he adds" read back to its antecedent);
// prose outside quotation marks belongs to whoever its sentence reports
// ("Lukyanov says that…", "…, said Michael Corbin"), or else to the article's
// author (in an interview transcript, to the speaker whose label opens the
// paragraph, e.g. "KIM:").

/** As in quotes.ts: every run of whitespace to one space, trimmed. */
const normaliseWhitespace = (s: string): string => s.replace(/\s+/gu, ' ').trim();

export interface Attribution {
  /** Who the article gives the passage to, as the article names them. */
  who: string;
  /** The article's own words that say so, e.g. `host Dmitry Kiselyov said`, or `the article's author` for unattributed prose. */
  how: string;
}

const DQ = /["“”„«»]/u;
const VERB =
  '(?:said|says|say|told|tells|added|adds|argues|argued|notes|noted|wrote|writes|gushed|insisted|insists|believes|agrees|describes|stressed|stresses|states|stated|reports|reported|recalls|saying|was quoted as saying|were quoted as saying)';
/** Short words that may stand between a subject and its verb: "also states", "has repeatedly stressed". */
const BETWEEN = '(?:(?:also|has|have|had|repeatedly|later|then|afterwards|was|were)\\s+){0,2}';
/** A subject that points back to someone named before: a pronoun, or "the newspaper", "the document". */
const PRONOUN = /^(?:he|she|it|they|the (?:newspaper|paper|magazine|document|report|agency|daily|outlet))$/iu;
const FUNCTION_WORDS = new Set(
  'a an the in on at but and when for after before as of to by with from while since although though however meanwhile today this that these those there it he she they we you i if so yes no well right wow of'.split(' '),
);

interface Found {
  start: number;
  end: number;
  subject: string;
  how: string;
  paragraph: number;
}

/** Inside-quotation flags for each character of a paragraph (any double quotation mark opens or closes). */
function quoteMask(p: string): boolean[] {
  const mask: boolean[] = [];
  let inside = false;
  for (const ch of p) {
    if (DQ.test(ch)) {
      mask.push(false);
      inside = !inside;
      continue;
    }
    for (let k = 0; k < ch.length; k += 1) mask.push(inside);
  }
  return mask;
}

/** The name (or noun phrase) that ends a text: "…host Dmitry Kiselyov" → "Dmitry Kiselyov". */
function trailingSubject(before: string): string {
  let t = before.replace(/\s+$/u, '');
  // Skip an appositive: "Artyom Lukin, an international-studies expert at …, says".
  const appositive = /^(.*\p{Lu}[\p{L}’'.-]*)\s*,\s*[^,]+,$/u.exec(t);
  if (appositive) t = appositive[1]!;
  const pronoun = /(?:^|[\s,;.])(he|she|it|they|the (?:newspaper|paper|magazine|document|report|agency|daily|outlet))$/iu.exec(t);
  if (pronoun) return pronoun[1]!;
  const name = /((?:(?:\p{Lu}[\p{L}\d’'.-]*|\d[\p{L}\d-]*|de|van|von|of)\s+)*\p{Lu}[\p{L}\d’'.-]*)$/u.exec(t);
  if (name) {
    // "But Lukyanov", "In fact, Lukyanov": the capital of a sentence's first word is not a name.
    const words = name[1]!.split(/\s+/u);
    while (words.length > 1 && FUNCTION_WORDS.has(words[0]!.toLowerCase())) words.shift();
    if (!FUNCTION_WORDS.has(words[0]!.toLowerCase())) return words.join(' ');
  }
  const noun = /((?:the|a|an)\s+(?:\p{Lu}[\p{L}\d-]*\s+)*\p{Ll}+)$/u.exec(t);
  if (noun) return noun[1]!;
  const plural = /(analysts|experts|officials|observers|critics)$/u.exec(t);
  return plural ? plural[1]! : '';
}

/** Every attribution in a paragraph that stands outside quotation marks. */
function attributionsIn(p: string, mask: boolean[], paragraph: number): Found[] {
  const found: Found[] = [];
  const outside = (i: number) => mask[i] !== true;
  // "TASS quoted Lavrov as saying": the person quoted, not the outlet, said it.
  for (const m of p.matchAll(/(\p{Lu}[\p{L}-]*)\s+quoted\s+((?:\p{Lu}[\p{L}-]*\s+)*\p{Lu}[\p{L}-]*)\s+as saying/gu)) {
    if (outside(m.index)) found.push({ start: m.index, end: m.index + m[0].length, subject: m[2]!, how: m[0], paragraph });
  }
  // "X said", "X, an analyst at …, says", "he adds".
  for (const m of p.matchAll(new RegExp(`(?<=^|[\\s,;:.!?"“”„])${BETWEEN}${VERB}\\b(?! on\\b)`, 'gu'))) {
    if (!outside(m.index)) continue;
    if (found.some((f) => m.index >= f.start && m.index < f.end)) continue;
    const before = p.slice(Math.max(0, m.index - 160), m.index);
    // Only the current clause can hold the subject…
    let clause = before.split(/[.!?;:"“”„]\s*/u).pop() ?? '';
    let subject = trailingSubject(clause);
    // …or a name in quotation marks just before the verb: `the "Diplomatic Blue Book“ also states`.
    const title = /["“”„](\p{Lu}[\p{L}\d’' -]{0,40})["“”„]\s*$/u.exec(before);
    if (subject === '' && title) {
      subject = title[1]!;
      clause = before.slice(title.index);
    }
    // Fakti's habit: `…, the magazine writes. “Newsweek“.` names the outlet just after.
    const named = /^\s*[.,]\s*["“”„]\s*(\p{Lu}[\p{L} ]+?)\s*["“”„]/u.exec(p.slice(m.index + m[0].length));
    if (named && PRONOUN.test(subject)) subject = named[1]!;
    if (subject !== '') {
      found.push({ start: m.index - (clause.length - clause.lastIndexOf(subject)), end: m.index + m[0].length, subject, how: `${subject} ${m[0].trim()}`, paragraph });
      continue;
    }
    // "…," said Michael Corbin / gushed a Rossia-24 presenter.
    const after = /^\s*(?:(?:an?|the)\s+)?["“”„]?((?:\p{Lu}[\p{L}\d’'.-]*\s*)+)/u.exec(p.slice(m.index + m[0].length));
    if (after && /^(?:said|says|gushed|told|added|adds|wrote|writes|notes|noted|recalls|reports)$/u.test(m[0].trim())) {
      const who = after[1]!.trim();
      found.push({ start: m.index, end: m.index + m[0].length + after[0].length, subject: who, how: `${m[0].trim()} ${who}`, paragraph });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The first name a sentence mentions (its subject, usually): "A little later, Putin turned to Abe." → "Putin". */
function firstName(sentence: string): string {
  for (const m of sentence.matchAll(/\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*/gu)) {
    const words = m[0].split(/\s+/u).filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()));
    if (words.length > 0) return words.join(' ');
  }
  return '';
}

/**
 * Who the article gives a passage to, or null when the passage is not in the
 * article (the verbatim check reports that) or its attribution cannot be read.
 * @param author the article's author, for its own prose
 */
export function attribute(articleText: string, quote: string, author: string): Attribution | null {
  const q = normaliseWhitespace(quote);
  let paragraphs = articleText.split(/\n/u).map(normaliseWhitespace).filter((p) => p !== '');
  let pi = paragraphs.findIndex((p) => p.includes(q));
  if (pi < 0) {
    // A quote across a paragraph break: read the article as one paragraph.
    paragraphs = [normaliseWhitespace(articleText)];
    pi = paragraphs[0]!.includes(q) ? 0 : -1;
    if (pi < 0) return null;
  }
  const masks = paragraphs.map(quoteMask);
  const all = paragraphs.map((p, i) => attributionsIn(p, masks[i]!, i));
  const p = paragraphs[pi]!;
  const mask = masks[pi]!;
  const a = p.indexOf(q);
  const b = a + q.length;

  // Inside or outside quotation marks? Count the letters.
  let inside = 0;
  let outside = 0;
  for (let i = a; i < b; i += 1) if (/\p{L}/u.test(p[i]!)) (mask[i] ? (inside += 1) : (outside += 1));
  const quoted = inside > outside;

  const resolve = (f: Found, depth = 0): string => {
    if (!PRONOUN.test(f.subject) || depth > 6) return f.subject;
    if (/^the /iu.test(f.subject)) {
      // "the newspaper said": the nearest outlet or document named before, by the verbs outlets take.
      for (let k = f.paragraph; k >= 0 && k >= f.paragraph - 3; k -= 1) {
        const earlier = all[k]!.filter((x) => (k < f.paragraph || x.start < f.start) && /\b(?:reports|reported|writes|wrote|states|stated|recalls)\b/u.test(x.how) && !PRONOUN.test(x.subject));
        if (earlier.length > 0) return earlier[earlier.length - 1]!.subject;
      }
    }
    // Back through the same paragraph, then the sentence before, then the paragraphs before.
    const earlier = all[f.paragraph]!.filter((x) => x.start < f.start && !PRONOUN.test(x.subject));
    if (earlier.length > 0) return earlier[earlier.length - 1]!.subject;
    const sentences = paragraphs[f.paragraph]!.slice(0, f.start).split(/(?<=[.!?])\s+/u).slice(0, -1).reverse();
    for (const s of sentences) {
      const n = firstName(s.replace(/["“”„][^"“”„]*["“”„]/gu, ''));
      if (n) return n;
    }
    for (let k = f.paragraph - 1; k >= 0 && k >= f.paragraph - 3; k -= 1) {
      const last = all[k]![all[k]!.length - 1];
      if (last) return resolve(last, depth + 1);
    }
    return f.subject;
  };
  const give = (f: Found): Attribution => {
    const who = resolve(f);
    return { who, how: who === f.subject ? f.how : `${f.how} (${f.subject} = ${who})` };
  };

  if (quoted) {
    // The quotation the passage stands in: from the quote mark before it to the one after.
    let s = a;
    while (s > 0 && mask[s - 1]) s -= 1;
    let e = b;
    while (e < p.length && mask[e]) e += 1;
    const here = all[pi]!;
    if (here.length > 0) {
      const dist = (f: Found) => (f.start >= e ? f.start - e : f.end <= s ? s - f.end : 0);
      const nearest = here.reduce((best, f) => (dist(f) < dist(best) || (dist(f) === dist(best) && f.start >= e) ? f : best));
      return give(nearest);
    }
    // A quotation continued from the paragraph before ("he adds." then a new paragraph of quoted words).
    for (let k = pi - 1; k >= 0 && k >= pi - 2; k -= 1) {
      const last = all[k]![all[k]!.length - 1];
      if (last) return give(last);
    }
    return null;
  }

  // Prose: reported by its sentence, or the author's own.
  const sentenceStart = Math.max(
    0,
    ...[...p.matchAll(/[.!?]["”“]?\s+(?=\p{Lu}|["“„])/gu)].map((m) => m.index + m[0].length).filter((end) => end <= a),
  );
  const rest = p.slice(b);
  const stop = /[.!?](?=\s|$)/u.exec(rest);
  const sentenceEnd = /[.!?]["”“’]?$/u.test(q) ? b : b + (stop ? stop.index + 1 : rest.length);
  // An attribution governs what follows it ("Lukyanov says that…"), or what it closes off after a comma
  // ("…, he adds", "…, said Michael Corbin"); not a clause it merely shares a sentence with ("…, and analysts say…").
  const inSentence = all[pi]!.filter(
    (f) => f.start >= sentenceStart && f.start < sentenceEnd && (f.start < b || /,\s*$/u.test(p.slice(0, f.start))),
  );
  if (inSentence.length > 0) {
    const dist = (f: Found) => (f.start >= b ? f.start - b : f.end <= a ? a - f.end : 0);
    return give(inSentence.reduce((best, f) => (dist(f) < dist(best) ? f : best)));
  }
  const label = /^((?:\p{Lu}{2,}[\s.'-]*)+)(?:,\s*\p{Lu}+)?:\s/u.exec(p);
  if (label) return { who: label[1]!.trim(), how: `the transcript's label "${label[0].trim()}"` };
  return { who: author, how: "the article's own prose (its author)" };
}

const STOP = new Set(
  'the a an of and for at in on to with from by minister foreign prime president chief cabinet secretary russian japanese russia japan russia’s japan’s office ministry host editor staff unnamed writer interviewed moscow analyst expert professor spokesman spokeswoman press daily'.split(' '),
);

const tokens = (s: string): string[] =>
  s
    .toLowerCase()
    .replace(/[’']s\b/gu, '')
    .split(/[^\p{L}\d-]+/u)
    .filter((w) => w.length >= 3 && !STOP.has(w));

/** At most one letter added, removed or changed ("Corbin" and "Corbyn" are the same man in one article). */
function nearlyEqual(x: string, y: string): boolean {
  if (x === y) return true;
  if (Math.min(x.length, y.length) < 5 || Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && x[i] === y[i]) i += 1;
  let j = 0;
  while (j < x.length - i && j < y.length - i && x[x.length - 1 - j] === y[y.length - 1 - j]) j += 1;
  return x.length - i - j <= 1 && y.length - i - j <= 1;
}

/**
 * Whether two ways of naming someone name the same person or outlet: a
 * distinctive word in common ("Sergei Lavrov" and "Lavrov"), or, for names
 * made only of common words ("the Foreign Ministry"), one within the other.
 */
export function sameSpeaker(a: string, b: string): boolean {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.length > 0 && tb.length > 0) return ta.some((x) => tb.some((y) => nearlyEqual(x, y)));
  const plain = (s: string) => normaliseWhitespace(s.toLowerCase().replace(/^(?:the|a|an)\s+/u, '').replace(/[’']s\b/gu, ''));
  const pa = plain(a);
  const pb = plain(b);
  return pa !== '' && pb !== '' && (pa.includes(pb) || pb.includes(pa));
}
