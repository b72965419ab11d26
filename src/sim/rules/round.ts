import type { Scenario } from '../../scenario/schema';
import { ISSUE_IDS, SIDES, VAR_IDS, type IssueId, type Side, type VarId } from '../../scenario/vocabulary';
import { Draft } from '../draft';
import { Dice, seedStreams } from '../rng';
import type { GameConfig, GameState, SidePriorities } from '../types';
import { proposerOf } from './summit';
import { TUNING } from '../tuning';

const DIFFICULTY_SHIFT = TUNING.round.difficultyBar;

/** The state before anyone has acted: the scenario's world, and each side's private priorities drawn from the seed. */
export function initialState(scenario: Scenario, config: GameConfig, scenarioHash: string, ledgerOn: boolean): GameState {
  const vars = {} as Record<VarId, number>;
  for (const v of VAR_IDS) vars[v] = scenario.variables[v].start;
  const islands = Object.fromEntries(scenario.islands.map((i) => [i.id, i.status])) as GameState['world']['islands'];
  const factions: Record<string, number> = {};
  for (const f of scenario.factions) factions[f.id] = f.backing;
  const rng = seedStreams(config.seed);
  const dice = new Dice(rng);
  const priorities = {} as Record<Side, SidePriorities>;
  for (const side of SIDES) {
    const p = scenario.sides[side].priorities;
    const weights = {} as Record<IssueId, number>;
    for (const issue of ISSUE_IDS) weights[issue] = round3(dice.between('priorities', p.weights[issue][0], p.weights[issue][1]));
    const shift = config.controllers[side] === 'computer' ? DIFFICULTY_SHIFT[config.difficulty] : 0;
    priorities[side] = { weights, reservation: round3(dice.between('priorities', p.reservation[0], p.reservation[1]) + shift) };
  }
  const first = proposerOf({ scenario }, 0);
  return {
    config,
    scenarioHash,
    round: 0,
    world: { vars, islands, factions },
    rng: dice.save(),
    priorities,
    talks: { agenda: {}, reach: 'treatyText' },
    summit: { proposer: first, toMove: first, offers: [], outcome: null, floorPassed: false },
    statements: {},
    worked: {},
    ratification: {},
    agreed: null,
    signed: null,
    signedRound: null,
    rejections: 0,
    emptySummits: 0,
    memory: { japan: [], russia: [] },
    walkOuts: 0,
    firedEvents: [],
    roundEvents: [],
    history: [{ round: 0, vars: { ...vars }, factions: { ...factions }, summit: 'nothing', events: [] }],
    log: ledgerOn ? [{ kind: 'round', round: 0 }] : [],
    ledger: [],
    ledgerOn,
    seq: 0,
    ending: null,
  };
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Closes a round after the public has reacted: records its history row and
 * decides what comes next — an ending, ratification of a signed text, or the
 * next dated round.
 */
export function closeRound(d: Draft): void {
  const s = d.state;
  s.history = [
    ...s.history,
    { round: s.round + 1, vars: { ...s.world.vars }, factions: { ...s.world.factions }, summit: s.summit.outcome ?? 'nothing', events: s.roundEvents },
  ];
  idleTalks(d);
  const out = SIDES.find((side) => s.world.vars[`approval.${side}`] < d.scenario.sides[side].leaderOutBelow);
  if (out) s.ending = { kind: 'leaderOut', side: out };
  else if (s.walkOuts >= TUNING.round.walkOutsToCollapse || (s.world.vars.dialogue > 0 && Math.min(s.world.vars['trust.japan'], s.world.vars['trust.russia']) <= 0)) {
    // Talks that exist can collapse; frozen ones simply stay frozen.
    s.ending = { kind: 'collapse' };
    d.set('dialogue', 0, { kind: 'rule', id: 'collapse' }, 'talks.collapsed');
  }
  else if (s.signed) return; // ratification comes next
  else if (s.round + 1 >= d.scenario.rounds.length) s.ending = { kind: s.agreed ? 'interimAgreement' : 'stalemate' };
  if (s.ending) {
    d.log({ kind: 'ending', round: s.round, ending: s.ending.kind, ...(s.ending.side ? { side: s.ending.side } : {}) });
    return;
  }
  startNextRound(d);
}

/** Two summits in a row with nothing agreed and the leaders stop meeting: the dialogue steps down a level. */
function idleTalks(d: Draft): void {
  const s = d.state;
  if (s.summit.outcome !== 'nothing' || s.world.vars.dialogue <= 0) {
    s.emptySummits = 0;
    return;
  }
  s.emptySummits += 1;
  if (s.emptySummits < TUNING.round.idleSummits) return;
  s.emptySummits = 0;
  d.change('dialogue', [{ label: 'talks.idle', delta: -1 }], { kind: 'rule', id: 'talks.idle' });
}

/** The next dated round: the ministers meet again, a new summit, new statements. */
export function startNextRound(d: Draft): void {
  const s = d.state;
  const next = s.round + 1;
  const proposer = proposerOf(d, next);
  s.round = next;
  s.talks = { agenda: {}, reach: 'treatyText' };
  s.summit = { proposer, toMove: proposer, offers: [], outcome: null, floorPassed: false };
  s.statements = {};
  s.worked = {};
  s.ratification = {};
  s.roundEvents = [];
  d.log({ kind: 'round', round: next });
}
