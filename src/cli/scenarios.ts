import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, SCENARIO_LIMITS } from '../scenario/load';
import { formatProblem } from '../scenario/problems';
import { tooLargeMessage } from '../scenario/text';
import type { Scenario } from '../scenario/schema';

// Node's view of the scenarios: the same files and the same validation as
// the browser bundle (src/scenario/registry.ts), read from disk.

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SCENARIO_DIR = join(REPO_ROOT, 'scenarios');

export class CliError extends Error {}

/**
 * A file's text, or a one-line CliError naming it: the size is checked before
 * reading, so a 50 MB file is refused as the browser refuses it, not read into memory.
 */
export function readTextFile(path: string, limits: { kind: string; maxBytes: number }, shown = basename(path)): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new CliError(`${shown}: is a folder, not a ${limits.kind} file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${shown}: cannot read the file (${fsReason(error)})`);
  }
  if (size > limits.maxBytes) throw new CliError(`${shown}: ${tooLargeMessage(size, limits)}`);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`${shown}: cannot read the file (${fsReason(error)})`);
  }
}

/** A file-system error in words, without its stack or its errno number. */
export function fsReason(error: unknown): string {
  const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
  const words: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a part of the path is not a folder',
    ENOSPC: 'the disk is full',
    EROFS: 'the file system is read-only',
    EMFILE: 'too many open files',
  };
  return words[code] ?? (code || (error instanceof Error ? error.message.split('\n')[0]! : String(error)));
}

export function loadScenarioFile(path: string): Scenario {
  const text = readTextFile(path, SCENARIO_LIMITS);
  const result = loadScenario(text, basename(path));
  if (!result.ok) throw new CliError(result.problems.map(formatProblem).join('\n'));
  return result.value;
}

/** Every bundled scenario, sorted by id. */
export function bundledScenarios(): Scenario[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => loadScenarioFile(join(SCENARIO_DIR, f)));
}

/** A scenario by bundled id, or by a path to a JSON file of the teacher's own. */
export function resolveScenario(idOrPath: string): Scenario {
  if (idOrPath.endsWith('.json') || idOrPath.includes('/')) {
    if (!existsSync(idOrPath)) throw new CliError(`${idOrPath}: no such file`);
    return loadScenarioFile(idOrPath);
  }
  const file = join(SCENARIO_DIR, `${idOrPath}.json`);
  if (!existsSync(file)) {
    const known = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    throw new CliError(`unknown scenario "${idOrPath}" (known: ${known.join(', ')}; or give a path to a .json file)`);
  }
  return loadScenarioFile(file);
}
