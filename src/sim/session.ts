import { createActor } from 'xstate';
import type { Scenario } from '../scenario/schema';
import type { Side } from '../scenario/vocabulary';
import { campaignMachine } from './machines/campaign';
import { compileCampaign, FastCampaign } from './machines/fastCampaign';
import { legalMoves, offerProblem, pendingSide, refusal, type LegalMoves, type PhaseName } from './legal';
import type { PackageProblem } from './packages';
import type { Package } from '../scenario/vocabulary';
import { initialState } from './rules/round';
import { scenarioHash } from './scenarioHash';
import { stateHash } from './hash';
import type { Action, GameConfig, GameState } from './types';
import { actionSchema } from './actionSchema';
import { fromZod } from '../scenario/problems';

export type ActResult = { ok: true } | { ok: false; error: string };

export interface SessionOptions {
  /** Record the causal ledger and narration (on by default; batch runs switch it off). */
  ledger?: boolean;
  /** Hash the state each time a round closes, for replays (on by default; batch runs switch it off). */
  roundHashes?: boolean;
  /**
   * 'xstate' (the default) runs the campaign machine in an XState actor;
   * 'table' runs the same state table directly, several times faster, for
   * batch runs. Both give the same game, hash for hash.
   */
  engine?: 'xstate' | 'table';
}

/**
 * What the screens read of a game and how they move it: a local GameSession, or a
 * networked match's view of one side (src/ui/net), whose moves go to the server.
 */
export interface PlaySession {
  readonly scenario: Scenario;
  readonly config: GameConfig;
  readonly state: GameState;
  readonly phase: PhaseName;
  readonly pending: Side | null;
  readonly ended: boolean;
  readonly actions: readonly Action[];
  hash(): string;
  legal(): LegalMoves | null;
  offerProblem(pkg: Package): PackageProblem | { reason: 'unchanged' } | null;
  act(action: Action): ActResult;
}

/** What the session needs of whatever runs the campaign. */
interface Engine {
  readonly value: string;
  readonly context: GameState;
  send(event: Action | { type: 'counterpart' }): void;
}

function xstateEngine(scenario: Scenario, input: GameState): Engine {
  const actor = createActor(campaignMachine(scenario), { input });
  actor.start();
  return {
    get value() {
      return actor.getSnapshot().value as string;
    },
    get context() {
      return actor.getSnapshot().context;
    },
    send: (event) => actor.send(event),
  };
}

/**
 * A game in progress: the campaign actor, the human actions so far, and the
 * counterpart playing whichever side no human plays. The UI and the CLI use
 * this and nothing deeper; everything they show is read from `state`.
 */
export class GameSession implements PlaySession {
  private readonly engine: Engine;
  private readonly listeners = new Set<(s: GameSession) => void>();
  private readonly humanActions: Action[] = [];
  private lastRound = 0;
  /** The state hash after each closed round: what a replay checks a re-simulation against. */
  readonly roundHashes: { round: number; hash: string }[] = [];

  private constructor(
    readonly scenario: Scenario,
    readonly config: GameConfig,
    private readonly options: SessionOptions,
  ) {
    const start = initialState(scenario, config, scenarioHash(scenario), options.ledger ?? true);
    this.engine = options.engine === 'table' ? new FastCampaign(compileCampaign(campaignMachine(scenario)), start) : xstateEngine(scenario, start);
  }

  static start(scenario: Scenario, config: GameConfig, options: SessionOptions = {}): GameSession {
    const session = new GameSession(scenario, config, options);
    session.playComputers();
    return session;
  }

  get state(): GameState {
    return this.engine.context;
  }

  get phase(): PhaseName {
    return this.engine.value as PhaseName;
  }

  get pending(): Side | null {
    return pendingSide(this.state, this.phase);
  }

  get ended(): boolean {
    return this.phase === 'ended';
  }

  /** The human actions so far: with the scenario, seed and config, all a replay needs. */
  get actions(): readonly Action[] {
    return this.humanActions;
  }

  hash(): string {
    return stateHash(this.phase, this.state);
  }

  legal(): LegalMoves | null {
    return legalMoves(this.scenario, this.state, this.phase);
  }

  /** Why offering this package now would be refused, as data (null: it may be offered). */
  offerProblem(pkg: Package): PackageProblem | { reason: 'unchanged' } | null {
    return offerProblem(this.scenario, this.state, pkg);
  }

  /** Why this action would be refused now, or null. */
  refusal(action: Action): string | null {
    return refusal(this.scenario, this.state, this.phase, action);
  }

  /** A human's move. Refused moves change nothing; after a legal one the computer sides move. */
  act(action: Action): ActResult {
    const side = this.pending;
    if (side && this.config.controllers[side] === 'computer') {
      return { ok: false, error: `${side} is played by the computer` };
    }
    const shaped = actionSchema.safeParse(action, { reportInput: true });
    if (!shaped.success) {
      const p = fromZod(shaped.error, 'action')[0];
      return { ok: false, error: `not a well-formed action: ${p?.path ? `${p.path}: ` : ''}${p?.message ?? 'unknown shape'}` };
    }
    const clean: Action = shaped.data;
    const why = this.refusal(clean);
    if (why) return { ok: false, error: why };
    this.humanActions.push(clean);
    this.send(clean);
    this.playComputers();
    this.notify();
    return { ok: true };
  }

  subscribe(listener: (s: GameSession) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private send(action: Action | { type: 'counterpart' }): void {
    this.engine.send(action);
    const round = this.state.history.length - 1;
    if (round > this.lastRound) {
      this.lastRound = round;
      if (this.options.roundHashes ?? true) this.roundHashes.push({ round, hash: this.hash() });
    }
  }

  private playComputers(): void {
    for (let guard = 0; guard < 500; guard += 1) {
      const side = this.pending;
      if (!side || this.config.controllers[side] !== 'computer') return;
      this.send({ type: 'counterpart' });
    }
    throw new Error('bug: the counterpart did not finish its turn');
  }

  private notify(): void {
    for (const listener of this.listeners) listener(this);
  }
}
