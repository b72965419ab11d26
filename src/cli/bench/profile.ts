// Reads a V8 .cpuprofile of the bundled simulation and says where a game's time goes:
// self time by area (XState, the counterpart's search, the rules, hashing, GC) and
// inclusive time of the areas that call into others.
import { readFileSync } from 'node:fs';
import { sourceLookup } from './sourcemap';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Which part of the program a source file belongs to. */
export function areaOf(source: string, functionName: string): string {
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(program)' || functionName === '(idle)' || functionName === '(root)') return functionName;
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (nm) return nm[1]!;
  const ours = /src\/(sim\/counterpart|sim\/rules|sim\/machines|sim|scenario|cli)\/?([^/]*)/.exec(source);
  if (ours) return ours[1] === 'sim' ? `src/sim/${ours[2]}` : `src/${ours[1]}`;
  if (source.startsWith('node:') || source === '') return '(node internals)';
  return source;
}

export interface ProfileSummary {
  totalMs: number;
  self: { area: string; ms: number; share: number }[];
  inclusive: { area: string; ms: number; share: number }[];
  topFunctions: { fn: string; at: string; selfMs: number; share: number }[];
}

export function summariseProfile(profilePath: string, mapPath: string, bundleUrlEnd: string): ProfileSummary {
  const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile;
  const lookup = sourceLookup(JSON.parse(readFileSync(mapPath, 'utf8')));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const where = new Map<number, { area: string; at: string }>();
  for (const n of profile.nodes) {
    const f = n.callFrame;
    let source = f.url;
    let line = f.lineNumber + 1;
    if (f.url.endsWith(bundleUrlEnd)) {
      const hit = lookup(f.lineNumber, f.columnNumber);
      source = hit?.source ?? f.url;
      line = hit?.line ?? line;
    }
    const short = source.replace(/^.*?(node_modules\/|src\/)/, '$1');
    where.set(n.id, { area: areaOf(source, f.functionName), at: `${short}:${line}` });
  }
  const selfMs = new Map<number, number>();
  let total = 0;
  const incl = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i += 1) {
    const id = profile.samples[i]!;
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    selfMs.set(id, (selfMs.get(id) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) seen.add(where.get(cur)!.area);
    for (const a of seen) incl.set(a, (incl.get(a) ?? 0) + dt);
  }
  const selfByArea = new Map<string, number>();
  const byFn = new Map<string, { fn: string; at: string; ms: number }>();
  for (const [id, ms] of selfMs) {
    const w = where.get(id)!;
    selfByArea.set(w.area, (selfByArea.get(w.area) ?? 0) + ms);
    const fn = byId.get(id)!.callFrame.functionName || '(anonymous)';
    const key = `${fn}@${w.at}`;
    const e = byFn.get(key) ?? { fn, at: w.at, ms: 0 };
    e.ms += ms;
    byFn.set(key, e);
  }
  const pct = (ms: number) => Math.round((1000 * ms) / total) / 10;
  const r1 = (ms: number) => Math.round(ms * 10) / 10;
  return {
    totalMs: r1(total),
    self: [...selfByArea].sort((a, b) => b[1] - a[1]).map(([area, ms]) => ({ area, ms: r1(ms), share: pct(ms) })),
    inclusive: [...incl].filter(([a]) => !a.startsWith('(')).sort((a, b) => b[1] - a[1]).map(([area, ms]) => ({ area, ms: r1(ms), share: pct(ms) })),
    topFunctions: [...byFn.values()].sort((a, b) => b.ms - a.ms).slice(0, 15).map((e) => ({ fn: e.fn, at: e.at, selfMs: r1(e.ms), share: pct(e.ms) })),
  };
}
