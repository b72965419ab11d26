import type { Scenario } from '../../scenario/schema';
import {
  ISSUE_IDS,
  ISSUES,
  otherSide,
  type IssueId,
  type Approach,
  type Package,
  type Sequencing,
  type Side,
  type Tone,
} from '../../scenario/vocabulary';
import { approachOpen, legalTypes, type PhaseName } from '../legal';
import { STATUS_QUO, optionBlock } from '../packages';
import { MAX_OFFERS } from '../rules/summit';
import { logistic, oddsOf, ratificationLean, ratificationOdds } from '../rules/ratification';
import { backingOf, blocksIn, factionRules, factionView, meetsVec, workableFactions, type FactionView } from '../factions';
import type { Dice } from '../rng';
import type { Action, Decision, DecisionReason, GameState, SidePriorities, Signal } from '../types';
import {
  ENERGY,
  GUARANTEE,
  ISLANDS,
  SOVEREIGNTY,
  fromVec,
  gain,
  guessedPriorities,
  Pressure,
  textResistance,
  redLineIssue,
  redLineVec,
  redLinesNow,
  toVec,
  worthTable,
  type RedLines,
  type WorthTable,
  type Vec,
  STATUS_QUO_WORTH,
} from '../worth';
import { TUNING } from '../tuning';

// The side no human plays. Its private priorities were drawn from the seed
// within the scenario's bounds; its red lines move with its strength at home;
// it remembers how it was treated (trust) and concedes over time, toward the
// end-of-year deadline. Its dice are the game's own "counterpart" stream,
// drawn inside the campaign machine, so a replay needs only the humans' moves.

const C = TUNING.counterpart;
const STRATEGY_BAR = C.strategyBar;
/** Worth lost by signing a treaty text certain to be rejected at home (scaled by the odds of rejection). */
const RATIFICATION_RISK = C.ratificationRisk;
const STRATEGY_FLEX = C.strategyFlex;


const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const r2 = (x: number) => Math.round(x * 100) / 100;

/** What a deal is worth to `side` after its home front has had its say. */
export function netWorth(scenario: Scenario, state: GameState, side: Side, v: Vec): number {
  return new Valuer(scenario, state, side).net(v);
}

/**
 * One side's view of packages at one moment, with everything that does not
 * depend on the package worked out once: the search calls `net` thousands of
 * times a game, so it allocates nothing.
 */
export class Valuer {
  private readonly table: WorthTable;
  private readonly agreed: Vec | null;
  private readonly banked: number;
  private readonly prep: number;
  private readonly merged: Vec;
  /** This side's parliament's leaning if whipped: what signing a text it may reject risks (Yeltsin "always stepped back"). */
  private readonly lean: number;
  private readonly pressure: Pressure;
  private readonly factions: FactionView;

  /** `weights` stands in for the side's private priorities when another side estimates them. */
  constructor(
    private readonly scenario: Scenario,
    private readonly state: GameState,
    private readonly side: Side,
    weights: SidePriorities['weights'] = state.priorities[side].weights,
  ) {
    this.table = worthTable(side, weights);
    this.agreed = state.agreed ? toVec(state.agreed) : null;
    this.banked = this.agreed ? this.table.worth(this.agreed) - STATUS_QUO_WORTH : 0;
    const prep = state.talks.agenda[side]?.prepare;
    this.prep = prep ? ISSUE_IDS.indexOf(prep) : -1;
    this.merged = new Array<number>(ISSUE_IDS.length).fill(0);
    this.lean = ratificationLean(scenario, state, side, 'whip');
    this.pressure = new Pressure(scenario, side, state);
    this.factions = factionView(scenario, state, side);
  }

  /** What fear of its parliament takes off a treaty text's worth (0 for anything else). */
  riskOf(v: Vec): number {
    if (v[ISLANDS]! === 0 || v[SOVEREIGNTY]! === 0) return 0;
    if (blocksIn(this.factions, v)) return RATIFICATION_RISK;
    return RATIFICATION_RISK * (1 - oddsOf(this.lean - textResistance(this.side, v)));
  }

