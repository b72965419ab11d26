// One event as both countries' press framed it, side by side; its source one key (S) away.
import type { Scenario } from '../../scenario/schema';
import { h } from '../dom/el';
import { t, quoted, sx } from '../i18n/t';

export function eventCard(scenario: Scenario, eventId: string): HTMLElement | null {
  const ev = scenario.events.find((e) => e.id === eventId);
  if (!ev) return null;
  const source = 'reason' in ev.cite ? sx(ev.cite.reason) : `${quoted(ev.cite.quote)} — ${scenario.sources.find((s) => s.id === ev.cite.source)?.outlet ?? ev.cite.source}`;
  const quote = h('p', { class: 'quote', testid: 'event-source' }, `${t('reaction.source')}: ${source}`);
  quote.hidden = true;
  const toggle = h('button', { type: 'button', class: 'btn secondary', testid: 'toggle-source', 'aria-expanded': 'false' }, t('reaction.showSource'));
  const flip = () => {
    quote.hidden = !quote.hidden;
    toggle.setAttribute('aria-expanded', String(!quote.hidden));
    toggle.textContent = t(quote.hidden ? 'reaction.showSource' : 'reaction.hideSource');
  };
  toggle.addEventListener('click', flip);
  const card = h('article', { class: 'event focusable', tabindex: 0, testid: `event-${ev.id}`, 'aria-label': ev.title },
    h('h3', {}, ev.title),
    h('div', { class: 'headlines' },
      h('div', { class: 'headline' }, h('div', { class: 'press' }, t('side.japan')), h('div', { class: 'hl' }, ev.headlines.japan)),
      h('div', { class: 'headline' }, h('div', { class: 'press' }, t('side.russia')), h('div', { class: 'hl' }, ev.headlines.russia)),
    ),
    toggle,
    quote,
  );
  card.addEventListener('keydown', (e) => {
    if ((e.key === 's' || e.key === 'S') && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      flip();
    }
  });
  return card;
}
