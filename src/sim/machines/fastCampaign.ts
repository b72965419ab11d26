import type { AnyStateMachine, AnyStateNode } from 'xstate';
import type { GameState, MachineEvent } from '../types';

/** What a guard or an assignment is handed: the context and the event being processed. */
type Args = { context: GameState; event: MachineEvent };
type Guard = (args: Args) => boolean;
type Assignment = (args: Args) => GameState;

interface Transition {
  readonly guard: Guard | null;
  readonly assignments: readonly Assignment[];
  /** Index of the target state in `CampaignTable.states`, or -1 for a targetless transition. */
  readonly target: number;
}

interface TableState {
  readonly name: string;
  readonly final: boolean;
  /** Candidate transitions per event type, in document order: the first whose guard passes is taken. */
  readonly on: ReadonlyMap<string, readonly Transition[]>;
  readonly always: readonly Transition[];
}

/** The campaign machine compiled to plain arrays: what the table engine runs. */
export interface CampaignTable {
  readonly states: readonly TableState[];
  readonly initial: number;
  readonly makeContext: (input: GameState) => GameState;
  /** Every event type some state accepts, sorted (what a model-based test walks). */
  readonly events: readonly string[];
}

const compiled = new WeakMap<AnyStateMachine, CampaignTable>();

/**
 * Compiles an XState machine into the table the fast engine runs, reading
 * XState's own normalised state nodes (so `on: { x: [...] }`, a string
 * target or a single transition object all read the same, as in XState).
 * The fast engine understands only flat states with guarded event and
 * eventless transitions whose actions are `assign(fn)`; anything else the
 * machine uses — entry or exit actions, nested, parallel or history states,
 * invoked or delayed actors, guard objects, wildcard events, actions that are
 * not assignments — throws here, at start-up, rather than playing a different game.
 */
export function compileCampaign(machine: AnyStateMachine): CampaignTable {
  let table = compiled.get(machine);
  if (!table) {
    table = compile(machine);
    compiled.set(machine, table);
  }
  return table;
}

function unsupported(where: string, what: string): never {
  throw new Error(`the table engine does not support ${what} (${where}): run this machine with engine 'xstate', or teach fastCampaign.ts`);
}

function compile(machine: AnyStateMachine): CampaignTable {
  const root = machine.root as AnyStateNode;
  const impl = machine.implementations as { guards: Record<string, unknown>; actions: Record<string, unknown> };
  checkNode(root, 'the root', true);
  if (root.type !== 'compound') unsupported('the root', `a root of type ${root.type}`);
  const children = Object.values(root.states) as AnyStateNode[];
  const index = new Map<AnyStateNode, number>(children.map((node, i) => [node, i]));

  const guardOf = (g: unknown, where: string): Guard | null => {
    if (g === undefined) return null;
    if (typeof g !== 'string') unsupported(where, 'a guard that is not a named guard');
    const fn = impl.guards[g];
    if (typeof fn !== 'function') unsupported(where, `the unknown guard "${g}"`);
    return fn as Guard;
  };
  const assignmentOf = (a: unknown, where: string): Assignment => {
    if (typeof a !== 'string') unsupported(where, 'an action that is not a named action');
    const fn = impl.actions[a] as { type?: unknown; assignment?: unknown } | undefined;
    if (!fn) unsupported(where, `the unknown action "${a}"`);
    if (fn.type !== 'xstate.assign' || typeof fn.assignment !== 'function') unsupported(where, `the action "${a}", which is not assign(fn)`);
    return fn.assignment as Assignment;
  };
  const transitionOf = (t: AnyStateNode['always'] extends (infer T)[] | undefined ? T : never, where: string): Transition => {
    const targets = t.target ?? [];
    if (targets.length > 1) unsupported(where, 'a transition to several targets');
    const target = targets.length === 1 ? index.get(targets[0]!) : -1;
    if (target === undefined) unsupported(where, `a target outside the top level (${targets[0]!.id})`);
    return { guard: guardOf(t.guard, where), assignments: t.actions.map((a) => assignmentOf(a, where)), target };
  };

  const events = new Set<string>();
  const states = children.map((node): TableState => {
    const where = `state "${node.key}"`;
    checkNode(node, where, false);
    if (node.type !== 'atomic' && node.type !== 'final') unsupported(where, `a ${node.type} state`);
    const on = new Map<string, Transition[]>();
    for (const [type, list] of node.transitions) {
      if (type.includes('*') || type.startsWith('xstate.')) unsupported(where, `the event descriptor "${type}"`);
      events.add(type);
      on.set(
        type,
        list.map((t) => transitionOf(t, `${where}, on ${type}`)),
      );
    }
    const always = (node.always ?? []).map((t) => transitionOf(t, `${where}, always`));
    return { name: node.key, final: node.type === 'final', on, always };
  });

  const initialTargets = root.initial.target;
  if (initialTargets.length !== 1 || root.initial.actions.length > 0) unsupported('the root', 'an initial transition other than one plain target');
  const initial = index.get(initialTargets[0]!);
  if (initial === undefined) unsupported('the root', 'an initial state below the top level');

  const context = machine.config.context;
  if (typeof context !== 'function') unsupported('the root', 'a context that is not a function of the input');
  const makeContext = (input: GameState) => (context as (a: { input: GameState }) => GameState)({ input });

  return { states, initial, makeContext, events: [...events].sort() };
}

