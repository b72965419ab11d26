/**
 * The leaders' summit: offers and counter-offers on a package; the side to
 * move accepts, counters, stalls or walks out. Outcomes run from nothing
 * substantive through a joint statement to an interim agreement or a treaty text.
 */
export const summitPhase = {
  on: {
    offer: { guard: 'legalInSummit', actions: 'moveInSummit' },
    accept: { guard: 'legalInSummit', actions: 'moveInSummit' },
    stall: { guard: 'legalInSummit', actions: 'moveInSummit' },
    walkOut: { guard: 'legalInSummit', actions: 'moveInSummit' },
    counterpart: { guard: 'computerInSummit', actions: 'moveInSummit' },
  },
  always: { guard: 'summitOver', target: 'publicReaction' },
} as const;
