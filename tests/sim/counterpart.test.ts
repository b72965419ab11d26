import { describe, it, expect, beforeAll } from 'vitest';
import { GameSession, ledgerFor, scoreOf, type Action, type GameState } from '../../src/sim/index';
import { acceptanceBar } from '../../src/sim/counterpart/strategy';
import {
  JAPAN_HUMAN,
  SCENARIOS,
  always,
  concedeEverything,
  config,
  patient,
  playJapan,
  scenarioById,
  seeds,
  type Policy,
} from './helpers';

// The counterpart (Russia, played by the computer) must reward patience over
// giving everything away, must not be beaten by one repeated action, and must
// remember how it was treated.

const moscow = scenarioById('moscow-2019');
const SEEDS = seeds(200);

interface Result {
  ending: string;
  score: number;
}

function results(policy: Policy): Result[] {
  return SEEDS.map((seed) => {
    const g = playJapan(moscow, seed, policy);
    return { ending: g.state.ending!.kind, score: scoreOf(moscow, g.state).japan.total };
  });
}

const mean = (rs: Result[]): number => rs.reduce((s, r) => s + r.score, 0) / rs.length;

describe('moscow-2019, Japan human against the computer: strategies', () => {
  const played: Record<string, Result[]> = {};
  beforeAll(() => {
    played.patient = results(patient);
    played.concede = results(concedeEverything());
    played.stall = results(always('stall'));
    played.walkOut = results(always('walkOut'));
    played.leak = results(always('leak'));
  }, 120_000);

  it('conceding everything at once scores worse on average, and on most seeds, than a patient Japan', () => {
    const p = played.patient!;
    const c = played.concede!;
    expect(mean(c)).toBeLessThan(mean(p));
    let patientBetter = 0;
    let concedeBetter = 0;
    for (let i = 0; i < SEEDS.length; i += 1) {
      if (p[i]!.score > c[i]!.score) patientBetter += 1;
      else if (p[i]!.score < c[i]!.score) concedeBetter += 1;
    }
    expect(patientBetter).toBeGreaterThan(SEEDS.length / 2);
    expect(patientBetter).toBeGreaterThan(2 * concedeBetter);
  });

  it('a sensible strategy reaches a ratified treaty on some seed', () => {
    expect(played.patient!.some((r) => r.ending === 'treatyRatified')).toBe(true);
  });

  it.each(['stall', 'walkOut', 'leak'])('always "%s" never wins a treaty and averages less than patience', (name) => {
    const rs = played[name]!;
    expect(rs.filter((r) => r.ending === 'treatyRatified')).toEqual([]);
    expect(mean(rs)).toBeLessThan(mean(played.patient!));
  });

  it('the concede-everything Japan really does give everything in its first summit offer', () => {
    const g = GameSession.start(moscow, config(moscow, '1', JAPAN_HUMAN));
    const policy = concedeEverything();
    while (g.phase !== 'summit') g.act(policy(g));
    const offer = policy(g);
    expect(offer.type).toBe('offer');
    const pkg = (offer as Extract<Action, { type: 'offer' }>).package;
    expect(pkg).toMatchObject({ sanctions: 'lift', investment: 'major' });
    // No island changes hands in it, so there is nothing for a guarantee on US forces to cover.
    expect(pkg.islands === 'none' ? pkg.usGuarantee : 'treatyClause').toBe(pkg.islands === 'none' ? 'none' : 'treatyClause');
    expect(['lng', 'pipeline']).toContain(pkg.energy);
  });
});

