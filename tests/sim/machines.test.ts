import { describe, it, expect } from 'vitest';
import { createActor } from 'xstate';
import { ENDINGS, ISSUES, STRATEGIES, type Ending } from '../../src/scenario/vocabulary';
import type { Scenario } from '../../src/scenario/schema';
import { GameSession, STATUS_QUO, type Action, type GameState, type Package, type SummitOutcome } from '../../src/sim/index';
import { campaignMachine } from '../../src/sim/machines/campaign';
import { initialState } from '../../src/sim/rules/round';
import { scenarioHash } from '../../src/sim/scenarioHash';
import { stateHash } from '../../src/sim/hash';
import { computerConfig, playComputerGame } from '../../src/sim/batch';
import {
  HOT_SEAT,
  JAPAN_HUMAN,
  SCENARIOS,
  always,
  chooseLegal,
  concedeEverything,
  config,
  fit,
  patient,
  playJapan,
  playOut,
  scenarioById,
  type Policy,
} from './helpers';

const SUMMIT_OUTCOMES: SummitOutcome[] = ['nothing', 'jointStatement', 'interimAgreement', 'treatyText', 'walkOut'];

/**
 * Drives the campaign machine itself, cueing the counterpart for both sides,
 * and records every state it passes through, transient ones ('closing') included.
 */
function runMachine(scenario: Scenario, seed: string): { visited: Set<string>; context: GameState; hash: string } {
  const visited = new Set<string>();
  const actor = createActor(campaignMachine(scenario), {
    input: initialState(scenario, computerConfig(scenario, seed), scenarioHash(scenario), false),
    inspect: (ev) => {
      if (ev.type === '@xstate.microstep' || ev.type === '@xstate.snapshot') {
        visited.add(String((ev as { snapshot: { value?: unknown } }).snapshot.value));
      }
    },
  });
  actor.start();
  for (let guard = 0; actor.getSnapshot().value !== 'ended'; guard += 1) {
    if (guard > 500) throw new Error(`${scenario.id} seed ${seed}: the machine did not end`);
    actor.send({ type: 'counterpart' });
  }
  const snap = actor.getSnapshot();
  return { visited, context: snap.context, hash: stateHash(String(snap.value), snap.context) };
}

/** Whether the scenario lets any island change hands at all (else no text can be signed and ratified). */
const territoryNegotiable = (s: Scenario): boolean =>
  s.issues.some((i) => i.id === 'islands' && i.options.some((o) => o.available && o.id !== 'none'));
/** Whether the two computers' red lines on the islands leave any treaty between them (yamaguchi-2016: Japan wants four, Russia gives two at most). */
const computersCanSign = (s: Scenario): boolean => {
  const rank = (o: string | undefined, dflt: number) => (o === undefined ? dflt : (ISSUES.islands as readonly string[]).indexOf(o));
  const lo = Math.max(1, ...s.sides.japan.priorities.redLines.filter((l) => l.issue === 'islands').map((l) => rank(l.atLeast, 1)));
  const hi = Math.min(4, ...s.sides.russia.priorities.redLines.filter((l) => l.issue === 'islands').map((l) => rank(l.atMost, 4)));
  return territoryNegotiable(s) && lo <= hi;
};

describe('campaign machine states', () => {
  it('has exactly the documented phases, with closing and afterVote as its transient steps', () => {
    for (const scenario of SCENARIOS) {
      expect(Object.keys(campaignMachine(scenario).root.states).sort()).toEqual(
        ['afterVote', 'closing', 'ended', 'ministerTalks', 'publicReaction', 'ratification', 'summit'].sort(),
      );
    }
  });

  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s: every state is reached by computer games', (_id, scenario) => {
    const states = Object.keys(campaignMachine(scenario).root.states);
    const expected = computersCanSign(scenario) ? states : states.filter((s) => s !== 'ratification' && s !== 'afterVote');
    const visited = new Set<string>();
    for (let seed = 1; seed <= 400 && !expected.every((s) => visited.has(s)); seed += 1) {
      for (const v of runMachine(scenario, String(seed)).visited) visited.add(v);
    }
    expect([...visited].sort()).toEqual(expect.arrayContaining(expected));
    for (const v of visited) expect(states).toContain(v);
    if (!territoryNegotiable(scenario)) expect(visited.has('ratification')).toBe(false);
  });

  it('the machine cued directly lands on the same state as a GameSession', () => {
    for (const scenario of SCENARIOS) {
      for (const seed of ['1', '2', 'm']) {
        const direct = runMachine(scenario, seed);
        expect(direct.hash).toBe(playComputerGame(scenario, seed, 'grounded', { hash: true }).hash);
      }
    }
  });
});

