import Phaser from 'phaser';
import { blockingFaction, packageValue, ratificationOdds, WHIP } from '../../sim';
import { APPROACHES, otherSide, type Approach } from '../../scenario/vocabulary';
import { BASE, PALETTE, SIDE_COLOUR } from '../theme';
import { h } from '../dom/el';
import { t, formatNumber, formatDate } from '../i18n/t';
import { store } from '../app/store';
import { packageText, roundInfo, sideName } from '../app/narrate';
import { islandViews, turnOf } from '../app/views';
import { paper, header, panel, footer, focusFirst, turnNote } from '../widgets/frame';
import { button } from '../widgets/button';
import { drawMap, mapFooter } from '../widgets/map';
import { meter } from '../widgets/meter';
import { islandList } from '../a11y/describe';
import { answerArea, coachStep } from '../widgets/answer';

/** A signed text goes home: a free vote, a whipped one, or the vote put off a round; the odds shown first. */
export class Ratification extends Phaser.Scene {
  constructor() {
    super('Ratification');
  }

  create(): void {
    const session = store.session!;
    const scenario = store.scenario!;
    const state = session.state;
    const viewer = store.viewer ?? 'japan';
    const legal = session.legal();
    const turn = turnOf(session.pending, legal, viewer, store.readOnly);
    const myTurn = turn === 'mine';
    const r = roundInfo(scenario, state.round);
    paper(this);
    header(this, t('ratify.heading'), `${t('table.round', { round: Math.min(state.round + 1, scenario.rounds.length), total: scenario.rounds.length, label: r.label })} · ${t('table.roundPlace', { place: r.place, date: formatDate(r.date) })}`);
    const islands = islandViews(scenario, state, viewer);
    const mapH = drawMap(this, BASE.margin, 80, 560, islands);
    const y = mapFooter(this, BASE.margin, 80 + mapH, 560) + 6;
    meter(this, scenario, state, 'approval.japan', BASE.margin, y, 260, SIDE_COLOUR.japan);
    meter(this, scenario, state, 'approval.russia', BASE.margin + 300, y, 260, SIDE_COLOUR.russia);
    meter(this, scenario, state, 'support.japan', BASE.margin, y + 46, 260, SIDE_COLOUR.japan);
    meter(this, scenario, state, 'support.russia', BASE.margin + 300, y + 46, 260, SIDE_COLOUR.russia);
    meter(this, scenario, state, `hardliners.${viewer}`, BASE.margin, y + 92, 260, PALETTE.inkSoft);

    const outer = panel(this, 624, 80, 624, 596, { testid: 'ratification', label: t('ratify.heading') });
    const root = h('div', { class: 'scroll', testid: 'ratification-scroll' });
    outer.append(h('div', { class: 'stack' }, answerArea(scenario, session, viewer, coachStep(session, 'ratify'), { answer: false }), root));
    root.append(h('p', { class: 'help' }, t('common.youAre', { side: sideName(viewer) })), islandList(islands), h('p', {}, t('ratify.body')));
    if (state.signed) root.append(h('p', { class: 'who' }, t('table.worth', { value: formatNumber(packageValue(scenario, state, viewer, state.signed)) })));
    // The vote is something to play: each parliament's odds for each approach, before choosing.
    const pct = (p: number) => formatNumber(p * 100);
    const odds = h('table', { class: 'odds', testid: 'ratify-odds' },
      h('caption', { class: 'who' }, t('ratify.oddsHeading')),
      h('tr', {}, h('th', { scope: 'col' }, ''), h('th', { scope: 'col' }, t('ratify.approach.vote')), h('th', { scope: 'col' }, t('ratify.approach.whip'))),
    );
    const approaches = (legal?.approaches ?? APPROACHES.filter((a) => a !== 'delay')) as readonly Approach[];
    const last = !approaches.includes('delay');
    // A faction at home that would block the text: said beside the odds, with what would lift it.
    const blocks: HTMLElement[] = [];
    for (const side of [viewer, otherSide(viewer)]) {
      const blocker = blockingFaction(scenario, state, side, state.signed);
      const cell = (approach: Approach) => `${pct(ratificationOdds(scenario, state, side, approach))}%${blocker ? ` — ${t('ratify.blockedCell')}` : ''}`;
      odds.append(h('tr', { testid: `odds-${side}` }, h('th', { scope: 'row' }, sideName(side)), h('td', {}, cell('vote')), h('td', {}, cell('whip'))));
      if (!blocker) continue;
      const params = { faction: blocker.name, work: blocker.work.label, gain: formatNumber(blocker.work.gain, 1), side: sideName(side) };
      const next = side === viewer ? t(last ? 'ratify.blockedLast' : 'ratify.blockedDelay', params) : last ? '' : t('ratify.blockedOther', params);
      blocks.push(h('p', { class: 'msg', testid: `blocked-${side}`, role: 'note' }, h('span', { class: 'tag block' }, t('world.blocks')), ' ', h('span', { class: 'who' }, `${sideName(side)}: ${t('ratify.blocked', params)}`), next ? ` ${next}` : ''));
    }
    root.append(
      odds,
      ...blocks,
      h('p', { class: 'help' }, t('ratify.oddsNote')),
      h('p', { class: `msg ${last ? '' : 'ok'}`.trim(), testid: 'ratify-warning' }, t(last ? 'ratify.failLast' : 'ratify.failRounds')),
      h('h3', {}, t('ratify.yourChoice')),
    );
    for (const approach of approaches) {
      const label = approach === 'delay' ? t('ratify.approach.delay') : t('ratify.buttonOdds', { label: t(`ratify.approach.${approach}`), p: pct(ratificationOdds(scenario, state, viewer, approach)) });
      const help = approach === 'whip' ? t('ratify.help.whip', { cost: formatNumber(Math.abs(WHIP.approval)) }) : t(`ratify.help.${approach}`);
      const b = button(label, () => store.act({ type: 'ratify', side: viewer, approach }), { testid: `ratify-${approach}`, disabled: !myTurn, autofocus: approach === 'whip', kind: approach === 'whip' ? 'primary' : 'secondary' });
      root.append(h('div', { class: 'choice' }, b, h('span', { class: 'help' }, help)));
    }
    // The text itself last: it was on the table a moment ago; the choice comes first at 1280×720.
    if (state.signed) root.append(h('h3', {}, t('ratify.signed')), h('p', { testid: 'signed' }, packageText(scenario, state.signed)));
    const note = turnNote(turn, session.pending);
    if (note) root.append(note);
    footer(this);
    focusFirst();
  }
}
