import { ISLAND_IDS, SIDES, type Side } from '../../scenario/vocabulary';
import type { Draft } from '../draft';
import { SOVEREIGNTY_TO_STATUS, islandsOf } from '../packages';
import type { Action, GameState } from '../types';
import { applyTerms } from './summit';
import { say } from './lines';

/** A smooth 0–1 curve built from arithmetic alone, so every engine computes the same odds. */
export const logistic = (x: number): number => 0.5 + 0.5 * (x / (1 + Math.abs(x)));

/**
 * The odds that a side's parliament ratifies the signed text: a strong
 * leader, a public that supports the deal and quiet hard-liners help; a
 * leader who whips the vote spends approval to add weight.
 */
export function ratificationOdds(state: GameState, side: Side, push: boolean): number {
  const v = state.world.vars;
  const x =
    (v[`approval.${side}`] - 40) / 8 +
    (v[`support.${side}`] - v[`oppose.${side}`]) / 25 -
    (v[`hardliners.${side}`] - 50) / 25 +
    (push ? 0.8 : 0);
  return Math.round(logistic(x) * 1000) / 1000;
}

export function recordRatify(d: Draft, a: Extract<Action, { type: 'ratify' }>): void {
  d.state.ratification = { ...d.state.ratification, [a.side]: a.push };
}

export function resolveRatification(d: Draft): void {
  const pkg = d.state.signed;
  if (!pkg) return;
  let passed = true;
  for (const side of SIDES) {
    const push = d.state.ratification[side] ?? false;
    const p = ratificationOdds(d.state, side, push);
    const { roll, yes } = d.dice.chance('ratification', p);
    const draw = { stream: 'ratification' as const, what: `ratify:${side}`, p, roll, outcome: yes };
    const cause = { kind: 'ratification' as const, id: yes ? 'passed' : 'failed', side };
    d.change(`approval.${side}`, [{ label: push ? 'ratify.whipped' : 'ratify.freeVote', delta: push ? -3 : 0 }], cause, [draw]);
    d.log({ kind: 'ratification', round: d.state.round, side, passed: yes, p, roll });
    if (yes) say(d, side, 'leader', 'ratify');
    passed = passed && yes;
  }
  const cause = { kind: 'ratification' as const, id: passed ? 'passed' : 'failed' };
  if (passed) {
    const status = SOVEREIGNTY_TO_STATUS[pkg.sovereignty];
    const moved = islandsOf(pkg);
    const islands = { ...d.state.world.islands };
    for (const id of ISLAND_IDS) if (moved.includes(id)) islands[id] = status;
    d.state.world = { ...d.state.world, islands };
    applyTerms(d, pkg, cause);
    d.state.ending = { kind: 'treatyRatified' };
  } else {
    d.change('rapport', [{ label: 'ratify.failed', delta: -10 }], cause);
    d.state.ending = { kind: 'collapse' };
  }
  d.log({ kind: 'ending', round: d.state.round, ending: d.state.ending.kind });
}
