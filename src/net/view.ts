// What one side's browser may hold of a networked match: the server sends each client
// this and nothing more (per-client views). While the game runs, a player's view has
// the other side's confidential brief, its drawn priorities, the seed and the dice
// streams taken out, and the other side's first choice in a simultaneous phase hidden
// (as at the table). When the game ends, both sides see everything: the debrief's
// reveal of what the other side wanted, and a replay anyone can verify.
import type { Scenario } from '../scenario/schema';
import { ISSUE_IDS, otherSide, type IssueId, type Side } from '../scenario/vocabulary';
import { visibleLength, type Action, type GameState, type LegalMoves, type LogEntry, type PhaseName, type RngState, type Stream } from '../sim';

/** What the server tells one client after every move. */
export interface SideView {
  side: Side;
  phase: PhaseName;
  pending: Side | null;
  state: GameState;
  /** The moves made so far that this side may see (all of them once the game has ended). */
  actions: Action[];
  /** What this side may do now (null when it is not this side's turn). */
  legal: LegalMoves | null;
  /** True once the game has ended: the view is then the whole game. */
  revealed: boolean;
}

const NO_RNG: RngState = { c: 0, s0: 0, s1: 0, s2: 0 };

/** The scenario as one side's player may read it during play: the other side's brief and valuation are blanked. */
export function scenarioFor(scenario: Scenario, side: Side): Scenario {
  const other = otherSide(side);
  const theirs = scenario.sides[other];
  const zero = Object.fromEntries(ISSUE_IDS.map((id) => [id, [0, 0]])) as unknown as Record<IssueId, [number, number]>;
  return {
    ...scenario,
    sides: {
      ...scenario.sides,
      [other]: {
        ...theirs,
        brief: { summary: '', goals: [], redLines: [] },
        priorities: { weights: zero, reservation: [0, 0], redLines: [], sequencing: theirs.priorities.sequencing },
      },
    },
  } as Scenario;
}

/** A computer's reckoning as the other side may read it: its reason, what it asks, its tone; never the worth, bar or dice (except on Easy). */
function readableEntry(e: LogEntry, oddsOpen: boolean): LogEntry {
  if (oddsOpen || e.kind !== 'action' || !e.action.why) return e;
  const { reason, asks, signal, redLine } = e.action.why;
  return { ...e, action: { ...e.action, why: { reason, signal, worth: 0, bar: 0, p: 0, roll: 0, ...(asks ? { asks } : {}), ...(redLine ? { redLine } : {}) } } };
}

/**
 * One side's view of a game. `all` is the whole list of moves (the server's
 * session); `legal` what the side to move may do.
 */
export function viewFor(input: { state: GameState; phase: PhaseName; pending: Side | null; actions: readonly Action[]; legal: LegalMoves | null }, side: Side): SideView {
  const { state, phase, pending } = input;
  const legal = pending === side ? input.legal : null;
  if (state.ending !== null || phase === 'ended') {
    return { side, phase, pending, state, actions: [...input.actions], legal, revealed: true };
  }
  const other = otherSide(side);
  const oddsOpen = state.config.difficulty === 'easy';
  const shown = visibleLength(state, phase, side === pending ? pending : null);
  const log = state.log.slice(0, shown).map((e) => readableEntry(e, oddsOpen));
  // The other side's hidden first choice this phase: its field and its move are left out.
  const hidden = state.log.length > shown;
  const rng = Object.fromEntries(Object.keys(state.rng).map((k) => [k, NO_RNG])) as Record<Stream, RngState>;
  const blankIssues = Object.fromEntries(ISSUE_IDS.map((id) => [id, 0])) as Record<IssueId, number>;
  const strip = <T extends object>(rec: T): T => (hidden ? (Object.fromEntries(Object.entries(rec).filter(([k]) => k !== other)) as T) : rec);
  const view: GameState = {
    ...state,
    config: { ...state.config, seed: '' },
    rng,
    priorities: { ...state.priorities, [other]: { weights: blankIssues, reservation: 0 } },
    talks: { ...state.talks, agenda: strip(state.talks.agenda) },
    statements: strip(state.statements),
    ratification: strip(state.ratification),
    log,
    ledger: oddsOpen ? state.ledger : state.ledger.map((l) => (l.draws.some((d) => d.stream === 'counterpart') ? { ...l, draws: l.draws.filter((d) => d.stream !== 'counterpart') } : l)),
  };
  const actions = log.flatMap((e) => (e.kind === 'action' && !e.action.why ? [e.action] : []));
  return { side, phase, pending, state: view, actions, legal, revealed: false };
}

/** How much of a view's append-only lists (log, ledger, history) a client already holds. */
export interface Held {
  log: number;
  ledger: number;
  history: number;
}

/** A view as sent: the lists hold only what is new since `from`. */
export type ViewDelta = SideView & { from: Held };

const NOTHING: Held = { log: 0, ledger: 0, history: 0 };

/**
 * The view as sent to a client that already holds `had` of its lists, and what it holds after.
 * A view is mostly its log and its causal ledger, which only grow: sending them whole after
 * every move made each message some 50 kB late in a game; this sends the new entries only.
 */
export function deltaOf(view: SideView, had: Held | undefined): { delta: ViewDelta; now: Held } {
  const s = view.state;
  const now: Held = { log: s.log.length, ledger: s.ledger.length, history: s.history.length };
  const from = had && had.log <= now.log && had.ledger <= now.ledger && had.history <= now.history ? had : NOTHING;
  const state = { ...s, log: s.log.slice(from.log), ledger: s.ledger.slice(from.ledger), history: s.history.slice(from.history) };
  return { delta: { ...view, state, from }, now };
}

/** The whole view again, from the one held before and the next one sent. */
export function applyDelta(prev: SideView | null, delta: ViewDelta): SideView {
  const { from, ...view } = delta;
  if (from.log === 0 && from.ledger === 0 && from.history === 0) return view;
  if (!prev || prev.state.log.length < from.log || prev.state.ledger.length < from.ledger || prev.state.history.length < from.history) {
    throw new Error('a view that continues one this client does not hold');
  }
  const p = prev.state;
  return {
    ...view,
    state: {
      ...view.state,
      log: p.log.slice(0, from.log).concat(view.state.log),
      ledger: p.ledger.slice(0, from.ledger).concat(view.state.ledger),
      history: p.history.slice(0, from.history).concat(view.state.history),
    },
  };
}
