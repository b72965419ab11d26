import type { Priorities, Scenario } from '../scenario/schema';
import { ISSUE_IDS, ISSUES, type IssueId, type Package, type Side } from '../scenario/vocabulary';
import { optionIndex, toVec } from './packages';
import { holds } from './conditions';
import type { GameState, SidePriorities } from './types';
import { factionPressureIn, factionView, type FactionView } from './factions';
import { TUNING } from './tuning';

// How much each option gives each side, from -1 (costs it dearly) to +1.
// These are the game's design, read off the articles: Japan wants the islands
// under its sovereignty and pays for them with guarantees, sanctions relief
// and investment; Russia "prefers lease or joint governance to a transfer",
// wants "firm guarantees that the U.S. will keep away", investment and energy.
// Tables are indexed by issue (in ISSUE_IDS order) and option rank.
const GAIN: Record<Side, { [I in IssueId]: number[] }> = {
  japan: {
    islands: [0, 0.25, 0.5, 0.8, 1],
    sovereignty: [-0.3, -0.25, 0.1, 1],
    usGuarantee: [0, -0.15, -0.4, -0.8],
    sanctions: [0, -0.3, -0.8],
    energy: [0, 0.3, 0.5],
    investment: [0, -0.1, -0.3],
    humanitarian: [0, 0.5, 0.8],
  },
  russia: {
    islands: [0, -0.15, -0.35, -0.8, -1],
    sovereignty: [0.4, 0.3, 0.2, -0.5],
    usGuarantee: [-0.8, -0.4, 0.2, 0.6],
    sanctions: [0, 0.5, 1],
    energy: [0, 0.4, 0.8],
    investment: [0, 0.5, 1],
    humanitarian: [0, -0.15, -0.35],
  },
};

/** The worth of simply having a signed text: Abe's legacy, Putin's counterweight to China. */
const DEAL_BONUS: Record<Side, { treaty: number; interim: number }> = {
  japan: { treaty: 8, interim: 1 },
  russia: { treaty: 6, interim: 1 },
};

/** A package as option ranks in ISSUE_IDS order: the counterpart searches over these. */
export type Vec = number[];
export const ISLANDS = ISSUE_IDS.indexOf('islands');
export const SOVEREIGNTY = ISSUE_IDS.indexOf('sovereignty');
export const GUARANTEE = ISSUE_IDS.indexOf('usGuarantee');
export const SANCTIONS = ISSUE_IDS.indexOf('sanctions');
export const ENERGY = ISSUE_IDS.indexOf('energy');
export const INVESTMENT = ISSUE_IDS.indexOf('investment');

export { toVec };
export const fromVec = (v: Vec): Package =>
  Object.fromEntries(ISSUE_IDS.map((issue, k) => [issue, ISSUES[issue][v[k] ?? 0]])) as Package;

const TABLE: Record<Side, number[][]> = {
  japan: ISSUE_IDS.map((i) => GAIN.japan[i]),
  russia: ISSUE_IDS.map((i) => GAIN.russia[i]),
};

export const weightVec = (weights: Record<IssueId, number>): number[] => ISSUE_IDS.map((i) => weights[i]);

/** One option's gain to a side, given whether islands change hands. */
/**
 * What a package does to the islands: nothing; joint economic activity on
 * them under Russian sovereignty (an interim step, as agreed in 2016); or a
 * change of sovereignty (lease, joint governance, transfer), which takes a treaty.
 */
const Reach = { None: 0, JointActivity: 1, Treaty: 2 } as const;
type Reach = (typeof Reach)[keyof typeof Reach];
const reachOf = (v: Vec): Reach => (v[ISLANDS]! === 0 ? Reach.None : v[SOVEREIGNTY]! === 0 ? Reach.JointActivity : Reach.Treaty);

function gainAt(side: Side, k: number, rank: number, reach: Reach): number {
  if (k === SOVEREIGNTY && reach === Reach.None) return 0; // sovereignty only matters when islands are involved
  const treaty = reach === Reach.Treaty;
  const g = TABLE[side][k]![rank] ?? 0;
  // Without islands at stake Russia barely minds the absence of a guarantee.
  if (k === GUARANTEE && side === 'russia' && !treaty) return Math.max(g, 0) * 0.5;
  return g;
}

