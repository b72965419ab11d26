// Seeds: any text a person can read, up to 64 characters. The same rule for
// the link, the seed field, the command line, saves and replay verification,
// so a seed that looks like "student-0" is "student-0" and nothing else.
import { codePoint, firstInvisible } from '../scenario/chars';

export const SEED_MAX = 64;

export type SeedProblem =
  | { kind: 'empty' }
  | { kind: 'tooLong'; length: number }
  | { kind: 'invisible'; char: string }
  | { kind: 'notNormal' };

export type SeedCheck = { ok: true; seed: string } | { ok: false; problem: SeedProblem };

/** Seeds are counted in code points, so any script works and nothing is cut mid-character. */
export const seedLength = (seed: string): number => [...seed].length;

/**
 * A seed typed or linked by a person: put in Unicode normal form NFC (so an
 * "é" typed as e + accent is the same seed as the precomposed one), then
 * refused when blank, too long, or holding a character nobody can see. NFC
 * leaves ASCII as it is, so every seed used before keeps its game.
 */
export function normaliseSeed(raw: string): SeedCheck {
  return checkSeed(raw.normalize('NFC'));
}

/** A seed as a file stores it (a replay, a save): it must already be in normal form. */
export function checkStoredSeed(seed: string): SeedCheck {
  if (seed.normalize('NFC') !== seed) return { ok: false, problem: { kind: 'notNormal' } };
  return checkSeed(seed);
}

function checkSeed(seed: string): SeedCheck {
  const invisible = firstInvisible(seed);
  if (invisible !== null) return { ok: false, problem: { kind: 'invisible', char: invisible } };
  if (seed.trim() === '') return { ok: false, problem: { kind: 'empty' } };
  const length = seedLength(seed);
  if (length > SEED_MAX) return { ok: false, problem: { kind: 'tooLong', length } };
  return { ok: true, seed };
}

/** The problem in plain words, for the command line and replay verification (the UI words it through its catalogue). */
export function seedProblemText(p: SeedProblem): string {
  switch (p.kind) {
    case 'empty':
      return 'the seed is empty';
    case 'tooLong':
      return `the seed is ${p.length} characters long; at most ${SEED_MAX}`;
    case 'invisible':
      return `the seed holds an invisible or control character (${codePoint(p.char)}): it would look like another seed; type it again without it`;
    case 'notNormal':
      return 'the seed is not in Unicode normal form (NFC): the game writes seeds normalised, so this one was changed by hand';
  }
}
