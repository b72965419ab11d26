import type { Scenario } from '../scenario/schema';
import type { IslandId, IslandStatus, Package, Side, VarId } from '../scenario/vocabulary';
import { packageWorth, domesticPressure } from './counterpart/valuation';
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