describe('the counterpart remembers', () => {
  /** Plays Japan quietly to the first public reaction, then says `tone`; Russia is the computer. */
  function afterStatement(scenarioId: string, seed: string, tone: 'leak' | 'quiet'): { before: GameState; after: GameState } {
    const scenario = scenarioById(scenarioId);
    const g = GameSession.start(scenario, config(scenario, seed, JAPAN_HUMAN));
    while (g.phase !== 'publicReaction') {
      const legal = g.legal()!;
      const a: Action =
        g.phase === 'ministerTalks'
          ? { type: 'agenda', side: 'japan', sequencing: 'parallel', prepare: 'humanitarian' }
          : { type: 'stall', side: 'japan' };
      expect(legal.side).toBe('japan');
      expect(g.act(a)).toEqual({ ok: true });
    }
    const before = g.state;
    expect(g.act({ type: 'statement', side: 'japan', tone })).toEqual({ ok: true });
    return { before, after: g.state };
  }

  it.each(SCENARIOS.map((s) => [s.id] as const))('%s: a Japanese leak is remembered, costs Russian trust and draws a grievance', (id) => {
    const scenario = scenarioById(id);
    for (const seed of ['1', '2', '3', 'leak']) {
      const { before, after } = afterStatement(id, seed, 'leak');
      const quiet = afterStatement(id, seed, 'quiet').after;
      const leaks = (s: GameState) => s.memory.russia.filter((m) => m.reason === 'leak');
      expect(leaks(before)).toEqual([]);
      expect(leaks(after)).toHaveLength(1);
      expect(leaks(after)[0]!.delta).toBeLessThan(0);
      expect(leaks(quiet)).toEqual([]);
      // Trust fell for the leak itself, by the memory's delta (unless already at the floor).
      const entry = ledgerFor(after, 'trust.russia').find((e) => e.cause.id === 'memory.leak');
      expect(entry, `${id} ${seed}`).toBeDefined();
      expect(entry!.cause.side).toBe('russia');
      expect(entry!.after).toBeCloseTo(Math.max(scenario.variables['trust.russia'].min, entry!.before + leaks(after)[0]!.delta), 6);
      if (entry!.before > 0) expect(entry!.after).toBeLessThan(entry!.before);
      // Nothing but the leak's own entry is caused by the memory of a leak.
      expect(ledgerFor(quiet, 'trust.russia').some((e) => e.cause.id === 'memory.leak')).toBe(false);
      // The memory is in the narration too.
      expect(after.log.some((l) => l.kind === 'memory' && l.side === 'russia' && l.memory.reason === 'leak')).toBe(true);
      const hasLine = scenario.lines.some((l) => l.on === 'grievance.leak' && l.speaker.startsWith('russia.'));
      const said = after.log.filter((l) => l.kind === 'line' && l.moment === 'grievance.leak');
      if (hasLine) {
        expect(said.length, `${id} ${seed}`).toBeGreaterThan(0);
        for (const l of said) {
          if (l.kind !== 'line') continue;
          expect(l.speaker.startsWith('russia.')).toBe(true);
          expect(scenario.lines.some((x) => x.text === l.text && x.speaker === l.speaker && x.on === 'grievance.leak')).toBe(true);
        }
      }
    }
  });

  it('a leak makes the counterpart harder to deal with: its acceptance bar rises on most seeds', () => {
    // Events triggered by the leak itself (the press picks it up) can move rapport too, so compare over seeds.
    const scenario = scenarioById('moscow-2019');
    let compared = 0;
    let raised = 0;
    let sum = 0;
    for (const seed of seeds(60)) {
      const leak = afterStatement('moscow-2019', seed, 'leak').after;
      const quiet = afterStatement('moscow-2019', seed, 'quiet').after;
      if (leak.ending || quiet.ending) continue;
      expect(leak.round).toBe(quiet.round);
      compared += 1;
      const diff = acceptanceBar(scenario, leak, 'russia') - acceptanceBar(scenario, quiet, 'russia');
      sum += diff;
      if (diff > 0) raised += 1;
    }
    expect(compared).toBeGreaterThan(30);
    expect(raised).toBeGreaterThan(0.8 * compared);
    expect(sum / compared).toBeGreaterThan(0.5);
  });
});
