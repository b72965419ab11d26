import alea from 'seedrandom/lib/alea';
import type { Scenario } from '../scenario/schema';
import { ISSUE_IDS, ISSUES, otherSide, type IssueId, type Package, type Side, type Tone } from '../scenario/vocabulary';
import { acceptanceBar, chooseWork, OPENING_PREMIUM, preparedIssue, REFUSE_BELOW, reaffirmOdds, Valuer } from './counterpart/strategy';
import { backingOf, workableFactions } from './factions';
import { ENERGY, GUARANTEE, ISLANDS, SOVEREIGNTY, fromVec, guessedPriorities, redLineVec, redLinesOf, toVec, type Vec } from './worth';
import { logistic, ratificationOdds } from './rules/ratification';
import { MAX_OFFERS } from './rules/summit';
import { SOVEREIGNTY_TO_STATUS, STATUS_QUO, classify, isTreaty, islandsOf, mergeTerms, packageBlock, samePackage } from './packages';
import { holds } from './conditions';
import type { LegalMoves } from './legal';
import type { GameSession } from './session';
import type { Action, GameState } from './types';

// Fixed ways of playing one side, for the tournament that measures whether
// skill beats luck and trivial play. A policy sees what a human player
// sees: the public world, its own brief and priorities, the scenario's
// bounds on the other side's priorities, and the offers on the table;
// never the other side's drawn priorities or the game's dice.

export interface PolicyView {
  session: GameSession;
  side: Side;
  legal: LegalMoves;
  /** The policy's own dice (seeded apart from the game's streams). */
  random: () => number;
}

export type Policy = (view: PolicyView) => Action;

export const POLICY_IDS = ['acceptAll', 'concedeAll', 'alwaysStall', 'alwaysWalkOut', 'toughLeak', 'repeat1956', 'random', 'skilled'] as const;
export type PolicyId = (typeof POLICY_IDS)[number];
/** The policies a player could follow without reading the game: none may come near the best. */
export const TRIVIAL: readonly PolicyId[] = ['acceptAll', 'concedeAll', 'alwaysStall', 'alwaysWalkOut', 'toughLeak', 'repeat1956'];

const opening = (v: PolicyView): Action => ({
  type: 'agenda',
  side: v.side,
  sequencing: v.session.scenario.sides[v.side].priorities.sequencing,
  prepare: 'islands',
});

/** The common frame: a fixed agenda, quiet statements and a free vote, unless the policy says otherwise. */
function simple(summit: (v: PolicyView) => Action, tone: (v: PolicyView) => Tone = () => 'quiet'): Policy {
  return (v) => {
    const types = v.legal.types;
    if (types.includes('agenda')) return opening(v);
    if (types.includes('statement')) return { type: 'statement', side: v.side, tone: tone(v) };
    if (types.includes('ratify')) return { type: 'ratify', side: v.side, approach: 'vote' };
    return summit(v);
  };
}

const stall = (v: PolicyView): Action => ({ type: 'stall', side: v.side });

/**
 * Every package that may be offered now, as option ranks; built from the
 * legal options (each already clear of optionBlock), so only packageBlock's
 * rules about combinations are left to check: a pipeline and a guarantee on
 * US forces need a treaty text (islands under a form of sovereignty).
 */
function legalPackages(v: PolicyView): Vec[] {
  const opts = ISSUE_IDS.map((i) => v.legal.options[i].map((o) => (ISSUES[i] as readonly string[]).indexOf(o)));
  const out: Vec[] = [];
  const walk = (k: number, acc: number[]) => {
    if (k === ISSUE_IDS.length) {
      const treaty = acc[ISLANDS]! > 0 && acc[SOVEREIGNTY]! > 0;
      if (treaty || (acc[ENERGY]! < 2 && acc[GUARANTEE]! === 0)) out.push(acc.slice());
      return;
    }
    for (const r of opts[k]!) {
      // Sovereignty means nothing without islands: one canonical form each.
      if (k === 1 && acc[0] === 0 && r !== 0) continue;
      acc.push(r);
      walk(k + 1, acc);
      acc.pop();
    }
  };
  walk(0, []);
  return out;
}

