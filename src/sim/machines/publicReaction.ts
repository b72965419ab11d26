/**
 * Public reaction: each leader may first work one faction at home, then
 * chooses what to tell the press; then both
 * publics react at once, the dice roll for polls and events, and the round
 * closes into an ending, ratification of a signed text, or the next round.
 */
export const publicReactionPhase = {
  on: {
    homeFront: { guard: 'legalInReaction', actions: 'moveInReaction' },
    statement: { guard: 'legalInReaction', actions: 'moveInReaction' },
    counterpart: { guard: 'computerInReaction', actions: 'moveInReaction' },
  },
  always: {
    guard: 'bothStatementsMade',
    target: 'closing',
    actions: ['resolveReaction', 'closeRound'],
  },
} as const;

/** A transient step after the round closes: where the campaign goes next. */
export const closingPhase = {
  always: [
    { guard: 'hasEnded', target: 'ended' },
    { guard: 'treatySigned', target: 'ratification' },
    { target: 'ministerTalks' },
  ],
} as const;