describe('endings and summit outcomes', () => {
  const moscow = scenarioById('moscow-2019');

  it('moscow-2019: every ending is reached by some seed', () => {
    const found = new Map<Ending, string>();
    for (let seed = 1; seed <= 3000 && found.size < ENDINGS.length; seed += 1) {
      const g = playComputerGame(moscow, String(seed));
      if (!found.has(g.ending)) found.set(g.ending, String(seed));
    }
    // Strategies a human might play, for any ending the computers never reach.
    const policies: Policy[] = [always('walkOut'), always('leak'), always('stall'), concedeEverything(), patient];
    for (const policy of policies) {
      for (let seed = 1; seed <= 200 && found.size < ENDINGS.length; seed += 1) {
        const ending = playJapan(moscow, `h${seed}`, policy).state.ending!.kind;
        if (!found.has(ending)) found.set(ending, `h${seed}`);
      }
    }
    expect([...found.keys()].sort()).toEqual([...ENDINGS].sort());
  });

  it('two walk-outs collapse the talks (hot seat: Japan walks out, then Russia)', () => {
    for (const scenario of SCENARIOS) {
      for (const seed of ['w1', 'w2', 'w3']) {
        const g = GameSession.start(scenario, config(scenario, seed, HOT_SEAT));
        let walks = 0;
        playOut(g, (s) => {
          const legal = s.legal()!;
          if (s.phase === 'summit' && legal.types.includes('walkOut')) {
            walks += 1;
            return { type: 'walkOut', side: legal.side };
          }
          if (s.phase === 'summit') return { type: 'offer', side: legal.side, package: fit(s, { humanitarian: 'graveVisits' }) };
          return chooseLegal(s, () => 0);
        });
        expect(walks).toBe(2);
        expect(g.state.walkOuts).toBe(2);
        // Two rounds, each closed by a walk-out; unless a leader fell first, the talks collapse.
        expect(g.state.history.map((h) => h.summit).slice(1)).toEqual(['walkOut', 'walkOut']);
        const leaderFell = g.state.ending?.kind === 'leaderOut';
        expect(leaderFell ? 'leaderOut' : g.state.ending?.kind, `${scenario.id} ${seed}`).toBe(leaderFell ? 'leaderOut' : 'collapse');
      }
    }
  });

  it('a human Japan who walks out whenever possible ends in collapse once it has walked out twice', () => {
    let twice = 0;
    let collapsed = 0;
    for (let seed = 1; seed <= 100; seed += 1) {
      const g = playJapan(moscow, String(seed), always('walkOut'));
      if (g.state.walkOuts >= 2) {
        twice += 1;
        expect(['collapse', 'leaderOut']).toContain(g.state.ending!.kind);
        if (g.state.ending!.kind === 'collapse') collapsed += 1;
      }
    }
    // A walk-out leaves the next round to the ministers, so a second one needs the summits back first.
    expect(twice).toBeGreaterThan(30);
    expect(collapsed).toBeGreaterThan(0.8 * twice);
  });

  it('every summit outcome occurs in moscow-2019 computer games (over the three strategies)', () => {
    // The grounded counterpart never walks out (its trust never falls below 30 there); the hawk does.
    const seen = new Map<SummitOutcome, string>();
    for (const strategy of STRATEGIES) {
      for (let seed = 1; seed <= 500 && seen.size < SUMMIT_OUTCOMES.length; seed += 1) {
        const s = GameSession.start(moscow, computerConfig(moscow, String(seed), strategy), { ledger: false, roundHashes: false }).state;
        for (const row of s.history.slice(1)) if (!seen.has(row.summit)) seen.set(row.summit, `${strategy} ${seed}`);
      }
    }
    expect([...seen.keys()].sort()).toEqual([...SUMMIT_OUTCOMES].sort());
  });

  it('every summit outcome is also reachable with a human at the table', () => {
    const seen = new Set<SummitOutcome>();
    const policies: Policy[] = [patient, concedeEverything(), always('walkOut'), always('stall')];
    for (const policy of policies) {
      for (let seed = 1; seed <= 30; seed += 1) {
        for (const row of playJapan(moscow, String(seed), policy).state.history.slice(1)) seen.add(row.summit);
      }
    }
    expect([...seen].sort()).toEqual([...SUMMIT_OUTCOMES].sort());
  });
});

