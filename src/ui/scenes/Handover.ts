import Phaser from 'phaser';
import { otherSide } from '../../scenario/vocabulary';
import { BASE, FONTS, PALETTE, SIDE_COLOUR, hex } from '../theme';
import { h } from '../dom/el';
import { t } from '../i18n/t';
import { store } from '../app/store';
import { sideName } from '../app/narrate';
import { paper, panel, focusFirst } from '../widgets/frame';
import { button } from '../widgets/button';

/** Hot seat: a blank screen between turns, so neither player sees the other's private view. */
export class Handover extends Phaser.Scene {
  constructor() {
    super('Handover');
  }

  create(): void {
    const next = store.session!.pending!;
    // The hand-over speaks to the next player, in that player's language.
    store.speakTo(next);
    paper(this);
    const g = this.add.graphics();
    g.fillStyle(hex(SIDE_COLOUR[next]), 1).fillRect(BASE.width / 2 - 160, 200, 320, 8);
    this.add.text(BASE.width / 2, 150, t('handover.heading'), { fontFamily: FONTS.serif, fontSize: '40px', color: PALETTE.ink, fontStyle: '600' }).setOrigin(0.5);
    const root = panel(this, BASE.width / 2 - 320, 240, 640, 300, { testid: 'handover', label: t('handover.heading') });
    root.style.textAlign = 'center';
    root.append(
      h('p', {}, t('handover.body', { side: sideName(next), other: sideName(otherSide(next)) })),
      button(t('handover.ready', { side: sideName(next) }), () => store.setViewer(next), { testid: 'handover-ready', autofocus: true }),
    );
    focusFirst();
  }
}
