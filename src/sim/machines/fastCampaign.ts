import type { GameState, MachineEvent } from '../types';
import { CAMPAIGN_STATES, type CampaignParts } from './campaign';

type Transition = { guard?: string; target?: string; actions?: string | readonly string[] };
type StateNode = { on?: Record<string, Transition>; always?: Transition | readonly Transition[]; type?: string };

const STATES = CAMPAIGN_STATES as unknown as Record<string, StateNode>;

/**
 * Runs the campaign's own state table — the same states, guards and named
 * actions as the XState machine — without an actor, for batch runs of
 * thousands of computer games. It understands only what that table uses:
 * guarded event transitions and guarded eventless ("always") transitions
 * between flat states. A test holds its games hash-for-hash equal to the
 * machine's.
 */
export class FastCampaign {
  value = 'ministerTalks';

  constructor(
    private readonly parts: CampaignParts,
    public context: GameState,
  ) {
    this.settle({ type: 'counterpart' });
  }

  send(event: MachineEvent): void {
    const transition = STATES[this.value]?.on?.[event.type];
    if (!transition || !this.passes(transition, event)) return;
    this.take(transition, event);
    this.settle(event);
  }

  private passes(t: Transition, event: MachineEvent): boolean {
    if (!t.guard) return true;
    const guard = (this.parts.guards as Record<string, (a: { context: GameState; event: MachineEvent }) => boolean>)[t.guard];
    if (!guard) throw new Error(`bug: unknown guard ${t.guard}`);
    return guard({ context: this.context, event });
  }

  private take(t: Transition, event: MachineEvent): void {
    const names = t.actions === undefined ? [] : typeof t.actions === 'string' ? [t.actions] : t.actions;
    for (const name of names) {
      const action = (this.parts.actions as Record<string, (a: { context: GameState; event: MachineEvent }) => GameState>)[name];
      if (!action) throw new Error(`bug: unknown action ${name}`);
      this.context = action({ context: this.context, event });
    }
    if (t.target) this.value = t.target;
  }

  /** Follows eventless transitions until none applies, as XState does after each event. */
  private settle(event: MachineEvent): void {
    for (let guard = 0; guard < 100; guard += 1) {
      const always = STATES[this.value]?.always;
      if (!always) return;
      const list = Array.isArray(always) ? always : [always as Transition];
      const t = list.find((x) => this.passes(x, event));
      if (!t) return;
      this.take(t, event);
    }
    throw new Error('bug: eventless transitions loop');
  }
}
