import type { Scenario } from './schema';
import { validateScenario } from './load';
import { formatProblem } from './problems';

// The scenarios shipped with the game, validated once at start-up like any
// other file: a broken bundled scenario is reported, not trusted.
const files = import.meta.glob('../../scenarios/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;

export interface BundleProblem {
  file: string;
  messages: string[];
}

const loaded: Scenario[] = [];
export const BUNDLE_PROBLEMS: BundleProblem[] = [];
for (const [path, data] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
  const file = path.split('/').pop() ?? path;
  const result = validateScenario(data, file);
  if (result.ok) loaded.push(result.value);
  else BUNDLE_PROBLEMS.push({ file, messages: result.problems.map(formatProblem) });
}

/** Valid bundled scenarios, the main one first. */
export const BUNDLED_SCENARIOS: readonly Scenario[] = loaded.sort((a, b) =>
  a.id === 'moscow-2019' ? -1 : b.id === 'moscow-2019' ? 1 : a.period.start.localeCompare(b.period.start),
);

export const scenarioById = (id: string): Scenario | undefined => BUNDLED_SCENARIOS.find((s) => s.id === id);
