import type { Condition } from '../scenario/schema';
import { ISSUES, type IssueId, type Package } from '../scenario/vocabulary';
import type { GameState } from './types';

/** The package a goal or trigger judges: a treaty text if one was signed, else the interim terms. */
export const termsOf = (state: GameState): Package | null => state.signed ?? state.agreed;

const rank = (issue: IssueId, option: string): number => (ISSUES[issue] as readonly string[]).indexOf(option);

/** Evaluates the scenario's condition language against a state. Rounds count from 1 here, as players do. */
export function holds(c: Condition, state: GameState): boolean {
  if ('var' in c) {
    const v = state.world.vars[c.var];
    return (c.gte === undefined || v >= c.gte) && (c.lte === undefined || v <= c.lte);
  }
  if ('island' in c) return c.status.includes(state.world.islands[c.island]);
  if ('ending' in c) return state.ending !== null && c.ending.includes(state.ending.kind);
  if ('agreed' in c) {
    const terms = termsOf(state);
    if (!terms) return false;
    const r = rank(c.agreed.issue, terms[c.agreed.issue]);
    const lo = c.agreed.atLeast === undefined ? 0 : rank(c.agreed.issue, c.agreed.atLeast);
    const hi = c.agreed.atMost === undefined ? Infinity : rank(c.agreed.issue, c.agreed.atMost);
    return r >= lo && r <= hi;
  }
  if ('statement' in c) {
    const tone = state.statements[c.statement.side];
    return tone !== undefined && c.statement.tone.includes(tone);
  }
  if ('summit' in c) return state.summit.outcome !== null && c.summit.includes(state.summit.outcome);
  if ('round' in c) {
    const r = state.round + 1;
    return (c.round.gte === undefined || r >= c.round.gte) && (c.round.lte === undefined || r <= c.round.lte);
  }
  if ('all' in c) return c.all.every((x) => holds(x, state));
  if ('any' in c) return c.any.some((x) => holds(x, state));
  return !holds(c.not, state);
}
