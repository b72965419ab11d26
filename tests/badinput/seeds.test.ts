// One seed rule everywhere (issue 14): normalised to NFC, invisible and control characters
// refused with the same verdict in the link, the seed field's check, the CLI, saves and
// replay verification; and every seed used before keeps its game.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseSeed, checkStoredSeed, readReplay } from '../../src/sim';
import { parseLink } from '../../src/ui/app/link';
import { isSave } from '../../src/ui/app/save';
import { escapeText } from '../../src/scenario/chars';
import { FIXTURES } from './corpus';
import { runCli } from './cli-inprocess';

const GOOD_REPLAY = JSON.parse(readFileSync(join(FIXTURES, 'replays/good.json'), 'utf8')) as Record<string, unknown>;
const SAVE = { version: 1, scenarioId: 'moscow-2019', config: { scenarioId: 'moscow-2019', seed: 'x', controllers: { japan: 'human', russia: 'computer' }, difficulty: 'normal', strategy: { japan: 'grounded', russia: 'grounded' } }, actions: [] };

/** What each door says about one seed: accepted (and as what), or refused. */
function verdicts(seed: string): Record<string, string> {
  const link = parseLink(`?scenario=moscow-2019&seed=${encodeURIComponent(seed)}`, ['moscow-2019']);
  const field = normaliseSeed(seed);
  const cli = runCli('sim', ['--seed', seed, '--record', '/dev/null']);
  const normal = seed.normalize('NFC');
  const replay = readReplay(JSON.stringify({ ...GOOD_REPLAY, seed: normal }), 'r.json');
  const save = isSave({ ...SAVE, config: { ...SAVE.config, seed: normal } });
  return {
    link: link.kind === 'ok' ? `ok ${link.game.seed}` : 'refused',
    field: field.ok ? `ok ${field.seed}` : 'refused',
    cli: cli.code === 0 ? `ok ${normal}` : 'refused',
    replay: replay.ok || !/seed/.test(replay.error) ? `ok ${normal}` : 'refused',
    save: save ? `ok ${normal}` : 'refused',
  };
}

const same = (v: Record<string, string>): string[] => [...new Set(Object.values(v))];

describe('seeds', () => {
  it.each([
    ['student-0\u200D\u200D', 'two zero-width joiners'],
    ['\u200B\u200B', 'zero-width spaces only'],
    ['a\tb', 'a tab'],
    ['a\u202Eb', 'a right-to-left override'],
    ['class\u00AD7b', 'a soft hyphen'],
    ['x'.repeat(65), '65 characters'],
  ])('%j (%s) is refused at every door', (seed) => {
    expect(same(verdicts(seed))).toEqual(['refused']);
  });

  it.each([
    ['student-0', 'plain ASCII'],
    ['Курилы 北方領土 🏝️ ☮ x', 'scripts and an emoji with its variation selector'],
    ['👩‍🔬', 'an emoji ZWJ sequence'],
    ['cafe\u0301', 'a decomposed é (normalised to the precomposed one)'],
  ])('%j (%s) is accepted at every door, as the same seed', (seed) => {
    expect(same(verdicts(seed))).toEqual([`ok ${seed.normalize('NFC')}`]);
  });

  it('the message names the invisible character', () => {
    const r = parseLink('?scenario=moscow-2019&seed=student-0%E2%80%8D', ['moscow-2019']);
    expect(r.kind === 'bad' && r.problems.join('; ')).toMatch(/parameter “seed” holds an invisible or control character \(U\+200D\)/);
  });

  it('a replay whose seed is not in NFC is refused (the game writes seeds normalised)', () => {
    expect(checkStoredSeed('cafe\u0301').ok).toBe(false);
    const r = readReplay(JSON.stringify({ ...GOOD_REPLAY, seed: 'cafe\u0301' }), 'r.json');
    expect(r.ok ? 'ok' : r.error).toMatch(/^r\.json: seed: the seed is not in Unicode normal form \(NFC\)/);
  });

  it('NFC leaves every printable ASCII seed as it is: old seeds keep their games', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\x21-\x7e][\x20-\x7e]{0,63}$/), (seed) => {
        const r = normaliseSeed(seed);
        expect(r.ok && r.seed).toBe(seed);
      }),
      { numRuns: 300 },
    );
  });

  it('escaped, look-alikes differ: a Cyrillic а and a zero-width joiner show as their codes', () => {
    expect(escapeText('class-7b')).toBe('class-7b');
    expect(escapeText('cl\u0430ss-7b')).toBe('cl\\u{430}ss-7b');
    expect(escapeText('student-0\u200D')).toBe('student-0\\u{200D}');
  });
});
