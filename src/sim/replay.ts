import * as z from 'zod/mini';
import type { Scenario } from '../scenario/schema';
import { DIFFICULTIES, STRATEGIES } from '../scenario/vocabulary';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { ACTION_TYPES, actionSchema } from './actionSchema';
import { fromZod } from '../scenario/problems';
import { english, msg, type Msg } from '../scenario/messages';
import { ID_MAX, readJsonText, REPLAY_LIMITS, REPLAY_MAX_BYTES, tooLargeMessage, utf8Bytes } from '../scenario/text';
import { checkStoredSeed, seedProblemText, SEED_MAX } from './seed';
import { GameSession } from './session';
import { scenarioHash } from './scenarioHash';
import type { Action, GameConfig } from './types';

export const REPLAY_FORMAT = 'unfinished-peace-replay';
export const REPLAY_VERSION = 1;
export { REPLAY_MAX_BYTES, REPLAY_LIMITS };

const hex = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hash in hex'));

export const replaySchema = z.strictObject({
  format: z.literal(REPLAY_FORMAT),
  version: z.literal(REPLAY_VERSION),
  scenario: z.strictObject({ id: z.string().check(z.minLength(1), z.maxLength(ID_MAX)), hash: hex }),
  seed: z.string().check(z.maxLength(SEED_MAX)),
  controllers: z.strictObject({ japan: z.enum(['human', 'computer']), russia: z.enum(['human', 'computer']) }),
  difficulty: z.enum(DIFFICULTIES),
  strategy: z.strictObject({ japan: z.enum(STRATEGIES), russia: z.enum(STRATEGIES) }),
  actions: z.array(actionSchema).check(z.maxLength(500)),
  rounds: z.array(z.strictObject({ round: z.int().check(z.gte(1)), hash: hex })),
  final: z.strictObject({ hash: hex, phase: z.string(), ending: z.nullable(z.string()) }),
});
export type ReplayFile = z.infer<typeof replaySchema>;

export function configOf(replay: ReplayFile): GameConfig {
  return {
    scenarioId: replay.scenario.id,
    seed: replay.seed,
    controllers: replay.controllers,
    difficulty: replay.difficulty,
    strategy: replay.strategy,
  };
}

/** A recording of a session so far: actions, not snapshots, and a hash after every round. */
export function toReplay(session: GameSession): ReplayFile {
  const c = session.config;
  return {
    format: REPLAY_FORMAT,
    version: REPLAY_VERSION,
    scenario: { id: session.scenario.id, hash: scenarioHash(session.scenario) },
    seed: c.seed,
    controllers: c.controllers,
    difficulty: c.difficulty,
    strategy: c.strategy,
    actions: [...session.actions] as ReplayFile['actions'],
    rounds: [...session.roundHashes],
    final: { hash: session.hash(), phase: session.phase, ending: session.state.ending?.kind ?? null },
  };
}

/**
 * The replay as the file the game writes, or why it cannot be written: what
 * the game writes, its reader must read back (seed, ids, size).
 */
export function replayText(replay: ReplayFile): { ok: true; text: string } | { ok: false; error: string } {
  const seed = checkStoredSeed(replay.seed);
  if (!seed.ok) return { ok: false, error: seedProblemText(seed.problem) };
  if (replay.scenario.id.length > ID_MAX) return { ok: false, error: `the scenario id is ${replay.scenario.id.length} characters long; a replay holds at most ${ID_MAX}` };
  const text = `${JSON.stringify(replay, null, 1)}\n`;
  const bytes = utf8Bytes(text);
  if (bytes > REPLAY_MAX_BYTES) return { ok: false, error: tooLargeMessage(bytes, REPLAY_LIMITS) };
  return { ok: true, text };
}

/** Why a replay was refused: `error` in English with the file's name (the command line's words), `msg` the same without the name, for the page to say in its language. */
export type ReplayRefusal = { ok: false; error: string; msg: Msg; step?: number; round?: number };

export type VerifyResult = { ok: true; replay: ReplayFile; session: GameSession } | ReplayRefusal;

const refuse = (file: string, m: Msg, at: { step?: number; round?: number } = {}): ReplayRefusal => ({ ok: false, error: `${file}: ${english(m)}`, msg: m, ...at });

/**
 * Reads a replay file and re-simulates it. A changed action, seed or
 * scenario is caught; the error names the first round whose hash differs,
 * or the first action that is not legal where it stands.
 */
