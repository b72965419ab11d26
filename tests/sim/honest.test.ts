// "A game worth playing": honest outcomes, a move for each side at every
// summit, a failed vote that sends the text back, a counterpart that never
// signs a bad deal on a lucky roll, and red lines that move with strength at home.
import { describe, expect, it } from 'vitest';
import { GameSession, scoreOf, termsOf, type Action } from '../../src/sim/index';
import { acceptance, REFUSE_BELOW } from '../../src/sim/counterpart/strategy';
import { redLinesNow, redLinesOf } from '../../src/sim/worth';
import { playPolicy } from '../../src/sim/tournament';
import { HOT_SEAT, config, scenarioById, seeds } from './helpers';
import type { Side } from '../../src/scenario/vocabulary';

const moscow = scenarioById('moscow-2019');

const playSkilled = (seed: string, side: Side): GameSession => playPolicy(moscow, seed, side, 'skilled', { ledger: true }).session;

const games = seeds(40).flatMap((s) => [playSkilled(`h${s}`, 'japan'), playSkilled(`h${s}`, 'russia')]);

describe('honest outcomes', () => {
  it('a text that parliament rejected puts none of its terms in force, and scores like no text', () => {
    let rejected = 0;
    for (const g of games) {
      const s = g.state;
      const votes = s.log.filter((e) => e.kind === 'ratification');
      if (!votes.some((e) => e.kind === 'ratification' && !e.passed)) continue;
      rejected += 1;
      const terms = termsOf(s);
      if (s.ending?.kind !== 'treatyRatified') {
        expect(terms).toEqual(s.agreed);
        expect(scoreOf(moscow, s)).toEqual(scoreOf(moscow, { ...s, signed: null }));
      }
    }
    expect(rejected).toBeGreaterThan(0);
  });

  it('a goal about summits running fails once a collapse ends them', () => {
    const collapsed = games.filter((g) => g.state.ending?.kind === 'collapse');
    for (const g of collapsed) {
      expect(g.state.world.vars.dialogue).toBe(0);
      expect(scoreOf(moscow, g.state).japan.goals.find((x) => x.goal.id === 'keep-summits')!.met).toBe(false);
    }
  });

  it('a stalled summit is not a joint statement', () => {
    const g = GameSession.start(moscow, config(moscow, 'stall', HOT_SEAT));
    g.act({ type: 'agenda', side: 'japan', sequencing: 'parallel', prepare: 'islands' });
    g.act({ type: 'agenda', side: 'russia', sequencing: 'parallel', prepare: 'islands' });
    const first = g.pending!;
    g.act({ type: 'offer', side: first, package: { ...g.state.agreed ?? { islands: 'none', sovereignty: 'jointActivity', usGuarantee: 'none', sanctions: 'keep', energy: 'lng', investment: 'none', humanitarian: 'none' } } });
    g.act({ type: 'stall', side: g.pending! });
    expect(g.state.summit.outcome).toBe('nothing');
  });
});

