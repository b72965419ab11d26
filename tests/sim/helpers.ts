// Shared fixtures for the simulation tests: the bundled scenarios, configs,
// a chooser of random legal moves, invariant checks and a few scripted
// human strategies. Not a test file itself.
import { expect } from 'vitest';
import { bundledScenarios } from '../../src/cli/scenarios';
import type { Scenario } from '../../src/scenario/schema';
import {
  ISSUE_IDS,
  ISSUES,
  SEQUENCINGS,
  TONES,
  VAR_IDS,
  type Difficulty,
  type Package,
  type Side,
  type Strategy,
} from '../../src/scenario/vocabulary';
import { GameSession, STATUS_QUO, coherent, enumerateActions, pickPackage, type Action, type Controller, type GameConfig, type SessionOptions } from '../../src/sim/index';

export const SCENARIOS: readonly Scenario[] = bundledScenarios();

export function scenarioById(id: string): Scenario {
  const s = SCENARIOS.find((x) => x.id === id);
  if (!s) throw new Error(`no bundled scenario "${id}"`);
  return s;
}

export type Controllers = Record<Side, Controller>;
export const JAPAN_HUMAN: Controllers = { japan: 'human', russia: 'computer' };
export const RUSSIA_HUMAN: Controllers = { japan: 'computer', russia: 'human' };
export const HOT_SEAT: Controllers = { japan: 'human', russia: 'human' };
export const COMPUTERS: Controllers = { japan: 'computer', russia: 'computer' };

export function config(
  scenario: Scenario,
  seed: string,
  controllers: Controllers,
  difficulty: Difficulty = scenario.defaults.difficulty,
  strategy: Record<Side, Strategy> = { japan: 'grounded', russia: 'grounded' },
): GameConfig {
  return { scenarioId: scenario.id, seed, controllers, difficulty, strategy };
}

export const samePackage = (a: Package, b: Package): boolean => ISSUE_IDS.every((i) => a[i] === b[i]);

/**
 * A legal move for the side to move, chosen by `pick(n)` (an integer in 0..n-1):
 * a type first, then one of that type's actions from `enumerateActions` (offers:
 * one package drawn from legal().options, made coherent there). A counter-offer
 * identical to the last one becomes a stall.
 */
export function chooseLegal(session: GameSession, pick: (n: number) => number): Action {
  const legal = session.legal();
  if (!legal) throw new Error('chooseLegal on an ended game');
  const side = legal.side;
  const type = legal.types[pick(legal.types.length)]!;
  const actions = enumerateActions({ ...legal, types: [type] }, [pickPackage(legal.options, pick)]);
  const action = actions[pick(actions.length)]!;
  const offers = session.state.summit.offers;
  const last = offers[offers.length - 1];
  if (action.type === 'offer' && last && samePackage(last.package, action.package)) return { type: 'stall', side };
  return action;
}

export const PERCENT_VARS = VAR_IDS.filter((v) => /^(approval|support|oppose)\./.test(v));