export const gain = (side: Side, issue: IssueId, pkg: Package): number =>
  gainAt(side, ISSUE_IDS.indexOf(issue), optionIndex(issue, pkg[issue]), reachOf(toVec(pkg)));

/**
 * The worth of no deal at all. Scenario reservations (the least a side
 * signs) are on the same scale: a reservation of 40 accepts any deal that
 * is no worse than nothing, 55 wants a clear gain.
 */
export const STATUS_QUO_WORTH = 40;

/**
 * A package's worth to one side, on a scale where the status quo is
 * STATUS_QUO_WORTH and every gain at once adds 50 (plus the bonus for
 * signing). Every weight × gain is worked out once per set of weights: the
 * counterpart's search values thousands of packages a game.
 */
export class WorthTable {
  /** products[reach][issue][rank] = weight × gain */
  private readonly products: number[][][];
  private readonly total: number;

  constructor(
    private readonly side: Side,
    w: number[],
  ) {
    this.total = w.reduce((a, b) => a + b, 0);
    this.products = [Reach.None, Reach.JointActivity, Reach.Treaty].map((reach) =>
      ISSUE_IDS.map((issue, k) => ISSUES[issue].map((_, rank) => w[k]! * gainAt(side, k, rank, reach))),
    );
  }

  /** Each issue's share of the worth (on the 0–100 scale) and the bonus for signing: what `worth` adds up. */
  parts(v: Vec): { terms: number[]; bonus: number } {
    const table = this.products[reachOf(v)]!;
    const terms = v.map((rank, k) => (this.total === 0 ? 0 : (50 * table[k]![rank]!) / this.total));
    const full = this.worth(v);
    const bonus = full - STATUS_QUO_WORTH - terms.reduce((a, b) => a + b, 0);
    return { terms, bonus };
  }

  worth(v: Vec): number {
    const reach = reachOf(v);
    const treaty = reach === Reach.Treaty;
    const table = this.products[reach]!;
    let sum = 0;
    let agreed = false;
    for (let k = 0; k < v.length; k += 1) {
      const rank = v[k]!;
      sum += table[k]![rank]!;
      if (rank > 0) agreed = true;
    }
    const base = STATUS_QUO_WORTH + (this.total === 0 ? 0 : (50 * sum) / this.total);
    return base + (treaty ? DEAL_BONUS[this.side].treaty : agreed ? DEAL_BONUS[this.side].interim : 0);
  }
}

const TABLES = new WeakMap<object, WorthTable>();

/** One table per set of weights (a game's drawn priorities, or a scenario's guessed ones), built once. */
export function worthTable(side: Side, weights: Record<IssueId, number>): WorthTable {
  let table = TABLES.get(weights);
  if (!table) {
    table = new WorthTable(side, weightVec(weights));
    TABLES.set(weights, table);
  }
  return table;
}

export const packageWorth = (side: Side, pkg: Package, weights: Record<IssueId, number>): number =>
  worthTable(side, weights).worth(toVec(pkg));

const SEVERITY_ISLANDS = [0, 0.4, 0.7, 1.2, 1.5];
const SEVERITY_FORM = [0.3, 0.6, 0.7, 1.2];

/** How heavily a territorial change weighs on a leader at home (0 when no island moves). */
export const severityVec = (v: Vec): number =>
  (SEVERITY_ISLANDS[v[ISLANDS]!] ?? 0) * (SEVERITY_FORM[v[SOVEREIGNTY]!] ?? 1);
export const territorialSeverity = (pkg: Package): number => severityVec(toVec(pkg));

// What a treaty text leaves of Japan's claim unresolved, by islands option, and how far its form of
// sovereignty falls short of a return (design: the 1956 pair leaves "93 percent of the land").
const CLAIM_LEFT = [0, 1, 0.9, 0.35, 0];
const FORM_SHORTFALL = [1, 1, 0.8, 0.3];
/** How hard each parliament resists what a treaty text gives up, on the logistic's scale (design). */
const RESISTANCE = { russia: 1.5, japan: 1.2 } as const;

