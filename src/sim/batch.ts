import type { Scenario } from '../scenario/schema';
import { ENDINGS, SIDES, type Ending, type Side, type Strategy } from '../scenario/vocabulary';
import { scoreOf } from './scoring';
import { GameSession } from './session';
import type { GameConfig } from './types';

/** One computer-vs-computer game, reduced to the figures a class view or the CLI shows. */
export interface GameSummary {
  seed: string;
  ending: Ending;
  endingSide: Side | null;
  rounds: number;
  approval: Record<Side, number>;
  support: Record<Side, number>;
  score: Record<Side, number>;
  /** The final state hash, when asked for: it costs more than the rest of a batch game's bookkeeping. */
  hash: string | null;
}

export interface PlayOptions {
  ledger?: boolean;
  hash?: boolean;
}

export interface BatchSpread {
  scenario: string;
  games: number;
  endings: Record<Ending, number>;
  meanRounds: number;
  meanApproval: Record<Side, number>;
  meanSupport: Record<Side, number>;
  meanScore: Record<Side, number>;
}

export function computerConfig(scenario: Scenario, seed: string, strategy: Strategy = 'grounded'): GameConfig {
  return {
    scenarioId: scenario.id,
    seed,
    controllers: { japan: 'computer', russia: 'computer' },
    difficulty: scenario.defaults.difficulty,
    strategy: { japan: strategy, russia: strategy },
  };
}

/**
 * Plays one computer-vs-computer game on the campaign's state table without
 * an actor, ledger and narration off: none of which changes the game or its hash.
 */
export function playComputerGame(scenario: Scenario, seed: string, strategy: Strategy = 'grounded', options: PlayOptions = {}): GameSummary {
  const session = GameSession.start(scenario, computerConfig(scenario, seed, strategy), {
    ledger: options.ledger ?? false,
    roundHashes: false,
    engine: 'table',
  });
  return summarise(session, seed, options.hash ?? false);
}

export function summarise(session: GameSession, seed: string, withHash = true): GameSummary {
  const s = session.state;
  const v = s.world.vars;
  const score = scoreOf(session.scenario, s);
  return {
    seed,
    ending: s.ending?.kind ?? 'stalemate',
    endingSide: s.ending?.side ?? null,
    rounds: s.history.length - 1,
    approval: { japan: v['approval.japan'], russia: v['approval.russia'] },
    support: { japan: v['support.japan'], russia: v['support.russia'] },
    score: { japan: score.japan.total, russia: score.russia.total },
    hash: withHash ? session.hash() : null,
  };
}

const r2 = (x: number) => Math.round(x * 100) / 100;

/** The spread of endings and the mean figures over a set of games, in a fixed key order. */
export function spreadOf(scenarioId: string, games: readonly GameSummary[]): BatchSpread {
  const endings = Object.fromEntries(ENDINGS.map((e) => [e, 0])) as Record<Ending, number>;
  for (const g of games) endings[g.ending] += 1;
  const n = Math.max(1, games.length);
  const mean = (f: (g: GameSummary) => number) => r2(games.reduce((sum, g) => sum + f(g), 0) / n);
  const perSide = (f: (g: GameSummary, side: Side) => number) =>
    Object.fromEntries(SIDES.map((side) => [side, mean((g) => f(g, side))])) as Record<Side, number>;
  return {
    scenario: scenarioId,
    games: games.length,
    endings,
    meanRounds: mean((g) => g.rounds),
    meanApproval: perSide((g, side) => g.approval[side]),
    meanSupport: perSide((g, side) => g.support[side]),
    meanScore: perSide((g, side) => g.score[side]),
  };
}
