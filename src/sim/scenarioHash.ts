import type { Scenario } from '../scenario/schema';
import { canonicalJson, sha256Hex } from './hash';

const cache = new WeakMap<Scenario, string>();

/** The content hash of a scenario, so a replay can tell whether it was played on this exact file. */
export function scenarioHash(scenario: Scenario): string {
  let h = cache.get(scenario);
  if (!h) {
    h = sha256Hex(canonicalJson(scenario));
    cache.set(scenario, h);
  }
  return h;
}