describe('turns and pacing', () => {
  it('the human moves at every summit, whatever the computer does first', () => {
    for (const g of games) {
      const human = (['japan', 'russia'] as const).find((s) => g.config.controllers[s] === 'human')!;
      const summits = g.state.log.filter((e) => e.kind === 'summit').map((e) => e.round);
      for (const round of summits) {
        const moves = g.state.log.filter((e) => e.kind === 'action' && e.round === round && e.action.side === human && ['offer', 'accept', 'stall', 'walkOut'].includes(e.action.type));
        expect(moves.length, `${g.config.seed} round ${round}`).toBeGreaterThan(0);
      }
    }
  });

  it('an opener who stalls before any offer passes the floor instead of ending the summit', () => {
    const g = GameSession.start(moscow, config(moscow, 'floor', HOT_SEAT));
    g.act({ type: 'agenda', side: 'japan', sequencing: 'parallel', prepare: 'islands' });
    g.act({ type: 'agenda', side: 'russia', sequencing: 'parallel', prepare: 'islands' });
    const opener = g.pending!;
    expect(g.act({ type: 'stall', side: opener }).ok).toBe(true);
    expect(g.phase).toBe('summit');
    expect(g.pending).not.toBe(opener);
    g.act({ type: 'stall', side: g.pending! });
    expect(g.phase).toBe('publicReaction');
  });

  it('a failed vote with rounds left sends the text back to the table and the campaign goes on', () => {
    const returned = games.filter((g) => g.state.log.some((e) => e.kind === 'textReturned'));
    expect(returned.length).toBeGreaterThan(0);
    for (const g of returned) {
      const at = g.state.log.findIndex((e) => e.kind === 'textReturned');
      const round = (g.state.log[at] as { round: number }).round;
      expect(g.state.log.slice(at).some((e) => e.kind === 'round' && e.round === round + 1)).toBe(true);
    }
  });

  it('no treaty text can be signed in the first round of moscow-2019 (Vladivostok), so few campaigns end there', () => {
    const ended = games.filter((g) => g.state.history.length - 1 <= 1);
    expect(ended.length / games.length).toBeLessThanOrEqual(0.1);
    const g = GameSession.start(moscow, config(moscow, 'early', HOT_SEAT));
    g.act({ type: 'agenda', side: 'japan', sequencing: 'parallel', prepare: 'islands' });
    g.act({ type: 'agenda', side: 'russia', sequencing: 'parallel', prepare: 'islands' });
    expect(g.legal()!.blocked.sovereignty.transfer).toBe('tooEarly');
  });

  it('a vote cannot be put off in the last round', () => {
    const last = games.find((g) => g.state.log.some((e) => e.kind === 'ratification' && e.round === moscow.rounds.length - 1));
    if (!last) return;
    // Replay that game to its last vote and ask to delay.
    const side = (['japan', 'russia'] as const).find((s) => last.config.controllers[s] === 'human')!;
    const g = GameSession.start(moscow, last.config);
    for (const a of last.actions) {
      if (g.phase === 'ratification' && g.state.round === moscow.rounds.length - 1) break;
      g.act(a);
    }
    if (g.phase !== 'ratification') return;
    const r = g.act({ type: 'ratify', side, approach: 'delay' } as Action);
    expect(r.ok).toBe(false);
    expect(g.legal()!.approaches).not.toContain('delay');
  });
});

describe('a counterpart worth beating', () => {
  it('never accepts an offer far below its bar, whatever the roll', () => {
    for (const g of games) {
      for (const e of g.state.log) {
        if (e.kind !== 'action' || !e.action.why) continue;
        const why = e.action.why;
        if (why.worth < why.bar - REFUSE_BELOW) {
          expect(why.p).toBe(0);
          expect(e.action.type).not.toBe('accept');
        }
      }
    }
  });

  it('says why: every refusal carries a reason and a tone', () => {
    const refusals = games.flatMap((g) => g.state.log).filter((e) => e.kind === 'action' && e.action.why && e.action.type !== 'accept');
    expect(refusals.length).toBeGreaterThan(20);
    for (const e of refusals) {
      if (e.kind !== 'action') continue;
      expect(['redLine', 'farApart', 'short', 'closeCall', 'ratificationRisk', 'asksMore']).toContain(e.action.why!.reason);
      expect(['warm', 'cool', 'cold']).toContain(e.action.why!.signal);
    }
  });

  it('red lines shift with strength at home, as the scenario writes them', () => {
    const line = moscow.sides.russia.priorities.redLines.find((l) => l.shifts.length > 0);
    expect(line, 'moscow-2019 has a red line that moves').toBeDefined();
    const g = GameSession.start(moscow, config(moscow, 'lines', HOT_SEAT));
    const base = redLinesOf(moscow.sides.russia.priorities);
    const strong = { ...g.state, world: { ...g.state.world, vars: { ...g.state.world.vars, 'approval.russia': 90, 'oppose.russia': 40, 'hardliners.russia': 30 } } };
    const weak = { ...g.state, world: { ...g.state.world, vars: { ...g.state.world.vars, 'approval.russia': 45, 'hardliners.russia': 90 } } };
    expect(redLinesNow(moscow.sides.russia.priorities, g.state)).toEqual(base);
    const moved = [redLinesNow(moscow.sides.russia.priorities, strong), redLinesNow(moscow.sides.russia.priorities, weak)];
    expect(moved.some((r) => JSON.stringify(r) !== JSON.stringify(base))).toBe(true);
  });

  it('reciprocates: it values a concession it was offered', () => {
    const g = GameSession.start(moscow, config(moscow, 'recip', HOT_SEAT));
    const low = acceptance(moscow, g.state, 'russia', { islands: 'none', sovereignty: 'jointActivity', usGuarantee: 'none', sanctions: 'keep', energy: 'none', investment: 'none', humanitarian: 'visaFree' });
    const more = acceptance(moscow, g.state, 'russia', { islands: 'none', sovereignty: 'jointActivity', usGuarantee: 'none', sanctions: 'keep', energy: 'lng', investment: 'major', humanitarian: 'none' });
    expect(more.worth).toBeGreaterThan(low.worth);
    expect(more.p).toBeGreaterThanOrEqual(low.p);
  });
});
