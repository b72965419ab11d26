import { assign, setup } from 'xstate';
import type { Scenario } from '../../scenario/schema';
import { Draft } from '../draft';
import { pendingSide, refusal, type PhaseName } from '../legal';
import { chooseAction } from '../counterpart/strategy';
import { closeRound } from '../rules/round';
import { recordAgenda, resolveTalks } from '../rules/talks';
import { acceptOffer, recordOffer, stallSummit, walkOut } from '../rules/summit';
import { recordStatement, resolveReaction } from '../rules/reaction';
import { workFaction } from '../rules/world';
import { recordRatify, resolveRatification } from '../rules/ratification';
import type { Action, GameState, MachineEvent } from '../types';
import { ministerTalksPhase } from './ministerTalks';
import { summitPhase } from './summit';
import { closingPhase, publicReactionPhase } from './publicReaction';
import { afterVotePhase, ratificationPhase } from './ratification';

/** Runs one rule over a working copy of the context and hands back the new context. */
const rule =
  (scenario: Scenario, phase: PhaseName, fn: (d: Draft) => void) =>
  ({ context }: { context: GameState }): GameState => {
    const d = new Draft(scenario, context, phase);
    fn(d);
    return d.finish();
  };

/** A move by a player, or by the counterpart when cued: it is logged, then handed to its rule. */
const move =
  (scenario: Scenario, phase: PhaseName) =>
  ({ context, event }: { context: GameState; event: MachineEvent }): GameState => {
    const d = new Draft(scenario, context, phase);
    if (event.type === 'counterpart') {
      // The side no human plays chooses with the game's own counterpart dice, then moves like a player.
      const side = pendingSide(context, phase);
      if (!side) throw new Error(`bug: counterpart cued in ${phase} with nobody to move`);
      const action = chooseAction(scenario, d.state, phase, side, d.dice);
      const why = refusal(scenario, context, phase, action);
      if (why) throw new Error(`bug: the counterpart chose an illegal move (${why}): ${JSON.stringify(action)}`);
      applyMove(d, action);
    } else applyMove(d, event);
    return d.finish();
  };

function applyMove(d: Draft, a: Action): void {
  d.log({ kind: 'action', round: d.state.round, action: a });
  switch (a.type) {
    case 'agenda':
      return recordAgenda(d, a);
    case 'offer':
      return recordOffer(d, a);
    case 'accept':
      return acceptOffer(d, a);
    case 'stall':
      return stallSummit(d, a);
    case 'walkOut':
      return walkOut(d, a);
    case 'homeFront':
      return workFaction(d, a);
    case 'statement':
      return recordStatement(d, a);
    case 'ratify':
      return recordRatify(d, a);
  }
}

type Args = { context: GameState; event: MachineEvent };

/**
 * The campaign's named guards and actions as plain functions of
 * (context, event): the XState machine below wraps them. Batch runs take
 * them back out of the built machine (fastCampaign.ts), never from here.
 */
function buildParts(scenario: Scenario) {
  const legalIn =
    (phase: PhaseName) =>
    ({ context, event }: Args): boolean => {
      if (event.type === 'counterpart') return false;
      const side = pendingSide(context, phase);
      return side !== null && context.config.controllers[side] === 'human' && refusal(scenario, context, phase, event) === null;
    };
  const computerIn =
    (phase: PhaseName) =>
    ({ context, event }: Args): boolean => {
      const side = pendingSide(context, phase);
      return event.type === 'counterpart' && side !== null && context.config.controllers[side] === 'computer';
    };
  const guards = {
    legalInTalks: legalIn('ministerTalks'),
    legalInSummit: legalIn('summit'),
    legalInReaction: legalIn('publicReaction'),
    legalInRatification: legalIn('ratification'),
    computerInTalks: computerIn('ministerTalks'),
    computerInSummit: computerIn('summit'),
    computerInReaction: computerIn('publicReaction'),
    computerInRatification: computerIn('ratification'),
    bothAgendasSet: ({ context }: Args) => Boolean(context.talks.agenda.japan && context.talks.agenda.russia),
    summitOver: ({ context }: Args) => context.summit.outcome !== null,
    bothStatementsMade: ({ context }: Args) => Boolean(context.statements.japan && context.statements.russia),
    bothVotesCalled: ({ context }: Args) =>
      context.ratification.japan !== undefined && context.ratification.russia !== undefined,
    hasEnded: ({ context }: Args) => context.ending !== null,
    treatySigned: ({ context }: Args) => context.signed !== null,
  };
  const actions = {
    moveInTalks: move(scenario, 'ministerTalks'),
    resolveTalks: rule(scenario, 'ministerTalks', (d) => resolveTalks(d)),
    moveInSummit: move(scenario, 'summit'),
    moveInReaction: move(scenario, 'publicReaction'),
    resolveReaction: rule(scenario, 'publicReaction', (d) => resolveReaction(d)),
    closeRound: rule(scenario, 'publicReaction', (d) => closeRound(d)),
    moveInRatification: move(scenario, 'ratification'),
    resolveRatification: rule(scenario, 'ratification', (d) => resolveRatification(d)),
  };
  return { guards, actions };
}

/** The campaign's states, top to bottom as a person would name the phases. */
export const CAMPAIGN_STATES = {
  ministerTalks: ministerTalksPhase,
  summit: summitPhase,
  publicReaction: publicReactionPhase,
  closing: closingPhase,
  ratification: ratificationPhase,
  afterVote: afterVotePhase,
  ended: { type: 'final' },
} as const;

/**
 * The campaign: dated rounds of foreign-minister talks, a leaders' summit
 * and the public's reaction, then ratification of a signed text. Each phase
 * is a state named for it (its own file in this folder); the rules are
 * plain functions in ../rules, called by the named actions, and every
 * player action is an event that a guard lets through only when legal.
 */
export function buildCampaignMachine(scenario: Scenario, states: typeof CAMPAIGN_STATES = CAMPAIGN_STATES) {
  const { guards, actions } = buildParts(scenario);
  return setup({
    types: {
      context: {} as GameState,
      events: {} as MachineEvent,
      input: {} as GameState,
    },
    guards,
    actions: {
      moveInTalks: assign(actions.moveInTalks),
      resolveTalks: assign(actions.resolveTalks),
      moveInSummit: assign(actions.moveInSummit),
      moveInReaction: assign(actions.moveInReaction),
      resolveReaction: assign(actions.resolveReaction),
      closeRound: assign(actions.closeRound),
      moveInRatification: assign(actions.moveInRatification),
      resolveRatification: assign(actions.resolveRatification),
    },
  }).createMachine({
    id: 'campaign',
    context: ({ input }) => input,
    initial: 'ministerTalks',
    states,
  });
}

export type CampaignMachine = ReturnType<typeof buildCampaignMachine>;

const cache = new WeakMap<Scenario, CampaignMachine>();

/** One machine per scenario, built once: building is far dearer than running. */
export function campaignMachine(scenario: Scenario): CampaignMachine {
  let machine = cache.get(scenario);
  if (!machine) {
    machine = buildCampaignMachine(scenario);
    cache.set(scenario, machine);
  }
  return machine;
}
