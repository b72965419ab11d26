import type { core } from 'zod/mini';
import { showInvisible } from './chars.ts';
import { parse as parseLenient, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** One thing wrong with an input file: where, and what was expected. */
export interface Problem {
  file: string;
  /** A JSON path like `events[3].probability`, or '' for the whole file. */
  path: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export const formatPath = (segments: readonly PropertyKey[]): string =>
  segments
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? String(s) : `.${String(s)}`))
    .join('');

export const formatProblem = (p: Problem): string =>
  `${p.file}: ${p.path === '' ? '' : `${p.path}: `}${p.message}`;

const PLAIN_WORDS: Record<string, string> = {
  InvalidSymbol: 'a character that cannot start a JSON value',
  InvalidNumberFormat: 'a malformed number',
  PropertyNameExpected: 'expected a "quoted" property name (is there a trailing comma?)',
  ValueExpected: 'expected a value (is there a trailing comma, or is the file cut short?)',
  ColonExpected: 'expected a colon after the property name',
  CommaExpected: 'expected a comma between items',
  CloseBraceExpected: 'expected } to close the object',
  CloseBracketExpected: 'expected ] to close the list',
  EndOfFileExpected: 'expected the end of the file after the value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'an invalid \\u escape',
  InvalidEscapeCharacter: 'an invalid escape in a string',
  InvalidCharacter: 'an invalid character in a string',
};

/**
 * Parses JSON text; on failure names the line and column of the first
 * fault. JSON.parse's own messages give a position only sometimes, so a
 * tolerant scanner (jsonc-parser) locates it.
 */
export function parseJson(textIn: string, file: string): Result<unknown> {
  try {
    return { ok: true, value: JSON.parse(textIn) };
  } catch {
    if (textIn.trim() === '') return { ok: false, problems: [{ file, path: '', message: 'not valid JSON: the file is empty' }] };
    const errors: ParseError[] = [];
    parseLenient(textIn, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    if (!first) return { ok: false, problems: [{ file, path: '', message: 'not valid JSON' }] };
    const before = textIn.slice(0, first.offset);
    const line = before.split('\n').length;
    const column = first.offset - before.lastIndexOf('\n');
    const code = printParseErrorCode(first.error);
    return {
      ok: false,
      problems: [{ file, path: '', message: `not valid JSON at line ${line}, column ${column}: ${PLAIN_WORDS[code] ?? code}` }],
    };
  }
}

/** Turns zod's issues into problems that say what was expected, in plain words. */
export function fromZod(error: core.$ZodError, file: string): Problem[] {
  return error.issues.map((issue) => {
    const { path, message } = describeIssue(issue, []);
    return { file, path: formatPath(path), message };
  });
}

type Issue = core.$ZodIssue;

function describeIssue(issue: Issue, base: readonly PropertyKey[]): { path: PropertyKey[]; message: string } {
  const path = [...base, ...issue.path];
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'unrecognized_keys':
      return {
        path,
        message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling against the schema)`,
      };
    case 'invalid_type':
      return {
        path,
        message: input === undefined ? `missing field: expected ${issue.expected}` : `expected ${issue.expected}, got ${describe(input)}`,
      };
    case 'invalid_value':
      return { path, message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(input)}` };
    case 'too_small':
      return { path, message: `expected ${sizeWords(issue.origin, issue.minimum, issue.inclusive, 'least')}, got ${describe(input)}` };
    case 'too_big':
      return { path, message: `expected ${sizeWords(issue.origin, issue.maximum, issue.inclusive, 'most')}, got ${describe(input)}` };
    case 'invalid_format':
      return {
        path,
        message: issue.message.startsWith('expected') ? `${issue.message}, got ${describe(input)}` : `expected ${issue.format}, got ${describe(input)}`,
      };
    case 'invalid_union':
      return unionIssue(issue, path);
    default:
      return { path, message: issue.message };
  }
}

/**
 * A value that matches none of several shapes: report the alternative that
 * came closest — the one with the fewest problems, and among those the one
 * whose problem lies deepest (it got furthest) — in that alternative's words.
 */
function unionIssue(issue: core.$ZodIssueInvalidUnion, path: PropertyKey[]): { path: PropertyKey[]; message: string } {
  const ranked = [...issue.errors]
    .filter((e) => e.length > 0)
    .sort((a, b) => a.length - b.length || depth(b) - depth(a));
  const first = ranked[0]?.[0];
  if (!first) return { path, message: `does not match any allowed shape, got ${describe((issue as { input?: unknown }).input)}` };
  return describeIssue(first, path);
}

const depth = (issues: readonly Issue[]): number => Math.max(...issues.map((i) => i.path.length));

function sizeWords(origin: string, bound: number | bigint, inclusive: boolean | undefined, which: 'least' | 'most'): string {
  const n = Number(bound);
  if (origin === 'array' || origin === 'set') return `a list of at ${which} ${n} item${n === 1 ? '' : 's'}`;
  if (origin === 'string') return `a text of at ${which} ${n} character${n === 1 ? '' : 's'}`;
  const op = which === 'least' ? (inclusive === false ? 'above' : 'at least') : inclusive === false ? 'below' : 'at most';
  return `a number ${op} ${n}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'string') return `"${showInvisible(value.length > 40 ? `${[...value].slice(0, 40).join('')}…` : value)}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