  /** Whether a package only restates the terms already agreed (no treaty text, nothing added). */
  reaffirms(v: Vec): boolean {
    const agreed = this.agreed;
    if (!agreed || (v[ISLANDS]! > 0 && v[SOVEREIGNTY]! > 0)) return false;
    for (let k = 0; k < v.length; k += 1) if (v[k]! > agreed[k]!) return false;
    return true;
  }

  /** What a deal is worth to this side after its home front has had its say. */
  net(v: Vec): number {
    const groundwork = (this.prep >= 0 && v[this.prep]! > 0 ? 2 : 0) - this.riskOf(v);
    const agreed = this.agreed;
    if (!agreed) return this.table.worth(v) - this.pressure.of(v) + groundwork;
    // Terms already agreed at an earlier summit are banked: only what a package adds counts.
    let adds = false;
    for (let k = 0; k < v.length; k += 1) {
      const r = Math.max(agreed[k]!, v[k]!);
      this.merged[k] = r;
      if (r !== agreed[k]) adds = true;
    }
    if (!adds) return STATUS_QUO_WORTH; // a reaffirmation adds nothing
    return this.table.worth(this.merged) - this.banked - this.pressure.of(this.merged) + groundwork;
  }
}

/**
 * What the counterpart works out once per move and every judgement of that move shares:
 * its valuer, its red lines as they stand now, and which options may be offered now
 * (allowed[issue][rank]). Each is a pure function of the state, so sharing it changes no figure.
 */
export interface MoveView {
  readonly mine: Valuer;
  readonly lines: RedLines;
  readonly allowed: readonly (readonly boolean[])[];
}

export function moveView(scenario: Scenario, state: GameState, side: Side): MoveView {
  return {
    mine: new Valuer(scenario, state, side),
    lines: redLinesNow(scenario.sides[side].priorities, state),
    allowed: ISSUE_IDS.map((issue) => ISSUES[issue].map((o) => optionBlock(scenario, state, issue, o) === null)),
  };
}

/** The least a deal must be worth before `side` signs: lower with rapport, trust and a looming deadline. */
export function acceptanceBar(scenario: Scenario, state: GameState, side: Side, reservation = state.priorities[side].reservation): number {
  const v = state.world.vars;
  const lastRound = state.round + 1 >= scenario.rounds.length;
  return (
    reservation -
    (v.rapport - 50) / C.barPerRapport -
    (v[`trust.${side}`] - 50) / C.barPerTrust -
    (lastRound ? C.deadlineBar : 0) +
    STRATEGY_BAR[state.config.strategy[side]]
  );
}

/** Below its bar by more than this, the counterpart refuses outright: no lucky roll signs a bad deal (design). */
export const REFUSE_BELOW = C.refuseBelow;

/** How a refusal sounds to the other side, from how far the offer falls short (design). */
export function signalOf(gap: number, redLine: boolean): Signal {
  if (redLine || gap < -REFUSE_BELOW) return 'cold';
  return gap >= -C.warmWithin ? 'warm' : 'cool';
}

/** No one signs the other side's opening offer as it stands: it is haggled over first (design). */
export const OPENING_PREMIUM = C.openingPremium;

/**
 * A joint statement that only reaffirms what is already agreed costs
 * nothing: it is signed unless trust has broken down (design), so a summit
 * after a first deal need not end empty.
 */
export const REAFFIRM = C.reaffirm;
export const reaffirmOdds = (state: GameState, side: Side): number => (state.world.vars[`trust.${side}`] >= REAFFIRM.trust ? REAFFIRM.p : 0);

export function acceptance(scenario: Scenario, state: GameState, side: Side, pkg: Package, view: MoveView = moveView(scenario, state, side)): Omit<Decision, 'roll'> {
  const v = toVec(pkg);
  const valuer = view.mine;
  const worth = r2(valuer.net(v));
  if (valuer.reaffirms(v)) {
    const p = reaffirmOdds(state, side);
    return { worth, bar: worth, p, reason: p > 0 ? 'closeCall' : 'farApart', signal: p > 0 ? 'warm' : 'cold' };
  }
  const opening = state.summit.offers.filter((o) => o.side !== side).length <= 1;
  const bar = r2(acceptanceBar(scenario, state, side) + (opening ? OPENING_PREMIUM : 0));
  const lines = view.lines;
  const hit = redLineIssue(lines, v);
  const gap = worth - bar;
  if (hit >= 0) {
    return { worth, bar, p: 0, redLine: lines.labels[hit] ?? 'red line', reason: 'redLine', asks: ISSUE_IDS[hit]!, signal: 'cold' };
  }
  const p = gap < -REFUSE_BELOW ? 0 : Math.round(logistic(gap / C.acceptWidth) * 1000) / 1000;
  const risk = valuer.riskOf(v);
  const reason: DecisionReason =
    gap >= 0 ? 'closeCall' : risk > 0 && gap + risk >= 0 ? 'ratificationRisk' : gap < -REFUSE_BELOW ? 'farApart' : 'short';
  const asks = wantedIssue(v, view);
  return { worth, bar, p, reason, signal: signalOf(gap, false), ...(asks ? { asks } : {}) };
}

