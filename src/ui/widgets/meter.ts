// A labelled bar for one variable, drawn on the canvas, with a transparent DOM button over it
// that names the value for screen readers and opens its ledger ("why?").
import { sx } from '../i18n/t';
import Phaser from 'phaser';
import type { Scenario } from '../../scenario/schema';
import type { VarId } from '../../scenario/vocabulary';
import type { GameState } from '../../sim';
import { FONTS, PALETTE, hex } from '../theme';
import { whyButton, formatVar } from './why-panel';
import { place } from './placed';

/** Shortens a one-line label with an ellipsis until it fits (the full text is in the button's label). */
export function fitText(text: Phaser.GameObjects.Text, maxWidth: number): void {
  const full = text.text;
  if (text.width <= maxWidth) return;
  let n = full.length;
  while (n > 4 && text.width > maxWidth) {
    n -= 1;
    text.setText(`${full.slice(0, n).trimEnd()}…`);
  }
}

export function meter(scene: Phaser.Scene, scenario: Scenario, state: GameState, v: VarId, x: number, y: number, w: number, colour: string = PALETTE.navy, label?: string): void {
  const spec = scenario.variables[v];
  const value = state.world.vars[v];
  const frac = (value - spec.min) / (spec.max - spec.min || 1);
  const g = scene.add.graphics();
  const valueText = scene.add.text(x + w, y, formatVar(scenario, v, value), { fontFamily: FONTS.sans, fontSize: '16px', color: PALETTE.ink, fontStyle: '600' }).setOrigin(1, 0);
  const name = scene.add.text(x, y, sx(label ?? spec.label), { fontFamily: FONTS.sans, fontSize: '16px', color: PALETTE.ink });
  fitText(name, w - valueText.width - 10);
  g.fillStyle(0xfffdf7, 1).fillRect(x, y + 22, w, 12);
  g.fillStyle(hex(colour), 1).fillRect(x, y + 22, Math.max(2, w * frac), 12);
  g.lineStyle(1, hex(PALETTE.ink), 1).strokeRect(x, y + 22, w, 12);
  // Quarter ticks, so the bar reads without its colour.
  for (let q = 1; q < 4; q++) g.lineBetween(x + (w * q) / 4, y + 30, x + (w * q) / 4, y + 34);
  const b = whyButton(scenario, state, v, label);
  b.classList.add('meter-hit');
  b.style.width = `${w}px`;
  b.style.height = '38px';
  place(scene, x, y, b);
}
