import type { core } from 'zod/mini';
import { showInvisible } from './chars.ts';
import { parse as parseLenient, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { english, msg, typeMsg, PROBLEM_TEXTS, type Msg, type MsgParam, type ProblemKey } from './messages.ts';

/** One thing wrong with an input file: where, and what was expected. */
export interface Problem {
  file: string;
  /** A JSON path like `events[3].probability`, or '' for the whole file. */
  path: string;
  /** In English, as the command line prints it. */
  message: string;
  /** The same by key and parameters, for the browser to say in the language on screen. */
  msg?: Msg;
}

/** A problem from a message: its English text kept beside the key. */
export const problem = (file: string, path: string, m: Msg): Problem => ({ file, path, message: english(m), msg: m });

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export const formatPath = (segments: readonly PropertyKey[]): string =>
  segments
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? String(s) : `.${String(s)}`))
    .join('');

export const formatProblem = (p: Problem): string =>
  `${p.file}: ${p.path === '' ? '' : `${p.path}: `}${p.message}`;

/** jsonc-parser's error code as a message ("expected a comma between items"), or the code itself. */
const plainWords = (code: string): MsgParam => (`json.${code}` in PROBLEM_TEXTS ? msg(`json.${code}` as ProblemKey) : code);

/**
 * Parses JSON text; on failure names the line and column of the first
 * fault. JSON.parse's own messages give a position only sometimes, so a
 * tolerant scanner (jsonc-parser) locates it.
 */
export function parseJson(textIn: string, file: string): Result<unknown> {
  try {
    return { ok: true, value: JSON.parse(textIn) };
  } catch {
    if (textIn.trim() === '') return { ok: false, problems: [problem(file, '', msg('json.empty'))] };
    const errors: ParseError[] = [];
    parseLenient(textIn, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    if (!first) return { ok: false, problems: [problem(file, '', msg('json.invalid'))] };
    const before = textIn.slice(0, first.offset);
    const line = before.split('\n').length;
    const column = first.offset - before.lastIndexOf('\n');
    const code = printParseErrorCode(first.error);
    return { ok: false, problems: [problem(file, '', msg('json.at', { line, column, what: plainWords(code) }))] };
  }
}

/** Turns zod's issues into problems that say what was expected, in plain words. */
export function fromZod(error: core.$ZodError, file: string): Problem[] {
  return error.issues.map((issue) => {
    const { path, message } = describeIssue(issue, []);
    return problem(file, formatPath(path), message);
  });
}

type Issue = core.$ZodIssue;

function describeIssue(issue: Issue, base: readonly PropertyKey[]): { path: PropertyKey[]; message: Msg } {
  const path = [...base, ...issue.path];
  const input = (issue as { input?: unknown }).input;
  const got = describe(input);
  switch (issue.code) {
    case 'unrecognized_keys':
      return { path, message: msg(issue.keys.length > 1 ? 'zod.unknownFields' : 'zod.unknownField', { keys: issue.keys.map((k) => `"${k}"`).join(', ') }) };
    case 'invalid_type':
      return { path, message: input === undefined ? msg('zod.missing', { expected: typeMsg(issue.expected) }) : msg('zod.type', { expected: typeMsg(issue.expected), got }) };
    case 'invalid_value':
      return { path, message: msg('zod.value', { values: issue.values.map((v) => JSON.stringify(v)).join(', '), got }) };
    case 'too_small':
      return { path, message: msg('zod.size', { size: sizeWords(issue.origin, issue.minimum, issue.inclusive, 'least'), got }) };
    case 'too_big':
      return { path, message: msg('zod.size', { size: sizeWords(issue.origin, issue.maximum, issue.inclusive, 'most'), got }) };
    case 'invalid_format':
      return { path, message: issue.message.startsWith('expected') ? msg('zod.format', { expected: schemaMessage(issue.message), got }) : msg('zod.formatPlain', { format: issue.format, got }) };
    case 'invalid_union':
      return unionIssue(issue, path);
    default:
      return { path, message: schemaMessage(issue.message) };
  }
}

/**
 * A value that matches none of several shapes: report the alternative that
 * came closest — the one with the fewest problems, and among those the one
 * whose problem lies deepest (it got furthest) — in that alternative's words.
 */
function unionIssue(issue: core.$ZodIssueInvalidUnion, path: PropertyKey[]): { path: PropertyKey[]; message: Msg } {
  const ranked = [...issue.errors]
    .filter((e) => e.length > 0)
    .sort((a, b) => a.length - b.length || depth(b) - depth(a));
  const first = ranked[0]?.[0];
  if (!first) return { path, message: msg('zod.union', { got: describe((issue as { input?: unknown }).input) }) };
  return describeIssue(first, path);
}

const depth = (issues: readonly Issue[]): number => Math.max(...issues.map((i) => i.path.length));

/** The schema's own messages (schema.ts writes them as english(msg('schema.…'))), found again by their English. */
const schemaByText = new Map<string, Msg>(
  (Object.keys(PROBLEM_TEXTS) as ProblemKey[]).filter((k) => k.startsWith('schema.') && !PROBLEM_TEXTS[k].includes('{')).map((k) => [PROBLEM_TEXTS[k], msg(k)]),
);

/** A schema message as a message the browser can translate, or (zod's own words) as written. */
function schemaMessage(text: string): Msg {
  const known = schemaByText.get(text);
  if (known) return known;
  const idMax = /^expected an id of at most (\d+) characters$/.exec(text);
  if (idMax) return msg('schema.idMax', { max: Number(idMax[1]) });
  return msg('text.raw', { text });
}

function sizeWords(origin: string, bound: number | bigint, inclusive: boolean | undefined, which: 'least' | 'most'): Msg {
  const n = Number(bound);
  const count = n === 1 ? 'one' : 'other';
  if (origin === 'array' || origin === 'set') return msg(`size.list.${which}.${count}`, { n });
  if (origin === 'string') return msg(`size.text.${which}.${count}`, { n });
  const op = which === 'least' ? (inclusive === false ? 'above' : 'atLeast') : inclusive === false ? 'below' : 'atMost';
  return msg(`size.number.${op}`, { n });
}

function describe(value: unknown): Msg {
  if (value === null) return msg('got.null');
  if (Array.isArray(value)) return msg(value.length === 1 ? 'got.list.one' : 'got.list.other', { n: value.length });
  if (typeof value === 'string') return msg('got.text', { text: showInvisible(value.length > 40 ? `${[...value].slice(0, 40).join('')}…` : value) });
  if (typeof value === 'object') return msg('got.object');
  return msg('got.value', { type: typeMsg(typeof value), value: String(value) });
}
