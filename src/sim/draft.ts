import type { Scenario } from '../scenario/schema';
import type { VarId } from '../scenario/vocabulary';
import { Dice } from './rng';
import type { Cause, Draw, Factor, GameState, LedgerVar, LogEntry, Memory } from './types';
import type { Side } from '../scenario/vocabulary';

/** A value moved by the sum of its factors, clamped to [lo, hi] and stored to two decimals. */
function moved(before: number, factors: Factor[], lo: number, hi: number): number {
  let total = 0;
  for (const f of factors) total += f.delta;
  return round2(Math.min(hi, Math.max(lo, before + total)));
}

/** Values are stored to two decimals so that every engine agrees on them and on the hash. */
export const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * A working copy of the game state for one transition. Rules change the
 * draft; `finish()` returns the new state. Every change of a variable goes
 * through `change`, which clamps it to the scenario's range and, when the
 * ledger is on, records its causes and dice.
 */
export class Draft {
  readonly state: GameState;
  readonly dice: Dice;
  /** Whether `state.world.vars` is this draft's own copy yet (most transitions change no variable). */
  private ownVars = false;

  constructor(
    readonly scenario: Scenario,
    previous: GameState,
    readonly phase: string,
  ) {
    const p = previous;
    // Every field written out, not spread: a draft is made per transition, and a literal of
    // known shape is several times cheaper to build than a spread with overrides.
    this.state = {
      config: p.config,
      scenarioHash: p.scenarioHash,
      round: p.round,
      // Every part of the world is copied on write: the variables by `change`, factions by `changeFaction`
      // (an unchanged record is shared, as the valuation's cache wants), islands by the rules that move them.
      world: { vars: p.world.vars, islands: p.world.islands, factions: p.world.factions },
      rng: p.rng,
      priorities: p.priorities,
      talks: p.talks,
      summit: p.summit,
      statements: p.statements,
      worked: p.worked,
      ratification: p.ratification,
      agreed: p.agreed,
      signed: p.signed,
      signedRound: p.signedRound,
      rejections: p.rejections,
      emptySummits: p.emptySummits,
      memory: p.memory,
      walkOuts: p.walkOuts,
      firedEvents: p.firedEvents,
      roundEvents: p.roundEvents,
      history: p.history,
      log: p.ledgerOn ? p.log.slice() : p.log,
      ledger: p.ledgerOn ? p.ledger.slice() : p.ledger,
      ledgerOn: p.ledgerOn,
      seq: p.seq,
      ending: p.ending,
    };
    this.dice = new Dice(previous.rng);
  }

  get(v: VarId): number {
    return this.state.world.vars[v];
  }

  /**
   * Moves a variable by the sum of its factors. Returns the change actually
   * made after clamping.
   */
  change(v: VarId, factors: Factor[], cause: Cause, draws: Draw[] = []): number {
    const spec = this.scenario.variables[v];
    const before = this.state.world.vars[v];
    const after = moved(before, factors, spec.min, spec.max);
    if (after === before && draws.length === 0) return 0;
    if (!this.ownVars) {
      this.state.world.vars = { ...this.state.world.vars };
      this.ownVars = true;
    }
    this.state.world.vars[v] = after;
    this.record(v, before, after, factors, cause, draws);
    return round2(after - before);
  }

  /** Moves a faction's backing (0–100) by the sum of its factors; the ledger names it `faction.<id>`. */
  changeFaction(id: string, factors: Factor[], cause: Cause, draws: Draw[] = []): number {
    const before = this.state.world.factions[id];
    if (before === undefined) return 0;
    const after = moved(before, factors, 0, 100);
    if (after === before && draws.length === 0) return 0;
    // A new record on every change: valuations cache per record (factions.ts), so one is never read stale.
    this.state.world.factions = { ...this.state.world.factions, [id]: after };
    this.record(`faction.${id}`, before, after, factors, cause, draws);
    return round2(after - before);
  }

  /** One ledger entry, when the ledger is on: the change, its factors (rounded, zeros left out) and its dice. */
  private record(v: LedgerVar, before: number, after: number, factors: Factor[], cause: Cause, draws: Draw[]): void {
    if (!this.state.ledgerOn) return;
    this.state.seq += 1;
    this.state.ledger.push({
      seq: this.state.seq,
      round: this.state.round,
      phase: this.phase,
      var: v,
      before,
      after,
      cause,
      factors: factors.filter((f) => f.delta !== 0).map((f) => ({ label: f.label, delta: round2(f.delta) })),
      draws,
    });
  }

  set(v: VarId, value: number, cause: Cause, label: string): void {
    this.change(v, [{ label, delta: value - this.get(v) }], cause);
  }

  log(entry: LogEntry): void {
    if (this.state.ledgerOn) this.state.log.push(entry);
  }

  remember(side: Side, memory: Memory): void {
    this.state.memory = { ...this.state.memory, [side]: [...this.state.memory[side], memory] };
    this.change(`trust.${side}` as VarId, [{ label: `memory.${memory.reason}`, delta: memory.delta }], {
      kind: 'rule',
      id: `memory.${memory.reason}`,
      side,
    });
    this.log({ kind: 'memory', round: this.state.round, side, memory });
  }

  finish(): GameState {
    this.state.rng = this.dice.save();
    return this.state;
  }
}
