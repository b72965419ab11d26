/**
 * Ratification: a signed text goes to the Diet and the Duma. Each leader
 * submits it, whipping the vote or not; the dice decide with odds set by
 * approval, the polls and the hard-liners.
 */
export const ratificationPhase = {
  on: {
    ratify: { guard: 'legalInRatification', actions: 'moveInRatification' },
    counterpart: { guard: 'computerInRatification', actions: 'moveInRatification' },
  },
  always: { guard: 'bothVotesCalled', target: 'ended', actions: 'resolveRatification' },
} as const;
