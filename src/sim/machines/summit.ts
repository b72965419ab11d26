/**
 * The leaders' summit: offers and counter-offers on a package; the side to
 * move accepts, counters, stalls or walks out. Outcomes run from nothing
 * substantive through a joint statement to an interim agreement or a treaty text.
 */
export const summitPhase = {
  on: {
    offer: { guard: 'legalInSummit', actions: 'recordOffer' },
    accept: { guard: 'legalInSummit', actions: 'acceptOffer' },
    stall: { guard: 'legalInSummit', actions: 'stallSummit' },
    walkOut: { guard: 'legalInSummit', actions: 'walkOut' },
  },
  always: { guard: 'summitOver', target: 'publicReaction' },
} as const;
