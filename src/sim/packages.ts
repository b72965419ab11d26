import type { Scenario } from '../scenario/schema';
import {
  ISLANDS_IN_OPTION,
  ISSUE_IDS,
  ISSUES,
  type IslandId,
  type IslandStatus,
  type IssueId,
  type Package,
} from '../scenario/vocabulary';
import type { GameState, SummitOutcome } from './types';

export const STATUS_QUO: Package = {
  islands: 'none',
  sovereignty: 'jointActivity',
  usGuarantee: 'none',
  sanctions: 'keep',
  energy: 'none',
  investment: 'none',
  humanitarian: 'none',
};

const INDEX: Record<IssueId, Record<string, number>> = Object.fromEntries(
  ISSUE_IDS.map((issue) => [issue, Object.fromEntries(ISSUES[issue].map((o, k) => [o, k]))]),
) as Record<IssueId, Record<string, number>>;

/** The rank of an option within its issue, or -1 for an unknown one. */
export const optionIndex = (issue: IssueId, option: string): number => INDEX[issue][option] ?? -1;

const AVAILABLE = new WeakMap<Scenario, Record<IssueId, ReadonlySet<string>>>();

/** The options each issue's table in the scenario marks available, computed once per scenario. */
function availableIn(scenario: Scenario): Record<IssueId, ReadonlySet<string>> {
  let table = AVAILABLE.get(scenario);
  if (!table) {
    table = {} as Record<IssueId, ReadonlySet<string>>;
    for (const t of scenario.issues) table[t.id] = new Set(t.options.filter((o) => o.available).map((o) => o.id));
    AVAILABLE.set(scenario, table);
  }
  return table;
}

/**
 * A treaty text changes sovereignty over islands (lease, joint governance or
 * transfer). Joint economic activity on them under Russian sovereignty is an
 * interim step, as agreed in 2016, and needs no ratification.
 */
export const isTreaty = (pkg: Package): boolean => pkg.islands !== 'none' && pkg.sovereignty !== 'jointActivity';

/** What a package amounts to if both sides sign it. */
export function classify(pkg: Package): SummitOutcome {
  if (isTreaty(pkg)) return 'treatyText';
  return ISSUE_IDS.some((i) => pkg[i] !== STATUS_QUO[i]) ? 'interimAgreement' : 'jointStatement';
}

export const SOVEREIGNTY_TO_STATUS: Record<Package['sovereignty'], IslandStatus> = {
  jointActivity: 'jointActivity',
  lease: 'leased',
  jointGovernance: 'jointGovernance',
  transfer: 'returned',
};

export const islandsOf = (pkg: Package): readonly IslandId[] => ISLANDS_IN_OPTION[pkg.islands];

/** Share of the disputed land a package covers, from the scenario's own areas. */
export function landShare(scenario: Scenario, pkg: Package): number {
  const total = scenario.islands.reduce((sum, i) => sum + i.areaKm2, 0);
  const covered = scenario.islands
    .filter((i) => islandsOf(pkg).includes(i.id))
    .reduce((sum, i) => sum + i.areaKm2, 0);
  return total === 0 ? 0 : covered / total;
}

/**
 * Why an option cannot be put on the table now, or null when it can. The
 * world decides: a frozen dialogue leaves only humanitarian access to talk
 * about; ministers-only talks and a clash over sequencing keep a change of
 * sovereignty off the table (joint economic activity stays possible); a
 * pipeline is "unimaginable without a peace treaty"; a treaty clause on US
 * forces needs Washington's confidence (the scenario's `clauseNeeds`).
 */
/** Why an option or a package cannot go on the table now: a code the UI's catalogue words. */
export const BLOCK_REASONS = [
  'unknown',
  'unavailable',
  'dialogueFrozen',
  'ministersOnly',
  'textPending',
  'sequencingClash',
  'tooEarly',
  'noIslands',
  'pipelineNeedsTreaty',
  'guaranteeNeedsTreaty',
  'allianceBars',
] as const;
export type BlockReason = (typeof BLOCK_REASONS)[number];

/** What stops a package: the issue and the reason. */
export interface PackageProblem {
  issue: IssueId;
  reason: BlockReason;
}

/** A package as option ranks in ISSUE_IDS order: what the valuation and the factions compare. */
export const toVec = (pkg: Package): number[] => ISSUE_IDS.map((i) => optionIndex(i, pkg[i]));

