import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../scenario/load';
import { formatProblem } from '../scenario/problems';
import type { Scenario } from '../scenario/schema';

// Node's view of the scenarios: the same files and the same validation as
// the browser bundle (src/scenario/registry.ts), read from disk.

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SCENARIO_DIR = join(REPO_ROOT, 'scenarios');

export class CliError extends Error {}

export function loadScenarioFile(path: string): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CliError(`${path}: cannot read the file`);
  }
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
