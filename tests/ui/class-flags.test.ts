// The class view's flags (issue 14): seeds escaped so look-alikes differ, a seed other
// than the class's, and one game handed in under several names.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classCsvRows, classFlags, intakeReplay, seedCounts, CSV_COLUMNS, type ClassRow } from '../../src/ui/class/intake';
import { bundledScenarios } from '../../src/cli/scenarios';

const scenarios = bundledScenarios();
const text = readFileSync(join(import.meta.dirname, '../fixtures/replays/good.json'), 'utf8');
const row = (file: string): ClassRow => {
  const r = intakeReplay(text, file, scenarios);
  if (!r.ok) throw new Error(r.reason);
  return r.row;
};

describe('class view flags', () => {
  it('flags identical replays under different names, both ways', () => {
    const rows = [row('anna.json'), row('ben.json'), row('carl.json')];
    const flags = classFlags(rows, null);
    expect(flags.get('anna.json')!.sameAs).toEqual(['ben.json', 'carl.json']);
    expect(flags.get('ben.json')!.sameAs).toEqual(['anna.json', 'carl.json']);
  });

  it('flags a seed other than the class’s, once the teacher says which it was', () => {
    const rows = [row('anna.json')];
    expect(classFlags(rows, null).get('anna.json')!.otherSeed).toBe(false);
    expect(classFlags(rows, '').get('anna.json')!.otherSeed).toBe(false);
    expect(classFlags(rows, rows[0]!.seed).get('anna.json')!.otherSeed).toBe(false);
    expect(classFlags(rows, 'class-7b').get('anna.json')!.otherSeed).toBe(true);
  });

  it('shows a look-alike seed escaped, and counts seeds apart', () => {
    const a = { ...row('a.json'), seed: 'class-7b' };
    const b = { ...row('b.json'), seed: 'cl\u0430ss-7b', finalHash: 'x' };
    expect(classFlags([a, b], null).get('b.json')!.seedEscaped).toBe('cl\\u{430}ss-7b');
    expect(classFlags([a, b], null).get('a.json')!.seedEscaped).toBeNull();
    expect(seedCounts([a, b, a]).map((c) => [c.escaped, c.count])).toEqual([['class-7b', 2], ['cl\\u{430}ss-7b', 1]]);
  });

  it('the CSV carries the escaped seed and the same-game flag', () => {
    const rows = [row('anna.json'), row('ben.json')];
    const [head, first] = classCsvRows(rows, new Map());
    expect(head).toEqual([...CSV_COLUMNS]);
    const col = (name: string) => head!.indexOf(name);
    expect(first![col('sameGameAs')]).toBe('ben.json');
    expect(first![col('seedEscaped')]).toBe(rows[0]!.seed);
  });
});