/** The issue whose one-step change would help `side` most on this package: what it presses for. */
function wantedIssue(v: Vec, { mine: valuer, lines, allowed }: MoveView): IssueId | undefined {
  const base = valuer.net(v);
  let best = 0.5;
  let asks: IssueId | undefined;
  for (let k = 0; k < v.length; k += 1) {
    const issue = ISSUE_IDS[k]!;
    for (let dk = -1; dk <= 1; dk += 2) {
      const rank = v[k]! + dk;
      if (!allowed[k]![rank]) continue;
      const candidate = v.slice();
      candidate[k] = rank;
      if (redLineIssue(lines, candidate) >= 0) continue;
      const gainNow = valuer.net(candidate) - base;
      if (gainNow > best) {
        best = gainNow;
        asks = issue;
      }
    }
  }
  return asks;
}

/** The counterpart's move for `side`, which must be the side to move. */
export function chooseAction(scenario: Scenario, state: GameState, phase: PhaseName, side: Side, dice: Dice): Action {
  switch (phase) {
    case 'ministerTalks':
      return chooseAgenda(scenario, state, side, dice.next('counterpart'));
    case 'summit':
      return chooseSummitMove(scenario, state, side, dice.next('counterpart'));
    case 'publicReaction': {
      // Working the home front is a judgement, not a roll: no dice are drawn for it.
      const work = chooseWork(scenario, state, side);
      if (work) return { type: 'homeFront', side, faction: work };
      return { type: 'statement', side, tone: chooseTone(scenario, state, side, dice.next('counterpart')) };
    }
    case 'ratification':
      return { type: 'ratify', side, approach: chooseApproach(scenario, state, side) };
    default:
      throw new Error(`the counterpart was asked to move in phase ${phase}`);
  }
}

/**
 * Whom the counterpart works at home, if anyone: with a text signed, the
 * faction likeliest to sink it (one whose demand the text fails, weakest
 * backing first, strongest first among equals); otherwise a strong faction
 * whose backing has sagged below TUNING.factions.workBelow. Never when the
 * approval it costs would bring the leader near losing office.
 */
export function chooseWork(scenario: Scenario, state: GameState, side: Side): string | null {
  const options = workableFactions(scenario, state, side);
  if (options.length === 0) return null;
  const margin = state.world.vars[`approval.${side}`] - scenario.sides[side].leaderOutBelow;
  const text = state.signed ? toVec(state.signed) : null;
  let best: string | null = null;
  let bestUrgency = 0;
  for (const rule of factionRules(scenario)[side]) {
    const f = rule.faction;
    if (!options.includes(f)) continue;
    if (margin + f.work.approval < C.desperateMargin) continue;
    const backing = backingOf(state, f);
    const against = text !== null && !meetsVec(rule, text);
    const below = (against ? TUNING.factions.blockBelow + TUNING.factions.workBelow / 2 : TUNING.factions.workBelow) - backing;
    const urgency = below > 0 ? f.strength * below * (against ? 2 : 1) : 0;
    if (urgency > bestUrgency) {
      bestUrgency = urgency;
      best = f.id;
    }
  }
  return best;
}

/**
 * How the counterpart takes a signed text home: it puts off a vote it would
 * likely lose when it can (once per text), whips one it might lose when it
 * has approval to spend, and otherwise lets parliament vote freely.
 */
