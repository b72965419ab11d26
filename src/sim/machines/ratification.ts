/**
 * Ratification: a signed text goes to the Diet and the Duma. Each leader
 * takes it to a free vote, whips it, or puts the vote off a round; the dice
 * decide with odds set by approval, the polls and the hard-liners. A text
 * that passes ends the campaign; a delayed or rejected one sends the
 * talks into the next round (or, rejected in the last, collapses them).
 */
export const ratificationPhase = {
  on: {
    ratify: { guard: 'legalInRatification', actions: 'moveInRatification' },
    counterpart: { guard: 'computerInRatification', actions: 'moveInRatification' },
  },
  always: { guard: 'bothVotesCalled', target: 'afterVote', actions: 'resolveRatification' },
} as const;

/** A transient step after the votes: the campaign ends, or the next round begins. */
export const afterVotePhase = {
  always: [{ guard: 'hasEnded', target: 'ended' }, { target: 'ministerTalks' }],
} as const;
