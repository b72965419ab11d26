// Derived views the scenes share (never stored: always computed from the snapshot).
import { activeLang, sx } from '../i18n/t';
import type { Scenario } from '../../scenario/schema';
import type { Side } from '../../scenario/vocabulary';
import { islandRows, visibleLength, type GameState, type LegalMoves, type LogEntry } from '../../sim';
import type { IslandView } from '../widgets/map';

export const pairName = (a: string, b: string): string => (a === b ? a : `${a} / ${b}`);

/** An island's two names, the reader's country's first: the viewer's side, or with no viewer (a debrief, a print) the page's language. */
export function islandName(names: { ja: string; ru: string }, viewer: Side | null): string {
  const russianFirst = viewer ? viewer === 'russia' : activeLang() === 'ru';
  return russianFirst ? pairName(sx(names.ru), sx(names.ja)) : pairName(sx(names.ja), sx(names.ru));
}

export function islandViews(scenario: Scenario, state: GameState, viewer: Side | null): IslandView[] {
  return islandRows(scenario, state).map((r) => ({
    id: r.id,
    name: islandName(r.names, viewer),
    status: r.status,
    areaKm2: r.areaKm2,
    population: r.population,
    share: r.shareOfLand <= 1 ? r.shareOfLand * 100 : r.shareOfLand,
  }));
}

/**
 * Whose move a screen shows: the viewer's (its controls live), the viewer's own move on its way
 * to the match's server (a networked match holds no legal moves until the server answers), the
 * other side's, or nobody's (a finished or read-only game).
 */
export type Turn = 'mine' | 'sending' | 'theirs' | 'none';

export function turnOf(pending: Side | null, legal: LegalMoves | null, viewer: Side, readOnly: boolean): Turn {
  if (readOnly || !pending) return 'none';
  if (pending !== viewer) return 'theirs';
  return legal?.side === viewer ? 'mine' : 'sending';
}

/** Log records since `side` last acted (what the player has not yet seen at the table). */
export function sinceLastMove(state: GameState, side: Side, phase: string, pending: Side | null): LogEntry[] {
  const log = state.log.slice(0, visibleLength(state, phase, pending));
  let i = log.length - 1;
  while (i >= 0) {
    const e = log[i]!;
    if (e.kind === 'action' && e.action.side === side) break;
    i--;
  }
  return log.slice(i + 1);
}

export function linesOfRound(state: GameState, round: number): Extract<LogEntry, { kind: 'line' }>[] {
  return state.log.filter((e): e is Extract<LogEntry, { kind: 'line' }> => e.kind === 'line' && e.round === round);
}

export function eventsOfRound(state: GameState, round: number): string[] {
  return state.log.filter((e): e is Extract<LogEntry, { kind: 'event' }> => e.kind === 'event' && e.round === round).map((e) => e.eventId);
}