/**
 * What a treaty text asks of one side's parliament (0 for a text that moves
 * no sovereignty): the Duma weighs the territory ceded, the Diet the claims
 * a text leaves unresolved and a form short of a return.
 */
export function textResistance(side: Side, v: Vec): number {
  if (v[ISLANDS]! === 0 || v[SOVEREIGNTY]! === 0) return 0;
  if (side === 'russia') return RESISTANCE.russia * severityVec(v);
  return RESISTANCE.japan * (CLAIM_LEFT[v[ISLANDS]!] ?? 0) * (FORM_SHORTFALL[v[SOVEREIGNTY]!] ?? 0);
}

const SOVEREIGNTY_SHORTFALL = [0.5, 0.6, 0.4, 0];
const ALLIANCE_STRAIN = [0, 0, 0.3, 0.7];

/**
 * The home front's pull on what a leader can sign. "Any territorial
 * concession ... to make it, a leadership should be in a strong position":
 * opposition in the polls and hard-liners raise the bar for Russia's leader,
 * strength at home lowers it. Japan's leader pays for giving up on
 * sovereignty over "inherent" territory, for straining the US alliance, and
 * for economic favours without territorial progress ("territory first").
 */
export function pressureVec(scenario: Scenario, side: Side, v: Vec, state: GameState): number {
  return new Pressure(scenario, side, state).of(v);
}

/**
 * `pressureVec` for one side in one state, with everything that does not
 * depend on the package worked out once: the counterpart's search asks for
 * it hundreds of times a game. The arithmetic is `pressureVec`'s, in the same
 * order, so every engine gets the same figures to the last bit.
 */
export class Pressure {
  private readonly russia: boolean;
  private readonly factions: FactionView;
  /** Russia: the counterweight per rank of energy and investment; the weight of territorial severity. */
  private readonly counterweight: number;
  private readonly severityWeight: number;
  /** Japan: how hard-liners scale the pull, and what strength at home takes off it. */
  private readonly hardScale: number;
  private readonly strength: number;

  constructor(scenario: Scenario, side: Side, state: GameState) {
    const w = state.world.vars;
    this.russia = side === 'russia';
    this.factions = factionView(scenario, state, side);
    this.counterweight = ((w.china - 50) / 50) * scenario.actors.china.counterweight * TUNING.china.counterweight;
    const strengthRussia = (w['approval.russia'] - 50) / 50;
    this.severityWeight = (w['oppose.russia'] / 100) * 20 + (w['hardliners.russia'] / 100) * 10 - strengthRussia * 8;
    this.hardScale = 0.5 + w['hardliners.japan'] / 100;
    this.strength = ((w['approval.japan'] - 45) / 50) * 3;
  }

  of(v: Vec): number {
    const treaty = v[ISLANDS]! > 0 && v[SOVEREIGNTY]! > 0;
    const factions = factionPressureIn(this.factions, v, treaty);
    if (this.russia) {
      // The counterweight motive: the more Moscow leans on Beijing, the more Japanese money and energy are worth (Lukyanov).
      const counterweight = this.counterweight * (v[ENERGY]! + v[INVESTMENT]!);
      const sev = severityVec(v);
      if (sev === 0) return factions - counterweight;
      return sev * this.severityWeight + factions - counterweight;
    }
    const islandsIn = v[ISLANDS]! > 0;
    const shortfall = islandsIn ? SOVEREIGNTY_SHORTFALL[v[SOVEREIGNTY]!] ?? 0 : 0;
    const alliance = ALLIANCE_STRAIN[v[GUARANTEE]!] ?? 0;
    // "Territory first": economic favours without a change of sovereignty spend Japan's leverage;
    // joint economic activity on the islands is only half a step (design).
    const leverage = treaty ? 0 : (v[SANCTIONS]! + v[INVESTMENT]!) * (islandsIn ? 0.25 : 0.5);
    return (shortfall * 10 + alliance * 4 + leverage * 3) * this.hardScale - this.strength + factions;
  }
}