/** Every number anywhere in `value` (with its path) that is not finite. */
export function nonFinite(value: unknown, path = '$', out: string[] = []): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path}=${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nonFinite(v, `${path}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) nonFinite(v, `${path}.${k}`, out);
  }
  return out;
}

/**
 * What must hold at every step of every game: percentages within 0–100,
 * every number of the state finite, a legal move whenever the game has not
 * ended (and only for a human, as computers move by themselves), and no more
 * rounds than the scenario has. The append-only log and ledger are checked
 * once at the end (`deep`), as they only grow.
 */
export function checkInvariants(session: GameSession, deep = false): void {
  const s = session.state;
  const vars = s.world.vars;
  // Collected first and asserted once: this runs after every move of every property run.
  const problems: string[] = [];
  for (const v of PERCENT_VARS) if (!(vars[v] >= 0 && vars[v] <= 100)) problems.push(`${v}=${vars[v]} outside 0–100`);
  for (const v of VAR_IDS) {
    const spec = session.scenario.variables[v];
    if (!(vars[v] >= spec.min && vars[v] <= spec.max)) problems.push(`${v}=${vars[v]} outside ${spec.min}–${spec.max}`);
  }
  const { log, ledger, ...rest } = s;
  problems.push(...nonFinite(rest));
  if (deep) problems.push(...nonFinite({ log, ledger }));
  if (s.history.length - 1 > session.scenario.rounds.length) problems.push(`${s.history.length - 1} rounds played`);
  if (session.ended) {
    if (session.legal() !== null) problems.push('ended, yet legal() offers moves');
    if (s.ending === null) problems.push('ended without an ending');
  } else {
    const legal = session.legal();
    if (!legal || legal.types.length === 0) problems.push(`no legal move in ${session.phase}`);
    else {
      if (session.config.controllers[legal.side] !== 'human') problems.push(`waiting for the computer (${legal.side})`);
      if (session.pending !== legal.side) problems.push(`pending ${session.pending} but legal() is for ${legal.side}`);
    }
  }
  // expect() only on a problem: vitest's expect costs more than the checks, after every move.
  if (problems.length > 0) expect(problems, `${session.scenario.id} seed ${JSON.stringify(session.config.seed)} after ${session.actions.length} moves`).toEqual([]);
}

/** Plays a session to its end with `choose` for the human sides; throws if a move is refused. */
export function playOut(session: GameSession, choose: (g: GameSession) => Action, each?: (g: GameSession) => void): GameSession {
  each?.(session);
  for (let step = 0; !session.ended; step += 1) {
    if (step > 500) throw new Error('the game did not end within 500 human moves');
    const action = choose(session);
    const result = session.act(action);
    if (!result.ok) throw new Error(`legal-looking move refused: ${JSON.stringify(action)}: ${result.error}`);
    each?.(session);
  }
  return session;
}

// ---- Scripted Japanese strategies (Japan human, Russia computer) ----

export type Policy = (g: GameSession) => Action;

/** The wanted options that may be offered now; the status quo for the rest. */
export function fit(g: GameSession, want: Partial<Package>): Package {
  const options = g.legal()!.options;
  const p = { ...STATUS_QUO } as Record<string, string>;
  for (const issue of ISSUE_IDS) {
    const w = want[issue];
    if (w !== undefined && options[issue].includes(w)) p[issue] = w;
  }
  return coherent(p as Package, options);
}

/** The most of each issue Japan can give Russia: its whole hand at once. */
const EVERYTHING: Partial<Package> = {
  sanctions: 'lift',
  investment: 'major',
  energy: 'pipeline',
  usGuarantee: 'treatyClause',
  humanitarian: 'none',
};

/** Gives every concession in its first offer, yields on sequencing and accepts whatever comes back. */
export const concedeEverything =
  (side: Side = 'japan'): Policy =>
  (g) => {
    const legal = g.legal()!;
    switch (g.phase) {
      case 'ministerTalks':
        return { type: 'agenda', side, sequencing: 'normaliseFirst', prepare: 'investment' };
      case 'summit': {
        if (legal.types.includes('accept')) return { type: 'accept', side };
        return { type: 'offer', side, package: fit(g, EVERYTHING) };
      }
      case 'publicReaction':
        return { type: 'statement', side, tone: 'sell' };
      default:
        return { type: 'ratify', side, approach: 'whip' };
    }
  };

/** Offers that improve for Russia one step at a time, from a first offer that asks for much. */
const LADDER: Partial<Package>[] = [
  { islands: 'two', sovereignty: 'transfer', energy: 'lng', investment: 'modest', humanitarian: 'visaFree' },
  { islands: 'two', sovereignty: 'jointGovernance', usGuarantee: 'verbal', energy: 'lng', investment: 'modest', humanitarian: 'visaFree' },
  { islands: 'two', sovereignty: 'jointGovernance', usGuarantee: 'written', energy: 'pipeline', investment: 'major', humanitarian: 'visaFree' },
  { islands: 'two', sovereignty: 'jointGovernance', usGuarantee: 'written', sanctions: 'ease', energy: 'pipeline', investment: 'major', humanitarian: 'graveVisits' },
];

/** Whether a patient Japan would sign this Russian offer. */
function worthSigning(p: Package): boolean {
  if (p.usGuarantee === 'treatyClause' || p.sanctions === 'lift') return false;
  if (p.islands !== 'none') return ['two', 'three', 'four'].includes(p.islands) && p.sovereignty !== 'jointActivity';
  return p.humanitarian !== 'none' || p.energy !== 'none';
}

/** Whether the other side answered this side's own offer with the same terms and one thing more, one a patient Japan can give. */
function oneThingMore(offers: readonly { side: Side; package: Package }[], side: Side): boolean {
  const last = offers[offers.length - 1];
  const mine = [...offers].reverse().find((o) => o.side === side);
  if (!last || !mine || last.side === side) return false;
  const changed = ISSUE_IDS.filter((i) => last.package[i] !== mine.package[i]);
  return changed.length === 1 && last.package.usGuarantee !== 'treatyClause' && last.package.sanctions !== 'lift';
}

/** Parallel sequencing, modest offers that improve step by step, quiet statements, selling only a real deal. */
export const patient: Policy = (g) => {
  const side: Side = 'japan';
  const legal = g.legal()!;
  const st = g.state;
  switch (g.phase) {
    case 'ministerTalks':
      return { type: 'agenda', side, sequencing: 'parallel', prepare: 'islands' };
    case 'summit': {
      const offers = st.summit.offers;
      const last = offers[offers.length - 1];
      if (last && last.side !== side && (worthSigning(last.package) || oneThingMore(offers, side))) return { type: 'accept', side };
      if (legal.types.includes('offer')) {
        const mine = offers.filter((o) => o.side === side).length;
        const p = fit(g, LADDER[Math.min(LADDER.length - 1, mine + st.round)]!);
        if (!last || !samePackage(last.package, p)) return { type: 'offer', side, package: p };
      }
      return { type: 'stall', side };
    }
    case 'publicReaction': {
      const deal = st.summit.outcome === 'treatyText' || st.summit.outcome === 'interimAgreement';
      return { type: 'statement', side, tone: deal ? 'sell' : 'quiet' };
    }
    default:
      return { type: 'ratify', side, approach: st.world.vars['approval.japan'] > g.scenario.sides.japan.leaderOutBelow + 12 ? 'whip' : 'vote' };
  }
};

/** One action repeated whenever it is possible; otherwise the plainest legal move. */
export const always =
  (what: 'stall' | 'walkOut' | 'leak'): Policy =>
  (g) => {
    const side: Side = 'japan';
    const legal = g.legal()!;
    switch (g.phase) {
      case 'ministerTalks':
        return { type: 'agenda', side, sequencing: 'parallel', prepare: 'islands' };
      case 'summit':
        if (what === 'walkOut' && legal.types.includes('walkOut')) return { type: 'walkOut', side };
        // Walking out needs an offer on the table: table one so that the walk-out becomes possible.
        if (what === 'walkOut' && legal.types.includes('offer') && g.state.summit.offers.length === 0) {
          return { type: 'offer', side, package: fit(g, LADDER[0]!) };
        }
        return { type: 'stall', side };
      case 'publicReaction':
        return { type: 'statement', side, tone: what === 'leak' ? 'leak' : 'quiet' };
      default:
        return { type: 'ratify', side, approach: 'whip' };
    }
  };

export function playJapan(scenario: Scenario, seed: string, policy: Policy, options: SessionOptions = { ledger: false }): GameSession {
  return playOut(GameSession.start(scenario, config(scenario, seed, JAPAN_HUMAN), options), policy);
}

export const seeds = (n: number, from = 1): string[] => Array.from({ length: n }, (_, i) => String(i + from));

export const optionsOf = (issue: keyof typeof ISSUES): readonly string[] => ISSUES[issue];