export function optionBlock(
  scenario: Scenario,
  state: GameState,
  issue: IssueId,
  option: string,
): BlockReason | null {
  if (optionIndex(issue, option) < 0) return 'unknown';
  if (option === STATUS_QUO[issue]) return null;
  if (!availableIn(scenario)[issue].has(option)) return 'unavailable';
  const dialogue = state.world.vars.dialogue;
  if (dialogue <= 0 && issue !== 'humanitarian') return 'dialogueFrozen';
  // Joint economic activity on the islands is an interim step that normalising
  // relations allows; changing sovereignty needs summits and a sequencing both
  // sides accept.
  if (issue === 'sovereignty') {
    if (dialogue < 2) return 'ministersOnly';
    if (state.signed) return 'textPending';
    const { japan, russia } = state.talks.agenda;
    if (japan?.sequencing === 'territoryFirst' && russia?.sequencing === 'normaliseFirst') return 'sequencingClash';
    if (scenario.rounds[state.round]?.treatyTexts === false) return 'tooEarly';
    if (state.talks.reach !== 'treatyText') return 'sequencingClash';
  }
  // Under its commitments to the United States, Tokyo can write a clause on US forces into a treaty only with Washington's confidence.
  if (issue === 'usGuarantee' && option === 'treatyClause' && state.world.vars.alliance < scenario.actors.us.clauseNeeds) return 'allianceBars';
  return null;
}

/** Why a whole package cannot be offered, or null. */
export function packageBlock(scenario: Scenario, state: GameState, pkg: Package): PackageProblem | null {
  for (const issue of ISSUE_IDS) {
    const reason = optionBlock(scenario, state, issue, pkg[issue]);
    if (reason) return { issue, reason };
  }
  if (pkg.islands === 'none' && pkg.sovereignty !== 'jointActivity') return { issue: 'sovereignty', reason: 'noIslands' };
  if (pkg.energy === 'pipeline' && !isTreaty(pkg)) return { issue: 'energy', reason: 'pipelineNeedsTreaty' };
  // The guarantee is about US forces on islands that change hands: without a treaty text there are none.
  if (pkg.usGuarantee !== 'none' && !isTreaty(pkg)) return { issue: 'usGuarantee', reason: 'guaranteeNeedsTreaty' };
  return null;
}

/**
 * For each issue, the options the scenario offers that cannot be put on
 * the table now, with the reason (a message key suffix): the player sees
 * them marked before picking one.
 */
export function blockedOptions(scenario: Scenario, state: GameState): Record<IssueId, Record<string, BlockReason>> {
  const out = {} as Record<IssueId, Record<string, BlockReason>>;
  for (const issue of ISSUE_IDS) {
    const row: Record<string, BlockReason> = {};
    for (const o of ISSUES[issue] as readonly string[]) {
      if (!availableIn(scenario)[issue].has(o) && o !== STATUS_QUO[issue]) continue;
      const why = optionBlock(scenario, state, issue, o);
      if (why) row[o] = why;
    }
    out[issue] = row;
  }
  return out;
}

/**
 * The package made whole by its structural rules, for anything that builds
 * packages term by term: sovereignty only with islands; a pipeline and a
 * guarantee on US forces only in a treaty text (the next option down, or
 * none, when the treaty is not there).
 */
export function coherent(pkg: Package, options: Record<IssueId, readonly string[]>): Package {
  const p = { ...pkg };
  if (p.islands === 'none') p.sovereignty = 'jointActivity';
  if (!isTreaty(p)) {
    if (p.energy === 'pipeline') p.energy = options.energy.includes('lng') ? 'lng' : 'none';
    p.usGuarantee = 'none';
  }
  return p;
}

/** The options of each issue a side may put on the table now. */
export function availableOptions(scenario: Scenario, state: GameState): Record<IssueId, string[]> {
  const out = {} as Record<IssueId, string[]>;
  for (const issue of ISSUE_IDS) {
    out[issue] = (ISSUES[issue] as readonly string[]).filter(
      (o) => optionBlock(scenario, state, issue, o) === null,
    );
  }
  return out;
}

/** Both sides' interim terms merged: for each issue the further-reaching option stands. */
export function mergeTerms(a: Package | null, b: Package): Package {
  if (!a) return b;
  const out = { ...a };
  for (const issue of ISSUE_IDS) {
    if (optionIndex(issue, b[issue]) > optionIndex(issue, a[issue])) {
      (out as Record<IssueId, string>)[issue] = b[issue];
    }
  }
  return out;
}

export const samePackage = (a: Package, b: Package): boolean => ISSUE_IDS.every((i) => a[i] === b[i]);
