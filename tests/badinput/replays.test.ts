// Every replay fixture through verifyReplay and through `npm run replay -- FILE` (issue 7).
// Good replays (controls) must verify; every bad one must be refused with the
// manifest's message, naming the step or round where the manifest says so.
// The replays are recorded against the bundled scenarios and the rules as they stand: the corpus is
// generated from its recipes before every run (tests/fixtures/setup.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { verifyReplay } from '../../src/sim';
import { bundledScenarios } from '../../src/cli/scenarios';
import { ensureGenerated } from '../fixtures/huge';
import { FIXTURES, ROOT, STACK, manifest, matches, runAll, type Run } from './corpus';
import { runCli } from './cli-inprocess';

const entries = manifest('replay');
const scenarios = bundledScenarios();
for (const e of entries) if (e.generated) ensureGenerated(e.generated);

describe('replay files: verifyReplay', () => {
  it('the corpus is there', () => {
    expect(entries.filter((e) => !e.ok).length).toBeGreaterThanOrEqual(15);
  });

  for (const e of entries) {
    it(`${e.file}: ${e.why}`, () => {
      const name = basename(e.file);
      const result = verifyReplay(readFileSync(join(FIXTURES, e.file), 'utf8'), name, scenarios);
      if (e.ok) {
        expect(result.ok ? 'verified' : result.error).toBe('verified');
        return;
      }
      expect(result.ok, `accepted a bad replay (${e.why})`).toBe(false);
      if (result.ok) return;
      expect(result.error.startsWith(`${name}: `), result.error).toBe(true);
      expect(result.error, 'the error spans more than one line').not.toMatch(/\n/);
      expect(result.error, 'the error leaks "undefined"').not.toMatch(/\bundefined\b/);
      expect(matches(e.expect, result.error), `expected /${e.expect}/i, got: ${result.error}`).toBe(true);
      if (e.step !== undefined) expect(result.step).toBe(e.step);
      if (e.round !== undefined) expect(result.round).toBe(e.round);
    });
  }
});

// The CLI's main(argv) in this process: the code `npm run replay` runs, without a node start-up per file.
describe('replay files: npm run replay -- FILE', () => {
  let runs = new Map<string, Run>();
  beforeAll(() => {
    runs = new Map(entries.map((e) => [e.file, runCli('replay', [join(FIXTURES, e.file)])]));
  });

  for (const e of entries) {
    it(`${e.file}: ${e.ok ? 'exit 0, verified' : 'exit 1, one line, no stack trace'}`, () => {
      const r = runs.get(e.file)!;
      expect(r.stderr, 'a stack trace reached the player').not.toMatch(STACK);
      if (e.ok) {
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).toMatch(/verified/);
        return;
      }
      expect(r.code, `exit code; stdout: ${r.stdout}`).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines, 'the CLI should say one line').toHaveLength(1);
      expect(lines[0]!.startsWith(`${basename(e.file)}: `), lines[0]).toBe(true);
      expect(matches(e.expect, lines[0]!), `expected /${e.expect}/i, got: ${lines[0]}`).toBe(true);
    });
  }
});

// A few real processes, so the entry point itself (exit code, stderr, no stack) is proven too.
describe('replay files: spawned, as a teacher runs it', () => {
  const smoke = entries.filter((e) => ['good', 'seed-invisible', 'deep-nesting'].some((n) => e.file === `replays/${n}.json`));
  let runs = new Map<string, Run>();
  beforeAll(async () => {
    expect(existsSync(join(ROOT, 'src/cli/replay.ts')), 'src/cli/replay.ts is missing').toBe(true);
    runs = await runAll((f) => ['src/cli/replay.ts', join('tests/fixtures', f)], smoke.map((e) => e.file));
  }, 120_000);

  for (const e of smoke) {
    it(`${e.file}: the same output as in process, ${e.ok ? 'exit 0' : 'exit 1'}, no stack`, () => {
      const r = runs.get(e.file)!;
      const inProcess = runCli('replay', [join(FIXTURES, e.file)]);
      expect(r.code, r.stderr).toBe(inProcess.code);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr.trim()).toBe(inProcess.stderr.trim());
      expect(r.stdout.trim()).toBe(inProcess.stdout.trim());
    });
  }
  it('the smoke set is there', () => expect(smoke).toHaveLength(3));
});
