import type { Faction, Scenario } from '../scenario/schema';
import { ISSUE_IDS, ISSUES, type Package, type Side } from '../scenario/vocabulary';
import { optionIndex, toVec } from './packages';
import type { GameState } from './types';
import { TUNING } from './tuning';

// The factions at home as the valuation, the ratification odds and the
// rules read them: pure functions of the scenario and the state, below the
// rules (rules/world.ts moves the factions; this file only reads them).

const F = TUNING.factions;

/** A faction's demand as a rank range over one issue (index in ISSUE_IDS), worked out once per scenario. */
export interface FactionRule {
  readonly faction: Faction;
  readonly issue: number;
  readonly lo: number;
  readonly hi: number;
}

const RULES = new WeakMap<Scenario, Record<Side, readonly FactionRule[]>>();

/** Each side's factions, in the scenario's order, with their demands as rank ranges. */
export function factionRules(scenario: Scenario): Record<Side, readonly FactionRule[]> {
  let r = RULES.get(scenario);
  if (!r) {
    const make = (f: Faction): FactionRule => {
      const issue = f.demand.issue;
      return {
        faction: f,
        issue: ISSUE_IDS.indexOf(issue),
        lo: f.demand.atLeast === undefined ? 0 : optionIndex(issue, f.demand.atLeast),
        hi: f.demand.atMost === undefined ? ISSUES[issue].length - 1 : optionIndex(issue, f.demand.atMost),
      };
    };
    r = {
      japan: scenario.factions.filter((f) => f.side === 'japan').map(make),
      russia: scenario.factions.filter((f) => f.side === 'russia').map(make),
    };
    RULES.set(scenario, r);
  }
  return r;
}

export const factionById = (scenario: Scenario, id: string): Faction | undefined => scenario.factions.find((f) => f.id === id);

/** A faction's backing now (its scenario start if the state holds none, as for a faction added after the game began). */
export const backingOf = (state: GameState, f: Faction): number => state.world.factions[f.id] ?? f.backing;

/** The backing under which a faction blocks a treaty text that fails its demand, or null for one too weak ever to block. */
export const blockLineOf = (f: Faction): number | null => (f.strength >= F.blockStrength ? F.blockBelow : null);

/** Whether a package meets a faction's demand. */
export function meetsDemand(scenario: Scenario, f: Faction, pkg: Package): boolean {
  const rule = factionRules(scenario)[f.side].find((r) => r.faction.id === f.id);
  return rule ? meetsVec(rule, toVec(pkg)) : true;
}

/** Whether a package, as option ranks, meets a faction's demand. */
export const meetsVec = (rule: FactionRule, v: readonly number[]): boolean => v[rule.issue]! >= rule.lo && v[rule.issue]! <= rule.hi;

/** Whether a deal of this kind is judged by the faction's demand at all (a demand on the islands says nothing of an interim step). */
export const judges = (f: Faction, treaty: boolean): boolean => treaty || !f.demand.treatyOnly;

/**
 * The faction that would block a treaty text in its parliament, or null: a
 * strong one (TUNING.factions.blockStrength) whose demand the text fails and
 * whose backing has fallen below blockBelow. Working it first lifts the block.
 */
export function blockingFaction(scenario: Scenario, state: GameState, side: Side, text: Package | null): Faction | null {
  return text ? blockerOfVec(scenario, state, side, toVec(text)) : null;
}

/**
 * What the valuation reads of one side's factions in one state, worked out
 * once per state: the counterpart's search asks thousands of times a game.
 * `cost[i]` is what failing faction i's demand weighs; `blocks[i]` whether
 * it is strong and estranged enough to block a text that fails it.
 */
export interface FactionView {
  readonly rules: readonly FactionRule[];
  readonly cost: readonly number[];
  readonly blocks: readonly boolean[];
  readonly anyBlocks: boolean;
}

const VIEWS = new WeakMap<Record<string, number>, Partial<Record<Side, FactionView>>>();

/** One side's factions as the valuation reads them in one state, cached per factions record (worth.ts `Pressure` holds one for a whole search). */
export function factionView(scenario: Scenario, state: GameState, side: Side): FactionView {
  let bySide = VIEWS.get(state.world.factions);
  if (!bySide) {
    bySide = {};
    VIEWS.set(state.world.factions, bySide);
  }
  let view = bySide[side];
  if (!view) {
    const rules = factionRules(scenario)[side];
    const backing = rules.map((r) => backingOf(state, r.faction));
    const blocks = rules.map((r, i) => {
      const line = blockLineOf(r.faction);
      return line !== null && backing[i]! < line;
    });
    view = {
      rules,
      cost: rules.map((r, i) => (r.faction.strength / 100) * ((100 - backing[i]!) / 100) * F.pressure),
      blocks,
      anyBlocks: blocks.some(Boolean),
    };
    bySide[side] = view;
  }
  return view;
}

/** The first strong, estranged faction that would block this text (as option ranks) in its parliament, or null. */
function blockerOfVec(scenario: Scenario, state: GameState, side: Side, v: readonly number[]): Faction | null {
  return blockerIn(factionView(scenario, state, side), v);
}

/** `blockerOfVec` over a view already looked up (the counterpart's search asks for every treaty text it meets). */
function blockerIn(view: FactionView, v: readonly number[]): Faction | null {
  if (!view.anyBlocks) return null;
  for (let i = 0; i < view.rules.length; i += 1) if (view.blocks[i] && !meetsVec(view.rules[i]!, v)) return view.rules[i]!.faction;
  return null;
}

/** Whether a strong, estranged faction would block this text (as option ranks) in its parliament, over a view already looked up. */
export const blocksIn = (view: FactionView, v: readonly number[]): boolean => blockerIn(view, v) !== null;

/** The factions' pull on a parliament, on the logistic's scale: strong backers help a text through, strong critics hold it up. */
export function factionLean(scenario: Scenario, state: GameState, side: Side): number {
  let lean = 0;
  for (const rule of factionRules(scenario)[side]) {
    const f = rule.faction;
    lean += ((f.strength / 100) * (backingOf(state, f) - 50)) / F.ratifyScale;
  }
  return lean;
}

/** The weight of the factions whose demands a package fails, in worth points: a leader weighing it hears them. */
export function factionPressureVec(scenario: Scenario, side: Side, v: readonly number[], state: GameState, treaty: boolean): number {
  return factionPressureIn(factionView(scenario, state, side), v, treaty);
}

/** `factionPressureVec` over a view already looked up. */
export function factionPressureIn(view: FactionView, v: readonly number[], treaty: boolean): number {
  let p = 0;
  for (let i = 0; i < view.rules.length; i += 1) {
    const rule = view.rules[i]!;
    if ((treaty || !rule.faction.demand.treatyOnly) && !meetsVec(rule, v)) p += view.cost[i]!;
  }
  return p;
}

/** The factions a side may work now: its own, once a round, before its statement. */
export const workableFactions = (scenario: Scenario, state: GameState, side: Side): readonly Faction[] =>
  state.worked[side] !== undefined ? [] : factionRules(scenario)[side].map((r) => r.faction);
