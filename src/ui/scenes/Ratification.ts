import Phaser from 'phaser';
import { packageValue } from '../../sim';
import { BASE, PALETTE, SIDE_COLOUR } from '../theme';
import { h } from '../dom/el';
import { t, formatNumber } from '../i18n/t';
import { store } from '../app/store';
import { packageText, roundInfo, sideName } from '../app/narrate';
import { islandViews } from '../app/views';
import { paper, header, panel, footer, focusFirst } from '../widgets/frame';
import { button } from '../widgets/button';
import { drawMap } from '../widgets/map';
import { meter } from '../widgets/meter';
import { islandList } from '../a11y/describe';

/** A signed text goes home: push it through, or submit it and let the votes fall. */
export class Ratification extends Phaser.Scene {
  constructor() {
    super('Ratification');
  }

  create(): void {
    const session = store.session!;
    const scenario = store.scenario!;
    const state = session.state;
    const viewer = store.viewer ?? 'japan';
    const myTurn = !store.readOnly && session.pending === viewer;
    const r = roundInfo(scenario, state.round);
    paper(this);
    header(this, t('ratify.heading'), `${r.label} · ${r.place}, ${r.date}`);
    const islands = islandViews(scenario, state, viewer);
    const mapH = drawMap(this, BASE.margin, 80, 560, islands);
    const y = 80 + mapH + 16;
    meter(this, scenario, state, 'approval.japan', BASE.margin, y, 260, SIDE_COLOUR.japan);
    meter(this, scenario, state, 'approval.russia', BASE.margin + 300, y, 260, SIDE_COLOUR.russia);
    meter(this, scenario, state, 'support.japan', BASE.margin, y + 46, 260, SIDE_COLOUR.japan);
    meter(this, scenario, state, 'support.russia', BASE.margin + 300, y + 46, 260, SIDE_COLOUR.russia);
    meter(this, scenario, state, `hardliners.${viewer}`, BASE.margin, y + 92, 260, PALETTE.inkSoft);

    const root = panel(this, 624, 80, 624, 596, { scroll: true, testid: 'ratification', label: t('ratify.heading') });
    root.append(h('p', { class: 'help' }, t('common.youAre', { side: sideName(viewer) })), islandList(islands), h('p', {}, t('ratify.body')));
    if (state.signed) {
      const ul = h('ul', { testid: 'signed' });
      for (const part of packageText(scenario, state.signed).split('; ')) ul.append(h('li', {}, part));
      root.append(h('h3', {}, t('ratify.signed')), ul, h('p', { class: 'who' }, t('table.worth', { value: formatNumber(packageValue(state, viewer, state.signed)) })));
    }
    root.append(
      button(t('ratify.push'), () => store.act({ type: 'ratify', side: viewer, approach: 'whip' }), { testid: 'ratify-push', disabled: !myTurn, autofocus: true }),
      button(t('ratify.noPush'), () => store.act({ type: 'ratify', side: viewer, approach: 'vote' }), { testid: 'ratify-nopush', kind: 'secondary', disabled: !myTurn }),
    );
    if (!myTurn && session.pending && !store.readOnly) root.append(h('p', { class: 'msg ok' }, t('table.waiting', { side: sideName(session.pending) })));
    footer(this);
    focusFirst();
  }
}
