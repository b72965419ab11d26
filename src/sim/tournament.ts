import type { Scenario } from '../scenario/schema';
import { ENDINGS, SIDES, otherSide, type Ending, type Side } from '../scenario/vocabulary';
import { POLICIES, POLICY_IDS, policyDice, type PolicyId } from './policies';
import { scoreOf } from './scoring';
import { GameSession } from './session';
import type { GameConfig } from './types';

// The tournament: each fixed policy plays one side of a scenario against
// the computer on the same seeds, so the only difference between two rows
// is the play. What it prints is the game's balance: skill over luck,
// fairness between the sides, no trivial policy near the best.

export interface PolicyResult {
  scenario: string;
  side: Side;
  policy: PolicyId;
  games: number;
  mean: number;
  sd: number;
  endings: Record<Ending, number>;
  /** Median number of moves the policy made per game: how many decisions a campaign asks of a player. */
  medianDecisions: number;
  /** Share of games over after the first round. */
  endedInRoundOne: number;
}

export const tournamentSeeds = (n: number): string[] => Array.from({ length: n }, (_, i) => `t${i + 1}`);

export function humanConfig(scenario: Scenario, seed: string, side: Side): GameConfig {
  return {
    scenarioId: scenario.id,
    seed,
    controllers: { [side]: 'human', [otherSide(side)]: 'computer' } as GameConfig['controllers'],
    difficulty: scenario.defaults.difficulty,
    strategy: { japan: 'grounded', russia: 'grounded' },
  };
}

/** One game of a policy against the computer: the session, its score, ending, moves and rounds. Ledger off unless asked. */
export function playPolicy(scenario: Scenario, seed: string, side: Side, policy: PolicyId, options: { ledger?: boolean } = {}) {
  const ledger = options.ledger ?? false;
  const session = GameSession.start(scenario, humanConfig(scenario, seed, side), { ledger, roundHashes: ledger, engine: ledger ? 'xstate' : 'table' });
  const random = policyDice(seed, policy);
  let moves = 0;
  for (let guard = 0; guard < 400 && !session.ended; guard += 1) {
    const legal = session.legal();
    if (!legal) break;
    const action = POLICIES[policy]({ session, side, legal, random });
    const result = session.act(action);
    if (!result.ok) throw new Error(`policy ${policy} made an illegal move in ${scenario.id}/${seed}: ${result.error} ${JSON.stringify(action)}`);
    moves += 1;
  }
  if (!session.ended) throw new Error(`policy ${policy} did not finish ${scenario.id}/${seed}`);
  const s = session.state;
  const score = scoreOf(scenario, s)[side];
  return { session, score: score.total, goals: score.goals, ending: s.ending!.kind, moves, rounds: s.history.length - 1 };
}

const r1 = (x: number) => Math.round(x * 10) / 10;

export function runPolicy(scenario: Scenario, side: Side, policy: PolicyId, seeds: readonly string[]): PolicyResult {
  const endings = Object.fromEntries(ENDINGS.map((e) => [e, 0])) as Record<Ending, number>;
  const scores: number[] = [];
  const moves: number[] = [];
  let roundOne = 0;
  for (const seed of seeds) {
    const g = playPolicy(scenario, seed, side, policy);
    scores.push(g.score);
    moves.push(g.moves);
    endings[g.ending] += 1;
    if (g.rounds <= 1) roundOne += 1;
  }
  const n = Math.max(1, scores.length);
  const mean = scores.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
  moves.sort((a, b) => a - b);
  return {
    scenario: scenario.id,
    side,
    policy,
    games: scores.length,
    mean: r1(mean),
    sd: r1(sd),
    endings,
    medianDecisions: moves[Math.floor(moves.length / 2)] ?? 0,
    endedInRoundOne: r1((100 * roundOne) / n) / 100,
  };
}

export function runTournament(scenario: Scenario, seeds: readonly string[], policies: readonly PolicyId[] = POLICY_IDS): PolicyResult[] {
  const out: PolicyResult[] = [];
  for (const side of SIDES) for (const policy of policies) out.push(runPolicy(scenario, side, policy, seeds));
  return out;
}
