import Phaser from 'phaser';
import { ISSUE_IDS, otherSide, type IssueId, type Package, type Sequencing } from '../../scenario/vocabulary';
import { classify, packageValue, type ActionType, type GameState, type LegalMoves } from '../../sim';
import type { Scenario } from '../../scenario/schema';
import { PALETTE, SIDE_COLOUR } from '../theme';
import { h } from '../dom/el';
import { t, tk, formatNumber, sx } from '../i18n/t';
import { store } from '../app/store';
import { entryText, refusalWords, issueLabel, packageText, sideName, speakerName } from '../app/narrate';
import { islandViews, linesOfRound, sinceLastMove } from '../app/views';
import { paper, header, footer, focusFirst, turnNote } from '../widgets/frame';
import { button } from '../widgets/button';
import { radios, select } from '../widgets/form';
import { offerEditor } from '../widgets/offer-editor';
import { answerArea, coachStep } from '../widgets/answer';
import { openWorth } from '../widgets/why-panel';
import { worldPanel } from '../widgets/world-panel';
import { announce } from '../a11y/live';
import { islandList } from '../a11y/describe';
import { leftMap, meterRows, roundLine, sidePanel, sinceList, turnScreen } from '../widgets/turn-screen';

/** The negotiation table: the foreign ministers' agenda, then the leaders' summit. */
export class Table extends Phaser.Scene {
  constructor() {
    super('Table');
  }

  create(): void {
    const { session, scenario, state, viewer, legal, turn, myTurn } = turnScreen();
    const other = otherSide(viewer);
    const summit = session.phase === 'summit';
    const heading = t(summit ? 'table.headingSummit' : 'table.headingTalks');
    paper(this);
    header(this, heading, roundLine(scenario, state.round));

    // Left column: the islands, then the numbers that make or break a deal.
    const islands = islandViews(scenario, state, viewer);
    const moved = islands.filter((i) => i.status !== 'russian');
    const { mapH, below } = leftMap(this, islands, t('map.summary', { count: moved.length, share: formatNumber(moved.reduce((s, i) => s + i.share, 0), 1) }));
    const [my, their] = [SIDE_COLOUR[viewer], SIDE_COLOUR[other]];
    meterRows(this, scenario, state, Math.max(80 + mapH + 34, below + 8), [
      ['rapport', PALETTE.green], [`trust.${other}`, their],
      [`hardliners.${viewer}`, my], [`hardliners.${other}`, their],
      [`approval.${viewer}`, my], [`approval.${other}`, their],
    ]);

    // Right column: what is said and what the player can do.
    // The answer and the coaching note stay above the scrolling part: in view whatever has focus.
    const root = sidePanel(this, 624, 624, 'table', heading, answerArea(scenario, session, viewer, coachStep(session, summit ? 'summit' : 'talks')));
    root.append(islandList(islands));
    if (summit) this.reachAndOffer(root);
    else this.lastVote(root);
    root.append(...voices(scenario, state, summit));
    if (!summit) this.talks(root, myTurn, (legal?.sequencings ?? []) as readonly Sequencing[]);
    else this.summit(root, myTurn, legal);
    const note = turnNote(turn, session.pending);
    if (note) root.append(note);
    // The world beyond the table: the factions at home, Washington and Beijing, the calendar.
    root.append(worldPanel(scenario, state, viewer));
    root.append(...sinceList(scenario, state, sinceLastMove(state, viewer, session.phase, session.pending).filter((e) => e.kind !== 'line'), 10));
    footer(this);
    focusFirst();
  }

  /** At the first talks after a vote: how each parliament voted (or that it was put off), so a rejected text is never news only in the log. */
  private lastVote(root: HTMLElement): void {
    const scenario = store.scenario!;
    const state = store.session!.state;
    const vote = state.log.filter((e) => (e.kind === 'ratification' || e.kind === 'ratificationDelayed' || e.kind === 'textReturned') && e.round === state.round - 1);
    if (vote.length === 0) return;
    root.append(h('div', { class: 'headline', testid: 'last-vote' }, h('div', { class: 'who' }, t('table.lastVote')), ...vote.map((e) => h('p', {}, entryText(scenario, e)))));
  }

  private talks(root: HTMLElement, myTurn: boolean, sequencings: readonly Sequencing[]): void {
    const scenario = store.scenario!;
    const viewer = store.viewer ?? 'japan';
    const state = store.session!.state;
    const mine = state.talks.agenda[viewer];
    const opening = scenario.sides[viewer].priorities.sequencing;
    const list = sequencings.length ? sequencings : (['territoryFirst', 'parallel', 'normaliseFirst'] as const);
    const seq = radios(t('table.sequencing'), 'sequencing', list.map((s) => ({ value: s, label: tk(`seq.${s}`) })), mine?.sequencing ?? opening, 'sequencing');
    // What each order does and risks, one line each, read with the group.
    const helps = h('ul', { class: 'choices help', id: 'sequencing-help', testid: 'sequencing-help' });
    for (const s of list) helps.append(h('li', {}, h('span', { class: 'who' }, `${tk(`seq.${s}`)}: `), tk(`seq.${s}.help.${viewer}`)));
    seq.wrap.setAttribute('aria-describedby', 'sequencing-help');
    const prep = select(t('table.prepare'), ISSUE_IDS.map((i) => ({ value: i, label: issueLabel(scenario, i) })), mine?.prepare ?? 'islands', 'prepare');
    prep.el.setAttribute('aria-describedby', 'prepare-help');
    const send = button(t('table.sendMinisters'), () => {
      store.act({ type: 'agenda', side: viewer, sequencing: seq.get() as Sequencing, prepare: prep.el.value as IssueId });
    }, { testid: 'send-ministers', autofocus: true, disabled: !myTurn });
    for (const input of seq.wrap.querySelectorAll('input')) input.disabled = !myTurn;
    prep.el.disabled = !myTurn;
    root.append(
      seq.wrap,
      helps,
      prep.wrap,
      h('p', { class: 'help', id: 'prepare-help', testid: 'prepare-help' }, t('table.prepare.help')),
      h('div', { class: 'choice' }, send, h('span', { class: 'help' }, t('table.sendMinisters.help'))),
    );
  }

