// The islands drawn from Natural Earth coastlines (assets/map/kurils.json, built by
// scripts/extract-map.ts; fetched as a file while the page starts, like the scenarios,
// so its 20 KB of coordinates are not JavaScript the page must parse). Each disputed island shows its status by colour, by pattern
// and by a text label, so it reads in greyscale and for every kind of colour vision.
import Phaser from 'phaser';
import mapUrl from '../../../assets/map/kurils.json?url';
import type { IslandId, IslandStatus } from '../../scenario/vocabulary';
import { FONTS, PALETTE, hex } from '../theme';
import { t, tk, formatNumber } from '../i18n/t';
import { clipRing, type ClipEdge } from './clip';

interface MapPolygon { id: string; points: number[]; lon: number; lat: number }
interface MapBox { west: number; east: number; south: number; north: number }
interface MapFile { width: number; height: number; box: MapBox; labels: Record<string, [number, number]>; polygons: MapPolygon[] }

/** The coastlines and their projection, once fetched (the Preloader waits on loadMap). */
// eslint-disable-next-line no-restricted-syntax -- a load done once per page: the map file and its projection
let geo: { map: MapFile; project: (lon: number, lat: number) => [number, number] } | null = null;
// eslint-disable-next-line no-restricted-syntax -- the same load, while it is on its way
let loading: Promise<void> | null = null;

