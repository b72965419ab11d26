// Line charts over rounds. Each series differs by colour, by dash and by marker shape,
// and is labelled at its end, so no reader has to tell colours apart.
import Phaser from 'phaser';
import { FONTS, PALETTE, hex } from '../theme';

export interface Series {
  label: string;
  colour: string;
  values: number[];
  dashed?: boolean;
  marker: 'circle' | 'square' | 'triangle' | 'diamond';
}

export interface ChartOpts {
  x: number;
  y: number;
  w: number;
  h: number;
  title: string;
  min?: number;
  max?: number;
  xLabels: string[];
}

function marker(g: Phaser.GameObjects.Graphics, kind: Series['marker'], x: number, y: number, colour: number): void {
  g.fillStyle(colour, 1);
  g.lineStyle(1.5, hex(PALETTE.ink), 1);
  if (kind === 'circle') g.fillCircle(x, y, 4.5).strokeCircle(x, y, 4.5);
  else if (kind === 'square') g.fillRect(x - 4, y - 4, 8, 8).strokeRect(x - 4, y - 4, 8, 8);
  else if (kind === 'triangle') g.fillTriangle(x, y - 5.5, x - 5, y + 4, x + 5, y + 4).strokeTriangle(x, y - 5.5, x - 5, y + 4, x + 5, y + 4);
  else {
    const pts = [new Phaser.Math.Vector2(x, y - 6), new Phaser.Math.Vector2(x + 5, y), new Phaser.Math.Vector2(x, y + 6), new Phaser.Math.Vector2(x - 5, y)];
    g.fillPoints(pts, true).strokePoints(pts, true, true);
  }
}

function dashedLine(g: Phaser.GameObjects.Graphics, x1: number, y1: number, x2: number, y2: number): void {
  const len = Math.hypot(x2 - x1, y2 - y1);
  const n = Math.max(1, Math.floor(len / 8));
  for (let i = 0; i < n; i += 2) {
    const a = i / n;
    const b = Math.min(1, (i + 1) / n);
    g.lineBetween(x1 + (x2 - x1) * a, y1 + (y2 - y1) * a, x1 + (x2 - x1) * b, y1 + (y2 - y1) * b);
  }
}

export function drawLineChart(scene: Phaser.Scene, opts: ChartOpts, series: Series[]): void {
  const { x, y, w, h } = opts;
  const all = series.flatMap((s) => s.values);
  const min = opts.min ?? Math.min(0, ...all);
  const max = opts.max ?? Math.max(100, ...all);
  const left = x + 40;
  const right = x + w - 110;
  const top = y + 30;
  const bottom = y + h - 26;
  const g = scene.add.graphics();
  g.fillStyle(0xfffdf7, 1).fillRect(x, y, w, h);
  g.lineStyle(1, hex(PALETTE.rule), 1).strokeRect(x, y, w, h);
  scene.add.text(x + 8, y + 4, opts.title, { fontFamily: FONTS.serif, fontSize: '18px', color: PALETTE.ink, fontStyle: '600' });
  const sy = (v: number) => bottom - ((v - min) / (max - min || 1)) * (bottom - top);
  const n = Math.max(1, opts.xLabels.length - 1);
  const sx = (i: number) => left + (i / n) * (right - left);
  for (const tick of [min, (min + max) / 2, max]) {
    g.lineStyle(1, hex(PALETTE.paperDeep), 1).lineBetween(left, sy(tick), right, sy(tick));
    scene.add.text(left - 6, sy(tick), String(Math.round(tick)), { fontFamily: FONTS.sans, fontSize: '16px', color: PALETTE.inkSoft }).setOrigin(1, 0.5);
  }
  opts.xLabels.forEach((lbl, i) => {
    scene.add.text(sx(i), bottom + 4, lbl, { fontFamily: FONTS.sans, fontSize: '16px', color: PALETTE.inkSoft }).setOrigin(0.5, 0);
  });
  const ends: { y: number; s: Series }[] = [];
  for (const s of series) {
    const c = hex(s.colour);
    g.lineStyle(s.dashed ? 2 : 3, c, 1);
    for (let i = 1; i < s.values.length; i++) {
      const [x1, y1, x2, y2] = [sx(i - 1), sy(s.values[i - 1]!), sx(i), sy(s.values[i]!)];
      if (s.dashed) dashedLine(g, x1, y1, x2, y2);
      else g.lineBetween(x1, y1, x2, y2);
    }
    s.values.forEach((v, i) => marker(g, s.marker, sx(i), sy(v), c));
    if (s.values.length > 0) ends.push({ y: sy(s.values[s.values.length - 1]!), s });
  }
  // End labels, nudged apart so they never overlap.
  ends.sort((a, b) => a.y - b.y);
  let last = -Infinity;
  for (const e of ends) {
    const ly = Math.max(e.y, last + 18);
    last = ly;
    scene.add.text(right + 12, ly, `${e.s.label} ${Math.round(e.s.values[e.s.values.length - 1]!)}`, { fontFamily: FONTS.sans, fontSize: '16px', color: PALETTE.ink }).setOrigin(0, 0.5);
  }
}
