import { describe, it, expect, beforeAll } from 'vitest';
import { VAR_IDS } from '../../src/scenario/vocabulary';
import { GameSession, ledgerFor, ledgerRange, type GameState } from '../../src/sim/index';
import { computerConfig } from '../../src/sim/batch';
import { SCENARIOS, seeds } from './helpers';

// The ledger explains every change of every variable with its dice; it is a
// record only, so switching it off for batch runs must not move the game.

const SEEDS = seeds(200);

describe.each(SCENARIOS.map((s) => [s.id, s] as const))('%s: the ledger', (_id, scenario) => {
  // One pass plays every seed with the ledger on and off; the checks below read these games.
  let games: { seed: string; on: GameSession; off: GameSession }[] = [];
  beforeAll(() => {
    games = SEEDS.map((seed) => {
      const on = GameSession.start(scenario, computerConfig(scenario, seed));
      const off = GameSession.start(scenario, computerConfig(scenario, seed), { ledger: false });
      return { seed, on, off };
    });
  }, 120_000);

  it('changes no hash: 200 computer games hash alike with the ledger on and off', () => {
    for (const { seed, on, off } of games) {
      expect(on.state.ledgerOn, seed).toBe(true);
      expect(off.state.ledgerOn, seed).toBe(false);
      expect(off.hash(), seed).toBe(on.hash());
      expect(off.state.world, seed).toEqual(on.state.world);
      expect(off.state.history, seed).toEqual(on.state.history);
      expect(off.roundHashes, seed).toEqual(on.roundHashes);
      // Off means off: nothing recorded.
      expect(off.state.ledger, seed).toEqual([]);
      expect(off.state.log, seed).toEqual([]);
    }
  });

  it('chains every variable from its start to its final value, before = previous after', () => {
    for (const { seed, on } of games) {
      const state: GameState = on.state;
      expect(state.ledger.length, seed).toBeGreaterThan(0);
      for (const v of VAR_IDS) {
        const entries = ledgerFor(state, v);
        let value = scenario.variables[v].start;
        for (const e of entries) {
          expect(e.before, `${seed} ${v} seq ${e.seq}`).toBe(value);
          expect(Number.isFinite(e.after), `${seed} ${v} seq ${e.seq}`).toBe(true);
          value = e.after;
        }
        expect(value, `${seed} ${v} final`).toBe(state.world.vars[v]);
      }
      // Sequence numbers are strictly increasing, oldest first.
      for (let i = 1; i < state.ledger.length; i += 1) {
        expect(state.ledger[i]!.seq).toBeGreaterThan(state.ledger[i - 1]!.seq);
      }
    }
  });

  it("explains each change by its factors: after = clamp(before + sum of factors)", () => {
    for (const { seed, on } of games) {
      for (const e of on.state.ledger) {
        const spec = ledgerRange(scenario, e.var);
        const sum = e.factors.reduce((acc, f) => acc + f.delta, 0);
        const expected = Math.min(spec.max, Math.max(spec.min, e.before + sum));
        // Factors are stored to two decimals, so allow the rounding of each.
        expect(Math.abs(e.after - expected), `${seed} seq ${e.seq} ${e.var}`).toBeLessThanOrEqual(0.01 * (e.factors.length + 1));
      }
    }
  });

  it('gives every noise entry its draw with a roll', () => {
    let noise = 0;
    for (const { seed, on } of games) {
      for (const e of on.state.ledger.filter((x) => x.cause.kind === 'noise')) {
        noise += 1;
        expect(e.draws.length, `${seed} seq ${e.seq}`).toBeGreaterThan(0);
        const draw = e.draws.find((d) => d.what === `noise:${e.var}`);
        expect(draw, `${seed} seq ${e.seq}`).toBeDefined();
        expect(draw!.stream).toBe('polls');
        expect(typeof draw!.roll).toBe('number');
        expect(Number.isFinite(draw!.roll)).toBe(true);
        expect(e.after).toBeCloseTo(
          Math.min(ledgerRange(scenario, e.var).max, Math.max(ledgerRange(scenario, e.var).min, e.before + (draw!.outcome as number))),
          2,
        );
      }
    }
    // Polls are noisy every round: the check above really ran.
    expect(noise).toBeGreaterThan(SEEDS.length);
  });

  it('gives every struck event’s entries its draw with p and roll (roll < p), and logs the event', () => {
    let struck = 0;
    for (const { seed, on } of games) {
      const state = on.state;
      const logged = state.log.filter((l) => l.kind === 'event').map((l) => (l.kind === 'event' ? l.eventId : ''));
      expect(logged, seed).toEqual(state.firedEvents);
      for (const e of state.ledger.filter((x) => x.cause.kind === 'event')) {
        struck += 1;
        const event = scenario.events.find((ev) => ev.id === e.cause.id);
        expect(event, `${seed}: unknown event ${e.cause.id}`).toBeDefined();
        expect(state.firedEvents, seed).toContain(e.cause.id);
        const draw = e.draws.find((d) => d.what === `event:${e.cause.id}`);
        expect(draw, `${seed} seq ${e.seq}: event ${e.cause.id} without its draw`).toBeDefined();
        expect(draw!.stream).toBe('events');
        expect(draw!.p).toBe(event!.probability);
        expect(typeof draw!.roll).toBe('number');
        expect(draw!.roll).toBeGreaterThanOrEqual(0);
        expect(draw!.roll).toBeLessThan(draw!.p!);
        expect(draw!.outcome).toBe(true);
      }
      // Every fired event that moves a variable left an entry for it.
      for (const id of state.firedEvents) {
        const event = scenario.events.find((ev) => ev.id === id)!;
        const moving = event.effects.some((ef) => 'delta' in ef && ef.delta !== 0);
        if (moving) expect(state.ledger.some((x) => x.cause.kind === 'event' && x.cause.id === id), `${seed} ${id}`).toBe(true);
      }
    }
    expect(struck).toBeGreaterThan(0);
  });

  it('records ratification votes with their odds and roll', () => {
    for (const { seed, on } of games) {
      for (const e of on.state.ledger.filter((x) => x.cause.kind === 'ratification' && x.cause.side)) {
        const draw = e.draws.find((d) => d.what === `ratify:${e.cause.side}`);
        expect(draw, `${seed} seq ${e.seq}`).toBeDefined();
        expect(draw!.p).toBeGreaterThanOrEqual(0);
        expect(draw!.p).toBeLessThanOrEqual(1);
        expect(draw!.outcome).toBe(draw!.roll < draw!.p!);
        expect(e.cause.id).toBe(draw!.outcome ? 'passed' : 'failed');
      }
    }
  });
});