const lastOffer = (v: PolicyView) => v.session.state.summit.offers[v.session.state.summit.offers.length - 1];
const canOffer = (v: PolicyView, pkg: Package): boolean => {
  const last = lastOffer(v);
  return v.legal.types.includes('offer') && !(last && samePackage(last.package, pkg)) && packageBlock(v.session.scenario, v.session.state, pkg) === null;
};

/** The other side's worth of a package as this side can estimate it: the scenario's mid-range priorities. */
function estimate(v: PolicyView) {
  const { scenario, state } = v.session;
  const other = otherSide(v.side);
  const guess = guessedPriorities(scenario, other);
  const theirs = new Valuer(scenario, state, other, guess.weights);
  const opening = state.summit.offers.filter((o) => o.side === v.side).length === 0;
  // A walk-out says the two sides are far apart: read it as the top of the scenario's range for the other side's bar.
  const reservation = walkedOutOn(v) ? scenario.sides[other].priorities.reservation[1] : guess.reservation;
  const bar = acceptanceBar(scenario, state, other, reservation) + (opening ? OPENING_PREMIUM : 0);
  const lines = redLinesOf(scenario.sides[other].priorities);
  return (vec: Vec): number => {
    if (theirs.reaffirms(vec)) return reaffirmOdds(state, other);
    if (redLineVec(lines, vec)) return 0;
    const gap = theirs.net(vec) - bar;
    return gap < -REFUSE_BELOW ? 0 : logistic(gap / 4);
  };
}

/** Whether the other side has walked out on this one: it remembers that (the one trace of it outside the log). */
const walkedOutOn = (v: PolicyView): boolean => v.session.state.memory[v.side].some((m) => m.reason === 'walkOut');

const acceptAll: Policy = simple((v) => (v.legal.types.includes('accept') ? { type: 'accept', side: v.side } : stall(v)));

/** Gives the other side the most it can be given (by its public priorities), and takes whatever it offers. */
const concedeAll: Policy = simple((v) => {
  if (v.legal.types.includes('accept')) return { type: 'accept', side: v.side };
  const other = otherSide(v.side);
  const theirs = new Valuer(v.session.scenario, v.session.state, other, guessedPriorities(v.session.scenario, other).weights);
  let best: Vec | null = null;
  let bestWorth = -Infinity;
  for (const vec of legalPackages(v)) {
    const w = theirs.net(vec);
    if (w > bestWorth) [best, bestWorth] = [vec, w];
  }
  const pkg = best ? fromVec(best) : null;
  return pkg && canOffer(v, pkg) ? { type: 'offer', side: v.side, package: pkg } : stall(v);
});

const alwaysStall: Policy = simple(stall);

const alwaysWalkOut: Policy = simple(
  (v) => (v.legal.types.includes('walkOut') ? { type: 'walkOut', side: v.side } : stall(v)),
  () => 'tough',
);

/** Demands the most for itself, never accepts, and talks tough and leaks at home. */
const toughLeak: Policy = simple(
  (v) => {
    const mine = new Valuer(v.session.scenario, v.session.state, v.side);
    const own = redLinesOf(v.session.scenario.sides[v.side].priorities);
    let best: Package | null = null;
    let bestWorth = -Infinity;
    for (const vec of legalPackages(v)) {
      if (redLineVec(own, vec)) continue;
      const w = mine.net(vec);
      const pkg = fromVec(vec);
      if (w > bestWorth && canOffer(v, pkg)) [best, bestWorth] = [pkg, w];
    }
    return best ? { type: 'offer', side: v.side, package: best } : stall(v);
  },
  (v) => (v.session.state.round % 2 === 0 ? 'tough' : 'leak'),
);

/** The 1956 basis, offered every summit: Habomai and Shikotan handed over, nothing else. */
const PACKAGE_1956: Package = { ...STATUS_QUO, islands: 'two', sovereignty: 'transfer' };
const repeat1956: Policy = simple((v) => {
  const last = lastOffer(v);
  const mine = new Valuer(v.session.scenario, v.session.state, v.side);
  if (last && last.side !== v.side && v.legal.types.includes('accept') && mine.net(toVec(last.package)) >= mine.net(toVec(PACKAGE_1956))) {
    return { type: 'accept', side: v.side };
  }
  return canOffer(v, PACKAGE_1956) ? { type: 'offer', side: v.side, package: PACKAGE_1956 } : stall(v);
});

