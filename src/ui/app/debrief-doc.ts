// The debrief as a document: the same sections on screen and in the printable page.
import type { Scenario, Citation } from '../../scenario/schema';
import { SIDES, VAR_IDS } from '../../scenario/vocabulary';
import { backingOf, ledgerFor, scoreOf, type GameState, type LedgerEntry } from '../../sim';
import { h } from '../dom/el';
import { t, tk, formatNumber, quoted, sx, formatDate } from '../i18n/t';
import { islandName, islandViews } from './views';
import { endingText, entryText, sideName } from './narrate';
import { causeText, formatBacking, formatVar } from '../widgets/why-panel';

export function citeText(scenario: Scenario, c: Citation): string {
  if ('reason' in c) return t('cite.designer', { reason: c.reason });
  const src = scenario.sources.find((s) => s.id === c.source);
  return `${quoted(c.quote)} — ${src ? `${src.outlet}, ${formatDate(src.date)}` : c.source}`;
}

export function debriefSections(scenario: Scenario, state: GameState): HTMLElement[] {
  const out: HTMLElement[] = [];
  const ending = state.ending;
  out.push(h('section', { testid: 'debrief-outcome' }, h('h2', {}, t('debrief.outcome')), h('p', { class: 'who' }, ending ? endingText(ending.kind, ending.side) : '—')));

  const islandSec = h('section', { testid: 'debrief-islands' }, h('h2', {}, t('debrief.islands')));
  const moved = islandViews(scenario, state, null);
  const changed = moved.filter((i) => i.status !== 'russian');
  islandSec.append(h('p', { class: 'who' }, t('map.summary', { count: changed.length, share: formatNumber(changed.reduce((s, i) => s + i.share, 0), 1) })));
  const islandUl = h('ul', {});
  for (const i of moved) islandUl.append(h('li', {}, t('map.row', { name: i.name, status: tk(`status.${i.status}`), area: formatNumber(i.areaKm2), population: formatNumber(i.population), share: formatNumber(i.share, 1) })));
  islandSec.append(islandUl);
  out.push(islandSec);

  const scores = scoreOf(scenario, state);
  const scoreSec = h('section', { testid: 'debrief-score' }, h('h2', {}, t('debrief.score')));
  for (const side of SIDES) {
    const s = scores[side];
    scoreSec.append(h('h3', {}, t('debrief.scoreLine', { side: sideName(side), total: `${s.total} / 100` })));
    const ul = h('ul', { class: 'goals' });
    for (const g of s.goals) ul.append(h('li', { class: g.met ? 'met' : 'unmet' }, `${sx(g.goal.label)} — ${t(g.met ? 'debrief.met' : 'debrief.notMet')}`));
    scoreSec.append(ul);
  }
  out.push(scoreSec);

  const timeline = h('ol', { testid: 'debrief-timeline' });
  for (const e of state.log) {
    if (e.kind === 'memory') continue;
    timeline.append(h('li', {}, entryText(scenario, e, true))); // everything revealed, dice included
  }
  out.push(h('section', {}, h('h2', {}, t('debrief.timeline')), timeline));

  out.push(worldSection(scenario, state));

  const hist = h('section', { testid: 'debrief-history' }, h('h2', {}, t('debrief.history')));
  for (const p of scenario.teaching.history) hist.append(h('p', {}, p.text, h('span', { class: 'help' }, ` [${citeText(scenario, p.cite)}]`)));
  out.push(hist);

  const srcSec = h('section', { testid: 'debrief-sources' }, h('h2', {}, t('debrief.sources')));
  const srcList = h('ul', {});
  for (const s of scenario.sources) srcList.append(h('li', {}, `${s.outlet} — ${s.author}, “${s.title}”, ${formatDate(s.date)} (${s.file})`));
  srcSec.append(srcList, h('h3', {}, t('debrief.varCites')));
  const varList = h('ul', {});
  for (const v of VAR_IDS) {
    const spec = scenario.variables[v];
    varList.append(h('li', {}, `${sx(spec.label)}: ${formatVar(scenario, v, spec.start)} → ${formatVar(scenario, v, state.world.vars[v])}. ${citeText(scenario, spec.cite)}`));
  }
  for (const i of scenario.islands) varList.append(h('li', {}, `${islandName(i.names, null)}: ${formatNumber(i.areaKm2)} km², ${formatNumber(i.population)}. ${citeText(scenario, i.cite)}`));
  srcSec.append(varList);
  out.push(srcSec);

  const q = h('ol', { testid: 'debrief-questions' });
  for (const x of scenario.teaching.questions) q.append(h('li', {}, x));
  out.push(h('section', {}, h('h2', {}, t('debrief.questions')), q));

  const gl = h('dl', { testid: 'debrief-glossary' });
  for (const g of scenario.teaching.glossary) gl.append(h('dt', { class: 'who' }, g.term), h('dd', {}, g.definition));
  out.push(h('section', {}, h('h2', {}, t('debrief.glossary')), gl));
  return out;
}