describe('illegal events are refused and change nothing', () => {
  const moscow = scenarioById('moscow-2019');
  const frozen = scenarioById('frozen-2025');

  /** Sends the action and checks: refused with a message, hash, state, actions and listeners untouched. */
  function refused(g: GameSession, action: Action, message?: RegExp): string {
    const hash = g.hash();
    const json = JSON.stringify(g.state);
    const actions = g.actions.length;
    let notified = 0;
    const off = g.subscribe(() => (notified += 1));
    const result = g.act(action);
    off();
    expect(result.ok).toBe(false);
    const error = result.ok ? '' : result.error;
    expect(error.length).toBeGreaterThan(0);
    if (message) expect(error).toMatch(message);
    expect(g.hash()).toBe(hash);
    expect(JSON.stringify(g.state)).toBe(json);
    expect(g.actions.length).toBe(actions);
    expect(notified).toBe(0);
    return error;
  }

  const toSummit = (g: GameSession): void => {
    while (g.phase === 'ministerTalks') {
      expect(g.act({ type: 'agenda', side: g.pending!, sequencing: 'parallel', prepare: 'islands' })).toEqual({ ok: true });
    }
    expect(g.phase).toBe('summit');
  };

  it('wrong side', () => {
    const g = GameSession.start(moscow, config(moscow, 's', HOT_SEAT));
    expect(g.pending).toBe('japan');
    refused(g, { type: 'agenda', side: 'russia', sequencing: 'parallel', prepare: 'islands' }, /japan's turn/);
    const solo = GameSession.start(moscow, config(moscow, 's', JAPAN_HUMAN));
    refused(solo, { type: 'agenda', side: 'russia', sequencing: 'parallel', prepare: 'islands' }, /russia/);
    refused(solo, { type: 'agenda', side: 'china' as never, sequencing: 'parallel', prepare: 'islands' });
  });

  it('wrong phase', () => {
    const g = GameSession.start(moscow, config(moscow, 's', HOT_SEAT));
    refused(g, { type: 'statement', side: 'japan', tone: 'quiet' }, /ministerTalks/);
    refused(g, { type: 'ratify', side: 'japan', approach: 'whip' }, /not possible/);
    refused(g, { type: 'offer', side: 'japan', package: STATUS_QUO }, /not possible/);
    toSummit(g);
    const side = g.pending!;
    // No offer yet: nothing to accept or walk out of.
    refused(g, { type: 'accept', side }, /"accept" is not possible/);
    refused(g, { type: 'walkOut', side }, /"walkOut" is not possible/);
    refused(g, { type: 'agenda', side, sequencing: 'parallel', prepare: 'islands' }, /summit/);
    refused(g, { type: 'ratify', side, approach: 'vote' }, /summit/);
  });

  it('an unavailable option, an unknown option or an impossible package', () => {
    const f = GameSession.start(frozen, config(frozen, 's', HOT_SEAT));
    toSummit(f);
    const side = f.pending!;
    expect(f.legal()!.options.islands).toEqual(['none']);
    refused(f, { type: 'offer', side, package: { ...STATUS_QUO, islands: 'two', sovereignty: 'jointGovernance' } }, /islands/);
    refused(f, { type: 'offer', side, package: { ...STATUS_QUO, sanctions: 'lift' } }, /sanctions/);

    const g = GameSession.start(moscow, config(moscow, 's', HOT_SEAT));
    toSummit(g);
    const s2 = g.pending!;
    refused(g, { type: 'offer', side: s2, package: { ...STATUS_QUO, islands: 'five' } as unknown as Package }, /islands/);
    refused(g, { type: 'offer', side: s2, package: { ...STATUS_QUO, sovereignty: 'transfer' } }, /sovereignty/);
    refused(g, { type: 'offer', side: s2, package: { ...STATUS_QUO, energy: 'pipeline' } }, /pipeline/);
    refused(g, { type: 'offer', side: s2 } as unknown as Action, /package/);

    // A clash over sequencing keeps a change of sovereignty off the summit's table; joint economic activity stays.
    const c = GameSession.start(moscow, config(moscow, 's', HOT_SEAT));
    c.act({ type: 'agenda', side: 'japan', sequencing: 'territoryFirst', prepare: 'islands' });
    c.act({ type: 'agenda', side: 'russia', sequencing: 'normaliseFirst', prepare: 'investment' });
    expect(c.state.talks.reach).toBe('interimAgreement');
    expect(c.legal()!.options.sovereignty).toEqual(['jointActivity']);
    expect(c.legal()!.options.islands).toContain('two');
    refused(c, { type: 'offer', side: c.pending!, package: { ...STATUS_QUO, islands: 'two', sovereignty: 'jointGovernance' } }, /sequencingClash/);
  });

  it('a counter-offer identical to the last offer', () => {
    const g = GameSession.start(moscow, config(moscow, 's', HOT_SEAT));
    toSummit(g);
    const first = g.pending!;
    const pkg = fit(g, { humanitarian: 'visaFree', investment: 'modest' });
    expect(g.act({ type: 'offer', side: first, package: pkg })).toEqual({ ok: true });
    const other = g.pending!;
    expect(other).not.toBe(first);
    refused(g, { type: 'offer', side: other, package: { ...pkg } }, /must change something/);
    // Changing one option makes it a real counter-offer.
    expect(g.act({ type: 'offer', side: other, package: { ...pkg, investment: 'major' } })).toEqual({ ok: true });
  });

  it('an unknown tone, sequencing or issue, and a stall that ends a summit', () => {
    const g = GameSession.start(moscow, config(moscow, 's', HOT_SEAT));
    refused(g, { type: 'agenda', side: 'japan', sequencing: 'sideways' as never, prepare: 'islands' }, /sequencing/);
    refused(g, { type: 'agenda', side: 'japan', sequencing: 'parallel', prepare: 'weather' as never }, /prepare: expected one of .*"weather"/);
    toSummit(g);
    // The opener's stall passes the floor; the other side's stall ends the summit.
    expect(g.act({ type: 'stall', side: g.pending! })).toEqual({ ok: true });
    expect(g.phase).toBe('summit');
    expect(g.act({ type: 'stall', side: g.pending! })).toEqual({ ok: true });
    expect(g.phase).toBe('publicReaction');
    refused(g, { type: 'statement', side: g.pending!, tone: 'shout' as never }, /tone/);
  });

  it('anything after the end', () => {
    for (const scenario of SCENARIOS) {
      const g = playOut(GameSession.start(scenario, config(scenario, 'end', HOT_SEAT)), (s) => chooseLegal(s, () => 0));
      expect(g.ended).toBe(true);
      for (const action of [
        { type: 'agenda', side: 'japan', sequencing: 'parallel', prepare: 'islands' },
        { type: 'stall', side: 'russia' },
        { type: 'statement', side: 'japan', tone: 'quiet' },
        { type: 'ratify', side: 'russia', approach: 'whip' },
      ] as Action[]) {
        refused(g, action, /ended/);
      }
    }
  });

  it('the machine itself ignores an illegal event sent straight to it', () => {
    const scenario = moscow;
    const actor = createActor(campaignMachine(scenario), {
      input: initialState(scenario, config(scenario, 'raw', JAPAN_HUMAN), scenarioHash(scenario), true),
    });
    actor.start();
    const before = actor.getSnapshot();
    for (const ev of [
      { type: 'agenda', side: 'russia', sequencing: 'parallel', prepare: 'islands' },
      { type: 'statement', side: 'japan', tone: 'leak' },
      { type: 'counterpart' },
    ] as const) {
      actor.send(ev as never);
      expect(actor.getSnapshot().value).toBe('ministerTalks');
      expect(actor.getSnapshot().context).toBe(before.context);
    }
  });
});