export function verifyReplay(text: string, file: string, scenarios: readonly Scenario[]): VerifyResult {
  const read = readReplay(text, file);
  if (!read.ok) return read;
  const replay = read.replay;
  const scenario = scenarios.find((s) => s.id === replay.scenario.id);
  if (!scenario) {
    return refuse(file, msg('replay.unknownScenario', { id: replay.scenario.id, known: scenarios.map((s) => s.id).join(', ') }));
  }
  if (scenarioHash(scenario) !== replay.scenario.hash) {
    return refuse(file, msg('replay.otherVersion', { id: scenario.id, theirs: replay.scenario.hash.slice(0, 12), ours: scenarioHash(scenario).slice(0, 12) }));
  }
  const game = GameSession.start(scenario, configOf(replay));
  const diverged = (step: number): VerifyResult | null => {
    const bad = firstBadRound(game, replay);
    return bad === null
      ? null
      : refuse(file, msg('replay.diverges', { round: bad }), { round: bad, step });
  };
  const early = diverged(0);
  if (early) return early;
  for (const [i, action] of replay.actions.entries()) {
    const result = game.act(action as Action);
    if (!result.ok) {
      return refuse(file, msg('replay.illegal', { n: i + 1, type: action.type, side: action.side, why: result.error }), { step: i + 1 });
    }
    const bad = diverged(i + 1);
    if (bad) return bad;
  }
  if (game.roundHashes.length < replay.rounds.length) {
    const missing = replay.rounds[game.roundHashes.length]?.round ?? game.roundHashes.length + 1;
    return refuse(file, msg('replay.roundMissing', { round: missing }), { round: missing });
  }
  if (game.hash() !== replay.final.hash) {
    return refuse(file, msg('replay.finalHash'));
  }
  const ending = game.state.ending?.kind ?? null;
  if (replay.final.ending !== ending || replay.final.phase !== game.phase) {
    return refuse(file, msg('replay.ending', { claimed: replay.final.ending ?? msg('replay.unfinished'), claimedPhase: replay.final.phase, ending: ending ?? msg('replay.unfinished'), phase: game.phase }));
  }
  return { ok: true, replay, session: game };
}

function firstBadRound(game: GameSession, replay: ReplayFile): number | null {
  for (const [i, r] of game.roundHashes.entries()) {
    const recorded = replay.rounds[i];
    if (!recorded || recorded.hash !== r.hash || recorded.round !== r.round) return r.round;
  }
  return null;
}

/** A problem at a JSON path of the file ("actions[2].side: …"), or of the whole file. */
const at = (path: string, what: Msg): Msg => (path ? msg('replay.at', { path, what }) : what);

/** Parses and checks the shape of a replay file, before any re-simulation. */
export function readReplay(text: string, file: string): { ok: true; replay: ReplayFile } | ReplayRefusal {
  // The same reader as scenario files: size, byte-order mark, nesting, duplicate keys.
  const parsed = readJsonText(text, file, REPLAY_LIMITS);
  if (!parsed.ok) {
    const p = parsed.problems[0];
    return refuse(file, at(p?.path ?? '', p?.msg ?? msg('replay.notJson')));
  }
  const data = parsed.value as Record<string, unknown> | null;
  if (!data || typeof data !== 'object' || Array.isArray(data) || data.format !== REPLAY_FORMAT) {
    return refuse(file, msg('replay.notReplay', { format: REPLAY_FORMAT }));
  }
  if (typeof data.version === 'number' && data.version !== REPLAY_VERSION) {
    return refuse(file, msg('replay.version', { version: data.version, ours: REPLAY_VERSION, advice: msg(data.version > REPLAY_VERSION ? 'replay.newer' : 'replay.older') }));
  }
  if (Array.isArray(data.actions)) {
    const i = data.actions.findIndex((a: unknown) => !a || typeof a !== 'object' || !(ACTION_TYPES as readonly unknown[]).includes((a as { type?: unknown }).type));
    if (i >= 0) {
      const type = (data.actions[i] as { type?: unknown } | null)?.type;
      return refuse(file, msg('replay.unknownAction', { i, type: JSON.stringify(type) ?? 'undefined', known: ACTION_TYPES.join(', ') }));
    }
  }
  const checked = replaySchema.safeParse(data, { reportInput: true });
  if (!checked.success) {
    const p = fromZod(checked.error, file)[0];
    return refuse(file, at(p?.path ?? '', p?.msg ?? msg('replay.invalid')));
  }
  const seed = checkStoredSeed(checked.data.seed);
  if (!seed.ok) return refuse(file, msg('replay.seed', { problem: seedProblemText(seed.problem) }));
  return { ok: true, replay: checked.data };
}

/** Re-simulates the first `upTo` actions of a replay: the viewer's steps, and "continue from here". */
export function replayPrefix(scenario: Scenario, replay: ReplayFile, upTo: number): GameSession {
  const game = GameSession.start(scenario, configOf(replay));
  for (const action of replay.actions.slice(0, upTo)) {
    const result = game.act(action as Action);
    if (!result.ok) break;
  }
  return game;
}
