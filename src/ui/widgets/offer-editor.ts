// The summit's package: one select per issue. Options that may go on the table now are
// choosable; options the scenario has but the moment does not allow are shown disabled,
// with why, so the player sees them before picking. Under each select, one line says
// what the chosen term does and risks.
import type { Scenario } from '../../scenario/schema';
import { ISSUE_IDS, ISSUES, type IssueId, type Package } from '../../scenario/vocabulary';
import { h } from '../dom/el';
import { t, tk } from '../i18n/t';
import { issueLabel, optionLabel } from '../app/narrate';

export interface OfferEditor {
  root: HTMLElement;
  value(): Package;
}

export function offerEditor(
  scenario: Scenario,
  available: Partial<Record<IssueId, readonly string[]>>,
  initial: Package,
  onChange: (pkg: Package) => void,
  disabled = false,
  blocked: Partial<Record<IssueId, Record<string, string>>> = {},
): OfferEditor {
  const root = h('div', { class: 'offer', testid: 'offer-editor' });
  const selects = new Map<IssueId, HTMLSelectElement>();
  for (const issue of ISSUE_IDS) {
    const id = `offer-${issue}`;
    const helpId = `${id}-help`;
    const sel = h('select', { id, testid: `offer-${issue}`, 'aria-describedby': helpId });
    const opts = available[issue] ?? scenario.issues.find((i) => i.id === issue)?.options.filter((o) => o.available).map((o) => o.id) ?? [];
    const no = blocked[issue] ?? {};
    // In the vocabulary's order (least to most given), the blocked ones in their place.
    for (const o of ISSUES[issue] as readonly string[]) {
      if (opts.includes(o)) sel.append(h('option', { value: o }, optionLabel(scenario, issue, o)));
      else if (no[o]) {
        const opt = h('option', { value: o, testid: `blocked-${issue}-${o}` }, t('blocked.option', { option: optionLabel(scenario, issue, o), reason: tk(`blocked.${no[o]}`) }));
        opt.disabled = true;
        sel.append(opt);
      }
    }
    sel.value = opts.includes(initial[issue]) ? initial[issue] : (opts[0] ?? initial[issue]);
    sel.disabled = disabled;
    sel.style.width = '100%';
    const help = h('p', { class: 'help term-help', id: helpId, testid: `help-${issue}` });
    const explain = () => (help.textContent = tk(`opt.${issue}.${sel.value}`));
    explain();
    sel.addEventListener('change', () => {
      explain();
      onChange(value());
    });
    selects.set(issue, sel);
    // Blocked options are marked inside the closed list too: a short note says how many and why.
    const reasons = new Map<string, number>();
    for (const code of Object.values(no)) reasons.set(code, (reasons.get(code) ?? 0) + 1);
    const note = reasons.size === 0 ? null : h('p', { class: 'help blocked-note', testid: `blocked-note-${issue}` },
      [...reasons].map(([code, count]) => t('blocked.note', { count, reason: tk(`blocked.${code}`) })).join(' '));
    if (note) sel.setAttribute('aria-describedby', `${helpId} ${helpId}-blocked`);
    if (note) note.id = `${helpId}-blocked`;
    root.append(h('div', {}, h('label', { for: id }, issueLabel(scenario, issue)), sel, help, note));
  }
  const value = (): Package => {
    const pkg = {} as Record<IssueId, string>;
    for (const issue of ISSUE_IDS) pkg[issue] = selects.get(issue)!.value;
    return pkg as Package;
  };
  return { root, value };
}
