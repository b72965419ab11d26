import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/cli/scenarios';
import { ENDINGS } from '../../src/scenario/vocabulary';
import { toReplay, verifyReplay, type ReplayFile } from '../../src/sim/index';
import { SCENARIOS, patient, playJapan, scenarioById } from './helpers';
import { runCli } from '../badinput/cli-inprocess';

// The command-line tools, run as a teacher would: `npm run sim` and `npm run replay`.
// Their main(argv) runs in this process (tests/badinput/cli-inprocess.ts), as the CLI
// would run it; one run is spawned as a real process, to prove the entry point says the same.

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI's main(argv) in this process: its exit code and what it printed, a line per console call. */
async function run(script: 'sim' | 'replay', args: string[]): Promise<Run> {
  const r = runCli(script, args);
  const lines = (s: string) => (s === '' ? '' : `${s}\n`);
  return { status: r.code, stdout: lines(r.stdout), stderr: lines(r.stderr) };
}

/** The CLI as a separate process (Node and tsx), as `npm run` starts it. */
function spawned(script: 'sim' | 'replay', args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', ['--import', 'tsx', `src/cli/${script}.ts`, ...args], { cwd: REPO_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill(), 90_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** A refusal a person can read: exit 1, one line on stderr, no stack trace. */
function expectOneLineError(r: Run, pattern?: RegExp): void {
  expect(r.status, r.stderr).toBe(1);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/\b(TypeError|ReferenceError|SyntaxError|ZodError)\b/);
  if (pattern) expect(r.stderr).toMatch(pattern);
}

let dir = '';
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const runs: Record<string, Promise<Run>> = {};
let recorded: ReplayFile;
let human: ReplayFile;
let humanChanged: ReplayFile;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'up-cli-'));
  const file = (name: string) => join(dir, name);
  // Runs that need nothing first.
  runs.jsonA = run('sim', ['--scenario', 'moscow-2019', '--seeds', '200', '--json']);
  runs.jsonB = spawned('sim', ['--scenario', 'moscow-2019', '--seeds', '200', '--json']);
  runs.unknown = run('sim', ['--scenario', 'atlantis-1905', '--seeds', '3']);
  runs.loneSeed = run('sim', ['--seed', 'x']);
  writeFileSync(file('notes.json'), 'these are my notes, not a replay {');
  runs.notJson = run('replay', [file('notes.json')]);

  // A human game written here, verified there; and a copy with one action changed.
  human = toReplay(playJapan(scenarioById('moscow-2019'), 'class-7b', patient, {}));
  writeFileSync(file('human.json'), JSON.stringify(human, null, 1));
  runs.human = run('replay', [file('human.json')]);
  // The first agenda prepares another issue: still legal, but a different game.
  const actions = human.actions.map((a, i) =>
    i === 0 && a.type === 'agenda' ? { ...a, prepare: a.prepare === 'investment' ? ('energy' as const) : ('investment' as const) } : a,
  );
  humanChanged = { ...human, actions };
  writeFileSync(file('changed.json'), JSON.stringify(humanChanged));
  runs.changed = run('replay', [file('changed.json')]);

  // Record with the CLI, then verify it and a copy with another seed.
  runs.record = run('sim', ['--scenario', 'moscow-2019', '--seed', 'class-7b', '--record', file('class-7b.json')]);
  const rec = await runs.record;
  if (rec.status !== 0) throw new Error(`--record failed: ${rec.stderr}`);
  recorded = JSON.parse(readFileSync(file('class-7b.json'), 'utf8')) as ReplayFile;
  runs.verify = run('replay', [file('class-7b.json')]);
  writeFileSync(file('seed.json'), JSON.stringify({ ...recorded, seed: 'class-7c' }));
  runs.seed = run('replay', [file('seed.json')]);
  await Promise.all(Object.values(runs));
}, 180_000);

describe('npm run sim', () => {
  it('--seeds 200 --json is byte-identical across runs and counts every ending', async () => {
    const a = await runs.jsonA!;
    const b = await runs.jsonB!;
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(0);
    expect(a.stdout).toBe(b.stdout);
    const spread = JSON.parse(a.stdout) as { scenario: string; games: number; endings: Record<string, number> };
    expect(spread.scenario).toBe('moscow-2019');
    expect(spread.games).toBe(200);
    expect(Object.keys(spread.endings).sort()).toEqual([...ENDINGS].sort());
    for (const n of Object.values(spread.endings)) expect(Number.isInteger(n) && n >= 0).toBe(true);
    expect(Object.values(spread.endings).reduce((s, n) => s + n, 0)).toBe(200);
  });

  it('an unknown scenario exits 1 with a message naming it', async () => {
    const r = await runs.unknown!;
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/atlantis-1905/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stdout).toBe('');
  });

  it('--seed without --record exits 1 without a stack trace', async () => {
    const r = await runs.loneSeed!;
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--record/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('npm run sim --record, then npm run replay', () => {
  it('writes a replay that verifies with exit 0', async () => {
    expect((await runs.record!).stdout).toMatch(/class-7b/);
    expect(recorded.seed).toBe('class-7b');
    expect(recorded.scenario.id).toBe('moscow-2019');
    expect(recorded.controllers).toEqual({ japan: 'computer', russia: 'computer' });
    expect(recorded.rounds.length).toBeGreaterThan(0);
    const r = await runs.verify!;
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/verified/);
    expect(r.stdout).toContain(recorded.final.hash);
  });

  it('a copy with another seed exits 1 with a one-line error', async () => {
    expectOneLineError(await runs.seed!, /seed\.json/);
  });

  it('a human game verifies; a copy with one action changed exits 1 with a one-line error', async () => {
    expect(human.actions.length).toBeGreaterThan(3);
    expect(humanChanged.actions).not.toEqual(human.actions);
    const good = await runs.human!;
    expect(good.status, good.stderr).toBe(0);
    expectOneLineError(await runs.changed!, /changed\.json/);
  });

  it('a file that is not JSON exits 1 with a one-line error', async () => {
    expectOneLineError(await runs.notJson!, /notes\.json/);
  });

  it('in process: changed round or final hashes, an illegal action, or a non-replay are refused with reasons', () => {
    const flip = (h: string) => (h[0] === '0' ? '1' : '0') + h.slice(1);
    const check = (r: ReplayFile | object, pattern: RegExp) => {
      const v = verifyReplay(JSON.stringify(r), 'x.json', SCENARIOS);
      expect(v.ok).toBe(false);
      if (!v.ok) expect(v.error).toMatch(pattern);
    };
    check({ ...recorded, rounds: recorded.rounds.map((r, i) => (i === 0 ? { ...r, hash: flip(r.hash) } : r)) }, /round 1/);
    check({ ...recorded, final: { ...recorded.final, hash: flip(recorded.final.hash) } }, /final state hash/);
    check({ ...human, actions: [{ type: 'ratify', side: 'japan', approach: 'whip' }, ...human.actions.slice(1)] }, /action 1/);
    check({ hello: 'world' }, /not an Unfinished Peace replay/);
    check({ ...recorded, scenario: { ...recorded.scenario, id: 'atlantis-1905' } }, /atlantis-1905/);
    check({ ...recorded, version: 99 }, /newer version/);
  });
});
