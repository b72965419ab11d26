// The world beyond the table in compact form: the viewer's factions with their demands and
// any block they hold over a treaty text, the other side's factions (public politics),
// Washington and Beijing, and the leader's horizon and the rounds left. Every number opens
// its why-panel. Blocking is said in words and with a bordered tag, never by colour alone.
import type { Faction, Scenario } from '../../scenario/schema';
import { otherSide, type Side } from '../../scenario/vocabulary';
import { backingOf, factionById, type GameState, type LegalMoves } from '../../sim';
import { factionStatus, factionsOf } from '../app/world';
import { h } from '../dom/el';
import { t, formatNumber } from '../i18n/t';
import { sideName } from '../app/narrate';
import { store } from '../app/store';
import { button } from './button';
import { factionWhyButton, formatBacking, whyButton } from './why-panel';

function factionRow(scenario: Scenario, state: GameState, f: Faction): HTMLElement {
  const b = backingOf(state, f);
  const st = factionStatus(scenario, state, f);
  const li = h('li', { class: 'faction', testid: `faction-${f.id}` });
  li.append(factionWhyButton(scenario, state, f.id));
  const notes = h('div', { class: 'notes' }, h('span', { class: 'help' }, t('world.wants', { demand: f.demand.label })));
  if (st.kind === 'blocks' && st.line !== null) {
    li.classList.add('blocking');
    notes.append(h('span', { class: 'warn', testid: `faction-warn-${f.id}` }, h('span', { class: 'tag block' }, t('world.blocks')), ' ', t(st.signedMeets === false ? 'world.blocksSigned' : 'world.blocksAny', { line: formatBacking(st.line) })));
  } else if (st.kind === 'close' && st.line !== null) {
    li.classList.add('close');
    notes.append(h('span', { class: 'warn', testid: `faction-warn-${f.id}` }, h('span', { class: 'tag close' }, t('world.close')), ' ', t('world.closeText', { gap: formatNumber(b - st.line, 0), line: formatBacking(st.line) })));
  }
  if (st.signedMeets !== null && !st.blocksSigned) notes.append(h('span', { class: 'help' }, ` ${t(st.signedMeets ? 'world.meetsSigned' : 'world.failsSigned')}`));
  li.append(notes);
  return li;
}

/** The compact "Home front and the world" section for the table and the reaction screens. */
export function worldPanel(scenario: Scenario, state: GameState, viewer: Side): HTMLElement {
  const sec = h('section', { class: 'world', testid: 'world', 'aria-labelledby': 'world-title' }, h('h3', { id: 'world-title' }, t('world.heading')));
  const left = scenario.rounds.length - state.round - 1;
  sec.append(h('p', { class: 'horizon', testid: 'horizon' },
    t('world.horizon', { text: scenario.horizons[viewer].text }), ' ',
    h('span', { class: 'who', testid: 'rounds-left' }, left <= 0 ? t('world.lastRound') : left === 1 ? t('world.roundsLeftOne') : t('world.roundsLeft', { n: left })),
  ));
  const mine = factionsOf(scenario, viewer);
  if (mine.length === 0 && factionsOf(scenario, otherSide(viewer)).length === 0) sec.append(h('p', { class: 'help' }, t('world.noFactions')));
  if (mine.length > 0) {
    const ul = h('ul', { class: 'factions', testid: 'my-factions', 'aria-label': t('world.yours') });
    for (const f of mine) ul.append(factionRow(scenario, state, f));
    sec.append(h('div', { class: 'who' }, t('world.yours')), ul);
  }
  const other = otherSide(viewer);
  const theirs = factionsOf(scenario, other);
  if (theirs.length > 0) {
    const p = h('p', { class: 'theirs', testid: 'their-factions' }, h('span', { class: 'who' }, t('world.theirs', { side: sideName(other) })));
    for (const f of theirs) p.append(factionWhyButton(scenario, state, f.id, undefined, 'chip'));
    sec.append(p);
  }
  sec.append(h('div', { class: 'powers', testid: 'powers', role: 'group', 'aria-label': t('world.powers') }, whyButton(scenario, state, 'alliance'), whyButton(scenario, state, 'china')));
  return sec;
}

/** Effect of working a faction, in words: its gain, the approval spent, the groups it annoys. */
export function workEffect(scenario: Scenario, f: Faction): string {
  const cost = f.work.approval === 0 ? t('work.free') : t('work.cost', { approval: `−${formatNumber(Math.abs(f.work.approval), 1)}` });
  const also = f.work.also.map((x) => t('work.also', { name: factionById(scenario, x.faction)?.name ?? x.faction, delta: x.delta > 0 ? `+${formatNumber(x.delta, 1)}` : `−${formatNumber(Math.abs(x.delta), 1)}` }));
  return [t('work.effect', { name: f.name, gain: formatNumber(f.work.gain, 1), cost }), ...also].join('; ');
}

/** The reaction screen's "Work the home front": one button per workable faction, or what was done. */
export function workSection(scenario: Scenario, state: GameState, viewer: Side, legal: LegalMoves | null, myTurn: boolean): HTMLElement | null {
  const mine = factionsOf(scenario, viewer);
  if (mine.length === 0) return null;
  const sec = h('section', { class: 'work', testid: 'work' }, h('h3', {}, t('work.heading')));
  const done = state.worked[viewer];
  const other = otherSide(viewer);
  const theirs = state.worked[other];
  if (theirs) {
    const f = factionById(scenario, theirs);
    if (f) sec.append(h('p', { class: 'help', testid: 'worked-other' }, t('work.doneOther', { side: sideName(other), work: f.work.label, name: f.name })));
  }
  if (done) {
    const f = factionById(scenario, done)!;
    const moves = state.ledger.filter((e) => e.round === state.round && e.cause.kind === 'action' && e.cause.id === `homeFront.${done}` && e.cause.side === viewer);
    const own = moves.find((e) => e.var === `faction.${done}`);
    const approval = moves.find((e) => e.var === `approval.${viewer}`);
    const spent = approval ? approval.after - approval.before : 0;
    const cost = spent === 0 ? t('work.free') : t('work.cost', { approval: spent > 0 ? `+${formatNumber(spent, 1)}` : `−${formatNumber(Math.abs(spent), 1)}` });
    sec.append(h('p', { class: 'msg ok', testid: 'worked', role: 'status' }, t('work.done', {
      work: f.work.label,
      name: f.name,
      before: formatBacking(own?.before ?? backingOf(state, f)),
      after: formatBacking(own?.after ?? backingOf(state, f)),
      cost,
    })));
    return sec;
  }
  if (store.readOnly) return theirs ? sec : null;
  sec.append(h('p', { class: 'help' }, t('work.help')));
  const workable = myTurn && legal?.types.includes('homeFront') ? legal.factions : [];
  const list = workable.length > 0 ? workable : myTurn ? [] : mine.map((f) => f.id);
  if (!myTurn) sec.append(h('p', { class: 'help' }, t('work.notYet')));
  for (const id of list) {
    const f = factionById(scenario, id);
    if (!f) continue;
    const effect = workEffect(scenario, f);
    const b = button(f.work.label, () => store.act({ type: 'homeFront', side: viewer, faction: f.id }), { testid: `work-${f.id}`, kind: 'secondary', disabled: !myTurn || workable.length === 0, ariaLabel: `${f.work.label}: ${effect}` });
    sec.append(h('div', { class: 'choice' }, b, h('span', { class: 'help' }, effect)));
  }
  return sec;
}
