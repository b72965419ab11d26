import { ISLAND_IDS, SIDES, otherSide, type Approach, type Side } from '../../scenario/vocabulary';
import type { Draft } from '../draft';
import { SOVEREIGNTY_TO_STATUS, islandsOf } from '../packages';
import type { Action, GameState } from '../types';
import type { Package } from '../../scenario/vocabulary';
import { textResistance, toVec } from '../worth';
import { applyTerms } from './summit';
import { say } from './lines';
import { startNextRound } from './round';
import { TUNING } from '../tuning';
import type { Scenario } from '../../scenario/schema';
import { blockingFaction, factionLean } from '../factions';

const R = TUNING.ratification;

/** A smooth 0–1 curve built from arithmetic alone, so every engine computes the same odds. */
export const logistic = (x: number): number => 0.5 + 0.5 * (x / (1 + Math.abs(x)));

export const WHIP = TUNING.ratification.whip;
const DELAY = TUNING.ratification.delay;
const REJECTED = TUNING.ratification.rejected;

/**
 * A parliament's leaning before it reads the text: a strong leader, a
 * public that supports a deal and quiet hard-liners help; so do factions
 * that back the leader, and (in Tokyo) a confident Washington; a leader who
 * whips the vote spends approval to add weight. On the logistic's scale.
 */
export function ratificationLean(scenario: Scenario, state: GameState, side: Side, approach: Approach = 'vote'): number {
  const v = state.world.vars;
  return (
    (v[`approval.${side}`] - R.approvalPivot) / R.approvalScale +
    (v[`support.${side}`] - v[`oppose.${side}`]) / R.pollScale -
    (v[`hardliners.${side}`] - 50) / R.hardlinerScale +
    factionLean(scenario, state, side) +
    (side === 'japan' ? ((v.alliance - 50) / TUNING.us.ratifyScale) * scenario.actors.us.interest : 0) +
    (approach === 'whip' ? WHIP.odds : 0)
  );
}

/** Odds on the logistic's scale, rounded as the dice read them. */
export const oddsOf = (x: number): number => Math.round(logistic(x) * 1000) / 1000;

/**
 * The odds that a side's parliament ratifies a text (the signed one unless
 * another is named): its leaning, less what the text asks of it; the Duma
 * balks at territory given up, the Diet at claims left unresolved. Nil
 * when a strong faction whose demand the text fails has turned against it.
 */
export function ratificationOdds(scenario: Scenario, state: GameState, side: Side, approach: Approach = 'vote', text: Package | null = state.signed): number {
  if (blockingFaction(scenario, state, side, text)) return 0;
  return oddsOf(ratificationLean(scenario, state, side, approach) - (text ? textResistance(side, toVec(text)) : 0));
}

/** A vote may be put off while rounds remain; the last round's summit is the last chance. */
export const canDelay = (roundsInScenario: number, state: GameState): boolean => state.round + 1 < roundsInScenario;

export function recordRatify(d: Draft, a: Extract<Action, { type: 'ratify' }>): void {
  d.state.ratification = { ...d.state.ratification, [a.side]: a.approach };
}

/**
 * The votes. Either leader may put them off a round (both parliaments vote
 * on the same text, or neither does). A text both pass takes effect and
 * ends the campaign; a text either rejects goes back to the table while
 * rounds remain, at a price at home and abroad, and collapses the talks
 * when none do.
 */
export function resolveRatification(d: Draft): void {
  const pkg = d.state.signed;
  if (!pkg) return;
  const delayers = SIDES.filter((side) => d.state.ratification[side] === 'delay');
  if (delayers.length > 0) return delayVote(d, delayers);
  const rejectedBy: Side[] = [];
  for (const side of SIDES) {
    const approach = d.state.ratification[side] ?? 'vote';
    const p = ratificationOdds(d.scenario, d.state, side, approach);
    const { roll, yes } = d.dice.chance('ratification', p);
    const draw = { stream: 'ratification' as const, what: `ratify:${side}`, p, roll, outcome: yes };
    const cause = { kind: 'ratification' as const, id: yes ? 'passed' : 'failed', side };
    d.change(`approval.${side}`, [{ label: approach === 'whip' ? 'ratify.whipped' : 'ratify.freeVote', delta: approach === 'whip' ? WHIP.approval : 0 }], cause, [draw]);
    const blocker = blockingFaction(d.scenario, d.state, side, pkg);
    d.log({ kind: 'ratification', round: d.state.round, side, passed: yes, p, roll, approach, ...(blocker ? { blockedBy: blocker.id } : {}) });
    if (yes) say(d, side, 'leader', 'ratify');
    else rejectedBy.push(side);
  }
  if (rejectedBy.length === 0) {
    const cause = { kind: 'ratification' as const, id: 'passed' };
    const status = SOVEREIGNTY_TO_STATUS[pkg.sovereignty];
    const moved = islandsOf(pkg);
    const islands = { ...d.state.world.islands };
    for (const id of ISLAND_IDS) if (moved.includes(id)) islands[id] = status;
    d.state.world = { ...d.state.world, islands };
    applyTerms(d, pkg, cause);
    return end(d, 'treatyRatified');
  }
  const cause = { kind: 'ratification' as const, id: 'failed' };
  d.change('rapport', [{ label: 'ratify.failed', delta: REJECTED.rapport }], cause);
  for (const side of rejectedBy) {
    const home = { kind: 'rule' as const, id: 'ratify.rejectedAtHome', side };
    d.change(`approval.${side}`, [{ label: 'ratify.rejectedAtHome', delta: REJECTED.approval }], home);
    d.change(`hardliners.${side}`, [{ label: 'ratify.rejectedAtHome', delta: REJECTED.hardliners }], home);
    d.remember(otherSide(side), { round: d.state.round, reason: 'rejected', delta: REJECTED.trust });
  }
  if (!canDelay(d.scenario.rounds.length, d.state)) return end(d, 'collapse');
  // Real treaties go back to the negotiators: the text is void, the talks go on.
  d.state.signed = null;
  d.state.signedRound = null;
  d.state.rejections += 1;
  d.log({ kind: 'textReturned', round: d.state.round, side: rejectedBy[0]! });
  startNextRound(d);
}

function delayVote(d: Draft, delayers: Side[]): void {
  for (const side of delayers) {
    const cause = { kind: 'action' as const, id: 'ratify.delay', side };
    d.change('rapport', [{ label: 'ratify.delayed', delta: DELAY.rapport }], cause);
    d.change(`approval.${side}`, [{ label: 'ratify.delayed', delta: DELAY.approval }], cause);
    d.remember(otherSide(side), { round: d.state.round, reason: 'delay', delta: DELAY.trust });
    d.log({ kind: 'ratificationDelayed', round: d.state.round, side });
  }
  startNextRound(d);
}

function end(d: Draft, kind: 'treatyRatified' | 'collapse'): void {
  d.state.ending = { kind };
  if (kind === 'collapse') d.set('dialogue', 0, { kind: 'ratification', id: 'failed' }, 'ratify.collapse');
  d.log({ kind: 'ending', round: d.state.round, ending: kind });
}
