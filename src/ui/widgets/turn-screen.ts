// What the three screens of a round in play (the table, the public reaction, ratification)
// share: what they read of the game, the header's round line, the map with meters under it, the
// right-hand panel, and the list of what happened since the player's last move.
import type Phaser from 'phaser';
import type { Scenario } from '../../scenario/schema';
import type { VarId } from '../../scenario/vocabulary';
import type { GameState, LogEntry } from '../../sim';
import { BASE } from '../theme';
import { h } from '../dom/el';
import { t, formatDate } from '../i18n/t';
import { store } from '../app/store';
import { entryText, revealsOdds, roundInfo, sideName } from '../app/narrate';
import { turnOf } from '../app/views';
import { panel } from './frame';
import { drawMap, mapFooter, type IslandView } from './map';
import { meter } from './meter';

/** The game as a screen of the round in play reads it: the session, whose view, what may be played, whose turn. */
export function turnScreen() {
  const session = store.session!;
  const viewer = store.viewer ?? 'japan';
  const legal = session.legal();
  const turn = turnOf(session.pending, legal, viewer, store.readOnly);
  return { session, scenario: store.scenario!, state: session.state, viewer, legal, turn, myTurn: turn === 'mine' };
}

/** The header's right-hand line: "Round 2 of 4: …", and with `where` the round's place and date. */
export function roundLine(scenario: Scenario, round: number, where = true): string {
  const r = roundInfo(scenario, round);
  const line = t('table.round', { round: Math.min(round + 1, scenario.rounds.length), total: scenario.rounds.length, label: r.label });
  return where ? `${line} · ${t('table.roundPlace', { place: r.place, date: formatDate(r.date) })}` : line;
}

/** The islands' map in the left column (560 px wide, under the header) with its credit line and `caption`; returns the map's height and the y below its footer. */
export function leftMap(scene: Phaser.Scene, islands: IslandView[], caption?: string): { mapH: number; below: number } {
  const mapH = drawMap(scene, BASE.margin, 80, 560, islands);
  return { mapH, below: mapFooter(scene, BASE.margin, 80 + mapH, 560, caption) };
}

/** Meters two to a row in the left column from `top`, each row 46 px under the last: [variable, colour] in reading order. */
export function meterRows(scene: Phaser.Scene, scenario: Scenario, state: GameState, top: number, meters: readonly (readonly [VarId, string])[]): void {
  meters.forEach(([v, colour], i) => meter(scene, scenario, state, v, BASE.margin + (i % 2) * 300, top + Math.floor(i / 2) * 46, 260, colour));
}

/**
 * The right-hand panel (from y 80 to the footer): `fixed` (the answer, a coaching note) stays in
 * view above a scrolling part, which opens with the side the player leads. Returns the scrolling part.
 */
export function sidePanel(scene: Phaser.Scene, x: number, w: number, testid: string, label: string, fixed: HTMLElement): HTMLElement {
  const outer = panel(scene, x, 80, w, 596, { testid, label });
  const root = h('div', { class: 'scroll', testid: `${testid}-scroll` });
  outer.append(h('div', { class: 'stack' }, fixed, root));
  root.append(h('p', { class: 'help', testid: 'you-are' }, t('common.youAre', { side: sideName(store.viewer ?? 'japan') })));
  return root;
}

/** "Since your last move": its heading and the last `max` entries, or nothing when there are none. */
export function sinceList(scenario: Scenario, state: GameState, entries: readonly LogEntry[], max: number): HTMLElement[] {
  if (entries.length === 0) return [];
  const ul = h('ul', { testid: 'since' });
  for (const e of entries.slice(-max)) ul.append(h('li', {}, entryText(scenario, e, revealsOdds(state, store.readOnly))));
  return [h('h3', {}, t('table.since')), ul];
}
