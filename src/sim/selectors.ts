import type { Scenario } from '../scenario/schema';
import type { IslandId, IslandStatus, Package, Side, VarId } from '../scenario/vocabulary';
import { ISSUE_IDS, type IssueId } from '../scenario/vocabulary';
import { packageWorth, domesticPressure, STATUS_QUO_WORTH, toVec, worthTable } from './worth';
import type { GameState, LedgerEntry, LedgerVar } from './types';

/** The ledger entries that moved one variable, oldest first. */
export const ledgerFor = (state: GameState, v: LedgerVar): LedgerEntry[] => state.ledger.filter((e) => e.var === v);

export interface IslandRow {
  id: IslandId;
  names: { ru: string; ja: string };
  areaKm2: number;
  population: number;
  status: IslandStatus;
  /** This island's share of the disputed land, 0–1. */
  shareOfLand: number;
}

export function islandRows(scenario: Scenario, state: GameState): IslandRow[] {
  const total = scenario.islands.reduce((sum, i) => sum + i.areaKm2, 0);
  return scenario.islands.map((i) => ({
    id: i.id,
    names: i.names,
    areaKm2: i.areaKm2,
    population: i.population,
    status: state.world.islands[i.id],
    shareOfLand: total === 0 ? 0 : i.areaKm2 / total,
  }));
}

/** The range a ledger's variable moves in: the scenario's for a world variable, 0–100 for a faction's backing. */
export function ledgerRange(scenario: Scenario, v: LedgerVar): { min: number; max: number } {
  if (v.startsWith('faction.')) return { min: 0, max: 100 };
  const spec = scenario.variables[v as VarId];
  return { min: spec.min, max: spec.max };
}

/** The faction a ledger variable names, or null for a world variable. */
export const factionOfVar = (v: LedgerVar): string | null => (v.startsWith('faction.') ? v.slice('faction.'.length) : null);

/** What a package is worth to `side` by its own private priorities and home front, 0–100 (the status quo is 40). */
export function packageValue(scenario: Scenario, state: GameState, side: Side, pkg: Package): number {
  const worth = packageWorth(side, pkg, state.priorities[side].weights) - domesticPressure(scenario, side, pkg, state);
  return Math.round(Math.max(0, Math.min(100, worth)));
}

/** What a package's worth to one side is made of: the why-panel of "worth to you". */
export interface WorthBreakdown {
  /** The status quo's worth, where every package starts. */
  base: number;
  /** What each term adds (or takes away), weighted by this side's own priorities; zero terms left out. */
  terms: { issue: IssueId; option: string; delta: number }[];
  /** The worth of signing at all (a treaty's legacy, an interim step). */
  bonus: number;
  /** What the home front takes off (or adds): opposition, hard-liners, the alliance, approval. */
  home: number;
  /** The 0–100 figure shown, as packageValue gives it. */
  total: number;
}

export function worthBreakdown(scenario: Scenario, state: GameState, side: Side, pkg: Package): WorthBreakdown {
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const { terms, bonus } = worthTable(side, state.priorities[side].weights).parts(toVec(pkg));
  return {
    base: STATUS_QUO_WORTH,
    terms: ISSUE_IDS.map((issue, k) => ({ issue, option: pkg[issue], delta: r2(terms[k]!) })).filter((t) => t.delta !== 0),
    bonus: r2(bonus),
    home: r2(-domesticPressure(scenario, side, pkg, state)),
    total: packageValue(scenario, state, side, pkg),
  };
}
