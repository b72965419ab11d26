// The one reader of JSON text files, for the command line and the browser alike:
// the same size limit, byte-order mark, nesting limit and duplicate-key check,
// so a file reads the same (or is refused with the same words) everywhere.
import { parseJson, problem, type Result } from './problems.ts';
import { english, kindMsg, msg, type Msg } from './messages.ts';

/** A scenario file larger than this is not read at all (the shipped ones are ~75 KB). */
export const SCENARIO_MAX_BYTES = 2_000_000;
/** Far above any real game (a few kilobytes); refused before parsing. */
export const REPLAY_MAX_BYTES = 1_000_000;
/** Ids go into replays and saves, whose readers have limits: far more than any id needs. */
export const ID_MAX = 64;
/**
 * Deeper than any real file (a scenario's conditions nest a handful of levels),
 * shallow enough that no validator down the line runs out of stack.
 */
export const MAX_DEPTH = 64;

export const SCENARIO_LIMITS = { kind: 'scenario', maxBytes: SCENARIO_MAX_BYTES } as const;
export const REPLAY_LIMITS = { kind: 'replay', maxBytes: REPLAY_MAX_BYTES } as const;

export interface TextLimits {
  /** What the file should be, for the messages: "scenario", "replay". */
  kind: string;
  maxBytes: number;
  maxDepth?: number;
}

/** UTF-8 bytes of a text, counted without building the encoded copy when the characters alone decide. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

export const tooLarge = (bytes: number, limits: TextLimits): Msg => msg('text.tooLarge', { bytes, kind: kindMsg(limits.kind), max: limits.maxBytes });
export const tooLargeMessage = (bytes: number, limits: TextLimits): string => english(tooLarge(bytes, limits));

/**
 * Reads JSON text into plain data. Refuses, with one line each: a file over the
 * size limit, an empty one, one nested deeper than the limit, one that is not
 * JSON (naming line and column), and one that names a key twice in an object
 * (JSON.parse would silently keep the last; the problem names its JSON path).
 * A byte-order mark at the start is allowed, as editors on Windows write one.
 */
export function readJsonText(textIn: string, file: string, limits: TextLimits): Result<unknown> {
  const fail = (m: Msg, path = ''): Result<unknown> => ({ ok: false, problems: [problem(file, path, m)] });
  try {
    // The file's true size in bytes, as the command line's stat and the browser's File.size count it.
    const bytes = utf8Bytes(textIn);
    if (bytes > limits.maxBytes) return fail(tooLarge(bytes, limits));
    const text = textIn.charCodeAt(0) === 0xfeff ? textIn.slice(1) : textIn;
    const deep = tooDeep(text, limits.maxDepth ?? MAX_DEPTH);
    if (deep) return fail(msg('text.tooDeep', { max: limits.maxDepth ?? MAX_DEPTH, line: deep.line, column: deep.column, kind: kindMsg(limits.kind) }));
    const parsed = parseJson(text, file);
    if (!parsed.ok) return parsed;
    const twice = firstDuplicateKey(text);
    if (twice) return fail(msg('text.duplicateKey', { key: twice.key, line: twice.line }), twice.path);
    return parsed;
  } catch (error) {
    return fail(unexpectedMsg(error));
  }
}

/** Any exception a reader did not foresee, as one line (never a stack): "could not be read (TypeError: …)". */
export function unexpectedMsg(error: unknown, what: Msg | string = msg('text.unreadable')): Msg {
  const raw = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const line = raw.split('\n')[0] ?? raw;
  return msg('text.unexpected', { what, error: line.length > 200 ? `${line.slice(0, 200)}…` : line });
}

export const unexpected = (error: unknown, what?: string): string => english(unexpectedMsg(error, what));

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/** The first bracket that opens one level too many, outside strings; null when the file stays within the limit. */
function tooDeep(text: string, max: number): { line: number; column: number } | null {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 34) i = stringEnd(text, i);
    else if (c === 123 || c === 91) {
      depth += 1;
      if (depth > max) return lineColumn(text, i);
    } else if (c === 125 || c === 93) depth -= 1;
  }
  return null;
}

/** Index of the closing quote of the string opening at `start` (or the end of the text). */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 92) i += 1;
    else if (c === 34) return i;
  }
  return text.length;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

type Frame =
  | { kind: 'object'; path: string; keys: Set<string>; key: string | null; wantKey: boolean }
  | { kind: 'array'; path: string; index: number };

function childPath(frame: Frame): string {
  if (frame.kind === 'array') return `${frame.path}[${frame.index}]`;
  const k = frame.key ?? '';
  if (frame.path === '') return IDENT.test(k) ? k : `["${k}"]`;
  return IDENT.test(k) ? `${frame.path}.${k}` : `${frame.path}["${k}"]`;
}

/** On text already known to be valid JSON: the first key an object names twice, with its JSON path. */
function firstDuplicateKey(text: string): { key: string; path: string; line: number } | null {
  const stack: Frame[] = [];
  const top = (): Frame | undefined => stack[stack.length - 1];
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    const frame = top();
    if (c === 34) {
      const end = stringEnd(text, i);
      if (frame?.kind === 'object' && frame.wantKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        frame.key = key;
        if (frame.keys.has(key)) return { key, path: childPath(frame), line: lineColumn(text, i).line };
        frame.keys.add(key);
        frame.wantKey = false;
      }
      i = end;
    } else if (c === 123 || c === 91) {
      const path = frame ? childPath(frame) : '';
      stack.push(c === 123 ? { kind: 'object', path, keys: new Set(), key: null, wantKey: true } : { kind: 'array', path, index: 0 });
    } else if (c === 125 || c === 93) stack.pop();
    else if (c === 44 && frame) {
      if (frame.kind === 'object') frame.wantKey = true;
      else frame.index += 1;
    }
  }
  return null;
}
