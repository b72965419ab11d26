import Phaser from 'phaser';
import { TONES, type Tone } from '../../scenario/vocabulary';
import { BASE } from '../theme';
import { h } from '../dom/el';
import { t, tk } from '../i18n/t';
import { store } from '../app/store';
import { entryText, revealsOdds, roundInfo, sideName } from '../app/narrate';
import { answerArea, coachStep } from '../widgets/answer';
import { eventsOfRound, sinceLastMove, turnOf } from '../app/views';
import { paper, header, panel, footer, focusFirst, turnNote } from '../widgets/frame';
import { button } from '../widgets/button';
import { approvalChart, pollsChart } from '../widgets/charts';
import { eventCard } from '../widgets/headlines';
import { whyButton } from '../widgets/why-panel';
import { workSection, worldPanel } from '../widgets/world-panel';
import { chartTable } from '../a11y/describe';

/** Public reaction: both home fronts at once (the two-level game), and the player's statement. */
export class Reaction extends Phaser.Scene {
  constructor() {
    super('Reaction');
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
    header(this, t('reaction.heading'), `${t('table.round', { round: Math.min(state.round + 1, scenario.rounds.length), total: scenario.rounds.length, label: r.label })}`);
    pollsChart(this, scenario, state, BASE.margin, 80, 580, 292);
    approvalChart(this, scenario, state, BASE.margin, 384, 580, 292);

    // How the summit ended and why stays in view above the scrolling part; on Easy's first round, a coaching note.
    const outer = panel(this, 636, 80, 612, 596, { testid: 'reaction', label: t('reaction.heading') });
    const root = h('div', { class: 'scroll', testid: 'reaction-scroll' });
    outer.append(h('div', { class: 'stack' }, answerArea(scenario, session, viewer, coachStep(session, 'reaction')), root));
    root.append(
      h('p', { class: 'help' }, t('common.youAre', { side: sideName(viewer) })),
      chartTable(scenario, state, ['support.japan', 'oppose.japan', 'support.russia', 'oppose.russia'], t('reaction.polls')),
      chartTable(scenario, state, ['approval.japan', 'approval.russia'], t('reaction.approval')),
    );
    const since = sinceLastMove(state, viewer, session.phase, session.pending).filter((e) => e.kind === 'summit' || e.kind === 'talks' || e.kind === 'action');
    if (since.length > 0) {
      const ul = h('ul', { testid: 'since' });
      for (const e of since.slice(-6)) ul.append(h('li', {}, entryText(scenario, e, revealsOdds(state, store.readOnly))));
      root.append(h('h3', {}, t('table.since')), ul);
    }
    let events = eventsOfRound(state, state.round);
    let heading = t('reaction.headlines');
    if (events.length === 0 && state.round > 0) {
      events = eventsOfRound(state, state.round - 1);
      if (events.length > 0) heading = t('reaction.lastHeadlines');
    }
    root.append(h('h3', {}, heading));
    if (events.length === 0) root.append(h('p', { class: 'help' }, t('reaction.noEvents')));
    for (const id of events) {
      const card = eventCard(scenario, id);
      if (card) root.append(card);
    }

    // Before the statement: the home front as it stands, and the chance to work one faction.
    root.append(worldPanel(scenario, state, viewer));
    const work = workSection(scenario, state, viewer, legal, myTurn);
    if (work) root.append(work);

    root.append(h('h3', {}, t('reaction.tone')));
    const tones = (legal?.tones.length ? legal.tones : TONES) as readonly Tone[];
    const row = h('div', { testid: 'tones' });
    tones.forEach((tone, i) => {
      const b = button(tk(`tone.${tone}`), () => store.act({ type: 'statement', side: viewer, tone }), { testid: `tone-${tone}`, disabled: !myTurn, autofocus: i === 0, kind: i === 0 ? 'primary' : 'secondary', title: tk(`tone.${tone}.help`) });
      row.append(h('div', {}, b, h('span', { class: 'help' }, tk(`tone.${tone}.help`))));
    });
    root.append(row);
    const note = turnNote(turn, session.pending);
    if (note) root.append(note);

    root.append(h('h3', {}, t('reaction.numbers')));
    const nums = h('div', { testid: 'numbers' });
    for (const v of ['support.japan', 'oppose.japan', 'support.russia', 'oppose.russia', 'approval.japan', 'approval.russia', 'hardliners.japan', 'hardliners.russia'] as const) nums.append(whyButton(scenario, state, v));
    root.append(nums);
    footer(this);
    focusFirst();
  }
}
