// What a match's browser and the server share: the room type, the codes, the seat messages.
// The server checks every client message with the schemas of ./schemas.ts.
import type { Side } from '../scenario/vocabulary';
import type { ClassSettings } from './schemas';

/** The room type of a two-player match. */
export const MATCH_ROOM = 'negotiation';
/** The room type of a teacher's class (its dashboard, and the lobby its students wait in). */
export const CLASS_ROOM = 'class';

/** Match codes: Crockford base-32 (no I, L, O, U), 8 characters = 40 bits, shown as XXXX-XXXX. */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 8;

/** A typed code back to its canonical form (case, dashes, spaces and look-alike letters forgiven), or null. */
export function normaliseCode(typed: string): string | null {
  const s = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (s.length !== CODE_LENGTH) return null;
  for (const ch of s) if (!CODE_ALPHABET.includes(ch)) return null;
  return s;
}

export const showCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

/**
 * Why the server did not take a message. Each device says it in its own language from the
 * code (src/ui/net/remote.ts); `error` carries the English for logs and for anything else
 * that talks to the server. `rules` and `badMessage` have no text of their own: the English
 * reason (the rules' refusal, or what was wrong with the message) is shown as it is.
 */
export const REFUSALS = ['badMessage', 'notAMove', 'noSeat', 'wrongSide', 'paused', 'stopped', 'ended', 'notYourTurn', 'rules', 'notTeacher', 'noSuchMatch'] as const;
export type RefusalCode = (typeof REFUSALS)[number];

export interface Refused {
  code: RefusalCode;
  error: string;
  /** wrongSide: the side the sender plays; notYourTurn: the side to move. */
  side?: Side;
}

/** The most a client may send in one message (a move is a few hundred bytes); a larger one closes its sender's connection (1009). */
export const MAX_MESSAGE_BYTES = 16 * 1024;

export interface SeatInfo {
  name: string | null;
  /** Someone holds this seat (it waits for them while they are away). */
  taken: boolean;
  connected: boolean;
  /** The computer plays this side (a class seating a student against it). */
  computer: boolean;
}

/** Sent to a player when they take (or take back) a seat. */
export interface SeatMessage {
  code: string;
  side: 'japan' | 'russia';
  /** Keep this to come back into the seat from this or another device. */
  token: string;
}

/** What a class's dashboard shows of one of its matches. */
export interface MatchSummary {
  code: string;
  /** For the teacher's sheet (the dashboard goes to the teacher only). */
  seed: string;
  seats: Record<Side, SeatInfo>;
  round: number;
  phase: string;
  ending: string | null;
  /** Each side's score against its goals, once the game has ended. */
  scores: Record<Side, number> | null;
  paused: boolean;
  stopped: boolean;
  moves: number;
}

/** What the teacher's dashboard receives after every change. */
export interface Dashboard {
  code: string;
  settings: ClassSettings;
  paused: boolean;
  students: { name: string; connected: boolean; match: string | null; side: Side | null }[];
  matches: MatchSummary[];
}