function chooseApproach(scenario: Scenario, state: GameState, side: Side): Approach {
  const margin = state.world.vars[`approval.${side}`] - scenario.sides[side].leaderOutBelow;
  const whipped = ratificationOdds(scenario, state, side, 'whip');
  if (whipped < C.delayBelow && state.signedRound === state.round && approachOpen(scenario, state, 'delay')) return 'delay';
  if (margin > C.whipMargin && ratificationOdds(scenario, state, side, 'vote') < C.whipBelow) return 'whip';
  return 'vote';
}

function chooseAgenda(scenario: Scenario, state: GameState, side: Side, roll: number): Action {
  const preferred = scenario.sides[side].priorities.sequencing;
  const v = state.world.vars;
  const flex = clamp(
    C.flexBase + (v[`trust.${side}`] - 50) / C.flexTrustScale + (state.round / Math.max(1, scenario.rounds.length - 1)) * C.flexLate + STRATEGY_FLEX[state.config.strategy[side]],
    0,
    C.flexMax,
  );
  const sequencing: Sequencing = roll < flex ? 'parallel' : preferred;
  return { type: 'agenda', side, sequencing, prepare: preparedIssue(side, state.priorities[side].weights) };
}

/** The issue a side prepares for the summit: the one it cares most about among those that can move its way. */
export function preparedIssue(side: Side, weights: Record<IssueId, number>): IssueId {
  let prepare: IssueId = 'humanitarian';
  let best = -Infinity;
  for (const issue of ISSUE_IDS) {
    const score = weights[issue] * UPSIDE[side][issue];
    if (score > best) {
      best = score;
      prepare = issue;
    }
  }
  return prepare;
}

/** The most each issue can move a side's way, on its own; fixed by the gain tables, so computed once. */
const UPSIDE: Record<Side, Record<IssueId, number>> = { japan: upsides('japan'), russia: upsides('russia') };

function upsides(side: Side): Record<IssueId, number> {
  const out = {} as Record<IssueId, number>;
  for (const issue of ISSUE_IDS) {
    out[issue] = Math.max(...ISSUES[issue].map((option) => gain(side, issue, { ...STATUS_QUO, islands: 'two', [issue]: option } as Package)));
  }
  return out;
}

function chooseSummitMove(scenario: Scenario, state: GameState, side: Side, roll: number): Action {
  const offers = state.summit.offers;
  const last = offers[offers.length - 1];
  const types = legalTypes(scenario, state, 'summit');
  const view = moveView(scenario, state, side);
  if (last && last.side !== side) {
    const judged = acceptance(scenario, state, side, last.package, view);
    const why: Decision = { ...judged, roll: r2(roll * 1000) / 1000 };
    if (roll < judged.p) {
      // No one signs the first offer of a summit as it stands: it asks for one thing more, while offers remain to settle it.
      const first = offers.filter((o) => o.side !== side).length === 1 && offers.length < MAX_OFFERS - 1;
      const ask = first && types.includes('offer') && !view.mine.reaffirms(toVec(last.package)) ? askInReturn(last.package, judged.worth + 0.01, view) : null;
      if (ask) return { type: 'offer', side, package: ask, why: { ...why, reason: 'asksMore', signal: 'warm', asks: changedIssue(last.package, ask) ?? why.asks } };
      return { type: 'accept', side, why };
    }
    if (types.includes('offer')) {
      // Haggle: a counter-offer of its own, or, when the offer came close, the same terms with what it asks in return.
      const counter = proposePackage(scenario, state, side, last.package, view) ?? (judged.reason === 'farApart' ? null : askInReturn(last.package, judged.bar, view));
      if (counter) return { type: 'offer', side, package: counter, why };
    }
    const trust = state.world.vars[`trust.${side}`];
    if (judged.worth < judged.bar - C.walkOutBelow && trust < C.walkOutTrust) return { type: 'walkOut', side, why };
    return { type: 'stall', side, why };
  }
  const opening = proposePackage(scenario, state, side, null, view);
  return opening ? { type: 'offer', side, package: opening } : { type: 'stall', side };
}

/**
 * Builds an offer by hill-climbing one option at a time from the package on
 * the table: as much as possible for itself, while keeping its guess of the
 * other side's worth above a target that falls as the talks go on. Packages
 * are searched as vectors of option ranks, with what may be offered now
 * worked out once per search.
 */
