// The model-based comparison of the two engines: from every state a walk
// reaches, every event type the machine knows (legal and illegal variants,
// human moves and the counterpart's cue) goes to the XState machine (its pure
// `transition`) and to the table engine (`step`), and the two must agree on
// the state and the state hash. Not a test file itself.
import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import type { Scenario } from '../../src/scenario/schema';
import { SIDES, type Side } from '../../src/scenario/vocabulary';
import { chooser, enumerateActions, legalMoves, pickPackage, stateHash, type Controller, type GameConfig, type MachineEvent, type PhaseName } from '../../src/sim/index';
import { initialSnapshot, step, type CampaignTable, type TableSnapshot } from '../../src/sim/machines/fastCampaign';
import { initialState } from '../../src/sim/rules/round';
import { scenarioHash } from '../../src/sim/scenarioHash';

export interface Divergence {
  step: number;
  state: string;
  event: MachineEvent;
  xstate: { state: string; hash: string };
  table: { state: string; hash: string };
}

export interface WalkReport {
  divergence: Divergence | null;
  /** "state event" pairs tried, states the game rested in, and every state the table engine entered (transient ones too). */
  tried: Set<string>;
  visited: Set<string>;
  entered: Set<string>;
  humanMoves: number;
}


/** The events to try in this state: a few legal moves of each type, the same with the wrong side, every other type, the cue. */
function candidates(scenario: Scenario, value: string, snap: AnyMachineSnapshot, events: readonly string[], pick: (n: number) => number): MachineEvent[] {
  const out: MachineEvent[] = [{ type: 'counterpart' }];
  const legal = legalMoves(scenario, snap.context, value as PhaseName);
  const side: Side = legal?.side ?? 'japan';
  const other: Side = SIDES.find((s) => s !== side)!;
  if (legal) {
    const all = enumerateActions(legal, [pickPackage(legal.options, pick), pickPackage(legal.options, pick)]);
    const byType = new Map<string, MachineEvent[]>();
    for (const a of all) byType.set(a.type, [...(byType.get(a.type) ?? []), a]);
    for (const list of byType.values()) for (let k = 0; k < Math.min(2, list.length); k += 1) out.push(list[pick(list.length)]!);
  }
  const pkg = pickPackage(legal?.options ?? { islands: ['none'], sovereignty: ['jointActivity'], usGuarantee: ['none'], sanctions: ['keep'], energy: ['none'], investment: ['none'], humanitarian: ['none'] }, pick);
  const shapes: Record<string, (s: Side) => MachineEvent> = {
    agenda: (s) => ({ type: 'agenda', side: s, sequencing: 'parallel', prepare: 'energy' }),
    offer: (s) => ({ type: 'offer', side: s, package: pkg }),
    accept: (s) => ({ type: 'accept', side: s }),
    stall: (s) => ({ type: 'stall', side: s }),
    walkOut: (s) => ({ type: 'walkOut', side: s }),
    homeFront: (s) => ({ type: 'homeFront', side: s, faction: scenario.factions.find((f) => f.side === s)?.id ?? 'nobody' }),
    statement: (s) => ({ type: 'statement', side: s, tone: 'tough' }),
    ratify: (s) => ({ type: 'ratify', side: s, approach: 'vote' }),
  };
  for (const type of events) {
    if (type === 'counterpart') continue;
    const shape = shapes[type];
    if (!shape) throw new Error(`the model test does not know how to build the event "${type}": teach candidates()`);
    out.push(shape(side), shape(other));
  }
  return out;
}

const hashOf = (value: string, context: Parameters<typeof stateHash>[1]) => stateHash(value, context);

/**
 * Walks one game: in each state, every candidate event goes to both engines
 * from the same position and the results are compared; then one of them —
 * the human's legal move or the computer's cue, chosen by `seed` — is played.
 */
export function walkBoth(machine: AnyStateMachine, table: CampaignTable, scenario: Scenario, controllers: Record<Side, Controller>, seed: number, maxSteps = 80): WalkReport {
  const config: GameConfig = { scenarioId: scenario.id, seed: `model-${seed}`, controllers, difficulty: scenario.defaults.difficulty, strategy: { japan: 'grounded', russia: 'grounded' } };
  const input = initialState(scenario, config, scenarioHash(scenario), true);
  const pick = chooser(seed * 7919 + 17);
  let [xs] = initialTransition(machine, input);
  let tb: TableSnapshot = initialSnapshot(table, input);
  const report: WalkReport = { divergence: null, tried: new Set(), visited: new Set(), entered: new Set([table.states[table.initial]!.name]), humanMoves: 0 };
  const entered = (i: number) => report.entered.add(table.states[i]!.name);
  const compare = (n: number, from: string, event: MachineEvent, a: AnyMachineSnapshot, b: TableSnapshot): boolean => {
    const av = String(a.value);
    const bv = table.states[b.state]!.name;
    const ah = hashOf(av, a.context);
    const bh = hashOf(bv, b.context);
    if (av === bv && ah === bh) return true;
    report.divergence = { step: n, state: from, event, xstate: { state: av, hash: ah }, table: { state: bv, hash: bh } };
    return false;
  };
  if (!compare(0, '(start)', { type: 'counterpart' }, xs, tb)) return report;
  for (let n = 1; n <= maxSteps && xs.status === 'active'; n += 1) {
    const value = String(xs.value);
    report.visited.add(value);
    const legal = legalMoves(scenario, xs.context, value as PhaseName);
    let chosen: MachineEvent | null = null;
    let locked = false;
    for (const event of candidates(scenario, value, xs, table.events, pick)) {
      report.tried.add(`${value} ${event.type}`);
      const [a] = transition(machine, xs, event);
      const b = step(table, tb, event, entered);
      if (!compare(n, value, event, a, b)) return report;
      // The first event that moves the game and is the pending side's own kind of move is a candidate to play.
      const moved = a.context !== xs.context || a.value !== xs.value;
      const own = legal && (event.type === 'counterpart' ? controllers[legal.side] === 'computer' : controllers[legal.side] === 'human' && 'side' in event && event.side === legal.side);
      // Accepting is favoured, so that walks reach a signed text and its ratification.
      if (moved && own && !locked && (chosen === null || pick(3) === 0)) chosen = event;
      if (moved && own && event.type === 'accept' && pick(4) !== 0) [chosen, locked] = [event, true];
    }
    if (!chosen) break;
    if (chosen.type !== 'counterpart') report.humanMoves += 1;
    [xs] = transition(machine, xs, chosen);
    tb = step(table, tb, chosen, entered);
    if (!compare(n, value, chosen, xs, tb)) return report;
  }
  report.visited.add(String(xs.value));
  return report;
}
