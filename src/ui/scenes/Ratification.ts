import Phaser from 'phaser';
import { blockingFaction, packageValue, ratificationOdds, WHIP, type GameState } from '../../sim';
import type { Scenario } from '../../scenario/schema';
import { APPROACHES, otherSide, type Approach, type Side } from '../../scenario/vocabulary';
import { PALETTE, SIDE_COLOUR } from '../theme';
import { h } from '../dom/el';
import { t, formatNumber } from '../i18n/t';
import { store } from '../app/store';
import { packageText, sideName } from '../app/narrate';
import { islandViews } from '../app/views';
import { paper, header, footer, focusFirst, turnNote } from '../widgets/frame';
import { button } from '../widgets/button';
import { islandList } from '../a11y/describe';
import { answerArea, coachStep } from '../widgets/answer';
import { leftMap, meterRows, roundLine, sidePanel, turnScreen } from '../widgets/turn-screen';

/** A signed text goes home: a free vote, a whipped one, or the vote put off a round; the odds shown first. */
export class Ratification extends Phaser.Scene {
  constructor() {
    super('Ratification');
  }

  create(): void {
    const { session, scenario, state, viewer, legal, turn, myTurn } = turnScreen();
    paper(this);
    header(this, t('ratify.heading'), roundLine(scenario, state.round));
    const islands = islandViews(scenario, state, viewer);
    meterRows(this, scenario, state, leftMap(this, islands).below + 6, [
      ['approval.japan', SIDE_COLOUR.japan], ['approval.russia', SIDE_COLOUR.russia],
      ['support.japan', SIDE_COLOUR.japan], ['support.russia', SIDE_COLOUR.russia],
      [`hardliners.${viewer}`, PALETTE.inkSoft],
    ]);

    const root = sidePanel(this, 624, 624, 'ratification', t('ratify.heading'), answerArea(scenario, session, viewer, coachStep(session, 'ratify'), { answer: false }));
    root.append(islandList(islands), h('p', {}, t('ratify.body')));
    if (state.signed) root.append(h('p', { class: 'who' }, t('table.worth', { value: formatNumber(packageValue(scenario, state, viewer, state.signed)) })));
    // The vote is something to play: each parliament's odds for each approach, before choosing.
    const approaches = (legal?.approaches ?? APPROACHES.filter((a) => a !== 'delay')) as readonly Approach[];
    const last = !approaches.includes('delay');
    root.append(
      ...oddsAndBlocks(scenario, state, viewer, last),
      h('p', { class: 'help' }, t('ratify.oddsNote')),
      h('p', { class: `msg ${last ? '' : 'ok'}`.trim(), testid: 'ratify-warning' }, t(last ? 'ratify.failLast' : 'ratify.failRounds')),
      h('h3', {}, t('ratify.yourChoice')),
      ...approaches.map((approach) => approachChoice(scenario, state, viewer, approach, myTurn)),
    );
    // The text itself last: it was on the table a moment ago; the choice comes first at 1280×720.
    if (state.signed) root.append(h('h3', {}, t('ratify.signed')), h('p', { testid: 'signed' }, packageText(scenario, state.signed)));
    const note = turnNote(turn, session.pending);
    if (note) root.append(note);
    footer(this);
    focusFirst();
  }
}

const pct = (p: number): string => formatNumber(p * 100);

/** Each parliament's odds for a free and a whipped vote, then, for a faction at home that would block the text, what would lift it. */
function oddsAndBlocks(scenario: Scenario, state: GameState, viewer: Side, last: boolean): HTMLElement[] {
  const odds = h('table', { class: 'odds', testid: 'ratify-odds' },
    h('caption', { class: 'who' }, t('ratify.oddsHeading')),
    h('tr', {}, h('th', { scope: 'col' }, ''), h('th', { scope: 'col' }, t('ratify.approach.vote')), h('th', { scope: 'col' }, t('ratify.approach.whip'))),
  );
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
  return [odds, ...blocks];
}

/** One way to take the text home: its button (with the viewer's odds) and what it costs. */
function approachChoice(scenario: Scenario, state: GameState, viewer: Side, approach: Approach, myTurn: boolean): HTMLElement {
  const label = approach === 'delay' ? t('ratify.approach.delay') : t('ratify.buttonOdds', { label: t(`ratify.approach.${approach}`), p: pct(ratificationOdds(scenario, state, viewer, approach)) });
  const help = approach === 'whip' ? t('ratify.help.whip', { cost: formatNumber(Math.abs(WHIP.approval)) }) : t(`ratify.help.${approach}`);
  const b = button(label, () => store.act({ type: 'ratify', side: viewer, approach }), { testid: `ratify-${approach}`, disabled: !myTurn, autofocus: approach === 'whip', kind: approach === 'whip' ? 'primary' : 'secondary' });
  return h('div', { class: 'choice' }, b, h('span', { class: 'help' }, help));
}
