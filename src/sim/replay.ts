import * as z from 'zod/mini';
import type { Scenario } from '../scenario/schema';
import { DIFFICULTIES, STRATEGIES } from '../scenario/vocabulary';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { ACTION_TYPES, actionSchema } from './actionSchema';
import { fromZod } from '../scenario/problems';
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

export type VerifyResult =
  | { ok: true; replay: ReplayFile; session: GameSession }
  | { ok: false; error: string; step?: number; round?: number };

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
    return { ok: false, error: `${file}: scenario "${replay.scenario.id}" is not known here (known: ${scenarios.map((s) => s.id).join(', ')})` };
  }
  if (scenarioHash(scenario) !== replay.scenario.hash) {
    return { ok: false, error: `${file}: played on a different version of scenario "${scenario.id}" (content hash ${replay.scenario.hash.slice(0, 12)}… here ${scenarioHash(scenario).slice(0, 12)}…)` };
  }
  const game = GameSession.start(scenario, configOf(replay));
  const diverged = (step: number): VerifyResult | null => {
    const bad = firstBadRound(game, replay);
    return bad === null
      ? null
      : { ok: false, round: bad, step, error: `${file}: the game diverges from the recording at round ${bad}: its state hash does not match (a changed action, seed or rule)` };
  };
  const early = diverged(0);
  if (early) return early;
  for (const [i, action] of replay.actions.entries()) {
    const result = game.act(action as Action);
    if (!result.ok) {
      return { ok: false, step: i + 1, error: `${file}: action ${i + 1} (${action.type} by ${action.side}) is not legal at that point: ${result.error}` };
    }
    const bad = diverged(i + 1);
    if (bad) return bad;
  }
  if (game.roundHashes.length < replay.rounds.length) {
    const missing = replay.rounds[game.roundHashes.length]?.round ?? game.roundHashes.length + 1;
    return { ok: false, round: missing, error: `${file}: the recording claims round ${missing} was played, but its actions end before it` };
  }
  if (game.hash() !== replay.final.hash) {
    return { ok: false, error: `${file}: the final state hash does not match the recording (the file was changed after it was written)` };
  }
  const ending = game.state.ending?.kind ?? null;
  if (replay.final.ending !== ending || replay.final.phase !== game.phase) {
    return { ok: false, error: `${file}: the recording claims the game ended ${replay.final.ending ?? 'unfinished'} in phase ${replay.final.phase}, but it ends ${ending ?? 'unfinished'} in phase ${game.phase}` };
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

/** Parses and checks the shape of a replay file, before any re-simulation. */
export function readReplay(text: string, file: string): { ok: true; replay: ReplayFile } | { ok: false; error: string } {
  // The same reader as scenario files: size, byte-order mark, nesting, duplicate keys.
  const parsed = readJsonText(text, file, REPLAY_LIMITS);
  if (!parsed.ok) {
    const p = parsed.problems[0];
    return { ok: false, error: `${file}: ${p?.path ? `${p.path}: ` : ''}${p?.message ?? 'not JSON'}` };
  }
  const data = parsed.value as Record<string, unknown> | null;
  if (!data || typeof data !== 'object' || Array.isArray(data) || data.format !== REPLAY_FORMAT) {
    return { ok: false, error: `${file}: not an Unfinished Peace replay (expected "format": "${REPLAY_FORMAT}")` };
  }
  if (typeof data.version === 'number' && data.version !== REPLAY_VERSION) {
    const advice = data.version > REPLAY_VERSION ? 'it was made by a newer version of the game: update the game to open it' : 'it was made by an older version of the game, whose rules differ: replay it in that version';
    return { ok: false, error: `${file}: replay format version ${data.version}, this game reads version ${REPLAY_VERSION}; ${advice}` };
  }
  if (Array.isArray(data.actions)) {
    const i = data.actions.findIndex((a: unknown) => !a || typeof a !== 'object' || !(ACTION_TYPES as readonly unknown[]).includes((a as { type?: unknown }).type));
    if (i >= 0) {
      const type = (data.actions[i] as { type?: unknown } | null)?.type;
      return { ok: false, error: `${file}: actions[${i}].type: unknown action ${JSON.stringify(type) ?? 'undefined'} (expected one of ${ACTION_TYPES.join(', ')})` };
    }
  }
  const checked = replaySchema.safeParse(data, { reportInput: true });
  if (!checked.success) {
    const p = fromZod(checked.error, file)[0];
    return { ok: false, error: `${file}: ${p?.path ? `${p.path}: ` : ''}${p?.message ?? 'not a valid replay'}` };
  }
  const seed = checkStoredSeed(checked.data.seed);
  if (!seed.ok) return { ok: false, error: `${file}: seed: ${seedProblemText(seed.problem)}` };
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
