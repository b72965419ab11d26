// The game's one chart implementation: inline SVG built with DOM calls (never markup
// strings). Series differ by dash and marker as well as colour; bars carry their numbers as
// text, and a comparison series differs by hatching as well as colour.
import { sx } from '../i18n/t';
import { FONTS, PALETTE } from '../theme';
import type { Bin } from '../class/percentile';

const NS = 'http://www.w3.org/2000/svg';

function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = sx(text);
  return el;
}

// eslint-disable-next-line no-restricted-syntax -- a counter of DOM ids, unique for the page's life
let patternId = 0;

function frame(width: number, height: number, label: string): { svg: SVGSVGElement; hatch: string } {
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': label, class: 'chart' });
  svg.append(s('title', {}, label));
  const id = `hatch-${++patternId}`;
  const pattern = s('pattern', { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
  pattern.append(s('rect', { width: 6, height: 6, fill: '#fffdf7' }), s('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: PALETTE.inkSoft, 'stroke-width': 3 }));
  const defs = s('defs');
  defs.append(pattern);
  svg.append(defs);
  return { svg, hatch: `url(#${id})` };
}

export interface BarRow {
  label: string;
  /** Share in per cent (0–100) and the text shown beside the bar. */
  share: number;
  text: string;
  compare?: { share: number; text: string };
}

/** Horizontal bars, one per category; an optional hatched bar under each for comparison. */
export function barChart(label: string, rows: readonly BarRow[], colour: string = PALETTE.navy, width = 560): SVGSVGElement {
  const labelW = 250;
  const textW = 120;
  const barW = width - labelW - textW;
  const hasCompare = rows.some((r) => r.compare);
  const rowH = hasCompare ? 40 : 26;
  const height = rows.length * rowH + 8;
  const { svg, hatch } = frame(width, height, label);
  rows.forEach((r, i) => {
    const y = 4 + i * rowH;
    svg.append(s('text', { x: labelW - 8, y: y + 15, 'text-anchor': 'end', class: 'chart-label' }, r.label));
    svg.append(s('rect', { x: labelW, y: y + 2, width: Math.max(1, (barW * r.share) / 100), height: 16, fill: colour }));
    svg.append(s('text', { x: labelW + (barW * r.share) / 100 + 6, y: y + 15, class: 'chart-num' }, r.text));
    if (r.compare) {
      const w = Math.max(1, (barW * r.compare.share) / 100);
      svg.append(s('rect', { x: labelW, y: y + 21, width: w, height: 12, fill: hatch, stroke: PALETTE.inkSoft, 'stroke-width': 1 }));
      svg.append(s('text', { x: labelW + w + 6, y: y + 32, class: 'chart-num soft' }, r.compare.text));
    }
  });
  svg.append(s('line', { x1: labelW, y1: 0, x2: labelW, y2: height, stroke: PALETTE.ink, 'stroke-width': 1 }));
  return svg;
}

/**
 * Vertical histogram of counts; `compare` (shares in per cent of another sample,
 * e.g. computer games) is drawn as a hatched bar beside each solid one.
 */
export function histogramChart(
  label: string,
  bins: readonly Bin[],
  opts: { colour?: string; compare?: readonly Bin[]; binLabel?: (b: Bin) => string; width?: number; height?: number; asShare?: boolean } = {},
): SVGSVGElement {
  const width = opts.width ?? 560;
  const height = opts.height ?? 190;
  const colour = opts.colour ?? PALETTE.navy;
  const { svg, hatch } = frame(width, height, label);
  const left = 36;
  const bottom = height - 34;
  const top = 14;
  const total = bins.reduce((a, b) => a + b.count, 0) || 1;
  const cTotal = opts.compare ? opts.compare.reduce((a, b) => a + b.count, 0) || 1 : 1;
  // Heights in per cent of each sample, so a class of 30 and 1,000 computer games compare.
  const share = (b: Bin) => (100 * b.count) / total;
  const cShare = (b: Bin) => (100 * b.count) / cTotal;
  const maxShare = Math.max(10, ...bins.map(share), ...(opts.compare ?? []).map(cShare));
  const step = maxShare > 50 ? 20 : 10;
  const top10 = Math.ceil(maxShare / step) * step;
  const y = (p: number) => bottom - ((bottom - top) * p) / top10;
  for (let p = 0; p <= top10; p += step) {
    svg.append(s('line', { x1: left, y1: y(p), x2: width - 4, y2: y(p), stroke: PALETTE.paperDeep, 'stroke-width': 1 }));
    svg.append(s('text', { x: left - 4, y: y(p) + 4, 'text-anchor': 'end', class: 'chart-axis' }, `${p}%`));
  }
  const slot = (width - left - 8) / bins.length;
  const barW = opts.compare ? slot * 0.4 : slot * 0.75;
  bins.forEach((b, i) => {
    const x = left + 4 + i * slot;
    const hgt = bottom - y(share(b));
    if (b.count > 0) svg.append(s('rect', { x, y: bottom - hgt, width: barW, height: Math.max(1, hgt), fill: colour }));
    if (b.count > 0 && !opts.asShare) svg.append(s('text', { x: x + barW / 2, y: bottom - hgt - 3, 'text-anchor': 'middle', class: 'chart-num' }, String(b.count)));
    if (opts.compare) {
      const c = opts.compare[i]!;
      const ch = bottom - y(cShare(c));
      if (c.count > 0) svg.append(s('rect', { x: x + barW + 1, y: bottom - ch, width: barW, height: Math.max(1, ch), fill: hatch, stroke: PALETTE.inkSoft, 'stroke-width': 1 }));
    }
    const tick = opts.binLabel ? opts.binLabel(b) : `${Math.round(b.from)}`;
    if (tick) svg.append(s('text', { x: x + (opts.compare ? barW : barW / 2), y: bottom + 16, 'text-anchor': 'middle', class: 'chart-axis' }, tick));
  });
  svg.append(s('line', { x1: left, y1: bottom, x2: width - 4, y2: bottom, stroke: PALETTE.ink, 'stroke-width': 1 }));
  return svg;
}

/** A small key: a solid swatch and a hatched one, with their labels. */
export function legend(items: readonly { label: string; colour?: string; hatched?: boolean }[]): SVGSVGElement {
  const width = 560;
  const { svg, hatch } = frame(width, 22, items.map((i) => i.label).join('; '));
  let x = 4;
  for (const it of items) {
    svg.append(s('rect', { x, y: 4, width: 16, height: 14, fill: it.hatched ? hatch : (it.colour ?? PALETTE.navy), stroke: PALETTE.inkSoft, 'stroke-width': 1 }));
    const text = s('text', { x: x + 22, y: 16, class: 'chart-axis' }, it.label);
    svg.append(text);
    x += 30 + it.label.length * 7.5;
  }
  return svg;
}

export interface Series {
  label: string;
  colour: string;
  values: number[];
  dashed?: boolean;
  marker: 'circle' | 'square' | 'triangle' | 'diamond';
}

export interface LineChartOpts {
  width: number;
  height: number;
  title: string;
  min?: number;
  max?: number;
  xLabels: string[];
}

function markerShape(kind: Series['marker'], x: number, y: number, colour: string): SVGElement {
  const stroke = { fill: colour, stroke: PALETTE.ink, 'stroke-width': 1.5 };
  if (kind === 'circle') return s('circle', { cx: x, cy: y, r: 4.5, ...stroke });
  if (kind === 'square') return s('rect', { x: x - 4, y: y - 4, width: 8, height: 8, ...stroke });
  const pts = kind === 'triangle' ? [[x, y - 5.5], [x - 5, y + 4], [x + 5, y + 4]] : [[x, y - 6], [x + 5, y], [x, y + 6], [x - 5, y]];
  return s('polygon', { points: pts.map((p) => p.join(',')).join(' '), ...stroke });
}

/** Lines over rounds, each labelled at its end (labels nudged apart), so no reader has to tell colours apart. */
export function lineChart(opts: LineChartOpts, series: readonly Series[]): SVGSVGElement {
  const { width: w, height: h } = opts;
  const { svg } = frame(w, h, opts.title);
  const all = series.flatMap((x) => x.values);
  const min = opts.min ?? Math.min(0, ...all);
  const max = opts.max ?? Math.max(100, ...all);
  const [left, right, top, bottom] = [40, w - 110, 44, h - 26]; // the top tick label sits below the title, not on it
  const text = (x: number, y: number, body: string, attrs: Record<string, string | number> = {}) =>
    s('text', { x, y, 'font-family': FONTS.sans, 'font-size': 16, fill: PALETTE.inkSoft, ...attrs }, body);
  svg.append(s('rect', { x: 0.5, y: 0.5, width: w - 1, height: h - 1, fill: '#fffdf7', stroke: PALETTE.rule, 'stroke-width': 1 }));
  svg.append(text(8, 22, opts.title, { 'font-family': FONTS.serif, 'font-size': 18, 'font-weight': 600, fill: PALETTE.ink }));
  const sy = (v: number) => bottom - ((v - min) / (max - min || 1)) * (bottom - top);
  const n = Math.max(1, opts.xLabels.length - 1);
  const sx = (i: number) => left + (i / n) * (right - left);
  for (const tick of [min, (min + max) / 2, max]) {
    svg.append(s('line', { x1: left, y1: sy(tick), x2: right, y2: sy(tick), stroke: PALETTE.paperDeep, 'stroke-width': 1 }));
    svg.append(text(left - 6, sy(tick), String(Math.round(tick)), { 'text-anchor': 'end', 'dominant-baseline': 'middle' }));
  }
  opts.xLabels.forEach((label, i) => svg.append(text(sx(i), bottom + 4, label, { 'text-anchor': 'middle', 'dominant-baseline': 'hanging' })));
  const ends: { y: number; s: Series }[] = [];
  for (const line of series) {
    if (line.values.length > 1) {
      const points = line.values.map((v, i) => `${sx(i)},${sy(v)}`).join(' ');
      svg.append(s('polyline', { points, fill: 'none', stroke: line.colour, 'stroke-width': line.dashed ? 2 : 3, ...(line.dashed ? { 'stroke-dasharray': '8 8' } : {}) }));
    }
    line.values.forEach((v, i) => svg.append(markerShape(line.marker, sx(i), sy(v), line.colour)));
    if (line.values.length > 0) ends.push({ y: sy(line.values[line.values.length - 1]!), s: line });
  }
  ends.sort((a, b) => a.y - b.y);
  let last = -Infinity;
  for (const e of ends) {
    const ly = Math.max(e.y, last + 18);
    last = ly;
    svg.append(text(right + 12, ly, `${e.s.label} ${Math.round(e.s.values[e.s.values.length - 1]!)}`, { 'dominant-baseline': 'middle', fill: PALETTE.ink }));
  }
  return svg;
}
