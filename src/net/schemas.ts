// The shapes the server accepts from a client, checked with zod on arrival: a bad
// message gets an error back and the room goes on. (Kept apart from protocol.ts so
// the browser's first bundle carries none of it.)
import * as z from 'zod/mini';
import { DIFFICULTIES, SIDES } from '../scenario/vocabulary';

const name = z.string().check(z.trim(), z.minLength(1), z.maxLength(40));
const token = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/));

/** What the first player asks for: a shipped scenario, a seed (or the server draws one), the side they play. */
export const createOptions = z.strictObject({
  scenario: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/)),
  seed: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  side: z.enum(SIDES),
  /** As chosen on the title (the scenario's own when absent). */
  difficulty: z.optional(z.enum(DIFFICULTIES)),
  name: z.optional(name),
});

/** Joining: a new player (the free seat), or a returning one with the rejoin token their seat was given. */
export const joinOptions = z.strictObject({
  name: z.optional(name),
  token: z.optional(token),
});

/** A client's move: any object; the session checks its shape with the action schema and refuses it with a reason. */
export const actMessage = z.strictObject({ action: z.record(z.string(), z.unknown()) });


/** How a teacher seats the class: pairs (Japan against Russia), everyone against the computer on one side, or half the class on each side against it. */
export const SEATINGS = ['pairs', 'computer', 'halves'] as const;

/** A teacher opening a class. */
export const createClassOptions = z.strictObject({
  scenario: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/)),
  /** One seed for the class (the server draws one when none is given). */
  seed: z.optional(z.string().check(z.minLength(1), z.maxLength(48))),
  /** Each match its own seed (the class seed numbered), rather than one world for all. */
  seedPerPair: z._default(z.boolean(), false),
  difficulty: z.enum(DIFFICULTIES),
  seating: z.enum(SEATINGS),
  /** The side everyone plays when the class plays the computer. */
  side: z._default(z.enum(SIDES), 'japan'),
});
export type ClassSettings = z.infer<typeof createClassOptions>;

/** Joining a class: a student by name (or their rejoin token), or the teacher by the secret. */
export const joinClassOptions = z.strictObject({
  name: z.optional(name),
  token: z.optional(token),
  teacher: z.optional(token),
});

/** What the teacher's dashboard sends. */
export const classCommand = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('seat') }),
  z.strictObject({ kind: z.literal('pause') }),
  z.strictObject({ kind: z.literal('resume') }),
  z.strictObject({ kind: z.literal('stop'), match: z.string().check(z.regex(/^[0-9A-Z]{8}$/)) }),
  z.strictObject({ kind: z.literal('replays') }),
]);
