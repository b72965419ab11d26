// "Why is this number what it is?" — the causal ledger of one variable, dice included.
import type { Scenario } from '../../scenario/schema';
import type { IssueId, Package, Side, VarId } from '../../scenario/vocabulary';
import { ledgerFor, worthBreakdown, type GameState, type LedgerEntry } from '../../sim';
import { h } from '../dom/el';
import { t, tk, formatNumber } from '../i18n/t';
import { sideName, eventTitle, issueLabel, optionLabel } from '../app/narrate';
import { button } from './button';

export function formatVar(scenario: Scenario, v: VarId, value: number): string {
  const spec = scenario.variables[v];
  if (spec.levels) {
    const idx = Math.round(value) - spec.min;
    const name = spec.levels[idx];
    if (name) return name;
  }
  return `${formatNumber(value, 1)}${spec.unit === '%' ? '%' : ''}`;
}

export function withUnit(scenario: Scenario, v: VarId, value: number): string {
  const spec = scenario.variables[v];
  return spec.levels || spec.unit === '%' ? formatVar(scenario, v, value) : `${formatVar(scenario, v, value)} (${spec.unit})`;
}

function causeText(scenario: Scenario, e: LedgerEntry): string {
  const c = e.cause;
  const side = c.side ? sideName(c.side) : '';
  switch (c.kind) {
    case 'event':
      return eventTitle(scenario, c.id.replace(/^event:/, ''));
    case 'action':
      return t('cause.action', { side, what: factorLabel(scenario, c.id) });
    case 'summit':
      return t('cause.summit', { what: tk(`reach.${c.id}`) });
    case 'noise':
      return t('cause.noise');
    case 'drift':
      return t('cause.drift');
    case 'ratification':
      return t('cause.ratification');
    default:
      return t('cause.rule', { what: factorLabel(scenario, c.id) });
  }
}

/** Factor labels are message keys from the rules; events and terms name data. */
export function factorLabel(scenario: Scenario, label: string): string {
  if (label.startsWith('event:')) return eventTitle(scenario, label.slice(6));
  const known = tk(`factor.${label}`);
  if (known !== `factor.${label}`) return known;
  if (label.startsWith('memory.')) return tk(label);
  const terms = /^terms\.(\w+)\.(\w+)$/.exec(label);
  if (terms) return `${issueLabel(scenario, terms[1] as IssueId)}: ${optionLabel(scenario, terms[1] as IssueId, terms[2]!)}`;
  return label;
}

function drawLabel(scenario: Scenario, what: string): string {
  if (what.startsWith('noise:')) {
    const v = what.slice(6) as VarId;
    return t('draw.noise', { label: scenario.variables[v]?.label ?? v });
  }
  if (what.startsWith('event:')) return t('draw.event', { title: eventTitle(scenario, what.slice(6)) });
  return what;
}

const signed = (n: number) => (n > 0 ? `+${formatNumber(n, 2)}` : formatNumber(n, 2));

