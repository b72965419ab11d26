import * as z from 'zod/mini';
import { APPROACHES, ISSUE_IDS, ISSUES, SEQUENCINGS, SIDES, TONES, type IssueId } from '../scenario/vocabulary';

// The shape of a player's action, strictly: what a replay may hold and what
// a session accepts, so a game's own replay always reads back. This schema is
// the one definition: the `Action` type (types.ts) is inferred from it, and
// ACTION_TYPES is read off it.

const side = z.enum(SIDES);
const packageSchema = z.strictObject({
  islands: z.enum(ISSUES.islands),
  sovereignty: z.enum(ISSUES.sovereignty),
  usGuarantee: z.enum(ISSUES.usGuarantee),
  sanctions: z.enum(ISSUES.sanctions),
  energy: z.enum(ISSUES.energy),
  investment: z.enum(ISSUES.investment),
  humanitarian: z.enum(ISSUES.humanitarian),
});
export const actionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('agenda'), side, sequencing: z.enum(SEQUENCINGS), prepare: z.enum(ISSUE_IDS as [IssueId, ...IssueId[]]) }),
  z.strictObject({ type: z.literal('offer'), side, package: packageSchema }),
  z.strictObject({ type: z.literal('accept'), side }),
  z.strictObject({ type: z.literal('stall'), side }),
  z.strictObject({ type: z.literal('walkOut'), side }),
  /** Working a faction at home before the press hears the leader: the faction is a scenario's id. */
  z.strictObject({ type: z.literal('homeFront'), side, faction: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/), z.maxLength(64)) }),
  z.strictObject({ type: z.literal('statement'), side, tone: z.enum(TONES) }),
  z.strictObject({ type: z.literal('ratify'), side, approach: z.enum(APPROACHES) }),
]);

/** A player's action as the schema reads it (types.ts adds the computer's `why`). */
export type PlayerAction = z.infer<typeof actionSchema>;

/** Every action type, in the schema's order. */
export const ACTION_TYPES: readonly PlayerAction['type'][] = actionSchema._zod.def.options.map((o) => o._zod.def.shape.type._zod.def.values[0]!);
