// Builds the game to a temporary folder and measures its JavaScript: gzip size of the
// Phaser chunk and of everything else, and where the non-Phaser bytes come from.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { breakdown, groupOf, piecesBySource } from './sourcemap';

/** Budget: everything but Phaser, gzip, in kB of 1,000 bytes as `vite build` prints them. */
export const NON_PHASER_BUDGET_BYTES = 100_000;

export interface ChunkSize {
  file: string;
  bytes: number;
  gzip: number;
  phaser: boolean;
  /** Loaded by index.html (directly or by static import); false for workers and dynamic imports. */
  initial: boolean;
}

export interface BundleReport {
  outDir: string;
  chunks: ChunkSize[];
  phaserGzip: number;
  /** The budgeted figure: non-Phaser JavaScript that index.html loads (entry and its static imports). */
  nonPhaserGzip: number;
  nonPhaserBytes: number;
  /** Chunks loaded later (workers, dynamic imports): reported, not in the budget. */
  lazyGzip: number;
  /** Phaser's code is in one chunk and that chunk holds nothing but Phaser (and the bundler's runtime). */
  phaserOwnChunk: boolean;
  phaserChunkOthers: string[];
  /** By package or folder of ours, for the initial non-Phaser chunks: minified bytes and the gzip of those bytes alone. */
  breakdown: { group: string; bytes: number; gzipAlone: number }[];
}

/**
 * Runs `vite build` (the game's own config, or `config`) into `outDir` in a process of its own,
 * with hidden sourcemaps for the breakdown; rejects with its exit code. Asynchronous, so the
 * browser tests' setup builds the game and the bare Phaser page at once.
 */
export function buildGame(root: string, outDir: string, config?: string): Promise<void> {
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const args = [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--sourcemap', 'hidden', '--logLevel', 'error'];
  if (config) args.push('--config', config);
  return new Promise((ok, fail) => {
    // A production build even when called from the test runner, which sets NODE_ENV=test.
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`vite build into ${outDir} exited with ${String(code)}`))));
  });
}

/** gzip at zlib's default level, as `vite build` reports it and as most servers send it. */
export const gzipSize = (text: string | Buffer): number => gzipSync(text).length;

const isPhaserSource = (s: string) => s.includes('node_modules/phaser/');

/** The chunks index.html loads: its module scripts and preloads, and their static imports, transitively. */
export function initialChunks(outDir: string): Set<string> {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const todo = [...html.matchAll(/(?:src|href)="\.?\/?assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  while (todo.length > 0) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    const code = readFileSync(join(outDir, 'assets', f), 'utf8');
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)) todo.push(m[1]!);
  }
  return seen;
}

export function measureBundle(outDir: string): BundleReport {
  const assets = join(outDir, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const initial = initialChunks(outDir);
  const chunks: ChunkSize[] = [];
  const groups = new Map<string, { bytes: number; gzipAlone: number }>();
  let phaserChunks = 0;
  let phaserElsewhere = false;
  const phaserChunkOthers = new Set<string>();
  for (const file of files) {
    const code = readFileSync(join(assets, file), 'utf8');
    const mapFile = join(assets, `${file}.map`);
    const map = existsSync(mapFile) ? (JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; mappings: string }) : null;
    const phaser = file.startsWith('phaser-');
    chunks.push({ file, bytes: Buffer.byteLength(code), gzip: gzipSize(code), phaser, initial: initial.has(file) });
    if (phaser) phaserChunks += 1;
    if (!map) continue;
    if (phaser) {
      for (const s of piecesBySource(code, map).keys()) if (!isPhaserSource(s) && !s.startsWith('(')) phaserChunkOthers.add(groupOf(s));
    } else {
      if (map.sources.some(isPhaserSource)) phaserElsewhere = true;
      if (!initial.has(file)) continue;
      for (const g of breakdown(code, map)) {
        const acc = groups.get(g.group) ?? { bytes: 0, gzipAlone: 0 };
        acc.bytes += g.bytes;
        acc.gzipAlone += g.gzipAlone;
        groups.set(g.group, acc);
      }
    }
  }
  const sum = (f: (c: ChunkSize) => boolean, k: 'bytes' | 'gzip') => chunks.filter(f).reduce((s, c) => s + c[k], 0);
  return {
    outDir,
    chunks,
    phaserGzip: sum((c) => c.phaser, 'gzip'),
    nonPhaserGzip: sum((c) => !c.phaser && c.initial, 'gzip'),
    nonPhaserBytes: sum((c) => !c.phaser && c.initial, 'bytes'),
    lazyGzip: sum((c) => !c.phaser && !c.initial, 'gzip'),
    phaserOwnChunk: phaserChunks === 1 && !phaserElsewhere && phaserChunkOthers.size === 0,
    phaserChunkOthers: [...phaserChunkOthers],
    breakdown: [...groups].map(([group, v]) => ({ group, ...v })).sort((a, b) => b.bytes - a.bytes),
  };
}