export function proposePackage(scenario: Scenario, state: GameState, side: Side, onTable: Package | null, view: MoveView = moveView(scenario, state, side)): Package | null {
  const other = otherSide(side);
  const guess = guessedPriorities(scenario, other);
  const theirTable = worthTable(other, guess.weights);
  // It gives ground as the year runs out, and in step with the other side: what the other side's
  // offers gave it during this summit, it returns in part; an offer that moves nothing earns nothing.
  const target = guess.reservation + C.offerMargin - C.offerMarginPerRound * state.round - reciprocity(state, side);
  const { mine, lines, allowed } = view;
  const myBar = acceptanceBar(scenario, state, side);
  const theirPressure = new Pressure(scenario, other, state);
  // The climbs meet the same packages more than once (a third of the visits in a batch run): each is scored once.
  const scored = new Map<number, number>();
  const score = (v: Vec): number => {
    const key = packageKey(v);
    const known = scored.get(key);
    if (known !== undefined) return known;
    let sc: number;
    if (redLineVec(lines, v)) sc = -Infinity;
    else {
      const theirs = theirTable.worth(v) - theirPressure.of(v);
      sc = mine.net(v) - C.shortfallWeight * Math.max(0, target - theirs);
    }
    scored.set(key, sc);
    return sc;
  };
  const start = onTable ? toVec(onTable) : toVec(STATUS_QUO);
  // Two buffers per climb, swapped each step: the search allocates nothing per candidate.
  const climb = (from: Vec): { v: Vec; score: number } => {
    let current = from.slice();
    let best = from.slice();
    const scratch = from.slice();
    let currentScore = score(current);
    for (let step = 0; step < C.searchSteps; step += 1) {
      let found = false;
      let bestScore = currentScore;
      eachStepFrom(current, allowed, scratch, (candidate) => {
        const sc = score(candidate);
        if (sc > bestScore + 1e-9) {
          copyInto(best, candidate);
          found = true;
          bestScore = sc;
        }
      });
      if (!found) break;
      [current, best] = [best, current];
      currentScore = bestScore;
    }
    return { v: current, score: currentScore };
  };
  let found = climb(start);
  // One step at a time cannot cross a red line into treaty texts, so also climb from the
  // smallest treaty this side could sign, when territory is on the table.
  // (Under a sequencing clash only joint activity is open, and one step reaches it: no anchor needed.)
  if (allowed[ISLANDS]![2] && allowed[SOVEREIGNTY]![2] && start[ISLANDS] === 0) {
    const anchor = start.slice();
    anchor[ISLANDS] = Math.max(2, lines.lo[ISLANDS]!);
    anchor[SOVEREIGNTY] = Math.min(Math.max(2, lines.lo[SOVEREIGNTY]!), lines.hi[SOVEREIGNTY]!);
    anchor[GUARANTEE] = Math.min(Math.max(anchor[GUARANTEE]!, lines.lo[GUARANTEE]!), lines.hi[GUARANTEE]!);
    if (anchor.every((r, i) => allowed[i]![r])) {
      const treaty = climb(anchor);
      if (treaty.score > found.score) found = treaty;
    }
  }
  const current = found.v;
  if (current.every((r, i) => r === start[i])) return null;
  // Never table what it would not sign itself.
  if (mine.net(current) < myBar) return null;
  return fromVec(current);
}

const ASK_STEPS = C.askSteps;

/**
 * The offer on the table with what it asks in return: one option at a time,
 * the step worth most to it, until it would sign at `bar` (at least one
 * change, at most ASK_STEPS, none across its red lines). Null if that is
 * not enough.
 */
export function askInReturn(onTable: Package, bar: number, { mine, lines, allowed }: MoveView): Package | null {
  let current = toVec(onTable);
  let best = current.slice();
  const scratch = current.slice();
  for (let step = 0; step < ASK_STEPS && (step === 0 || mine.net(current) < bar); step += 1) {
    let found = false;
    let bestWorth = mine.net(current);
    eachStepFrom(current, allowed, scratch, (candidate) => {
      if (redLineVec(lines, candidate)) return;
      const worth = mine.net(candidate);
      if (worth > bestWorth + 1e-9) {
        copyInto(best, candidate);
        found = true;
        bestWorth = worth;
      }
    });
    if (!found) return null;
    [current, best] = [best, current];
  }
  return mine.net(current) >= bar ? fromVec(current) : null;
}

