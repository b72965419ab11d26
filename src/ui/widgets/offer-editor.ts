// The summit's package: one select per issue, only the options the scenario makes available,
// with what the package is worth to the player recomputed as it changes.
import type { Scenario } from '../../scenario/schema';
import { ISSUE_IDS, type IssueId, type Package } from '../../scenario/vocabulary';
import { h } from '../dom/el';
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
): OfferEditor {
  const root = h('div', { class: 'offer', testid: 'offer-editor' });
  root.style.display = 'grid';
  root.style.gridTemplateColumns = '1fr 1fr';
  root.style.gap = '0 16px';
  const selects = new Map<IssueId, HTMLSelectElement>();
  for (const issue of ISSUE_IDS) {
    const id = `offer-${issue}`;
    const sel = h('select', { id, testid: `offer-${issue}` });
    const opts = available[issue] ?? scenario.issues.find((i) => i.id === issue)?.options.filter((o) => o.available).map((o) => o.id) ?? [];
    for (const o of opts) sel.append(h('option', { value: o }, optionLabel(scenario, issue, o)));
    sel.value = opts.includes(initial[issue]) ? initial[issue] : (opts[0] ?? initial[issue]);
    sel.disabled = disabled;
    sel.style.width = '100%';
    sel.addEventListener('change', () => onChange(value()));
    selects.set(issue, sel);
    root.append(h('div', {}, h('label', { for: id }, issueLabel(scenario, issue)), sel));
  }
  const value = (): Package => {
    const pkg = {} as Record<IssueId, string>;
    for (const issue of ISSUE_IDS) pkg[issue] = selects.get(issue)!.value;
    return pkg as Package;
  };
  return { root, value };
}
