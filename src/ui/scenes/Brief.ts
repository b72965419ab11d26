import Phaser from 'phaser';
import { BASE, FONTS, PALETTE, SIDE_COLOUR, hex } from '../theme';
import { h } from '../dom/el';
import { t } from '../i18n/t';
import { store } from '../app/store';
import { sideName } from '../app/narrate';
import { paper, header, panel, footer, focusFirst } from '../widgets/frame';
import { button } from '../widgets/button';

/** The confidential brief: only the side now holding the device sees its goals and red lines. */
export class Brief extends Phaser.Scene {
  constructor() {
    super('Brief');
  }

  create(): void {
    const scenario = store.scenario!;
    const side = store.viewer!;
    const spec = scenario.sides[side];
    paper(this);
    header(this, t('brief.heading', { side: sideName(side) }), scenario.title);
    const g = this.add.graphics();
    g.fillStyle(hex(SIDE_COLOUR[side]), 1).fillRect(BASE.margin, 84, 6, 580);
    // A "confidential" stamp: a dossier's look, drawn once.
    this.add.text(1090, 110, t('brief.stamp'), { fontFamily: FONTS.serif, fontSize: '26px', color: PALETTE.vermilion, fontStyle: '600' }).setOrigin(0.5).setAngle(-8).setAlpha(0.8);

    const root = panel(this, BASE.margin + 24, 84, 900, 590, { scroll: true, testid: 'brief', label: t('brief.heading', { side: sideName(side) }) });
    const goals = h('ul', { class: 'goals' });
    for (const goal of spec.brief.goals) goals.append(h('li', {}, t('brief.goal', { goal: goal.label, weight: goal.weight })));
    const red = h('ul', {});
    for (const line of spec.brief.redLines) red.append(h('li', {}, line));
    root.append(
      h('p', { class: 'help' }, t('brief.for', { leader: spec.leader.name, title: spec.leader.title })),
      h('p', {}, spec.brief.summary),
      h('h3', {}, t('brief.goals')),
      goals,
      h('h3', {}, t('brief.redLines')),
      red,
      button(t('brief.ready'), () => store.markBriefed(side), { testid: 'brief-ready', autofocus: true }),
    );
    footer(this);
    focusFirst();
  }
}
