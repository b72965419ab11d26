import { assign, setup } from 'xstate';
import type { Scenario } from '../../scenario/schema';
import { Draft } from '../draft';
import { refusal, type PhaseName } from '../legal';
import { closeRound } from '../rules/round';
import { recordAgenda, resolveTalks } from '../rules/talks';
import { acceptOffer, recordOffer, stallSummit, walkOut } from '../rules/summit';
import { recordStatement, resolveReaction } from '../rules/reaction';
import { recordRatify, resolveRatification } from '../rules/ratification';
import type { Action, GameState } from '../types';
import { ministerTalksPhase } from './ministerTalks';
import { summitPhase } from './summit';
import { closingPhase, publicReactionPhase } from './publicReaction';
import { ratificationPhase } from './ratification';

/** Runs one rule over a working copy of the context and hands back the new context. */
const rule =
  (scenario: Scenario, phase: PhaseName, fn: (d: Draft, event: Action) => void) =>
  ({ context, event }: { context: GameState; event: Action }): GameState => {
    const d = new Draft(scenario, context, phase);
    fn(d, event);
    return d.finish();
  };

/** The same, for a player's own move: the move itself goes into the log first. */
const move =
  (scenario: Scenario, phase: PhaseName, fn: (d: Draft, event: Action) => void) =>
  rule(scenario, phase, (d, event) => {
    d.log({ kind: 'action', round: d.state.round, action: event });
    fn(d, event);
  });

/**
 * The campaign: dated rounds of foreign-minister talks, a leaders' summit
 * and the public's reaction, then ratification of a signed text. Each phase
 * is a state named for it (its own file in this folder); the rules are
 * plain functions in ../rules, called by the named actions below, and every
 * player action is an event that a guard lets through only when legal.
 */
function buildCampaign(scenario: Scenario) {
  const legalIn =
    (phase: PhaseName) =>
    ({ context, event }: { context: GameState; event: Action }) =>
      refusal(scenario, context, phase, event) === null;
  return setup({
    types: {
      context: {} as GameState,
      events: {} as Action,
      input: {} as GameState,
    },
    guards: {
      legalInTalks: legalIn('ministerTalks'),
      legalInSummit: legalIn('summit'),
      legalInReaction: legalIn('publicReaction'),
      legalInRatification: legalIn('ratification'),
      bothAgendasSet: ({ context }) => Boolean(context.talks.agenda.japan && context.talks.agenda.russia),
      summitOver: ({ context }) => context.summit.outcome !== null,
      bothStatementsMade: ({ context }) => Boolean(context.statements.japan && context.statements.russia),
      bothVotesCalled: ({ context }) =>
        context.ratification.japan !== undefined && context.ratification.russia !== undefined,
      hasEnded: ({ context }) => context.ending !== null,
      treatySigned: ({ context }) => context.signed !== null,
    },
    actions: {
      recordAgenda: assign(move(scenario, 'ministerTalks', (d, e) => e.type === 'agenda' && recordAgenda(d, e))),
      resolveTalks: assign(rule(scenario, 'ministerTalks', (d) => resolveTalks(d))),
      recordOffer: assign(move(scenario, 'summit', (d, e) => e.type === 'offer' && recordOffer(d, e))),
      acceptOffer: assign(move(scenario, 'summit', (d, e) => e.type === 'accept' && acceptOffer(d, e))),
      stallSummit: assign(move(scenario, 'summit', (d, e) => e.type === 'stall' && stallSummit(d, e))),
      walkOut: assign(move(scenario, 'summit', (d, e) => e.type === 'walkOut' && walkOut(d, e))),
      recordStatement: assign(move(scenario, 'publicReaction', (d, e) => e.type === 'statement' && recordStatement(d, e))),
      resolveReaction: assign(rule(scenario, 'publicReaction', (d) => resolveReaction(d))),
      closeRound: assign(rule(scenario, 'publicReaction', (d) => closeRound(d))),
      recordRatify: assign(move(scenario, 'ratification', (d, e) => e.type === 'ratify' && recordRatify(d, e))),
      resolveRatification: assign(rule(scenario, 'ratification', (d) => resolveRatification(d))),
    },
  }).createMachine({
    id: 'campaign',
    context: ({ input }) => input,
    initial: 'ministerTalks',
    states: {
      ministerTalks: ministerTalksPhase,
      summit: summitPhase,
      publicReaction: publicReactionPhase,
      closing: closingPhase,
      ratification: ratificationPhase,
      ended: { type: 'final' },
    },
  });
}

export type CampaignMachine = ReturnType<typeof buildCampaign>;

const cache = new WeakMap<Scenario, CampaignMachine>();

/** One machine per scenario, built once: building is far dearer than running. */
export function campaignMachine(scenario: Scenario): CampaignMachine {
  let machine = cache.get(scenario);
  if (!machine) {
    machine = buildCampaign(scenario);
    cache.set(scenario, machine);
  }
  return machine;
}
