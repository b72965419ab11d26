import type {
  Approach,
  Difficulty,
  Ending,
  IslandId,
  IslandStatus,
  IssueId,
  LineMoment,
  Package,
  Sequencing,
  Side,
  Speaker,
  Strategy,
  Tone,
  VarId,
} from '../scenario/vocabulary';
import type { Citation } from '../scenario/schema';
import type { PlayerAction } from './actionSchema';

export type Controller = 'human' | 'computer';

/** Everything besides the players' actions that a game is a function of. */
export interface GameConfig {
  scenarioId: string;
  seed: string;
  controllers: Record<Side, Controller>;
  difficulty: Difficulty;
  strategy: Record<Side, Strategy>;
}

/**
 * Everything a player (human or computer) can do: each is an event the
 * campaign machine accepts. The shape is the zod schema's (actionSchema.ts),
 * inferred, never written twice.
 */
export type Action = PlayerAction & {
  /** Set on a computer's move only: the reckoning and the dice behind it, for the log. */
  why?: Decision;
};

/** Why the counterpart answered as it did, in one word the narration turns into a sentence. */
/** `asksMore`: it would sign, but first asks for one thing more (the first offer of a summit is haggled over). */
export type DecisionReason = 'accepted' | 'redLine' | 'farApart' | 'short' | 'closeCall' | 'ratificationRisk' | 'asksMore';

/** What the other side can read of a refusal without seeing the dice: its tone (how far apart the two are). */
export type Signal = 'warm' | 'cool' | 'cold';

/**
 * How a computer counterpart reached a decision: what the deal was worth to
 * it, its bar, and the dice; and what the other side may read of it during
 * play (the reason, the issue it presses on, its tone). Worth, bar, odds and
 * roll are private until the game ends, except on Easy.
 */
export interface Decision {
  worth: number;
  bar: number;
  p: number;
  roll: number;
  redLine?: string;
  reason: DecisionReason;
  /** The issue the counterpart presses on: the one whose change would help it most, or its red line's. */
  asks?: IssueId;
  signal: Signal;
}
export type ActionType = Action['type'];

/** What the campaign machine accepts: a player's action, or the counterpart's cue to move for the side no human plays. */
export type MachineEvent = Action | { type: 'counterpart' };

export type SummitOutcome = 'nothing' | 'jointStatement' | 'interimAgreement' | 'treatyText' | 'walkOut';

/** alea's whole state: four numbers, cheap to store and restore. */
export interface RngState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}
export const STREAMS = ['priorities', 'counterpart', 'polls', 'events', 'ratification'] as const;
export type Stream = (typeof STREAMS)[number];

export interface World {
  vars: Record<VarId, number>;
  islands: Record<IslandId, IslandStatus>;
  /** Each faction's backing of its leader (0–100), keyed by the scenario's faction id, in the scenario's order. */
  factions: Record<string, number>;
}

/** A faction's backing as the ledger names it: `faction.<id>`. */
export type FactionVar = `faction.${string}`;
/** Anything the ledger records a change of. */
export type LedgerVar = VarId | FactionVar;

export interface SidePriorities {
  weights: Record<IssueId, number>;
  reservation: number;
}

/** A random draw, kept so the player can see the dice. */
export interface Draw {
  stream: Stream;
  /** What was decided, as a message key (e.g. "accept", "event:press-leak", "noise:support.russia"). */
  what: string;
  /** Probability of the "yes" outcome, when the draw decided yes or no. */
  p?: number;
  /** The number rolled, in [0, 1). */
  roll: number;
  /** For yes/no draws: whether it came out yes. For noise: the resulting change. */
  outcome: boolean | number;
}

export interface Factor {
  /** Message key of the cause, e.g. "summit.concession", "event:nationalist-rally", "tone.tough". */
  label: string;
  delta: number;
}

export interface Cause {
  kind: 'action' | 'event' | 'rule' | 'noise' | 'summit' | 'ratification' | 'drift';
  id: string;
  side?: Side;
}