export const domesticPressure = (scenario: Scenario, side: Side, pkg: Package, state: GameState): number =>
  pressureVec(scenario, side, toVec(pkg), state);

/**
 * A side's red lines as allowed rank ranges per issue. Lines on the
 * territorial terms (islands, sovereignty, the US guarantee) bind treaty
 * texts, where islands change hands; lines on sanctions, energy, investment
 * and humanitarian access bind every package.
 */
export interface RedLines {
  lo: number[];
  hi: number[];
  labels: (string | null)[];
}

const RED_LINES = new WeakMap<Priorities, RedLines>();

export function redLinesOf(priorities: Priorities): RedLines {
  let r = RED_LINES.get(priorities);
  if (!r) {
    const lo = ISSUE_IDS.map(() => 0);
    const hi = ISSUE_IDS.map((i) => ISSUES[i].length - 1);
    const labels: (string | null)[] = ISSUE_IDS.map(() => null);
    for (const line of priorities.redLines) {
      const k = ISSUE_IDS.indexOf(line.issue);
      if (line.atLeast !== undefined) lo[k] = Math.max(lo[k]!, optionIndex(line.issue, line.atLeast));
      if (line.atMost !== undefined) hi[k] = Math.min(hi[k]!, optionIndex(line.issue, line.atMost));
      labels[k] = line.label;
    }
    r = { lo, hi, labels };
    RED_LINES.set(priorities, r);
  }
  return r;
}

const TERRITORIAL: readonly boolean[] = ISSUE_IDS.map((i) => i === 'islands' || i === 'sovereignty' || i === 'usGuarantee');

/** The issue (index in ISSUE_IDS) of the first red line a package crosses, or -1. */
export function redLineIssue(lines: RedLines, v: Vec): number {
  const treaty = reachOf(v) === Reach.Treaty;
  for (let k = 0; k < v.length; k += 1) {
    if (!treaty && TERRITORIAL[k]) continue;
    if (v[k]! < lines.lo[k]! || v[k]! > lines.hi[k]!) return k;
  }
  return -1;
}

export function redLineVec(lines: RedLines, v: Vec): string | null {
  const k = redLineIssue(lines, v);
  return k < 0 ? null : (lines.labels[k] ?? 'red line');
}

/**
 * A side's red lines as they stand now: a line whose shift condition holds
 * (a leader strong, or weak, at home) takes the shifted bound and label.
 */
export function redLinesNow(priorities: Priorities, state: GameState): RedLines {
  const base = redLinesOf(priorities);
  let out: RedLines | null = null;
  for (const line of priorities.redLines) {
    const shift = line.shifts.find((s) => holds(s.when, state));
    if (!shift) continue;
    out ??= { lo: base.lo.slice(), hi: base.hi.slice(), labels: base.labels.slice() };
    const k = ISSUE_IDS.indexOf(line.issue);
    out.lo[k] = shift.atLeast !== undefined ? optionIndex(line.issue, shift.atLeast) : line.atLeast !== undefined ? optionIndex(line.issue, line.atLeast) : 0;
    out.hi[k] = shift.atMost !== undefined ? optionIndex(line.issue, shift.atMost) : line.atMost !== undefined ? optionIndex(line.issue, line.atMost) : ISSUES[line.issue].length - 1;
    out.labels[k] = shift.label;
  }
  return out ?? base;
}

const GUESSES = new WeakMap<Scenario, Record<Side, SidePriorities>>();

/** Middle-of-the-range priorities: what a side can guess of the other's private brief. */
export function guessedPriorities(scenario: Scenario, side: Side): SidePriorities {
  let g = GUESSES.get(scenario);
  if (!g) {
    const make = (s: Side): SidePriorities => {
      const p = scenario.sides[s].priorities;
      const weights = {} as Record<IssueId, number>;
      for (const issue of ISSUE_IDS) weights[issue] = (p.weights[issue][0] + p.weights[issue][1]) / 2;
      return { weights, reservation: (p.reservation[0] + p.reservation[1]) / 2 };
    };
    g = { japan: make('japan'), russia: make('russia') };
    GUESSES.set(scenario, g);
  }
  return g[side];
}