/** Fetches the map once; a failed fetch leaves the map undrawn (the status list beside it still says everything). */
export function loadMap(): Promise<void> {
  loading ??= fetch(mapUrl)
    .then((r) => (r.ok ? (r.json() as Promise<MapFile>) : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((map) => {
      const box = map.box;
      const cos = Math.cos((((box.south + box.north) / 2) * Math.PI) / 180);
      const kx = map.width / ((box.east - box.west) * cos);
      // Longitude/latitude to the asset's pixel space (the same projection as scripts/extract-map.ts).
      geo = { map, project: (lon, lat) => [(lon - box.west) * cos * kx, (box.north - lat) * kx] };
    })
    .catch(() => undefined);
  return loading;
}

export interface IslandView {
  id: IslandId;
  name: string;
  status: IslandStatus;
  areaKm2: number;
  population: number;
  share: number; // percent of the four islands' land
}

type Pattern = 'hatch' | 'dots' | 'lines' | 'cross' | 'solid';
export const STATUS_STYLE: Record<IslandStatus, { colour: string; pattern: Pattern }> = {
  russian: { colour: PALETTE.vermilion, pattern: 'hatch' },
  jointActivity: { colour: PALETTE.orange, pattern: 'dots' },
  leased: { colour: PALETTE.purple, pattern: 'lines' },
  jointGovernance: { colour: PALETTE.sky, pattern: 'cross' },
  returned: { colour: PALETTE.blue, pattern: 'solid' },
};

/** Where each island's label sits (lon, lat, in open sea) and which corner of the label is anchored there. */
const LABEL_AT: Record<IslandId, { lonLat: [number, number]; anchor: [number, number] }> = {
  iturup: { lonLat: [148.2, 46.45], anchor: [0.5, 0] },
  kunashir: { lonLat: [144.0, 45.55], anchor: [0.5, 0] },
  shikotan: { lonLat: [147.3, 43.35], anchor: [0, 0] },
  habomai: { lonLat: [144.2, 43.05], anchor: [0.5, 0] },
};

/** The part of the extracted map the game shows: the four islands with Hokkaido and Sakhalin's tip. */
export const VIEW = { west: 141.2, east: 149.6, south: 42.35, north: 46.75 };

type Pt = Phaser.Math.Vector2;
/** Sutherland–Hodgman against an axis-aligned rectangle, in screen space. */
function clipToRect(pts: Pt[], x0: number, y0: number, x1: number, y1: number): Pt[] {
  const V = Phaser.Math.Vector2;
  const edges: ClipEdge<Pt>[] = [
    [(p) => p.x >= x0, (a, b) => new V(x0, a.y + ((x0 - a.x) / (b.x - a.x)) * (b.y - a.y))],
    [(p) => p.x <= x1, (a, b) => new V(x1, a.y + ((x1 - a.x) / (b.x - a.x)) * (b.y - a.y))],
    [(p) => p.y >= y0, (a, b) => new V(a.x + ((y0 - a.y) / (b.y - a.y)) * (b.x - a.x), y0)],
    [(p) => p.y <= y1, (a, b) => new V(a.x + ((y1 - a.y) / (b.y - a.y)) * (b.x - a.x), y1)],
  ];
  return clipRing(pts, edges);
}

/**
 * Where a horizontal line crosses the polygon's edges, sorted: between the
 * 1st and 2nd crossing, the 3rd and 4th, … the line is inside (even–odd).
 */
function crossings(py: number, pts: Phaser.Math.Vector2[]): number[] {
  const xs: number[] = [];
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const a = pts[i]!;
    const b = pts[j]!;
    if (a.y > py !== b.y > py) xs.push(((b.x - a.x) * (py - a.y)) / (b.y - a.y) + a.x);
  }
  return xs.sort((m, n) => m - n);
}

/** Marks the points of a 7-pixel grid inside the polygon, one scanline at a time. */
function drawPattern(g: Phaser.GameObjects.Graphics, pts: Phaser.Math.Vector2[], pattern: Pattern, ink: number): void {
  if (pattern === 'solid') return;
  let minY = Infinity, maxY = -Infinity;
  for (const p of pts) {
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  const step = 7;
  g.lineStyle(1.4, ink, 0.9);
  g.fillStyle(ink, 0.9);
  for (let y = Math.floor(minY / step) * step; y <= maxY; y += step) {
    const xs = crossings(y, pts);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      for (let x = Math.ceil(xs[k]! / step) * step; x < xs[k + 1]!; x += step) {
        if (pattern === 'dots') g.fillCircle(x, y, 1.3);
        else if (pattern === 'hatch') g.lineBetween(x - 3, y + 3, x + 3, y - 3);
        else if (pattern === 'lines') g.lineBetween(x - 3.5, y, x + 3.5, y);
        else if (pattern === 'cross') { g.lineBetween(x - 3, y, x + 3, y); g.lineBetween(x, y - 3, x, y + 3); }
      }
    }
  }
}

/** Draws the map into the box (x, y, w) and returns its height. */
export function drawMap(scene: Phaser.Scene, x: number, y: number, w: number, islands: IslandView[], compact = false): number {
  if (!geo) return 0;
  const { map: MAP, project } = geo;
  const [vx0, vy0] = project(VIEW.west, VIEW.north);
  const [vx1, vy1] = project(VIEW.east, VIEW.south);
  const k = w / (vx1 - vx0);
  const hgt = (vy1 - vy0) * k;
  const toScreen = (px: number, py: number): [number, number] => [x + (px - vx0) * k, y + (py - vy0) * k];
  const g = scene.add.graphics();
  g.fillStyle(hex(PALETTE.sea), 1).fillRect(x, y, w, hgt);
  // Graticule every degree, as on a chart.
  g.lineStyle(1, hex(PALETTE.seaLine), 1);
  for (let lon = Math.ceil(VIEW.west); lon <= VIEW.east; lon++) { const [sx] = toScreen(...project(lon, VIEW.north)); g.lineBetween(sx, y, sx, y + hgt); }
  for (let lat = Math.ceil(VIEW.south); lat <= VIEW.north; lat++) { const [, sy] = toScreen(...project(VIEW.west, lat)); g.lineBetween(x, sy, x + w, sy); }

  const byId = new Map(islands.map((i) => [i.id as string, i]));
  const patterns = scene.add.graphics();
  for (const poly of MAP.polygons) {
    const raw: Pt[] = [];
    for (let i = 0; i < poly.points.length; i += 2) raw.push(new Phaser.Math.Vector2(...toScreen(poly.points[i]!, poly.points[i + 1]!)));
    const pts = clipToRect(raw, x, y, x + w, y + hgt);
    if (pts.length < 3) continue;
    const island = byId.get(poly.id);
    if (island) {
      const style = STATUS_STYLE[island.status];
      g.fillStyle(hex(style.colour), 0.6).fillPoints(pts, true);
      drawPattern(patterns, pts, style.pattern, hex(PALETTE.ink));
      g.lineStyle(1.6, hex(PALETTE.ink), 1).strokePoints(pts, true, true);
    } else {
      g.fillStyle(hex(PALETTE.land), 1).fillPoints(pts, true);
      g.lineStyle(1, hex(PALETTE.landEdge), 1).strokePoints(pts, true, true);
    }
  }
  g.lineStyle(2, hex(PALETTE.navy), 1).strokeRect(x, y, w, hgt);

  const small = { fontFamily: FONTS.serif, fontSize: '17px', color: PALETTE.inkSoft, fontStyle: 'italic' };
  const places: Record<string, [number, number]> = { hokkaido: [143.0, 43.4], sakhalin: [142.3, 46.45], urup: [149.3, 45.95] };
  for (const [name, [lon, lat]] of Object.entries(places)) {
    const [sx, sy] = toScreen(...project(lon, lat));
    if (sx > x + 30 && sx < x + w - 30) scene.add.text(sx, sy, t(`map.${name}` as 'map.hokkaido'), small).setOrigin(0.5);
  }

  const lines = scene.add.graphics();
  for (const island of islands) {
    const spot = LABEL_AT[island.id];
    const target = MAP.labels[island.id];
    if (!spot || !target) continue;
    const [lx, ly] = toScreen(...project(...spot.lonLat));
    const [tx, ty] = toScreen(target[0], target[1]);
    lines.lineStyle(1.5, hex(PALETTE.ink), 0.9).lineBetween(lx, ly, tx, ty);
    lines.fillStyle(hex(PALETTE.ink), 1).fillCircle(tx, ty, 3);
    const label = scene.add
      .text(lx, ly, compact ? [island.name, t('map.share', { share: formatNumber(island.share, 1) })] : [
        island.name,
        tk(`status.${island.status}`),
        `${t('map.area', { area: formatNumber(island.areaKm2) })} · ${t('map.share', { share: formatNumber(island.share, 1) })}`,
        t('map.pop', { population: formatNumber(island.population) }),
      ], { fontFamily: FONTS.sans, fontSize: '16px', color: PALETTE.ink, backgroundColor: '#fffdf7', padding: { x: 5, y: 3 }, lineSpacing: -3 })
      .setOrigin(spot.anchor[0], spot.anchor[1]);
    // Keep every label inside the map box.
    const b = label.getBounds();
    if (b.right > x + w - 4) label.x -= b.right - (x + w - 4);
    if (b.left < x + 4) label.x += x + 4 - b.left;
    if (b.bottom > y + hgt - 4) label.y -= b.bottom - (y + hgt - 4);
    lines.lineStyle(1, hex(PALETTE.ink), 1).strokeRect(label.x - label.displayOriginX, label.y - label.displayOriginY, label.displayWidth, label.displayHeight);
    label.setData('island', island.id);
  }
  return hgt;
}

/**
 * The line under the map: its credit on the right and, on the left, a caption (the count of
 * islands that changed hands) that wraps short of the credit, since some languages run long.
 * Returns the y just below it.
 */
export function mapFooter(scene: Phaser.Scene, x: number, y: number, w: number, caption?: string): number {
  const credit = scene.add.text(x + w, y + 2, t('map.credit'), { fontFamily: FONTS.sans, fontSize: '16px', color: PALETTE.inkSoft }).setOrigin(1, 0);
  let bottom = y + 2 + credit.height;
  if (caption) {
    const text = scene.add.text(x, y + 6, caption, { fontFamily: FONTS.sans, fontSize: '16px', color: PALETTE.ink, wordWrap: { width: w - credit.width - 16, useAdvancedWrap: true } });
    bottom = Math.max(bottom, text.y + text.height);
  }
  return bottom;
}

/** The key to the map's statuses: swatch with its pattern plus the name. */
/** The status key, row after row within `width` (labels run longer in some languages); returns its height. */
export function drawLegend(scene: Phaser.Scene, x: number, y: number, statuses: readonly IslandStatus[], width: number): number {
  const g = scene.add.graphics();
  let cx = x;
  let cy = y;
  for (const s of statuses) {
    const label = scene.add.text(0, cy, tk(`status.${s}`), { fontFamily: FONTS.sans, fontSize: '16px', color: PALETTE.ink });
    if (cx > x && cx + 28 + label.width > x + width) {
      cx = x;
      cy += 26;
      label.setY(cy);
    }
    label.setX(cx + 28);
    const style = STATUS_STYLE[s];
    const pts = [new Phaser.Math.Vector2(cx, cy), new Phaser.Math.Vector2(cx + 22, cy), new Phaser.Math.Vector2(cx + 22, cy + 18), new Phaser.Math.Vector2(cx, cy + 18)];
    g.fillStyle(hex(style.colour), 0.55).fillPoints(pts, true);
    drawPattern(g, pts, style.pattern, hex(PALETTE.ink));
    g.lineStyle(1, hex(PALETTE.ink), 1).strokePoints(pts, true, true);
    cx += 28 + label.width + 18;
  }
  return cy + 26 - y;
}