/** Any legal move, uniformly: a type, then its details. */
const random: Policy = (v) => {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(v.random() * xs.length)]!;
  const type = pick(v.legal.types);
  switch (type) {
    case 'agenda':
      return { type, side: v.side, sequencing: pick(v.legal.sequencings), prepare: pick(ISSUE_IDS) };
    case 'offer': {
      const last = lastOffer(v);
      const pkgs = legalPackages(v).map(fromVec).filter((p) => !(last && samePackage(last.package, p)));
      return pkgs.length ? { type, side: v.side, package: pick(pkgs) } : stall(v);
    }
    case 'homeFront':
      return { type, side: v.side, faction: pick(v.legal.factions) };
    case 'statement':
      return { type, side: v.side, tone: pick(v.legal.tones) };
    case 'ratify':
      return { type, side: v.side, approach: pick(v.legal.approaches) };
    default:
      return { type, side: v.side };
  }
};

/**
 * Working the home front as a player who reads the panel: the faction that
 * would sink a signed text first (as the counterpart does); failing that, the
 * strong faction furthest below full backing, while approval can spare it.
 */
function homeWork(scenario: Scenario, state: GameState, side: Side): string | null {
  const urgent = chooseWork(scenario, state, side);
  if (urgent) return urgent;
  const margin = state.world.vars[`approval.${side}`] - scenario.sides[side].leaderOutBelow;
  let best: string | null = null;
  let bestNeed = 0;
  for (const f of workableFactions(scenario, state, side)) {
    if (margin + f.work.approval < 8) continue;
    const need = f.strength * (60 - backingOf(state, f));
    if (need > bestNeed) {
      bestNeed = need;
      best = f.id;
    }
  }
  return best;
}

/**
 * Play written from the brief: parallel sequencing and common ground at the
 * ministers' table; at the summit, the offer with the best expected gain by
 * its own worth and an estimate of the other side's (its public priorities,
 * the polls, its red lines), treaties discounted by both parliaments' odds;
 * accepting what beats what it could still get; selling deals at home, and
 * putting off a vote it would likely lose.
 */
