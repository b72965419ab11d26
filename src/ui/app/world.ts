// The world beyond the table as the screens read it: pure functions of the scenario and the
// state, no DOM (widgets/world-panel.ts draws them).
import type { Faction, Scenario } from '../../scenario/schema';
import type { Side } from '../../scenario/vocabulary';
import { backingOf, blockingFaction, blockLineOf, factionRules, meetsDemand, type GameState } from '../../sim';

export const factionsOf = (scenario: Scenario, side: Side): readonly Faction[] => factionRules(scenario)[side].map((r) => r.faction);

/** How near a faction is to blocking: points above its line that count as "close". */
export const CLOSE = 10;

export interface FactionStatus {
  /** 'blocks': below its line, it blocks a treaty text that fails its demand; 'close': within CLOSE points of it. */
  kind: 'blocks' | 'close' | null;
  line: number | null;
  /** Whether the signed text meets its demand (null: no text signed). */
  signedMeets: boolean | null;
  /** Whether it blocks the signed text now. */
  blocksSigned: boolean;
}

export function factionStatus(scenario: Scenario, state: GameState, f: Faction): FactionStatus {
  const b = backingOf(state, f);
  // The simulation's own rules: the blocking line and whether the signed text meets the demand.
  const line = blockLineOf(f);
  const signed = state.signed;
  return {
    kind: line === null ? null : b < line ? 'blocks' : b < line + CLOSE ? 'close' : null,
    line,
    signedMeets: signed ? meetsDemand(scenario, f, signed) : null,
    blocksSigned: signed ? blockingFaction(scenario, state, f.side, signed)?.id === f.id : false,
  };
}
