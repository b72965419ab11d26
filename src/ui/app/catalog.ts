// The scenarios the game ships, for any scene that lists or looks one up. Apart from
// boot.ts so that scenes need not import the page's start-up (and, through it, the router).
import { BUNDLED_SCENARIOS } from '../../scenario/registry';
import type { Scenario } from '../../scenario/schema';

export const scenarios = (): readonly Scenario[] => BUNDLED_SCENARIOS;
export const findScenario = (id: string): Scenario | undefined => scenarios().find((s) => s.id === id);
