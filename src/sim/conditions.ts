import type { Condition } from '../scenario/schema';
import { ISSUES, type IssueId, type Package } from '../scenario/vocabulary';
import { mergeTerms } from './packages';
import type { GameState } from './types';

/**
 * The terms in force: the interim terms agreed at summits, and a treaty
 * text only once both parliaments have ratified it. A signed text waiting
 * for its votes, or one a parliament rejected, puts nothing in force.
 */
export function termsOf(state: GameState): Package | null {
  if (state.signed && state.ending?.kind === 'treatyRatified') return mergeTerms(state.agreed, state.signed);
  return state.agreed;
}

/**
 * How a condition reads the game: an event's trigger looks at this round's
 * summit; a goal, judged at the end, at every summit of the game ("a summit
 * that produced a statement" is met by any of them, not only the last).
 */
export type Scope = 'now' | 'game';

const rank = (issue: IssueId, option: string): number => (ISSUES[issue] as readonly string[]).indexOf(option);

/** Evaluates the scenario's condition language against a state. Rounds count from 1 here, as players do. */
export function holds(c: Condition, state: GameState, scope: Scope = 'now'): boolean {
  if ('var' in c) {
    const v = state.world.vars[c.var];
    return (c.gte === undefined || v >= c.gte) && (c.lte === undefined || v <= c.lte);
  }
  if ('faction' in c) {
    const v = state.world.factions[c.faction];
    if (v === undefined) return false;
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
  if ('summit' in c) {
    if (state.summit.outcome !== null && c.summit.includes(state.summit.outcome)) return true;
    return scope === 'game' && state.history.some((row, k) => k > 0 && c.summit.includes(row.summit));
  }
  if ('round' in c) {
    const r = state.round + 1;
    return (c.round.gte === undefined || r >= c.round.gte) && (c.round.lte === undefined || r <= c.round.lte);
  }
  if ('all' in c) return c.all.every((x) => holds(x, state, scope));
  if ('any' in c) return c.any.some((x) => holds(x, state, scope));
  return !holds(c.not, state, scope);
}