/** The first issue on which two packages differ. */
function changedIssue(a: Package, b: Package): IssueId | undefined {
  return ISSUE_IDS.find((issue) => a[issue] !== b[issue]);
}

/** Share of the other side's concessions (worth to this side) it returns, and the most it returns in a summit: design. */
const RECIPROCITY = C.reciprocity;

/** How far the other side moved this side's way during this summit, counted in this side's own worth. */
export function reciprocity(state: GameState, side: Side): number {
  const other = otherSide(side);
  const table = worthTable(side, state.priorities[side].weights);
  let moved = 0;
  let previous: number | null = null;
  for (const offer of state.summit.offers) {
    if (offer.side !== other) continue;
    const worth = table.worth(toVec(offer.package));
    if (previous !== null && worth > previous) moved += worth - previous;
    previous = worth;
  }
  return Math.min(RECIPROCITY.cap, RECIPROCITY.share * moved);
}

/**
 * The packages one option away from `current` (one issue a rank up or down),
 * made canonical and all of whose options may be offered now, in a fixed
 * order (issue by issue, down before up): the counterpart's search steps.
 * Each is built in `scratch` and handed to `visit`, which must copy it to keep it.
 */
function eachStepFrom(current: Vec, allowed: MoveView['allowed'], scratch: Vec, visit: (candidate: Vec) => void): void {
  const sovereigntyOpen = allowed[SOVEREIGNTY]![2] === true;
  for (let k = 0; k < current.length; k += 1) {
    for (let dk = -1; dk <= 1; dk += 2) {
      const rank = current[k]! + dk;
      if (!allowed[k]![rank]) continue;
      copyInto(scratch, current);
      scratch[k] = rank;
      canonical(scratch, k, current, sovereigntyOpen);
      if (allAllowed(scratch, allowed)) visit(scratch);
    }
  }
}

/** A package's option ranks as one number (mixed radix, issue by issue): a key for the search's memo. */
function packageKey(v: Vec): number {
  let key = 0;
  for (let k = 0; k < v.length; k += 1) key = key * RADIX[k]! + v[k]!;
  return key;
}
const RADIX: readonly number[] = ISSUE_IDS.map((issue) => ISSUES[issue].length);

function copyInto(to: Vec, from: Vec): void {
  for (let i = 0; i < from.length; i += 1) to[i] = from[i]!;
}

function allAllowed(v: Vec, allowed: MoveView['allowed']): boolean {
  for (let i = 0; i < v.length; i += 1) if (!allowed[i]![v[i]!]) return false;
  return true;
}

/** Sovereignty means nothing without islands, and a pipeline and a guarantee need a treaty; islands entering a package start under joint governance when sovereignty is on the table, else under joint economic activity. */
function canonical(v: Vec, changed: number, before: Vec, sovereigntyOpen: boolean): void {
  if (v[ISLANDS] === 0) {
    v[SOVEREIGNTY] = 0;
    if (v[ENERGY] === 2) v[ENERGY] = 1;
  } else if (changed === ISLANDS && before[ISLANDS] === 0) {
    v[SOVEREIGNTY] = sovereigntyOpen ? 2 : 0;
  }
  if (v[SOVEREIGNTY] === 0 && v[ENERGY] === 2) v[ENERGY] = 1; // a pipeline needs a treaty
  if (v[SOVEREIGNTY] === 0) v[GUARANTEE] = 0; // so does a guarantee about returned islands
}

function chooseTone(scenario: Scenario, state: GameState, side: Side, roll: number): Tone {
  const outcome = state.summit.outcome;
  const strategy = state.config.strategy[side];
  const v = state.world.vars;
  if (outcome === 'treatyText' || outcome === 'interimAgreement') return 'sell';
  if (outcome === 'walkOut') return 'tough';
  const desperate = v[`approval.${side}`] < scenario.sides[side].leaderOutBelow + C.desperateMargin;
  if (desperate && roll < C.desperateLeak) return 'leak';
  const toughOdds = v[`hardliners.${side}`] / C.toughHardlinerScale + C.toughStance[strategy];
  return roll < toughOdds ? 'tough' : 'quiet';
}
