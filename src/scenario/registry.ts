import type { Scenario } from './schema';
import { formatProblem, type Result } from './problems';

// The scenarios shipped with the game, for the browser (Node reads them with
// src/cli/scenarios.ts). They are data, not code: Vite emits each file as a
// JSON asset that the page fetches while the fonts load, so scenario text
// never sits in the JavaScript bundle, parses as plain JSON and is cached
// apart from the code. A production build has validated them already (see
// vite.config.ts) and ships the validated data; the dev server serves the
// files as written, so there they are validated here. A broken bundled
// scenario is reported, not trusted.
const URLS = import.meta.glob('../../scenarios/*.json', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

export interface BundleProblem {
  file: string;
  messages: string[];
}

const loaded: Scenario[] = [];
/** Valid bundled scenarios, the main one first; filled by loadBundledScenarios(). */
export const BUNDLED_SCENARIOS: readonly Scenario[] = loaded;
export const BUNDLE_PROBLEMS: BundleProblem[] = [];

/** Set by the build's validating plugin (vite.config.ts); absent under the dev server. */
declare const __SCENARIOS_VALIDATED_AT_BUILD__: boolean | undefined;
const VALIDATED_AT_BUILD = typeof __SCENARIOS_VALIDATED_AT_BUILD__ !== 'undefined' && __SCENARIOS_VALIDATED_AT_BUILD__;

let loading: Promise<void> | null = null;

/** Fetches and validates every bundled scenario once; later calls share the first. */
export function loadBundledScenarios(): Promise<void> {
  loading ??= Promise.all(
    Object.entries(URLS)
      // Plain code-unit order: localeCompare would start the ICU collator (~30 ms) on the loading path.
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(async ([path, url]) => {
        const file = path.split('/').pop() ?? path;
        let text: string;
        try {
          const response = await fetch(url);
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          text = await response.text();
          performance.mark(`up:fetched:${file}`);
        } catch (error) {
          return { file, result: null, error: error instanceof Error ? error.message : String(error) };
        }
        // The validator (and the schema it builds) is fetched only where it is needed.
        const result: Result<Scenario> = VALIDATED_AT_BUILD
          ? { ok: true, value: JSON.parse(text) as Scenario }
          : (await import('./load.ts')).loadScenario(text, file);
        return { file, result, error: null };
      }),
  ).then((files) => {
    performance.mark('up:scenarios');
    for (const { file, result, error } of files) {
      if (result?.ok) loaded.push(result.value);
      else BUNDLE_PROBLEMS.push({ file, messages: result ? result.problems.map(formatProblem) : [`${file}: could not be loaded (${error})`] });
    }
    loaded.sort((a, b) =>
      a.id === 'moscow-2019' ? -1 : b.id === 'moscow-2019' ? 1 : a.period.start < b.period.start ? -1 : 1,
    );
  });
  return loading;
}

/** Own scenarios, with the file they came from: a saved game keeps the text, so a reload can bring it back. */
const own = new Map<Scenario, { file: string; text: string }>();

/**
 * Adds a scenario a teacher loaded from a file (already validated) for the
 * rest of the page's life, so it can be played, replayed and compared in the
 * class view. Refused when its id is taken: replays name scenarios by id.
 */
export function addOwnScenario(scenario: Scenario, source: { file: string; text: string } = { file: `${scenario.id}.json`, text: '' }): { ok: true } | { ok: false; takenBy: Scenario } {
  const taken = loaded.find((s) => s.id === scenario.id);
  if (taken) return { ok: false, takenBy: taken };
  loaded.push(scenario);
  own.set(scenario, source);
  return { ok: true };
}

export const isOwnScenario = (scenario: Scenario): boolean => own.has(scenario);
export const ownSourceOf = (scenario: Scenario): { file: string; text: string } | undefined => own.get(scenario);
