// Every bad scenario fixture through loadScenario and through the CLI (issue 7).
// The manifest says which problem (JSON path and message) each must report;
// "several-*" fixtures list more than one, and all must be reported in one pass.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadScenario } from '../../src/scenario/load';
import { formatProblem, type Problem } from '../../src/scenario/problems';
import { ensureGenerated } from '../fixtures/huge';
import { FIXTURES, ROOT, STACK, manifest, matches, runAll, type Run } from './corpus';
import { runCli } from './cli-inprocess';

const entries = manifest('scenario');
for (const e of entries) if (e.generated) ensureGenerated(e.generated);
const wanted = (e: (typeof entries)[number]) => [{ path: e.path ?? '', expect: e.expect }, ...(e.also ?? [])];
const show = (problems: Problem[]) => problems.map(formatProblem).join('\n  ');

describe('bad scenario files: loadScenario', () => {
  it('the corpus is there, and the file it is derived from loads cleanly', () => {
    expect(entries.length).toBeGreaterThanOrEqual(40);
    const base = loadScenario(readFileSync(join(ROOT, 'scenarios/moscow-2019.json'), 'utf8'), 'moscow-2019.json');
    expect(base.ok ? 'ok' : show(base.problems)).toBe('ok');
  });

  for (const e of entries) {
    it(`${e.file}: ${e.why}`, () => {
      const name = basename(e.file);
      const result = loadScenario(readFileSync(join(FIXTURES, e.file), 'utf8'), name);
      expect(result.ok, 'the defective file was accepted').toBe(false);
      if (result.ok) return;
      for (const p of result.problems) {
        expect(p.file).toBe(name);
        expect(p.message, 'a problem spans more than one line').not.toMatch(/\n/);
        expect(p.message, 'a problem message leaks "undefined"').not.toMatch(/\bundefined\b/);
      }
      for (const w of wanted(e)) {
        const hit = result.problems.some((p) => p.path === w.path && matches(w.expect, p.message));
        expect(hit, `expected a problem at "${w.path}" matching /${w.expect}/i; got:\n  ${show(result.problems)}`).toBe(true);
      }
    });
  }
});

// The CLI's main(argv) in this process: the code `npm run sim` runs, without a node start-up per file.
const simArgs = (f: string) => ['--scenario', join(FIXTURES, f), '--seeds', '1'];

describe('bad scenario files: npm run sim -- --scenario FILE', () => {
  let runs = new Map<string, Run>();
  beforeAll(() => {
    runs = new Map(entries.map((e) => [e.file, runCli('sim', simArgs(e.file))]));
  });

  for (const e of entries) {
    it(`${e.file}: exit 1, every problem on its own line naming file and path, no stack trace`, () => {
      const name = basename(e.file);
      const r = runs.get(e.file)!;
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr, 'a stack trace reached the player').not.toMatch(STACK);
      const lines = r.stderr.split('\n');
      for (const w of wanted(e)) {
        const prefix = `${name}: ${w.path === '' ? '' : `${w.path}: `}`;
        const hit = lines.some((l) => l.startsWith(prefix) && matches(w.expect, l.slice(prefix.length)));
        expect(hit, `expected a line "${prefix}…" matching /${w.expect}/i; stderr:\n${r.stderr}`).toBe(true);
      }
      // All of loadScenario's problems, one line each: nothing dropped, nothing merged.
      const result = loadScenario(readFileSync(join(FIXTURES, e.file), 'utf8'), name);
      if (!result.ok) for (const p of result.problems) expect(lines).toContain(formatProblem(p));
    });
  }
});

// A few real processes, so the entry point itself (exit code, stderr, no stack) is proven too.
describe('bad scenario files: spawned, as a teacher runs it', () => {
  const smoke = entries.filter((e) => ['deep-nesting', 'duplicate-key-top-level', 'several-mixed-problems'].some((n) => e.file === `scenarios/${n}.json`));
  let runs = new Map<string, Run>();
  beforeAll(async () => {
    runs = await runAll((f) => ['src/cli/sim.ts', '--scenario', join('tests/fixtures', f), '--seeds', '1'], smoke.map((e) => e.file));
  }, 120_000);

  for (const e of smoke) {
    it(`${e.file}: the same lines as in process, exit 1, no stack`, () => {
      const r = runs.get(e.file)!;
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr.trim()).toBe(runCli('sim', simArgs(e.file)).stderr.trim());
    });
  }
  it('the smoke set is there', () => expect(smoke).toHaveLength(3));
});
