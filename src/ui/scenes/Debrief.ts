import Phaser from 'phaser';
import { GameSession, replayText, scoreOf, toReplay } from '../../sim';
import { downloadText } from '../app/download';
import { announce } from '../a11y/live';
import { SIDES, VAR_IDS } from '../../scenario/vocabulary';
import { factionWhyButton, whyButton } from '../widgets/why-panel';
import { BASE, FONTS, PALETTE, SIDE_COLOUR, hex } from '../theme';
import { h } from '../dom/el';
import { t, sx } from '../i18n/t';
import { store } from '../app/store';
import { route } from '../app/router';
import { endingText, sideName } from '../app/narrate';
import { debriefSections, fillPrintRoot } from '../app/debrief-doc';
import { paper, header, panel, footer, focusFirst } from '../widgets/frame';
import { button } from '../widgets/button';
import { approvalChart, pollsChart } from '../widgets/charts';
import { chartTable } from '../a11y/describe';

/** The end: outcome, scores, timeline, charts, history, sources, questions; replay and print. */
export class Debrief extends Phaser.Scene {
  constructor() {
    super('Debrief');
  }

  create(): void {
    const session = store.session!;
    const scenario = store.scenario!;
    const state = session.state;
    paper(this);
    header(this, t('debrief.heading'), scenario.title);
    const ending = state.ending;
    this.add.text(BASE.margin, 80, ending ? endingText(ending.kind, ending.side) : '—', { fontFamily: FONTS.serif, fontSize: '28px', color: PALETTE.ink, fontStyle: '600', wordWrap: { width: 580 } });
    const scores = scoreOf(scenario, state);
    const g = this.add.graphics();
    SIDES.forEach((side, i) => {
      const y = 132 + i * 34;
      this.add.text(BASE.margin, y, `${sideName(side)} ${scores[side].total}`, { fontFamily: FONTS.sans, fontSize: '17px', color: PALETTE.ink, fontStyle: '600' });
      g.fillStyle(0xfffdf7, 1).fillRect(BASE.margin + 120, y + 4, 440, 16);
      g.fillStyle(hex(SIDE_COLOUR[side]), 1).fillRect(BASE.margin + 120, y + 4, 4.4 * scores[side].total, 16);
      g.lineStyle(1, hex(PALETTE.ink), 1).strokeRect(BASE.margin + 120, y + 4, 440, 16);
    });
    pollsChart(this, scenario, state, BASE.margin, 206, 580, 232);
    approvalChart(this, scenario, state, BASE.margin, 446, 580, 230);

    const bar = panel(this, 636, 80, 612, 52, { testid: 'debrief-actions' });
    const download = button(t('debrief.download'), () => this.download(), { testid: 'download-replay', autofocus: true });
    bar.append(
      download,
      button(t('debrief.print'), () => { fillPrintRoot(scenario, state); window.print(); }, { testid: 'print', kind: 'secondary', disabled: store.readOnly && false }),
      button(t('debrief.newGame'), () => { store.quit(); route('Title'); }, { testid: 'new-game', kind: 'secondary' }),
    );
    const root = panel(this, 636, 136, 612, 540, { scroll: true, testid: 'debrief', label: t('debrief.heading') });
    root.append(
      chartTable(scenario, state, ['support.japan', 'oppose.japan', 'support.russia', 'oppose.russia'], t('reaction.polls')),
      chartTable(scenario, state, ['approval.japan', 'approval.russia'], t('reaction.approval')),
      ...debriefSections(scenario, state),
    );
    // Every final number can still say why it ended where it did.
    const numbers = h('section', { testid: 'debrief-numbers' }, h('h2', {}, t('reaction.numbers')));
    for (const v of VAR_IDS) numbers.append(whyButton(scenario, state, v));
    for (const f of scenario.factions) numbers.append(factionWhyButton(scenario, state, f.id, `${sideName(f.side)}: ${sx(f.name)}`));
    root.querySelector('[data-testid="debrief-score"]')?.after(numbers);
    fillPrintRoot(scenario, state);
    footer(this);
    focusFirst();
  }

  private download(): void {
    const session = store.session;
    // A finished game is always a local one (a networked match is played again here when it ends).
    if (!(session instanceof GameSession)) return;
    const replay = toReplay(session);
    // What the game writes, its reader must read back: the same check as `npm run sim -- --record`.
    const out = replayText(replay);
    if (!out.ok) {
      announce(t('debrief.downloadRefused', { error: out.error }));
      return;
    }
    const safeSeed = replay.seed.replace(/[^\p{L}\p{N}_-]+/gu, '-').slice(0, 40) || 'seed';
    downloadText(`unfinished-peace-${replay.scenario.id}-${safeSeed}.json`, out.text);
  }
}
