// Text twins of what the canvas draws, for screen readers (visually hidden, same data).
import type { Scenario } from '../../scenario/schema';
import type { VarId } from '../../scenario/vocabulary';
import type { GameState } from '../../sim';
import { h } from '../dom/el';
import { t, tk, formatNumber } from '../i18n/t';
import type { IslandView } from '../widgets/map';
import { formatVar } from '../widgets/why-panel';

export function islandList(islands: IslandView[]): HTMLElement {
  const ul = h('ul', { class: 'sr-only', testid: 'island-list', 'aria-label': t('map.heading') });
  for (const i of islands) {
    ul.append(h('li', {}, t('map.row', { name: i.name, status: tk(`status.${i.status}`), area: formatNumber(i.areaKm2), population: formatNumber(i.population), share: formatNumber(i.share, 1) })));
  }
  return ul;
}

/** The charts' numbers round by round, as a table. */
export function chartTable(scenario: Scenario, state: GameState, vars: readonly VarId[], caption: string): HTMLElement {
  const table = h('table', { class: 'sr-only' }, h('caption', {}, caption));
  const head = h('tr', {}, h('th', {}, ''));
  state.history.forEach((_, i) => head.append(h('th', { scope: 'col' }, i === 0 ? t('chart.start') : t('chart.round', { round: i }))));
  head.append(h('th', { scope: 'col' }, t('chart.now')));
  table.append(head);
  for (const v of vars) {
    const row = h('tr', {}, h('th', { scope: 'row' }, scenario.variables[v].label));
    for (const r of state.history) row.append(h('td', {}, formatVar(scenario, v, r.vars[v])));
    row.append(h('td', {}, formatVar(scenario, v, state.world.vars[v])));
    table.append(row);
  }
  return table;
}