const skilled: Policy = (v) => {
  const { scenario, state } = v.session;
  const types = v.legal.types;
  const other = otherSide(v.side);
  if (types.includes('agenda')) {
    // Common ground: prepare what the other side will, as its public priorities suggest.
    const prepare = preparedIssue(other, guessedPriorities(scenario, other).weights);
    return { type: 'agenda', side: v.side, sequencing: 'parallel', prepare };
  }
  if (types.includes('homeFront')) {
    const work = homeWork(scenario, state, v.side);
    if (work) return { type: 'homeFront', side: v.side, faction: work };
  }
  if (types.includes('statement')) {
    const deal = state.summit.outcome === 'treatyText' || state.summit.outcome === 'interimAgreement' || state.signed !== null;
    return { type: 'statement', side: v.side, tone: deal ? 'sell' : 'quiet' };
  }
  if (types.includes('ratify')) {
    const vote = ratificationOdds(scenario, state, v.side, 'vote');
    const whip = ratificationOdds(scenario, state, v.side, 'whip');
    if (whip < 0.55 && state.signedRound === state.round && v.legal.approaches.includes('delay')) return { type: 'ratify', side: v.side, approach: 'delay' };
    const margin = state.world.vars[`approval.${v.side}`] - scenario.sides[v.side].leaderOutBelow;
    return { type: 'ratify', side: v.side, approach: vote < 0.85 && margin > 6 ? 'whip' : 'vote' };
  }
  const mine = new Valuer(scenario, state, v.side);
  const own = redLinesOf(scenario.sides[v.side].priorities);
  const theyAccept = estimate(v);
  const roundsLeft = scenario.rounds.length - state.round - 1;
  const goals = briefScore(v);
  const now = goals(null);
  // What waiting is worth: later summits can still bring a first deal; once one is in force,
  // a summit with nothing to show costs approval and the dialogue, so a small step beats none.
  const fallback = state.agreed ? now - 3 : now + 4 * roundsLeft;
  const bothPass = (text: Package) => ratificationOdds(scenario, state, v.side, 'whip', text) * ratificationOdds(scenario, state, other, 'whip', text);
  const passes = (vec: Vec): number =>
    vec[0]! > 0 && vec[1]! > 0 ? bothPass(fromVec(vec)) : 1;
  // The brief's goals decide; its own worth breaks ties between packages that meet the same goals.
  const value = (vec: Vec): number => now + (goals(vec) - now) * passes(vec) + (mine.net(vec) - 40) / 10;
  const last = lastOffer(v);
  const onTable = last && last.side !== v.side ? value(toVec(last.package)) - fallback : -Infinity;
  let best: Package | null = null;
  let bestGain = 0;
  // A long shot that would still serve the brief: an ask refused costs little more than a stall.
  let shot: Package | null = null;
  let shotValue = now;
  if (types.includes('offer')) {
    const candidates = legalPackages(v).filter((vec) => !redLineVec(own, vec));
    // An offer it expects refused gains nothing: its worth to the brief (the costly part) is weighed only when it may pass.
    for (const vec of candidates) {
      const p = theyAccept(vec);
      if (p <= 0) continue;
      const gain = p * (value(vec) - fallback);
      if (gain > bestGain) {
        const pkg = fromVec(vec);
        if (canOffer(v, pkg)) [best, bestGain] = [pkg, gain];
      }
    }
    if (best === null && state.summit.offers.length === 0 && !walkedOutOn(v)) {
      const theirLines = redLinesOf(scenario.sides[other].priorities);
      for (const vec of candidates) {
        if (redLineVec(theirLines, vec)) continue;
        const worth = value(vec);
        if (worth > shotValue) {
          const pkg = fromVec(vec);
          if (canOffer(v, pkg)) [shot, shotValue] = [pkg, worth];
        }
      }
    }
  }
  const lastChance = state.summit.offers.length >= MAX_OFFERS - 1;
  if (types.includes('accept') && onTable > 0 && (onTable >= 0.8 * bestGain || lastChance)) return { type: 'accept', side: v.side };
  if (best) return { type: 'offer', side: v.side, package: best };
  // (A long shot is taken only to open, and never after a walk-out: that says the two are far apart, and a second one ends the talks.)
  if (shot) return { type: 'offer', side: v.side, package: shot };
  return stall(v);
};

/**
 * The share of its brief's goals a side would meet if this package took
 * effect (a treaty text ratified), everything else as it stands: how a
 * player reading the brief weighs an offer. Null: as things stand.
 */
function briefScore(v: PolicyView): (vec: Vec | null) => number {
  const { scenario, state } = v.session;
  const goals = scenario.sides[v.side].brief.goals;
  const all = goals.reduce((s, g) => s + g.weight, 0) || 1;
  return (vec) => {
    let hyp: GameState = state;
    if (vec) {
      const pkg = fromVec(vec);
      if (isTreaty(pkg)) {
        const islands = { ...state.world.islands };
        for (const id of islandsOf(pkg)) islands[id] = SOVEREIGNTY_TO_STATUS[pkg.sovereignty];
        hyp = { ...state, signed: pkg, ending: { kind: 'treatyRatified' }, world: { ...state.world, islands } };
      } else if (classify(pkg) === 'interimAgreement') {
        // (A statement that changes nothing puts no terms in force: it leaves the state as it is.)
        const islands = { ...state.world.islands };
        if (pkg.sovereignty === 'jointActivity') for (const id of islandsOf(pkg)) if (islands[id] === 'russian') islands[id] = 'jointActivity';
        hyp = { ...state, agreed: mergeTerms(state.agreed, pkg), world: { ...state.world, islands } };
      }
    }
    let met = 0;
    for (const g of goals) if (holds(g.test, hyp, 'game')) met += g.weight;
    return (100 * met) / all;
  };
}

export const POLICIES: Record<PolicyId, Policy> = { acceptAll, concedeAll, alwaysStall, alwaysWalkOut, toughLeak, repeat1956, random, skilled };

/** The policy's own dice, seeded from the game's seed and its name, apart from every game stream. */
export const policyDice = (seed: string, id: PolicyId): (() => number) => alea(`${seed}/policy/${id}`);