  private reachAndOffer(root: HTMLElement): void {
    const scenario = store.scenario!;
    const state = store.session!.state;
    const viewer = store.viewer ?? 'japan';
    root.append(h('p', { testid: 'reach' }, t('table.reach', { reach: tk(`reach.${state.talks.reach}`) })));
    const last = state.summit.offers[state.summit.offers.length - 1];
    if (last) {
      const box = h('div', { class: 'headline', testid: 'offer-on-table' }, h('div', { class: 'who' }, t('table.offerOnTable', { side: sideName(last.side) })));
      box.append(h('p', {}, packageText(scenario, last.package)));
      if (last.side !== viewer) box.append(h('p', { class: 'who', testid: 'their-worth' }, t('table.theirWorth', { value: formatNumber(packageValue(scenario, state, viewer, last.package)) })));
      root.append(box);
    } else root.append(h('p', { class: 'help' }, t('table.noOffer')));
  }

  private summit(root: HTMLElement, myTurn: boolean, legal: LegalMoves | null): void {
    const scenario = store.scenario!;
    const session = store.session!;
    const state = session.state;
    const viewer = store.viewer ?? 'japan';
    const last = state.summit.offers[state.summit.offers.length - 1];
    const types = legal?.types ?? [];
    const options = (legal?.options ?? {}) as Partial<Record<IssueId, readonly string[]>>;

    const initial: Package = last?.package ?? state.agreed ?? (Object.fromEntries(ISSUE_IDS.map((i) => [i, options[i]?.[0] ?? scenario.issues.find((x) => x.id === i)!.options[0]!.id])) as Package);
    // "Worth to you" opens what it is made of: the terms by the brief's weights, and the home front.
    const worth = h('button', { type: 'button', class: 'why worth', testid: 'worth', 'aria-haspopup': 'dialog' });
    const show = (pkg: Package) => {
      worth.textContent = '';
      worth.append(h('span', {}, t('table.worth', { value: formatNumber(packageValue(scenario, state, viewer, pkg)) })), h('span', { class: 'v' }, t('table.worthWhy')));
    };
    const editor = offerEditor(scenario, options, initial, (pkg) => {
      show(pkg);
      refusal.hidden = true;
    }, !myTurn, legal?.blocked ?? {});
    worth.addEventListener('click', () => openWorth(scenario, state, viewer, editor.value()));
    show(editor.value());
    root.append(h('h3', {}, t('table.yourPackage')), editor.root, worth);

    const can = (x: ActionType) => myTurn && types.includes(x);
    // Propose never fails silently: the reason a package cannot be sent is said beside the button.
    const refusal = h('p', { class: 'msg refusal', testid: 'refusal', role: 'alert' });
    refusal.hidden = true;
    const propose = () => {
      const action = { type: 'offer' as const, side: viewer, package: editor.value() };
      const why = refusalWords(scenario, session.offerProblem(action.package));
      if (why) {
        refusal.textContent = t('refuse.heading', { reason: why });
        refusal.hidden = false;
        announce(refusal.textContent);
        refusal.scrollIntoView({ block: 'nearest' });
        return;
      }
      store.act(action);
    };
    const floor = state.summit.offers.length === 0 && !state.summit.floorPassed;
    const row = (b: HTMLButtonElement, help: string) => h('div', { class: 'choice' }, b, h('span', { class: 'help' }, help));
    root.append(
      row(button(t(last ? 'table.counter' : 'table.propose'), propose, { testid: 'propose', disabled: !can('offer'), autofocus: !can('accept') }), t(last ? 'table.counter.help' : 'table.propose.help')),
      refusal,
      row(button(t('table.accept'), () => store.act({ type: 'accept', side: viewer }), { testid: 'accept', disabled: !can('accept'), autofocus: can('accept') }), t(last && classify(last.package) === 'treatyText' ? 'table.accept.helpTreaty' : 'table.accept.help')),
      row(button(t('table.stall'), () => store.act({ type: 'stall', side: viewer }), { testid: 'stall', kind: 'secondary', disabled: !can('stall') }), t(floor ? 'table.stall.helpFloor' : 'table.stall.help')),
      row(button(t('table.walkOut'), () => store.act({ type: 'walkOut', side: viewer }), { testid: 'walk-out', kind: 'danger', disabled: !can('walkOut') }), t('table.walkOut.help')),
    );
  }
}

/** The counterpart's voice: short in-character lines of this round, each with its source (the last three at the summit, four at the talks). */
function voices(scenario: Scenario, state: GameState, summit: boolean): HTMLElement[] {
  const lines = linesOfRound(state, state.round).slice(summit ? -3 : -4);
  const list = h('ul', { class: 'lines', testid: 'voices' });
  for (const l of lines) {
    const side = l.speaker.split('.')[0]!;
    // A paraphrase of someone else's description says so, so no one learns a wrong attribution.
    const item = h('li', { class: side }, h('span', { class: 'who' }, `${speakerName(scenario, l.speaker)}: `), `“${sx(l.text)}”`);
    if (l.after !== undefined) item.append(' ', h('span', { class: 'after', testid: 'line-after' }, t('table.after', { after: l.after })));
    list.append(item);
  }
  return [h('h3', {}, t('table.voices')), lines.length ? list : h('p', { class: 'help' }, t('table.noVoices'))];
}
