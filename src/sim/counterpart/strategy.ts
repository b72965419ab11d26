import alea from 'seedrandom/lib/alea';
import type { Scenario } from '../../scenario/schema';
import {
  ISSUE_IDS,
  ISSUES,
  otherSide,
  type IssueId,
  type Package,
  type Sequencing,
  type Side,
  type Tone,
} from '../../scenario/vocabulary';
import { legalTypes, type PhaseName } from '../legal';
import { STATUS_QUO, isTreaty, optionIndex, packageBlock, samePackage } from '../packages';
import { logistic } from '../rules/ratification';
import type { Action, Decision, GameState } from '../types';
import { domesticPressure, guessedPriorities, packageWorth, redLineBreached } from './valuation';

// The side no human plays. Its private priorities were drawn from the seed
// within the scenario's bounds; its red lines move with its strength at home;
// it remembers how it was treated (trust) and concedes over time, toward the
// end-of-year deadline. Its dice come from a generator seeded by where the
// game stands, so a decision is a pure function of the state and the seed.

const STRATEGY_BAR = { grounded: 0, hawk: 6, dove: -5 } as const;
const STRATEGY_FLEX = { grounded: 0, hawk: -0.3, dove: 0.2 } as const;

function decisionRoll(state: GameState, phase: PhaseName, side: Side): number {
  const key = `${state.config.seed}/counterpart/${side}/${state.round}/${phase}/${state.summit.offers.length}`;
  return alea(key)();
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const r2 = (x: number) => Math.round(x * 100) / 100;

/** What a deal is worth to `side` after its home front has had its say. */
export function netWorth(scenario: Scenario, state: GameState, side: Side, pkg: Package): number {
  const prep = state.talks.agenda[side]?.prepare;
  const groundwork = prep && pkg[prep] !== STATUS_QUO[prep] ? 2 : 0;
  return packageWorth(side, pkg, state.priorities[side].weights) - domesticPressure(side, pkg, state) + groundwork;
}

/** The least a deal must be worth before `side` signs: lower with rapport, trust and a looming deadline. */
export function acceptanceBar(scenario: Scenario, state: GameState, side: Side): number {
  const v = state.world.vars;
  const lastRound = state.round + 1 >= scenario.rounds.length;
  return (
    state.priorities[side].reservation -
    (v.rapport - 50) / 10 -
    (v[`trust.${side}`] - 50) / 10 -
    (lastRound ? 3 : 0) +
    STRATEGY_BAR[state.config.strategy[side]]
  );
}

export function acceptance(scenario: Scenario, state: GameState, side: Side, pkg: Package): Omit<Decision, 'roll'> {
  const worth = r2(netWorth(scenario, state, side, pkg));
  const bar = r2(acceptanceBar(scenario, state, side));
  const redLine = redLineBreached(scenario.sides[side].priorities, pkg);
  const p = redLine ? 0 : Math.round(logistic((worth - bar) / 3) * 1000) / 1000;
  return redLine ? { worth, bar, p, redLine } : { worth, bar, p };
}

/** The counterpart's move for `side`, which must be the side to move. */
export function chooseAction(scenario: Scenario, state: GameState, phase: PhaseName, side: Side): Action {
  switch (phase) {
    case 'ministerTalks':
      return chooseAgenda(scenario, state, side);
    case 'summit':
      return chooseSummitMove(scenario, state, side);
    case 'publicReaction':
      return { type: 'statement', side, tone: chooseTone(scenario, state, side) };
    case 'ratification': {
      const margin = state.world.vars[`approval.${side}`] - scenario.sides[side].leaderOutBelow;
      return { type: 'ratify', side, push: margin > 12 };
    }
    default:
      throw new Error(`the counterpart was asked to move in phase ${phase}`);
  }
}

function chooseAgenda(scenario: Scenario, state: GameState, side: Side): Action {
  const preferred = scenario.sides[side].priorities.sequencing;
  const v = state.world.vars;
  const flex = clamp(
    0.15 + (v[`trust.${side}`] - 50) / 100 + (state.round / Math.max(1, scenario.rounds.length - 1)) * 0.3 + STRATEGY_FLEX[state.config.strategy[side]],
    0,
    0.9,
  );
  const sequencing: Sequencing = decisionRoll(state, 'ministerTalks', side) < flex ? 'parallel' : preferred;
  // Prepare the issue it cares most about among those that can move its way.
  const weights = state.priorities[side].weights;
  let prepare: IssueId = 'humanitarian';
  let best = -Infinity;
  for (const issue of ISSUE_IDS) {
    const upside = Math.max(...ISSUES[issue].map((_, k) => gainAt(side, issue, k)));
    const score = weights[issue] * upside;
    if (score > best) {
      best = score;
      prepare = issue;
    }
  }
  return { type: 'agenda', side, sequencing, prepare };
}

function gainAt(side: Side, issue: IssueId, k: number): number {
  const pkg = { ...STATUS_QUO, islands: 'two', [issue]: ISSUES[issue][k] } as Package;
  return packageWorth(side, pkg, oneHot(issue)) - 50;
}

function oneHot(issue: IssueId): Record<IssueId, number> {
  const w = {} as Record<IssueId, number>;
  for (const i of ISSUE_IDS) w[i] = i === issue ? 1 : 0;
  return w;
}

function chooseSummitMove(scenario: Scenario, state: GameState, side: Side): Action {
  const offers = state.summit.offers;
  const last = offers[offers.length - 1];
  const types = legalTypes(state, 'summit');
  const roll = decisionRoll(state, 'summit', side);
  if (last && last.side !== side) {
    const judged = acceptance(scenario, state, side, last.package);
    const why: Decision = { ...judged, roll: r2(roll * 1000) / 1000 };
    if (roll < judged.p) return { type: 'accept', side, why };
    if (types.includes('offer')) {
      const counter = proposePackage(scenario, state, side, last.package);
      if (counter) return { type: 'offer', side, package: counter, why };
    }
    const trust = state.world.vars[`trust.${side}`];
    if (judged.worth < judged.bar - 15 && trust < 30) return { type: 'walkOut', side, why };
    return { type: 'stall', side, why };
  }
  const opening = proposePackage(scenario, state, side, null);
  return opening ? { type: 'offer', side, package: opening } : { type: 'stall', side };
}

/**
 * Builds an offer by hill-climbing one option at a time from the package on
 * the table: as much as possible for itself, while keeping its guess of the
 * other side's worth above a target that falls as the talks go on.
 */
export function proposePackage(scenario: Scenario, state: GameState, side: Side, onTable: Package | null): Package | null {
  const other = otherSide(side);
  const guess = guessedPriorities(scenario, other);
  const own = state.summit.offers.filter((o) => o.side === side).length;
  const target = guess.reservation + 6 - 2 * own - 2 * state.round;
  const myLines = scenario.sides[side].priorities;
  const score = (pkg: Package): number => {
    if (packageBlock(scenario, state, pkg) !== null) return -Infinity;
    if (redLineBreached(myLines, pkg)) return -Infinity;
    const theirs = packageWorth(other, pkg, guess.weights) - domesticPressure(other, pkg, state);
    return netWorth(scenario, state, side, pkg) - 1.5 * Math.max(0, target - theirs);
  };
  let current = onTable ?? STATUS_QUO;
  if (score(current) === -Infinity) current = STATUS_QUO;
  let currentScore = score(current);
  for (let step = 0; step < 12; step += 1) {
    let best: Package | null = null;
    let bestScore = currentScore;
    for (const issue of ISSUE_IDS) {
      const k = optionIndex(issue, current[issue]);
      for (const dk of [-1, 1]) {
        const option = ISSUES[issue][k + dk];
        if (option === undefined) continue;
        let candidate = { ...current, [issue]: option } as Package;
        // Sovereignty only means something when islands move; keep packages canonical.
        if (!isTreaty(candidate)) candidate = { ...candidate, sovereignty: 'jointActivity', energy: candidate.energy === 'pipeline' ? 'lng' : candidate.energy };
        else if (issue === 'islands' && !isTreaty(current)) candidate = { ...candidate, sovereignty: 'jointGovernance' };
        const s = score(candidate);
        if (s > bestScore + 1e-9) {
          best = candidate;
          bestScore = s;
        }
      }
    }
    if (!best) break;
    current = best;
    currentScore = bestScore;
  }
  if (onTable && samePackage(current, onTable)) return null;
  if (!onTable && samePackage(current, STATUS_QUO)) return null;
  return current;
}

function chooseTone(scenario: Scenario, state: GameState, side: Side): Tone {
  const outcome = state.summit.outcome;
  const strategy = state.config.strategy[side];
  const v = state.world.vars;
  const roll = decisionRoll(state, 'publicReaction', side);
  if (outcome === 'treatyText' || outcome === 'interimAgreement') return 'sell';
  if (outcome === 'walkOut') return 'tough';
  const desperate = v[`approval.${side}`] < scenario.sides[side].leaderOutBelow + 6;
  if (desperate && roll < 0.3) return 'leak';
  const toughOdds = v[`hardliners.${side}`] / 200 + (strategy === 'hawk' ? 0.3 : strategy === 'dove' ? -0.2 : 0);
  return roll < toughOdds ? 'tough' : 'quiet';
}
