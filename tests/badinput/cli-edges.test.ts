// The command line's rough edges from issue 14, through main(argv) in process:
// every refusal is exit 1 and one line naming the file or option, never a stack.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GameSession } from '../../src/sim';
import { ensureGenerated } from '../fixtures/huge';
import { ROOT, STACK } from './corpus';
import { runCli, type Run } from './cli-inprocess';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'up-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BASE = readFileSync(join(ROOT, 'scenarios/moscow-2019.json'), 'utf8');

function oneLine(r: Run, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr, 'a stack trace reached the player').not.toMatch(STACK);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describe('npm run sim: writing', () => {
  it('--record into a folder that does not exist: one clear line', () => {
    oneLine(runCli('sim', ['--seed', 'a', '--record', '/no/such/dir/r.json']), /^\/no\/such\/dir\/r\.json: cannot write the replay \(the folder \/no\/such\/dir does not exist\)$/);
  });

  it('--record into a folder, not a file', () => {
    oneLine(runCli('sim', ['--seed', 'a', '--record', dir]), /cannot write the replay \(it is a folder\)$/);
  });

  it('a 100-character --seed is refused before anything is written (the replay reader allows 64)', () => {
    const file = join(dir, 'long.json');
    oneLine(runCli('sim', ['--seed', 'x'.repeat(100), '--record', file]), /^--seed: the seed is 100 characters long; at most 64$/);
    expect(() => readFileSync(file)).toThrow();
  });

  it('a seed with invisible characters is refused, as the link, the seed field and replay verification refuse it', () => {
    oneLine(runCli('sim', ['--seed', 'student-0\u200D\u200D', '--record', join(dir, 'zwj.json')]), /^--seed: .*invisible or control character \(U\+200D\)/);
    oneLine(runCli('sim', ['--seed', '\u200B', '--record', join(dir, 'zwsp.json')]), /U\+200B/);
  });

  it('a seed written decomposed is normalised (NFC), and its replay verifies', () => {
    const file = join(dir, 'nfc.json');
    const r = runCli('sim', ['--seed', 'cafe\u0301', '--record', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).seed).toBe('caf\u00E9');
    expect(runCli('replay', [file]).code).toBe(0);
  });

  it('what it writes, the replay command reads back', () => {
    const file = join(dir, 'ok.json');
    expect(runCli('sim', ['--seed', 'x'.repeat(64), '--record', file]).code).toBe(0);
    const back = runCli('replay', [file]);
    expect(back.code, back.stderr).toBe(0);
  });

  it('a scenario whose id no replay could hold is refused by the loader (ids at most 64 characters)', () => {
    const file = join(dir, 'long-id.json');
    writeFileSync(file, BASE.replace('"id": "moscow-2019"', `"id": "${'a'.repeat(1_000_000)}"`));
    const r = runCli('sim', ['--scenario', file, '--seed', 'a', '--record', join(dir, 'r.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^long-id\.json: id: expected a text of at most 64 characters/m);
    expect(r.stderr.length, 'the million-character id is echoed').toBeLessThan(2000);
  });
});

describe('npm run sim: reading', () => {
  it('a scenario with a byte-order mark loads, as in the browser', () => {
    const file = join(dir, 'bom.json');
    writeFileSync(file, `\uFEFF${BASE}`);
    const r = runCli('sim', ['--scenario', file, '--seeds', '2']);
    expect(r.code, r.stderr).toBe(0);
  });

  it('a scenario over 2 MB is refused without being read, with the browser’s limit and words', () => {
    const file = ensureGenerated('huge-scenario');
    oneLine(runCli('sim', ['--scenario', file, '--seeds', '1']), /^huge\.json: \d+ bytes is too large for a scenario \(at most 2000000\)/);
  });

  it('a folder given as a scenario', () => {
    oneLine(runCli('sim', ['--scenario', `${dir}/`, '--seeds', '1']), /is a folder, not a scenario file/);
  });

  it('an exception nobody foresaw is one line naming the scenario, exit 1', () => {
    const spy = vi.spyOn(GameSession, 'start').mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    try {
      oneLine(runCli('sim', ['--scenario', 'moscow-2019', '--seed', 'a', '--record', join(dir, 'x.json')]), /^moscow-2019: could not be played: an unexpected error \(RangeError: Maximum call stack size exceeded\)$/);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('npm run replay: reading', () => {
  it('a folder, a missing file, an empty argument list', () => {
    oneLine(runCli('replay', [dir]), /is a folder, not a replay file$/);
    oneLine(runCli('replay', [join(dir, 'none.json')]), /^none\.json: cannot read the file \(no such file or folder\)$/);
    oneLine(runCli('replay', []), /^usage: /);
  });

  it('an exception nobody foresaw is one line naming the file', () => {
    const spy = vi.spyOn(GameSession, 'start').mockImplementation(() => {
      throw new Error('boom\n    at somewhere (file.ts:1:1)');
    });
    try {
      oneLine(runCli('replay', [join(ROOT, 'tests/fixtures/replays/good.json')]), /^good\.json: could not be read \(Error: boom\)$/);
    } finally {
      spy.mockRestore();
    }
  });
});
