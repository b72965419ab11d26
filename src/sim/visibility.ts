// What one side may see of the game now: in the simultaneous phases, the choice the
// other side made first stays hidden from the side still to choose, as at a real table.
// The screen (src/ui) and the match server (src/net) draw the same line.
import type { Side } from '../scenario/vocabulary';
import type { GameState } from './types';

export const SIMULTANEOUS: Partial<Record<string, string>> = { ministerTalks: 'agenda', publicReaction: 'statement', ratification: 'ratify' };

/**
 * How much of the log may be shown now. In the simultaneous phases the first side's
 * choice stays hidden from the side still to choose, as at a real table.
 */
export function visibleLength(state: GameState, phase: string, pending: Side | null): number {
  const type = SIMULTANEOUS[phase];
  const log = state.log;
  if (!type || !pending) return log.length;
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i]!;
    if (e.kind === 'round' || e.kind === 'summit' || e.kind === 'talks') break;
    if (e.kind === 'action' && e.action.type === type && e.action.side !== pending) return i;
  }
  return log.length;
}

