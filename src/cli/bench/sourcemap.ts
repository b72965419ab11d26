// Attributes the bytes of a built chunk to the source files its sourcemap names:
// where the non-Phaser kilobytes come from, by package or by folder of ours.
import { gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';

interface RawMap {
  sources: (string | null)[];
  sourceRoot?: string;
  mappings: string;
}

/** The map's source paths with its sourceRoot applied, as the spec says (ECMA-426 §sourceRoot). */
function sourcesOf(map: RawMap): string[] {
  const root = map.sourceRoot ? (map.sourceRoot.endsWith('/') ? map.sourceRoot : `${map.sourceRoot}/`) : '';
  return map.sources.map((s) => (s === null ? '(unknown)' : `${root}${s}`));
}

/** The generated text of `code`, split into the pieces each source produced (unmapped bytes go to '(unmapped)'). */
export function piecesBySource(code: string, map: RawMap): Map<string, string[]> {
  const lines = code.split('\n');
  const pieces = new Map<string, string[]>();
  const add = (source: string, text: string) => {
    if (!text) return;
    let list = pieces.get(source);
    if (!list) pieces.set(source, (list = []));
    list.push(text);
  };
  const sources = sourcesOf(map);
  const decoded = decode(map.mappings);
  for (let li = 0; li < lines.length; li += 1) {
    const line = lines[li]!;
    const starts = (decoded[li] ?? []).map((seg) => ({ col: seg[0], source: seg.length >= 4 ? seg[1]! : null }));
    if (starts.length === 0) {
      add('(unmapped)', `${line}\n`);
      continue;
    }
    if (starts[0]!.col > 0) add('(unmapped)', line.slice(0, starts[0]!.col));
    for (let i = 0; i < starts.length; i += 1) {
      const s = starts[i]!;
      const end = i + 1 < starts.length ? starts[i + 1]!.col : line.length;
      const text = line.slice(s.col, end);
      // Rolldown maps no JSON module: a large unmapped run is the scenarios' and the map's data.
      add(s.source === null ? (text.length > 4096 ? '(unmapped data: JSON modules)' : '(unmapped)') : (sources[s.source] ?? '(unknown)'), text);
    }
    add(starts[starts.length - 1]!.source === null ? '(unmapped)' : (sources[starts[starts.length - 1]!.source!] ?? '(unknown)'), '\n');
  }
  return pieces;
}

/** Groups a sourcemap source path: a package name under node_modules, else our folder (src/ui, src/sim, scenarios, …). */
export function groupOf(source: string): string {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = source.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const ours = /(?:^|\/)(src\/[^/]+|scenarios|assets\/[^/]+)\//.exec(source.replace(/\?.*$/, ''));
  if (ours) return ours[1]!;
  return source.replace(/^(\.\.\/)+/, '');
}

export interface GroupSize {
  group: string;
  bytes: number;
  /** gzip of this group's bytes on their own: an estimate (compression across groups is lost). */
  gzipAlone: number;
}

export function breakdown(code: string, map: RawMap, by: (source: string) => string = groupOf): GroupSize[] {
  const groups = new Map<string, string[]>();
  for (const [source, list] of piecesBySource(code, map)) {
    const g = by(source);
    let acc = groups.get(g);
    if (!acc) groups.set(g, (acc = []));
    acc.push(...list);
  }
  return [...groups]
    .map(([group, list]) => {
      const text = list.join('');
      return { group, bytes: Buffer.byteLength(text), gzipAlone: gzipSync(text, { level: 9 }).length };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

/** A lookup from a generated (0-based) line and column to the original source file and line. */
export function sourceLookup(map: RawMap): (line: number, column: number) => { source: string; line: number } | null {
  const sources = sourcesOf(map);
  const table = decode(map.mappings).map((row) => row.filter((seg) => seg.length >= 4).map((seg) => ({ col: seg[0], source: seg[1]!, line: seg[2]! })));
  return (line, column) => {
    const row = table[line];
    if (!row || row.length === 0) return null;
    let lo = 0;
    let hi = row.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (row[mid]!.col <= column) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const hit = row[Math.max(0, best)]!;
    return { source: sources[hit.source] ?? '(unknown)', line: hit.line + 1 };
  };
}