export function openWhy(scenario: Scenario, state: GameState, v: VarId): void {
  const spec = scenario.variables[v];
  const value = state.world.vars[v];
  const entries = ledgerFor(state, v);
  const dialog = h('dialog', { class: 'whypanel', testid: 'why-panel', 'aria-labelledby': 'why-title' });
  dialog.style.maxWidth = '760px';
  dialog.style.maxHeight = '80vh';
  const list = h('ol', { testid: 'why-entries' });
  for (const e of entries) {
    const li = h('li', {},
      h('div', { class: 'who' }, t('why.entry', { round: e.round + 1, phase: tk(`phase.${e.phase}`), before: formatVar(scenario, v, e.before), after: formatVar(scenario, v, e.after) })),
      h('div', {}, t('why.cause', { cause: causeText(scenario, e) })),
    );
    const factors = h('ul', {});
    for (const f of e.factors) factors.append(h('li', {}, t('why.factor', { label: factorLabel(scenario, f.label), delta: signed(f.delta) })));
    for (const d of e.draws) {
      const outcome = typeof d.outcome === 'boolean' ? (d.outcome ? t('why.yes') : t('why.no')) : signed(d.outcome);
      const text = d.p !== undefined
        ? t('why.draw', { what: drawLabel(scenario, d.what), p: formatNumber(d.p * 100, 1), roll: formatNumber(d.roll * 100, 1), outcome })
        : t('why.drawNoise', { what: drawLabel(scenario, d.what), roll: formatNumber(d.roll, 3), outcome });
      factors.append(h('li', { class: 'dice', testid: 'why-dice' }, text));
    }
    li.append(factors);
    list.append(li);
  }
  showDialog(dialog, [
    h('h2', { id: 'why-title' }, t('why.heading', { label: spec.label, value: formatVar(scenario, v, value) })),
    h('p', { class: 'help' }, t('why.start', { start: withUnit(scenario, v, spec.start) })),
    entries.length === 0 ? h('p', {}, t('why.empty', { start: withUnit(scenario, v, spec.start) })) : list,
    h('p', { class: 'help' }, 'reason' in spec.cite ? spec.cite.reason : `“${spec.cite.quote}” — ${spec.cite.source}`),
  ]);
}

/** Fills a why-panel dialog, shows it modally, and gives focus back to its opener on close. */
function showDialog(dialog: HTMLDialogElement, body: HTMLElement[]): void {
  const close = button(t('why.close'), () => dialog.close(), { testid: 'why-close', autofocus: true });
  dialog.append(...body, close);
  const opener = document.activeElement as HTMLElement | null;
  dialog.addEventListener('close', () => {
    dialog.remove();
    opener?.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
}

/** "Worth to you": which terms add and which take away, by the brief's weights, and the home front. */
export function openWorth(scenario: Scenario, state: GameState, side: Side, pkg: Package): void {
  const b = worthBreakdown(state, side, pkg);
  const dialog = h('dialog', { class: 'whypanel', testid: 'worth-panel', 'aria-labelledby': 'why-title' });
  dialog.style.maxWidth = '760px';
  dialog.style.maxHeight = '80vh';
  const list = h('ul', { testid: 'worth-terms' });
  list.append(h('li', {}, t('worth.base', { base: formatNumber(b.base, 1) })));
  for (const term of b.terms) {
    list.append(h('li', { class: term.delta >= 0 ? 'met' : 'unmet' }, t('why.factor', { label: t('worth.term', { issue: issueLabel(scenario, term.issue), option: optionLabel(scenario, term.issue, term.option) }), delta: signed(term.delta) })));
  }
  if (b.terms.length === 0) list.append(h('li', {}, t('worth.noTerms')));
  if (b.bonus !== 0) list.append(h('li', {}, t('why.factor', { label: t('worth.bonus'), delta: signed(b.bonus) })));
  list.append(h('li', { testid: 'worth-home' }, t('why.factor', { label: t('worth.home'), delta: signed(b.home) })));
  showDialog(dialog, [
    h('h2', { id: 'why-title' }, t('worth.heading', { value: formatNumber(b.total) })),
    h('p', { class: 'help' }, t('worth.weights')),
    list,
    h('p', { class: 'who' }, t('worth.total', { total: formatNumber(b.total) })),
  ]);
}

/** A row that names a number and opens its ledger: every number on screen can say why it moved. */
export function whyButton(scenario: Scenario, state: GameState, v: VarId, label?: string): HTMLButtonElement {
  const spec = scenario.variables[v];
  const value = formatVar(scenario, v, state.world.vars[v]);
  const b = h('button', { type: 'button', class: 'why', testid: `why-${v}`, 'aria-label': t('why.button', { label: label ?? spec.label, value }) },
    h('span', {}, label ?? spec.label),
    h('span', { class: 'v' }, value),
  );
  b.addEventListener('click', () => openWhy(scenario, state, v));
  return b;
}
