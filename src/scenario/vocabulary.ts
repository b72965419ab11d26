// The fixed vocabulary the rules understand. Scenarios give these words
// start values, labels, sources and bounds; they cannot invent new ones,
// because each has a rule behind it.

export const SIDES = ['japan', 'russia'] as const;
export type Side = (typeof SIDES)[number];
export const otherSide = (side: Side): Side => (side === 'japan' ? 'russia' : 'japan');

/** Every numeric variable of the world, in the fixed order used for hashing and display. */
export const VAR_IDS = [
  'approval.japan',
  'approval.russia',
  'support.japan',
  'oppose.japan',
  'support.russia',
  'oppose.russia',
  'rapport',
  'hardliners.japan',
  'hardliners.russia',
  'trust.japan',
  'trust.russia',
  'sanctions',
  'usGuarantee',
  'energy',
  'investment',
  'exchanges',
  'dialogue',
  'alliance',
  'china',
] as const;
export type VarId = (typeof VAR_IDS)[number];

export const ISLAND_IDS = ['iturup', 'kunashir', 'shikotan', 'habomai'] as const;
export type IslandId = (typeof ISLAND_IDS)[number];

/** Ordered from "nothing changed" to "fully Japanese". */
export const ISLAND_STATUSES = [
  'russian',
  'jointActivity',
  'leased',
  'jointGovernance',
  'returned',
] as const;
export type IslandStatus = (typeof ISLAND_STATUSES)[number];

/** The negotiable issues and their options, each ordered from least to most given by the side that concedes it. */
export const ISSUES = {
  islands: ['none', 'habomai', 'two', 'three', 'four'],
  sovereignty: ['jointActivity', 'lease', 'jointGovernance', 'transfer'],
  usGuarantee: ['none', 'verbal', 'written', 'treatyClause'],
  sanctions: ['keep', 'ease', 'lift'],
  energy: ['none', 'lng', 'pipeline'],
  investment: ['none', 'modest', 'major'],
  humanitarian: ['none', 'graveVisits', 'visaFree'],
} as const;
export type IssueId = keyof typeof ISSUES;
export const ISSUE_IDS = Object.keys(ISSUES) as IssueId[];
export type OptionOf<I extends IssueId> = (typeof ISSUES)[I][number];
export type Package = { [I in IssueId]: OptionOf<I> };

/** Which islands each "islands" option covers, smallest first (the 1956 pair first). */
export const ISLANDS_IN_OPTION: Record<OptionOf<'islands'>, readonly IslandId[]> = {
  none: [],
  habomai: ['habomai'],
  two: ['habomai', 'shikotan'],
  three: ['habomai', 'shikotan', 'kunashir'],
  four: ['habomai', 'shikotan', 'kunashir', 'iturup'],
};

export const SEQUENCINGS = ['territoryFirst', 'parallel', 'normaliseFirst'] as const;
export type Sequencing = (typeof SEQUENCINGS)[number];

export const TONES = ['quiet', 'sell', 'tough', 'leak'] as const;

/**
 * How a leader takes a signed text to parliament: a free vote; whipped
 * (political capital spent for votes); or the vote put off to the next
 * round, to work the home front first (only while rounds remain).
 */
export const APPROACHES = ['vote', 'whip', 'delay'] as const;
export type Approach = (typeof APPROACHES)[number];
export type Tone = (typeof TONES)[number];

export const ENDINGS = [
  'treatyRatified',
  'interimAgreement',
  'stalemate',
  'collapse',
  'leaderOut',
] as const;
export type Ending = (typeof ENDINGS)[number];

export const PHASES = ['ministerTalks', 'summit', 'publicReaction', 'ratification'] as const;
export type Phase = (typeof PHASES)[number];

export const SPEAKERS = ['japan.leader', 'japan.minister', 'russia.leader', 'russia.minister'] as const;
export type Speaker = (typeof SPEAKERS)[number];

/** Moments at which a leader or minister speaks a line at the table. */
export const LINE_MOMENTS = [
  'opening',
  'agenda.territoryFirst',
  'agenda.parallel',
  'agenda.normaliseFirst',
  'offer',
  'accept',
  'counter',
  'stall',
  'walkOut',
  'grievance.leak',
  'grievance.tough',
  'grievance.walkOut',
  'goodwill',
  'ratify',
] as const;
export type LineMoment = (typeof LINE_MOMENTS)[number];

export const DIFFICULTIES = ['easy', 'normal', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const STRATEGIES = ['grounded', 'hawk', 'dove'] as const;
export type Strategy = (typeof STRATEGIES)[number];
