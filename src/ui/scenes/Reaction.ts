import Phaser from 'phaser';
import { TONES, type Side, type Tone } from '../../scenario/vocabulary';
import type { Scenario } from '../../scenario/schema';
import type { GameState, LegalMoves } from '../../sim';
import { BASE } from '../theme';
import { h } from '../dom/el';
import { t, tk } from '../i18n/t';
import { store } from '../app/store';
import { answerArea, coachStep } from '../widgets/answer';
import { eventsOfRound, sinceLastMove } from '../app/views';
import { paper, header, footer, focusFirst, turnNote } from '../widgets/frame';
import { button } from '../widgets/button';
import { approvalChart, pollsChart } from '../widgets/charts';
import { eventCard } from '../widgets/headlines';
import { whyButton } from '../widgets/why-panel';
import { workSection, worldPanel } from '../widgets/world-panel';
import { chartTable } from '../a11y/describe';
import { roundLine, sidePanel, sinceList, turnScreen } from '../widgets/turn-screen';

/** Public reaction: both home fronts at once (the two-level game), and the player's statement. */
export class Reaction extends Phaser.Scene {
  constructor() {
    super('Reaction');
  }

  create(): void {
    const { session, scenario, state, viewer, legal, turn, myTurn } = turnScreen();
    paper(this);
    header(this, t('reaction.heading'), roundLine(scenario, state.round, false));
    pollsChart(this, scenario, state, BASE.margin, 80, 580, 292);
    approvalChart(this, scenario, state, BASE.margin, 384, 580, 292);

    // How the summit ended and why stays in view above the scrolling part; on Easy's first round, a coaching note.
    const root = sidePanel(this, 636, 612, 'reaction', t('reaction.heading'), answerArea(scenario, session, viewer, coachStep(session, 'reaction')));
    root.append(
      chartTable(scenario, state, ['support.japan', 'oppose.japan', 'support.russia', 'oppose.russia'], t('reaction.polls')),
      chartTable(scenario, state, ['approval.japan', 'approval.russia'], t('reaction.approval')),
      ...sinceList(scenario, state, sinceLastMove(state, viewer, session.phase, session.pending).filter((e) => e.kind === 'summit' || e.kind === 'talks' || e.kind === 'action'), 6),
      ...headlines(scenario, state),
    );
    // Before the statement: the home front as it stands, and the chance to work one faction.
    root.append(worldPanel(scenario, state, viewer));
    const work = workSection(scenario, state, viewer, legal, myTurn);
    if (work) root.append(work);
    root.append(h('h3', {}, t('reaction.tone')), toneChoices(viewer, legal, myTurn));
    const note = turnNote(turn, session.pending);
    if (note) root.append(note);
    root.append(h('h3', {}, t('reaction.numbers')), numbers(scenario, state));
    footer(this);
    focusFirst();
  }
}

/** The round's headlines (or, early in a round that has none yet, the last round's), each as its card. */
function headlines(scenario: Scenario, state: GameState): HTMLElement[] {
  let events = eventsOfRound(state, state.round);
  let heading = t('reaction.headlines');
  if (events.length === 0 && state.round > 0) {
    events = eventsOfRound(state, state.round - 1);
    if (events.length > 0) heading = t('reaction.lastHeadlines');
  }
  const cards = events.map((id) => eventCard(scenario, id)).filter((c): c is HTMLElement => c !== null);
  return [h('h3', {}, heading), ...(events.length === 0 ? [h('p', { class: 'help' }, t('reaction.noEvents'))] : []), ...cards];
}

/** A button per tone the statement may take, the first focused, each with what it does. */
function toneChoices(viewer: Side, legal: LegalMoves | null, myTurn: boolean): HTMLElement {
  const tones = (legal?.tones.length ? legal.tones : TONES) as readonly Tone[];
  const row = h('div', { testid: 'tones' });
  tones.forEach((tone, i) => {
    const b = button(tk(`tone.${tone}`), () => store.act({ type: 'statement', side: viewer, tone }), { testid: `tone-${tone}`, disabled: !myTurn, autofocus: i === 0, kind: i === 0 ? 'primary' : 'secondary', title: tk(`tone.${tone}.help`) });
    row.append(h('div', {}, b, h('span', { class: 'help' }, tk(`tone.${tone}.help`))));
  });
  return row;
}

/** Every number the reaction moves, each a button that opens its ledger ("why?"). */
function numbers(scenario: Scenario, state: GameState): HTMLElement {
  const nums = h('div', { testid: 'numbers' });
  for (const v of ['support.japan', 'oppose.japan', 'support.russia', 'oppose.russia', 'approval.japan', 'approval.russia', 'hardliners.japan', 'hardliners.russia'] as const) nums.append(whyButton(scenario, state, v));
  return nums;
}
