import { describe, it, expect, beforeAll } from 'vitest';
import { ENDINGS, type Ending } from '../../src/scenario/vocabulary';
import { playComputerGame, spreadOf, type BatchSpread, type GameSummary } from '../../src/sim/batch';
import { SCENARIOS, scenarioById, seeds } from './helpers';

// The spread of endings over many computer-vs-computer games: the game's
// balance as the scenario writers tuned it. A change in the rules or the
// counterpart that makes one ending dominate, or one vanish, fails here.

const N = 1000;

function batch(id: string, n: number): { games: GameSummary[]; spread: BatchSpread } {
  const scenario = scenarioById(id);
  const games = seeds(n).map((seed) => playComputerGame(scenario, seed));
  return { games, spread: spreadOf(id, games) };
}

describe(`moscow-2019 over ${N} computer games`, () => {
  let spread: BatchSpread;
  beforeAll(() => {
    spread = batch('moscow-2019', N).spread;
  }, 120_000);

  it('counts every game once', () => {
    expect(spread.games).toBe(N);
    expect(Object.values(spread.endings).reduce((s, n) => s + n, 0)).toBe(N);
  });

  it('reaches every ending, none above 80%', () => {
    for (const ending of ENDINGS) {
      expect(spread.endings[ending], ending).toBeGreaterThan(0);
      expect(spread.endings[ending], ending).toBeLessThanOrEqual(0.8 * N);
    }
  });

  it('ends most often as history did: no treaty', () => {
    expect(mostCommon(spread)).not.toBe('treatyRatified');
  });

  it('keeps the means sane', () => {
    expect(spread.meanRounds).toBeGreaterThan(1);
    expect(spread.meanRounds).toBeLessThanOrEqual(scenarioById('moscow-2019').rounds.length);
    for (const side of ['japan', 'russia'] as const) {
      for (const m of [spread.meanApproval[side], spread.meanSupport[side], spread.meanScore[side]]) {
        expect(m).toBeGreaterThanOrEqual(0);
        expect(m).toBeLessThanOrEqual(100);
      }
    }
  });
});

describe(`frozen-2025 over ${N} computer games`, () => {
  let spread: BatchSpread;
  beforeAll(() => {
    spread = batch('frozen-2025', N).spread;
  }, 120_000);

  it('never ratifies a treaty, yet reaches interim agreements', () => {
    expect(spread.endings.treatyRatified).toBe(0);
    expect(spread.endings.interimAgreement).toBeGreaterThan(0);
  });

  it('ends most often as history did: no contact restored', () => {
    expect(mostCommon(spread)).toBe('stalemate');
  });
});

describe(`yamaguchi-2016 over ${N} computer games`, () => {
  let spread: BatchSpread;
  beforeAll(() => {
    spread = batch('yamaguchi-2016', N).spread;
  }, 120_000);

  it('ends most often as history did: an interim agreement', () => {
    expect(mostCommon(spread)).toBe('interimAgreement');
  });
});

function mostCommon(spread: BatchSpread): Ending {
  return ENDINGS.reduce((a, b) => (spread.endings[b] > spread.endings[a] ? b : a));
}

describe.each(SCENARIOS.map((s) => [s.id, s] as const))('%s: spread', (id, scenario) => {
  it('shows more than one ending over 300 seeds, every game ended within the scenario’s rounds', () => {
    const games = seeds(300).map((seed) => playComputerGame(scenario, seed));
    const seen = new Set<Ending>(games.map((g) => g.ending));
    expect(seen.size, `${id}: ${[...seen].join(', ')}`).toBeGreaterThan(1);
    for (const g of games) {
      expect(g.rounds).toBeGreaterThanOrEqual(1);
      expect(g.rounds).toBeLessThanOrEqual(scenario.rounds.length);
      expect(Number.isFinite(g.score.japan) && Number.isFinite(g.score.russia)).toBe(true);
    }
  });
});
