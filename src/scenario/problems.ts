import type { z } from 'zod';

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

/**
 * Parses JSON text; on failure names the line and column, which the engine's
 * own message only gives as a character offset in some runtimes.
 */
export function parseJson(textIn: string, file: string): Result<unknown> {
  try {
    return { ok: true, value: JSON.parse(textIn) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const where = locate(textIn, message);
    return {
      ok: false,
      problems: [{ file, path: '', message: `not valid JSON${where}: ${message.replace(/^JSON\.parse: /, '')}` }],
    };
  }
}

function locate(source: string, message: string): string {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return ` at line ${lc[1]}, column ${lc[2]}`;
  const pos = /position (\d+)/.exec(message);
  if (!pos) return source.trim() === '' ? ' (the file is empty)' : '';
  const offset = Number(pos[1]);
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return ` at line ${line}, column ${column}`;
}

/** Turns zod's issues into problems that say what was expected, in plain words. */
export function fromZod(error: z.ZodError, file: string): Problem[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    switch (issue.code) {
      case 'unrecognized_keys':
        return {
          file,
          path,
          message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling against the schema)`,
        };
      case 'invalid_type':
        return {
          file,
          path,
          message:
            issue.input === undefined
              ? `missing field: expected ${issue.expected}`
              : `expected ${issue.expected}, got ${describe(issue.input)}`,
        };
      case 'invalid_value':
        return {
          file,
          path,
          message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(issue.input)}`,
        };
      case 'too_small':
      case 'too_big':
        return { file, path, message: `${issue.message.replace(/^Too (small|big): expected/, 'expected')}` };
      case 'invalid_union':
        return { file, path, message: unionMessage(issue) };
      default:
        return { file, path, message: issue.message };
    }
  });
}

function unionMessage(issue: z.core.$ZodIssueInvalidUnion): string {
  // Report the alternative that came closest: the one with the fewest, deepest problems.
  const best = [...issue.errors].sort((a, b) => a.length - b.length)[0];
  const first = best?.[0];
  if (!first) return 'does not match any allowed shape';
  const sub = formatPath(first.path);
  if (first.code === 'unrecognized_keys') return `does not match any allowed shape: unknown field ${first.keys.map((k) => `"${k}"`).join(', ')}${sub ? ` at ${sub}` : ''}`;
  return `does not match any allowed shape${sub ? ` (at ${sub})` : ''}: ${first.message}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