/** "Beyond the table": each faction's backing and the two powers, start → end, and the biggest move with its cause. */
function worldSection(scenario: Scenario, state: GameState): HTMLElement {
  const sec = h('section', { testid: 'debrief-world' }, h('h2', {}, t('debrief.world')), h('p', { class: 'help' }, t('debrief.worldIntro')));
  const biggest = (entries: readonly LedgerEntry[], fmt: (x: number) => string): string => {
    let best: LedgerEntry | null = null;
    for (const e of entries) if (!best || Math.abs(e.after - e.before) > Math.abs(best.after - best.before)) best = e;
    if (!best) return t('debrief.worldStill');
    const d = best.after - best.before;
    return t('debrief.worldMove', { delta: `${d > 0 ? '+' : '−'}${fmt(Math.abs(d))}`, round: best.round + 1, cause: causeText(scenario, best) });
  };
  for (const side of SIDES) {
    const mine = scenario.factions.filter((f) => f.side === side);
    if (mine.length === 0) continue;
    sec.append(h('h3', {}, sideName(side)));
    const ul = h('ul', {});
    for (const f of mine) {
      const end = backingOf(state, f);
      const entries = ledgerFor(state, `faction.${f.id}`);
      ul.append(h('li', { testid: `debrief-faction-${f.id}` }, t('debrief.worldRow', { name: f.name, start: formatBacking(f.backing), end: formatBacking(end) }), ' ', biggest(entries, (x) => formatNumber(x, 1))));
    }
    sec.append(ul);
  }
  sec.append(h('h3', {}, t('world.powers')));
  const powers = h('ul', {});
  for (const v of ['alliance', 'china'] as const) {
    const spec = scenario.variables[v];
    const actor = v === 'alliance' ? scenario.actors.us : scenario.actors.china;
    powers.append(h('li', { testid: `debrief-power-${v}` }, t('debrief.worldRow', { name: t('debrief.powerName', { label: spec.label, actor: actor.name }), start: formatVar(scenario, v, spec.start), end: formatVar(scenario, v, state.world.vars[v]) }), ' ', biggest(ledgerFor(state, v), (x) => formatNumber(x, 1)), ' ', h('span', { class: 'help' }, actor.stance)));
  }
  sec.append(powers);
  return sec;
}

export function fillPrintRoot(scenario: Scenario, state: GameState): void {
  const root = document.getElementById('print-root');
  if (!root) return;
  root.textContent = '';
  const c = state.config;
  root.append(
    h('h1', {}, `${t('app.title')} — ${sx(scenario.title)}: ${t('debrief.heading')}`),
    h('p', {}, t('debrief.seedLine', { scenario: scenario.id, seed: c.seed, japan: tk(`controller.${c.controllers.japan}`), russia: tk(`controller.${c.controllers.russia}`) })),
    ...debriefSections(scenario, state),
  );
}
