// "Why is this number what it is?" — the causal ledger of one variable, dice included.
import type { Citation, Scenario } from '../../scenario/schema';
import type { IssueId, Package, Side, VarId } from '../../scenario/vocabulary';
import { backingOf, CHINA_THREAT_ABOVE, factionById, factionOfVar, ledgerFor, worthBreakdown, type GameState, type LedgerEntry, type LedgerVar } from '../../sim';
import { h } from '../dom/el';
import { t, tk, formatNumber, quoted, sx } from '../i18n/t';
import { sideName, eventTitle, issueLabel, optionLabel } from '../app/narrate';
import { button } from './button';

export function formatVar(scenario: Scenario, v: VarId, value: number): string {
  const spec = scenario.variables[v];
  if (spec.levels) {
    const idx = Math.round(value) - spec.min;
    const name = spec.levels[idx] === undefined ? undefined : sx(spec.levels[idx]);
    if (name) return name;
  }
  return `${formatNumber(value, 1)}${spec.unit === '%' ? '%' : ''}`;
}

export function withUnit(scenario: Scenario, v: VarId, value: number): string {
  const spec = scenario.variables[v];
  return spec.levels || spec.unit === '%' ? formatVar(scenario, v, value) : `${formatVar(scenario, v, value)} (${sx(spec.unit)})`;
}

/** A faction's backing, 0–100, as the screens write it: a whole number. */
export const formatBacking = (value: number): string => formatNumber(value, 0);

/** Any ledger variable's value in words: a world variable by its spec, a faction's backing as a number. */
export function formatLedgerVar(scenario: Scenario, v: LedgerVar, value: number): string {
  return factionOfVar(v) !== null ? formatNumber(value, 1) : formatVar(scenario, v as VarId, value);
}

const factionName = (scenario: Scenario, id: string): string => sx(factionById(scenario, id)?.name ?? id);

/** What a drift moved: a variable's label or a faction's name. */
function driftOf(scenario: Scenario, id: string): string | null {
  if (id in scenario.variables) return sx(scenario.variables[id as VarId].label);
  if (scenario.factions.some((f) => f.id === id)) return t('why.backingOf', { name: factionName(scenario, id) });
  return null;
}

export function causeText(scenario: Scenario, e: LedgerEntry): string {
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
    case 'drift': {
      const what = driftOf(scenario, c.id);
      return what ? t('cause.driftOf', { what }) : t('cause.drift');
    }
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
  // Labels that name a faction of the scenario: its voice, the leader working it.
  const named = /^(faction|work|homeFront)\.(.+)$/.exec(label);
  const f = named ? factionById(scenario, named[2]!) : undefined;
  if (named && f) {
    if (named[1] === 'faction') return t('factor.factionPull', { name: f.name });
    return t('factor.work', { work: f.work.label, name: f.name });
  }
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
  openLedger(scenario, v, ledgerFor(state, v), {
    label: spec.label,
    value: formatVar(scenario, v, state.world.vars[v]),
    start: withUnit(scenario, v, spec.start),
    cite: spec.cite,
    ...powerIntro(scenario, v),
  });
}

/** For the two powers: who they are in this scenario and what moves them, so the number can be read, not only traced. */
function powerIntro(scenario: Scenario, v: VarId): { intro?: string } {
  const { us, china } = scenario.actors;
  if (v === 'alliance') return { intro: `${us.stance} ${t('why.allianceRules', { pressBelow: formatNumber(us.pressBelow, 0), clauseNeeds: formatNumber(us.clauseNeeds, 0) })}` };
  if (v === 'china') return { intro: [china.stance, t('why.chinaRules'), ...(china.threat > 0 ? [t('why.chinaThreat', { above: formatNumber(CHINA_THREAT_ABOVE, 0) })] : [])].join(' ') };
  return {};
}

/** A faction's backing of its leader: every move with its cause, like any number on screen. */
export function openFactionWhy(scenario: Scenario, state: GameState, id: string): void {
  const f = factionById(scenario, id);
  if (!f) return;
  const v: LedgerVar = `faction.${id}`;
  openLedger(scenario, v, ledgerFor(state, v), {
    label: t('why.backingOf', { name: f.name }),
    value: formatBacking(backingOf(state, f)),
    start: t('why.backingStart', { value: formatBacking(f.backing) }),
    cite: f.cite,
    intro: `${f.who} ${t('why.factionDemand', { demand: f.demand.label })}`,
  });
}

function openLedger(scenario: Scenario, v: LedgerVar, entries: readonly LedgerEntry[], head: { label: string; value: string; start: string; cite: Citation; intro?: string }): void {
  const dialog = h('dialog', { class: 'whypanel', testid: 'why-panel', 'aria-labelledby': 'why-title' });
  dialog.style.maxWidth = '760px';
  dialog.style.maxHeight = '80vh';
  const list = h('ol', { testid: 'why-entries' });
  for (const e of entries) {
    const li = h('li', {},
      h('div', { class: 'who' }, t('why.entry', { round: e.round + 1, phase: tk(`phase.${e.phase}`), before: formatLedgerVar(scenario, v, e.before), after: formatLedgerVar(scenario, v, e.after) })),
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
  const cite = head.cite;
  showDialog(dialog, [
    h('h2', { id: 'why-title' }, t('why.heading', { label: head.label, value: head.value })),
    ...(head.intro ? [h('p', {}, head.intro)] : []),
    h('p', { class: 'help' }, t('why.start', { start: head.start })),
    entries.length === 0 ? h('p', {}, t('why.empty', { start: head.start })) : list,
    h('p', { class: 'help' }, 'reason' in cite ? cite.reason : `${quoted(cite.quote)} — ${cite.source}`),
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
  const b = worthBreakdown(scenario, state, side, pkg);
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

/** A faction's backing as a button that opens its ledger. */
export function factionWhyButton(scenario: Scenario, state: GameState, id: string, label?: string, extraClass = ''): HTMLButtonElement {
  const f = factionById(scenario, id)!;
  const value = formatBacking(backingOf(state, f));
  const b = h('button', { type: 'button', class: `why ${extraClass}`.trim(), testid: `why-faction-${id}`, 'aria-haspopup': 'dialog', 'aria-label': t('why.button', { label: t('why.backingOf', { name: f.name }), value }) },
    h('span', {}, label ?? f.name),
    h('span', { class: 'v' }, value),
  );
  b.addEventListener('click', () => openFactionWhy(scenario, state, id));
  return b;
}
