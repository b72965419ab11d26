// Shared by the bad-input tests: the manifest, and the CLIs run as a player would run them.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ManifestEntry } from '../fixtures/manifest';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = join(ROOT, 'tests/fixtures');

export const manifest = (kind: ManifestEntry['kind']): ManifestEntry[] =>
  (JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as ManifestEntry[]).filter((e) => e.kind === kind);

export const matches = (pattern: string, text: string): boolean => new RegExp(pattern, 'i').test(text);

/** A stack trace line, as node prints one for an uncaught error. */
export const STACK = /^\s+at .+[:(].*\d+:\d+\)?$|^\w*Error: |node:internal/m;

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, timeout: 60_000, maxBuffer: 4_000_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** Runs one CLI per input, a few at a time (each is a node process with tsx). */
export async function runAll(argsOf: (file: string) => string[], files: string[], parallel = 3): Promise<Map<string, Run>> {
  const out = new Map<string, Run>();
  const queue = [...files];
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let f = queue.shift(); f !== undefined; f = queue.shift()) out.set(f, await run(argsOf(f)));
    }),
  );
  return out;
}
