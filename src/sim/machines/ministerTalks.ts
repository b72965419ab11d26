/**
 * Foreign-minister talks (Kono/Kishida and Lavrov): each side sets its
 * sequencing — "territory first" or "normalise first" or in parallel — and an
 * issue to prepare; together they decide what the summit can reach.
 */
export const ministerTalksPhase = {
  on: {
    agenda: { guard: 'legalInTalks', actions: 'moveInTalks' },
    counterpart: { guard: 'computerInTalks', actions: 'moveInTalks' },
  },
  always: { guard: 'bothAgendasSet', target: 'summit', actions: 'resolveTalks' },
} as const;
