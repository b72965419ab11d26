import type { Scenario } from '../scenario/schema';
import {
  APPROACHES,
  ISSUE_IDS,
  SEQUENCINGS,
  SIDES,
  TONES,
  type Approach,
  type IssueId,
  type Package,
  type Sequencing,
  type Side,
  type Tone,
} from '../scenario/vocabulary';
import { availableOptions, blockedOptions, packageBlock, samePackage, type BlockReason, type PackageProblem } from './packages';
import { canDelay } from './rules/ratification';
import { workableFactions } from './factions';
import { MAX_OFFERS } from './rules/summit';
import type { Action, ActionType, GameState } from './types';

export type PhaseName = 'ministerTalks' | 'summit' | 'publicReaction' | 'ratification' | 'ended';

/** What the side to move may do now; the UI builds its controls from this. */
export interface LegalMoves {
  side: Side;
  types: ActionType[];
  /** For offers: the options of each issue that may be put on the table. */
  options: Record<IssueId, string[]>;
  /** The options the scenario offers that cannot be put on the table now, each with its reason. */
  blocked: Record<IssueId, Record<string, BlockReason>>;
  sequencings: readonly Sequencing[];
  tones: readonly Tone[];
  /** In ratification: the ways to take the text to parliament open now. */
  approaches: readonly Approach[];
  /** In the public reaction: the factions this side may work at home before its statement (none once it has worked one this round). */
  factions: readonly string[];
}

/** The side that must act now. In simultaneous phases Japan chooses first; neither sees the other's choice. */
export function pendingSide(state: GameState, phase: PhaseName): Side | null {
  switch (phase) {
    case 'ministerTalks':
      return SIDES.find((s) => !state.talks.agenda[s]) ?? null;
    case 'summit':
      return state.summit.outcome === null ? state.summit.toMove : null;
    case 'publicReaction':
      return SIDES.find((s) => !state.statements[s]) ?? null;
    case 'ratification':
      return SIDES.find((s) => state.ratification[s] === undefined) ?? null;
    default:
      return null;
  }
}

export function legalTypes(scenario: Scenario, state: GameState, phase: PhaseName): ActionType[] {
  switch (phase) {
    case 'ministerTalks':
      return ['agenda'];
    case 'summit': {
      const n = state.summit.offers.length;
      if (n === 0) return ['offer', 'stall'];
      return n < MAX_OFFERS ? ['accept', 'offer', 'stall', 'walkOut'] : ['accept', 'stall', 'walkOut'];
    }
    case 'publicReaction': {
      const side = pendingSide(state, phase);
      return side && workableFactions(scenario, state, side).length > 0 ? ['homeFront', 'statement'] : ['statement'];
    }
    case 'ratification':
      return ['ratify'];
    default:
      return [];
  }
}

export function legalMoves(scenario: Scenario, state: GameState, phase: PhaseName): LegalMoves | null {
  const side = pendingSide(state, phase);
  if (!side) return null;
  return {
    side,
    types: legalTypes(scenario, state, phase),
    options: availableOptions(scenario, state),
    blocked: blockedOptions(scenario, state),
    sequencings: SEQUENCINGS,
    tones: TONES,
    approaches: approachesNow(scenario, state),
    factions: phase === 'publicReaction' ? workableFactions(scenario, state, side).map((f) => f.id) : [],
  };
}

const approachesNow = (scenario: Scenario, state: GameState): readonly Approach[] =>
  canDelay(scenario.rounds.length, state) ? APPROACHES : APPROACHES.filter((a) => a !== 'delay');

/** Whether a human or the counterpart may take this approach to parliament now. */
export function approachOpen(scenario: Scenario, state: GameState, approach: Approach): boolean {
  return approachesNow(scenario, state).includes(approach);
}

/** Why an action is refused now, in words a player or a replay error can show; null when it is legal. */
export function refusal(scenario: Scenario, state: GameState, phase: PhaseName, action: Action): string | null {
  if (phase === 'ended') return 'the game has ended';
  const side = pendingSide(state, phase);
  if (action.side !== side) return `it is ${side ?? 'nobody'}'s turn, not ${String(action.side)}'s`;
  const types = legalTypes(scenario, state, phase);
  if (!types.includes(action.type)) {
    if (action.type === 'homeFront' && phase === 'publicReaction') return `${action.side} has worked the home front once this round already`;
    return `"${action.type}" is not possible during ${phase} (possible: ${types.join(', ')})`;
  }
  switch (action.type) {
    case 'agenda':
      if (!SEQUENCINGS.includes(action.sequencing)) return `unknown sequencing "${String(action.sequencing)}"`;
      if (!ISSUE_IDS.includes(action.prepare)) return `unknown issue "${String(action.prepare)}"`;
      return null;
    case 'offer': {
      if (!action.package || typeof action.package !== 'object') return 'an offer needs a package';
      const why = offerProblem(scenario, state, action.package);
      if (!why) return null;
      if ('issue' in why) return `this package cannot be offered now (${why.issue}:${why.reason})`;
      return 'a counter-offer must change something; to agree, accept';
    }
    case 'homeFront': {
      const f = workableFactions(scenario, state, action.side).find((x) => x.id === action.faction);
      if (f) return null;
      const own = workableFactions(scenario, state, action.side).map((x) => x.id);
      return `"${String(action.faction)}" is not a faction of ${action.side} (expected one of ${own.join(', ')})`;
    }
    case 'statement':
      return TONES.includes(action.tone) ? null : `unknown tone "${String(action.tone)}"`;
    case 'ratify':
      if (!APPROACHES.includes(action.approach)) return `unknown approach "${String(action.approach)}" (expected ${APPROACHES.join(', ')})`;
      return approachOpen(scenario, state, action.approach) ? null : 'the vote cannot be put off: this is the last round';
    default:
      return null;
  }
}

/**
 * Why an offer of this package would be refused now, as data the UI words
 * itself: a term or combination that cannot go on the table, or a counter
 * that changes nothing. Null when the package may be offered.
 */
export function offerProblem(scenario: Scenario, state: GameState, pkg: Package): PackageProblem | { reason: 'unchanged' } | null {
  const blocked = packageBlock(scenario, state, pkg);
  if (blocked) return blocked;
  const last = state.summit.offers[state.summit.offers.length - 1];
  return last && samePackage(last.package, pkg) ? { reason: 'unchanged' } : null;
}
