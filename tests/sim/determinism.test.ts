import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DIFFICULTIES, STRATEGIES } from '../../src/scenario/vocabulary';
import { GameSession, canonicalJson, checkStoredSeed, toReplay, verifyReplay, type Action } from '../../src/sim/index';
import {
  HOT_SEAT,
  JAPAN_HUMAN,
  RUSSIA_HUMAN,
  SCENARIOS,
  checkInvariants,
  chooseLegal,
  config,
  playOut,
  type Controllers,
} from './helpers';

// The same seed and the same human moves make the same game, always; any game
// played by legal moves keeps its numbers sane, always has a move to offer,
// ends within the scenario's rounds, and records to a replay that verifies.

const NUM_RUNS = 100;

const gameInput = fc.record({
  scenario: fc.constantFrom(...SCENARIOS),
  // Any unicode text up to 64 characters (code points) the title screen accepts: normalised
  // to NFC, nothing invisible (issue 14: the same rule at every door, replays included).
  seed: fc.string({ unit: 'binary', maxLength: 64 }).map((s) => s.normalize('NFC')).filter((s) => checkStoredSeed(s).ok),
  difficulty: fc.constantFrom(...DIFFICULTIES),
  strategy: fc.record({ japan: fc.constantFrom(...STRATEGIES), russia: fc.constantFrom(...STRATEGIES) }),
  choices: fc.array(fc.nat({ max: 1_000_000 }), { maxLength: 120 }),
});

type Input = typeof gameInput extends fc.Arbitrary<infer T> ? T : never;

/** The choices drive the moves; once they run out the first option is taken, so a shrunk input still ends. */
function chooser(choices: readonly number[]): (n: number) => number {
  let i = 0;
  return (n) => {
    const c = i < choices.length ? choices[i]! : 0;
    i += 1;
    return c % n;
  };
}

function play(input: Input, controllers: Controllers, check: boolean): GameSession {
  const cfg = config(input.scenario, input.seed, controllers, input.difficulty, input.strategy);
  const session = GameSession.start(input.scenario, cfg);
  const pick = chooser(input.choices);
  return playOut(session, (g) => chooseLegal(g, pick), check ? (g) => checkInvariants(g) : undefined);
}

const CONTROLLERS: [string, Controllers][] = [
  ['Japan human, Russia computer', JAPAN_HUMAN],
  ['Russia human, Japan computer', RUSSIA_HUMAN],
  ['both human (hot seat)', HOT_SEAT],
];

describe.each(CONTROLLERS)('random legal games: %s', (_name, controllers) => {
  it('are deterministic, keep their invariants at every step, end in time and verify as replays', () => {
    fc.assert(
      fc.property(gameInput, (input) => {
        const first = play(input, controllers, true);
        checkInvariants(first, true);
        expect(first.ended).toBe(true);
        expect(first.state.history.length - 1).toBeLessThanOrEqual(input.scenario.rounds.length);

        // The same inputs again: the same game, to the byte.
        const second = play(input, controllers, false);
        expect(second.hash()).toBe(first.hash());
        expect(JSON.stringify(second.state)).toBe(JSON.stringify(first.state));
        expect(second.actions).toEqual(first.actions);
        expect(second.roundHashes).toEqual(first.roundHashes);

        // Record, then verify: the re-simulation lands on the same state.
        const replay = toReplay(first);
        expect(replay.actions.every((a) => controllers[a.side] === 'human')).toBe(true);
        const verified = verifyReplay(JSON.stringify(replay), 'x.json', SCENARIOS);
        if (!verified.ok) throw new Error(`replay did not verify: ${verified.error}`);
        expect(verified.session.hash()).toBe(first.hash());
        expect(verified.session.state.ending).toEqual(first.state.ending);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('determinism, directly', () => {
  it('a different seed gives a different game (the seed is really used)', () => {
    for (const scenario of SCENARIOS) {
      const a = GameSession.start(scenario, config(scenario, 'a', JAPAN_HUMAN));
      const b = GameSession.start(scenario, config(scenario, 'b', JAPAN_HUMAN));
      // The counterpart's private priorities are drawn from the seed before anyone moves.
      expect(a.state.priorities).not.toEqual(b.state.priorities);
      expect(a.hash()).not.toBe(b.hash());
    }
  });

  it('a seed of 64 astral-plane characters (128 UTF-16 units) records and verifies', () => {
    const scenario = SCENARIOS[0]!;
    const seed = '🗾'.repeat(64);
    const session = playOut(GameSession.start(scenario, config(scenario, seed, HOT_SEAT)), (g) => chooseLegal(g, () => 0));
    const verified = verifyReplay(JSON.stringify(toReplay(session)), 'x.json', SCENARIOS);
    expect(verified.ok ? verified.session.hash() : verified.error).toBe(session.hash());
  });

  it('replayed actions after a JSON round trip give the same hash as the live session, at every prefix', () => {
    for (const scenario of SCENARIOS) {
      const session = playOut(GameSession.start(scenario, config(scenario, 'prefix', HOT_SEAT)), (g) => chooseLegal(g, (n) => (g.state.seq + g.actions.length) % n));
      const actions = JSON.parse(JSON.stringify(session.actions)) as Action[];
      const again = GameSession.start(scenario, session.config);
      for (const action of actions) expect(again.act(action)).toEqual({ ok: true });
      expect(again.hash()).toBe(session.hash());
    }
  });

  it('the hashed text is JSON.stringify with keys sorted, for any JSON value: escapes, non-ASCII, lone surrogates', () => {
    const sorted = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(sorted) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])])) : v;
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('"', '\\', '\n', '\u0000', '\u007f', '\ud800', '\udc00', 'é', '島'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })) });
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary', maxDepth: 4 }), fc.dictionary(text, text), (value, dict) => {
        expect(canonicalJson(value)).toBe(JSON.stringify(sorted(value)));
        expect(canonicalJson(dict)).toBe(JSON.stringify(sorted(dict)));
      }),
      { numRuns: 500, seed: 1905 },
    );
  });
});
