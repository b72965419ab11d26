import * as z from 'zod/mini';
import { APPROACHES, ISSUES, SEQUENCINGS, SIDES, TONES, type IssueId } from '../scenario/vocabulary';
import type { ActionType } from './types';

// The shape of a player's action, strictly: what a replay may hold and what
// a session accepts, so a game's own replay always reads back.

const side = z.enum(SIDES);
const option = <I extends IssueId>(issue: I) => z.enum(ISSUES[issue] as unknown as [string, ...string[]]);
const packageSchema = z.strictObject({
  islands: option('islands'),
  sovereignty: option('sovereignty'),
  usGuarantee: option('usGuarantee'),
  sanctions: option('sanctions'),
  energy: option('energy'),
  investment: option('investment'),
  humanitarian: option('humanitarian'),
});
export const actionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('agenda'), side, sequencing: z.enum(SEQUENCINGS), prepare: z.enum(Object.keys(ISSUES) as [IssueId, ...IssueId[]]) }),
  z.strictObject({ type: z.literal('offer'), side, package: packageSchema }),
  z.strictObject({ type: z.literal('accept'), side }),
  z.strictObject({ type: z.literal('stall'), side }),
  z.strictObject({ type: z.literal('walkOut'), side }),
  z.strictObject({ type: z.literal('statement'), side, tone: z.enum(TONES) }),
  z.strictObject({ type: z.literal('ratify'), side, approach: z.enum(APPROACHES) }),
]);

export const ACTION_TYPES: readonly ActionType[] = ['agenda', 'offer', 'accept', 'stall', 'walkOut', 'statement', 'ratify'];
