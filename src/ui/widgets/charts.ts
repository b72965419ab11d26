// The two charts every public view shares: polls on a deal and the leaders' approval, over rounds.
import type Phaser from 'phaser';
import type { Scenario } from '../../scenario/schema';
import type { VarId } from '../../scenario/vocabulary';
import type { GameState } from '../../sim';
import { PALETTE } from '../theme';
import { t } from '../i18n/t';
import { lineChart, type LineChartOpts, type Series } from './svg';
import { panel } from './frame';

// history[0] is the starting position; each later row closes a round. The live value is
// added as "now" while a round is under way and has moved since the last row.
function seriesOf(scenario: Scenario, state: GameState, v: VarId): number[] {
  const rows = state.history.length ? state.history.map((r) => r.vars[v]) : [scenario.variables[v].start];
  return liveDiffers(state) ? [...rows, state.world.vars[v]] : rows;
}

function liveDiffers(state: GameState): boolean {
  const last = state.history[state.history.length - 1];
  return !last || (['support.japan', 'oppose.japan', 'support.russia', 'oppose.russia', 'approval.japan', 'approval.russia'] as const).some((v) => last.vars[v] !== state.world.vars[v]);
}

function labels(n: number, state: GameState): string[] {
  const out = [t('chart.start')];
  const rows = Math.max(1, state.history.length);
  for (let i = 1; i < n; i++) out.push(i < rows ? t('chart.round', { round: i }) : t(state.ending ? 'chart.end' : 'chart.now'));
  return out;
}

/** The SVG chart in a DOM panel at game coordinates: Phaser scales and removes it with the scene. */
function place(scene: Phaser.Scene, x: number, y: number, opts: LineChartOpts, series: Series[]): void {
  const div = panel(scene, x, y, opts.width, opts.height);
  div.classList.add('chart-panel');
  div.append(lineChart(opts, series));
}

export function pollsChart(scene: Phaser.Scene, scenario: Scenario, state: GameState, x: number, y: number, w: number, h: number): void {
  const s: Series[] = [
    { label: t('side.japan') + ' +', colour: PALETTE.blue, values: seriesOf(scenario, state, 'support.japan'), marker: 'circle' },
    { label: t('side.japan') + ' −', colour: PALETTE.blue, values: seriesOf(scenario, state, 'oppose.japan'), marker: 'triangle', dashed: true },
    { label: t('side.russia') + ' +', colour: PALETTE.vermilion, values: seriesOf(scenario, state, 'support.russia'), marker: 'square' },
    { label: t('side.russia') + ' −', colour: PALETTE.vermilion, values: seriesOf(scenario, state, 'oppose.russia'), marker: 'diamond', dashed: true },
  ];
  const n = Math.max(...s.map((x) => x.values.length));
  place(scene, x, y, { width: w, height: h, title: t('reaction.polls'), min: 0, max: 100, xLabels: labels(n, state) }, s);
}

export function approvalChart(scene: Phaser.Scene, scenario: Scenario, state: GameState, x: number, y: number, w: number, h: number): void {
  const s: Series[] = [
    { label: t('side.japan'), colour: PALETTE.blue, values: seriesOf(scenario, state, 'approval.japan'), marker: 'circle' },
    { label: t('side.russia'), colour: PALETTE.vermilion, values: seriesOf(scenario, state, 'approval.russia'), marker: 'square', dashed: true },
  ];
  const n = Math.max(...s.map((x) => x.values.length));
  place(scene, x, y, { width: w, height: h, title: t('reaction.approval'), min: 0, max: 100, xLabels: labels(n, state) }, s);
}
