import type { Scenario } from '../scenario/schema';
import type { IslandId, IslandStatus, Package, Side, VarId } from '../scenario/vocabulary';
import { ISSUE_IDS, type IssueId } from '../scenario/vocabulary';
import { packageWorth, domesticPressure, STATUS_QUO_WORTH, toVec, worthTable } from './worth';
import type { GameState, LedgerEntry } from './types';

/** The ledger entries that moved one variable, oldest first. */
export const ledgerFor = (state: GameState, v: VarId): LedgerEntry[] => state.ledger.filter((e) => e.var === v);

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

/** What a package is worth to `side` by its own private priorities and home front, 0–100 (the status quo is 40). */
export function packageValue(state: GameState, side: Side, pkg: Package): number {
  const worth = packageWorth(side, pkg, state.priorities[side].weights) - domesticPressure(side, pkg, state);
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

export function worthBreakdown(state: GameState, side: Side, pkg: Package): WorthBreakdown {
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const { terms, bonus } = worthTable(side, state.priorities[side].weights).parts(toVec(pkg));
  return {
    base: STATUS_QUO_WORTH,
    terms: ISSUE_IDS.map((issue, k) => ({ issue, option: pkg[issue], delta: r2(terms[k]!) })).filter((t) => t.delta !== 0),
    bonus: r2(bonus),
    home: r2(-domesticPressure(side, pkg, state)),
    total: packageValue(state, side, pkg),
  };
}
