import type { Goal, Scenario } from '../scenario/schema';
import { SIDES, type Side } from '../scenario/vocabulary';
import { holds } from './conditions';
import type { GameState } from './types';

export interface SideScore {
  /** 0–100: the weight of the goals met, out of all this side's goals. */
  total: number;
  goals: { goal: Goal; met: boolean }[];
}

/** Each side measured against the goals of its own private brief. */
export function scoreOf(scenario: Scenario, state: GameState): Record<Side, SideScore> {
  const out = {} as Record<Side, SideScore>;
  for (const side of SIDES) {
    const goals = scenario.sides[side].brief.goals.map((goal) => ({ goal, met: holds(goal.test, state, 'game') }));
    const all = goals.reduce((sum, g) => sum + g.goal.weight, 0);
    const met = goals.reduce((sum, g) => sum + (g.met ? g.goal.weight : 0), 0);
    out[side] = { total: all === 0 ? 0 : Math.round((100 * met) / all), goals };
  }
  return out;
}
