// Build-time: cut the disputed islands and their neighbours out of Natural Earth's
// 1:10m land polygons (public domain, via the world-atlas package) and write a small,
// already-projected JSON the game draws without any GIS code at run time.
// Run: npx tsx scripts/extract-map.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import { clipRing as clipRingAgainst, type ClipEdge } from '../src/ui/widgets/clip';
import type { Topology, GeometryCollection } from 'topojson-specification';

const require = createRequire(import.meta.url);
const topo = JSON.parse(readFileSync(require.resolve('world-atlas/land-10m.json'), 'utf8')) as Topology;

const BOX = { west: 139, east: 151, south: 41, north: 47.5 };
const MID_LAT = ((BOX.south + BOX.north) / 2) * (Math.PI / 180);
// Equirectangular with cos(mid-latitude): honest shapes at this scale, no projection library.
const WIDTH = 1000;
const kx = WIDTH / ((BOX.east - BOX.west) * Math.cos(MID_LAT));
const HEIGHT = Math.round((BOX.north - BOX.south) * kx);
const project = ([lon, lat]: number[]): [number, number] => [
  Math.round(((lon! - BOX.west) * Math.cos(MID_LAT) * kx) * 10) / 10,
  Math.round((BOX.north - lat!) * kx * 10) / 10,
];

type Ring = number[][];
/** Sutherland–Hodgman against the lon/lat box: land running off the edge is closed along it. */
function clipRing(ring: Ring): Ring {
  const edges: ClipEdge<number[]>[] = [
    [(p) => p[0]! >= BOX.west, (a, b) => atLon(a, b, BOX.west)],
    [(p) => p[0]! <= BOX.east, (a, b) => atLon(a, b, BOX.east)],
    [(p) => p[1]! >= BOX.south, (a, b) => atLat(a, b, BOX.south)],
    [(p) => p[1]! <= BOX.north, (a, b) => atLat(a, b, BOX.north)],
  ];
  return clipRingAgainst(ring, edges);
}
const atLon = (a: number[], b: number[], lon: number) => {
  const t = (lon - a[0]!) / (b[0]! - a[0]!);
  return [lon, a[1]! + t * (b[1]! - a[1]!)];
};
const atLat = (a: number[], b: number[], lat: number) => {
  const t = (lat - a[1]!) / (b[1]! - a[1]!);
  return [a[0]! + t * (b[0]! - a[0]!), lat];
};

/** Drops points closer than `tol` px to the last kept one: the asset stays small. */
function thin(points: [number, number][], tol: number): [number, number][] {
  const out: [number, number][] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) >= tol) out.push(p);
  }
  return out;
}

const land = feature(topo, topo.objects.land as GeometryCollection);
const polygons: { points: number[]; lon: number; lat: number }[] = [];
for (const f of land.features) {
  const g = f.geometry;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  for (const poly of polys) {
    const outer = poly[0] as Ring;
    const clipped = clipRing(outer);
    if (clipped.length < 3) continue;
    const pts = thin(clipped.map(project), 0.6);
    if (pts.length < 3) continue;
    const lon = clipped.reduce((s, p) => s + p[0]!, 0) / clipped.length;
    const lat = clipped.reduce((s, p) => s + p[1]!, 0) / clipped.length;
    polygons.push({ points: pts.flat(), lon: Math.round(lon * 100) / 100, lat: Math.round(lat * 100) / 100 });
  }
}

/** Which polygon is which: the largest polygon near each island's centre. */
const NAMED: Record<string, [number, number]> = {
  iturup: [147.9, 45.0],
  kunashir: [145.9, 44.1],
  shikotan: [146.75, 43.8],
  habomai: [146.1, 43.45],
  hokkaido: [142.8, 43.4],
  sakhalin: [142.7, 46.8],
  urup: [150.0, 45.9],
};
const within = (p: { lon: number; lat: number }, c: [number, number], r: number) =>
  Math.hypot(p.lon - c[0], p.lat - c[1]) < r;
const tagged = polygons.map((p) => {
  let id = 'land';
  if (within(p, NAMED.habomai!, 0.35) && p.points.length < 80) id = 'habomai';
  for (const [name, c] of Object.entries(NAMED)) {
    if (name === 'habomai') continue;
    if (within(p, c, name === 'hokkaido' || name === 'sakhalin' ? 1.6 : 0.6) && p.points.length > 40) id = name;
  }
  return { id, ...p };
});

const out = {
  source: 'Natural Earth 1:10m land, via world-atlas land-10m.json (public domain)',
  box: BOX,
  width: WIDTH,
  height: HEIGHT,
  projection: `equirectangular, x scaled by cos(${((BOX.south + BOX.north) / 2).toFixed(2)}°)`,
  labels: Object.fromEntries(Object.entries(NAMED).map(([k, c]) => [k, project(c)])),
  polygons: tagged,
};
writeFileSync(new URL('../assets/map/kurils.json', import.meta.url), JSON.stringify(out));
const counts: Record<string, number> = {};
for (const p of tagged) counts[p.id] = (counts[p.id] ?? 0) + 1;
console.log(`wrote assets/map/kurils.json: ${tagged.length} polygons, ${WIDTH}x${HEIGHT}`, counts);