export interface LedgerEntry {
  seq: number;
  round: number;
  phase: string;
  var: LedgerVar;
  before: number;
  after: number;
  cause: Cause;
  factors: Factor[];
  draws: Draw[];
}

/** How the counterpart remembers being treated; it explains its stance with these. */
export interface Memory {
  round: number;
  reason: 'leak' | 'tough' | 'walkOut' | 'concession' | 'goodwill' | 'agreement' | 'stall' | 'hardOffer' | 'delay' | 'rejected' | 'repeat';
  /** Change to this side's trust in the other side. */
  delta: number;
}

export interface OfferRecord {
  side: Side;
  package: Package;
}

/** What the narration and the screen-reader log show; plain data, rendered by the UI's catalogue. */
export type LogEntry =
  | { kind: 'round'; round: number }
  | { kind: 'action'; round: number; action: Action }
  /** `after`: whose description the line paraphrases, when it is not the speaker's own reported words. */
  | { kind: 'line'; round: number; speaker: Speaker; moment: LineMoment; text: string; cite: Citation; after?: string }
  | { kind: 'summit'; round: number; outcome: SummitOutcome; package: Package | null }
  | { kind: 'talks'; round: number; reach: SummitOutcome; clash: boolean }
  | { kind: 'event'; round: number; eventId: string }
  /** A faction speaks up in the press: a deal failed its demand. */
  | { kind: 'voice'; round: number; faction: string; text: string; cite: Citation; after?: string }
  | { kind: 'memory'; round: number; side: Side; memory: Memory }
  /** `blockedBy`: the faction that blocked the text (odds nil), when one did. */
  | { kind: 'ratification'; round: number; side: Side; passed: boolean; p: number; roll: number; approach: Approach; blockedBy?: string }
  | { kind: 'ratificationDelayed'; round: number; side: Side }
  | { kind: 'textReturned'; round: number; side: Side }
  | { kind: 'floorPassed'; round: number; side: Side }
  | { kind: 'ending'; round: number; ending: Ending; side?: Side };

/** One row per finished round, for charts over time. */
export interface RoundRecord {
  round: number;
  vars: Record<VarId, number>;
  factions: Record<string, number>;
  summit: SummitOutcome;
  events: string[];
}

export interface TalksState {
  agenda: Partial<Record<Side, { sequencing: Sequencing; prepare: IssueId }>>;
  /** The most the summit of this round can reach, set by the foreign ministers. */
  reach: SummitOutcome;
}

export interface SummitState {
  proposer: Side;
  toMove: Side;
  offers: OfferRecord[];
  outcome: SummitOutcome | null;
  /** The opener stalled before any offer: the other side has the floor, so each side moves at every summit. */
  floorPassed: boolean;
}

export interface GameState {
  config: GameConfig;
  scenarioHash: string;
  round: number;
  world: World;
  rng: Record<Stream, RngState>;
  priorities: Record<Side, SidePriorities>;
  talks: TalksState;
  summit: SummitState;
  statements: Partial<Record<Side, Tone>>;
  /** The faction each side worked at home this round, if any (once a round, before its statement). */
  worked: Partial<Record<Side, string>>;
  ratification: Partial<Record<Side, Approach>>;
  /** The interim package agreed so far (territory aside), merged across rounds. */
  agreed: Package | null;
  /** A treaty text signed at a summit, waiting for ratification (not in force until both parliaments pass it). */
  signed: Package | null;
  /** The round the signed text was signed in; a vote may be put off, not forever. */
  signedRound: number | null;
  /** Texts that a parliament rejected: each went back to the table. */
  rejections: number;
  /** Summits in a row that ended with nothing agreed: two in a row downgrade the dialogue. */
  emptySummits: number;
  memory: Record<Side, Memory[]>;
  walkOuts: number;
  firedEvents: string[];
  /** Events that struck in the current round, for its history row. */
  roundEvents: string[];
  history: RoundRecord[];
  log: LogEntry[];
  ledger: LedgerEntry[];
  /** Switched off for batch runs; the hash never includes it. */
  ledgerOn: boolean;
  seq: number;
  ending: { kind: Ending; side?: Side } | null;
}