/** Everything on a state node that would run code or change the flow beyond guarded transitions. */
function checkNode(node: AnyStateNode, where: string, isRoot: boolean): void {
  if (node.entry.length > 0) unsupported(where, 'entry actions');
  if (node.exit.length > 0) unsupported(where, 'exit actions');
  if (node.invoke.length > 0) unsupported(where, 'invoked actors');
  if (node.after.length > 0) unsupported(where, 'delayed transitions');
  if (node.history) unsupported(where, 'history states');
  if (isRoot) {
    if (node.transitions.size > 0) unsupported(where, 'transitions on the root');
    if (node.always) unsupported(where, 'eventless transitions on the root');
  } else if (Object.keys(node.states).length > 0) unsupported(where, 'nested states');
  if ((node.config as { onDone?: unknown }).onDone !== undefined) unsupported(where, 'onDone');
}

/** The engine's position: which state, and the context. */
export interface TableSnapshot {
  readonly state: number;
  readonly context: GameState;
}

/**
 * Runs a compiled campaign without an actor, for batch runs of thousands of
 * games: the same states, guards and assignment functions as the XState
 * machine, processed in XState's order (the event's first enabled
 * candidate, then eventless transitions until none is enabled — also after
 * an event nothing handled). `tests/engine/model.test.ts` walks every
 * state and event of the machine in both engines and compares them.
 */
export class FastCampaign {
  private state: number;
  context: GameState;

  constructor(
    private readonly table: CampaignTable,
    input: GameState,
  ) {
    const start = initialSnapshot(table, input);
    this.state = start.state;
    this.context = start.context;
  }

  get value(): string {
    return this.table.states[this.state]!.name;
  }

  send(event: MachineEvent): void {
    const next = step(this.table, { state: this.state, context: this.context }, event);
    this.state = next.state;
    this.context = next.context;
  }
}

/** The snapshot after start: the initial state, then its eventless transitions (XState's `xstate.init` macrostep). */
export function initialSnapshot(table: CampaignTable, input: GameState): TableSnapshot {
  const init = { type: 'xstate.init', input } as unknown as MachineEvent;
  return settle(table, { state: table.initial, context: table.makeContext(input) }, init);
}

/**
 * One macrostep: the event's transition, if any is enabled, then the eventless ones.
 * `entered` (for tests) hears every state a transition targets, transient ones included.
 */
export function step(table: CampaignTable, at: TableSnapshot, event: MachineEvent, entered?: (state: number) => void): TableSnapshot {
  const node = table.states[at.state]!;
  if (node.final) return at; // a finished machine takes no more events
  const candidates = node.on.get(event.type);
  const t = candidates ? enabled(candidates, at.context, event) : null;
  if (t && entered && t.target >= 0) entered(t.target);
  return settle(table, t ? take(t, at, event) : at, event, entered);
}

function enabled(list: readonly Transition[], context: GameState, event: MachineEvent): Transition | null {
  for (const t of list) if (t.guard === null || t.guard({ context, event })) return t;
  return null;
}

function take(t: Transition, at: TableSnapshot, event: MachineEvent): TableSnapshot {
  let context = at.context;
  // XState's assign merges what the assignment returns into a copy of the context. The
  // campaign's assignments return the whole next context (Draft.finish), so the merge would
  // only copy it again; one that returned part of it would lose keys here, and the model
  // test (tests/engine/model.test.ts) would see the hashes differ.
  for (const assign of t.assignments) context = assign({ context, event });
  return { state: t.target >= 0 ? t.target : at.state, context };
}

function settle(table: CampaignTable, at: TableSnapshot, event: MachineEvent, entered?: (state: number) => void): TableSnapshot {
  let now = at;
  for (let n = 0; n < 1000; n += 1) {
    const node = table.states[now.state]!;
    if (node.final) return now;
    const t = node.always.length > 0 ? enabled(node.always, now.context, event) : null;
    if (!t) return now;
    if (entered && t.target >= 0) entered(t.target);
    now = take(t, now, event);
  }
  throw new Error('bug: eventless transitions loop');
}
