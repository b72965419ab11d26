import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/scenario/schema';
import type { Package } from '../../src/scenario/vocabulary';
import { blockedOptions, blockingFaction, chooseWork, GameSession, packageValue, ratificationOdds, type Action, type GameState, type LedgerEntry } from '../../src/sim/index';
import { computerConfig } from '../../src/sim/batch';
import { HOT_SEAT, config, scenarioById } from './helpers';
import { EMPTY_ROUND, LEASE_TEXT, TO_SIGNED_LEASE } from '../fixtures/world-moves';

// The world beyond the table: Washington, Beijing and the factions at home
// each move the numbers their descriptions (scenarios/README.md) say, and
// each move is in the ledger with its cause.

const moscow = scenarioById('moscow-2019');
const frozen = scenarioById('frozen-2025');

/** The scenario with some factions' starting backing changed (a teacher's edit, as data), and no events, so that no draw moves them. */
function withBacking(s: Scenario, backing: Record<string, number>): Scenario {
  const copy = structuredClone(s);
  copy.events = [];
  for (const f of copy.factions) if (backing[f.id] !== undefined) f.backing = backing[f.id]!;
  return copy;
}

function play(session: GameSession, actions: Action[]): void {
  for (const a of actions) {
    const r = session.act(a);
    if (!r.ok) throw new Error(`refused ${JSON.stringify(a)}: ${r.error}`);
  }
}

/** Hot seat to a signed lease text in round 2: an empty first summit, then Russia (the proposer now) offers the text and Japan signs. */
function toSignedText(scenario: Scenario, seed = 'world-1'): GameSession {
  const s = GameSession.start(scenario, config(scenario, seed, HOT_SEAT));
  play(s, TO_SIGNED_LEASE);
  expect(s.state.signed).toEqual(LEASE_TEXT);
  return s;
}

const entries = (state: GameState, pred: (e: LedgerEntry) => boolean) => state.ledger.filter(pred);
const hasFactor = (e: LedgerEntry, label: string) => e.factors.some((f) => f.label === label);

describe('the United States', () => {
  it('loses confidence in Tokyo over sanctions relief and a written guarantee, through the ledger', () => {
    const s = toSignedText(moscow);
    const before = s.state.world.vars.alliance;
    play(s, [
      { type: 'statement', side: 'japan', tone: 'quiet' },
      { type: 'statement', side: 'russia', tone: 'quiet' },
    ]);
    const moved = entries(s.state, (e) => e.var === 'alliance' && e.cause.kind === 'summit');
    expect(moved).toHaveLength(1);
    // Easing sanctions (one level, 5) and a written guarantee (3), times moscow's interest of 1.
    expect(moved[0]!.factors).toEqual([
      { label: 'us.sanctions', delta: -5 },
      { label: 'us.guarantee', delta: -3 },
    ]);
    expect(moved[0]!.before).toBe(before);
  });

  it('minds half as much in 2025, when its interests may no longer match Japan’s', () => {
    expect(frozen.actors.us.interest).toBe(0.5);
    expect(moscow.actors.us.interest).toBe(1);
  });

  it('presses Tokyo when its confidence falls below pressBelow: Japan’s approval pays each round', () => {
    const low = structuredClone(moscow);
    low.variables.alliance.start = low.actors.us.pressBelow - 10;
    const s = GameSession.start(low, config(low, 'press', HOT_SEAT));
    play(s, EMPTY_ROUND);
    const pressed = entries(s.state, (e) => e.var === 'approval.japan' && e.cause.id === 'us.presses');
    expect(pressed).toHaveLength(1);
    expect(pressed[0]!.after - pressed[0]!.before).toBeCloseTo(-1.5, 2);
    // At the scenario's own start (70) it does not press.
    const normal = GameSession.start(moscow, config(moscow, 'press', HOT_SEAT));
    play(normal, EMPTY_ROUND);
    expect(entries(normal.state, (e) => e.cause.id === 'us.presses')).toHaveLength(0);
  });

  it('bars a treaty clause on US forces while its confidence is below clauseNeeds', () => {
    const s = toSignedText(moscow);
    const state = s.state;
    const at = (alliance: number): GameState => ({ ...state, signed: null, world: { ...state.world, vars: { ...state.world.vars, alliance } } });
    expect(blockedOptions(moscow, at(moscow.actors.us.clauseNeeds - 1)).usGuarantee.treatyClause).toBe('allianceBars');
    expect(blockedOptions(moscow, at(moscow.actors.us.clauseNeeds)).usGuarantee.treatyClause).toBeUndefined();
  });
});

describe('China', () => {
  it('makes Japanese money worth more to Russia the more Moscow leans on Beijing (the counterweight motive)', () => {
    const s = GameSession.start(moscow, config(moscow, 'china', HOT_SEAT));
    const money: Package = { islands: 'none', sovereignty: 'jointActivity', usGuarantee: 'none', sanctions: 'keep', energy: 'lng', investment: 'major', humanitarian: 'none' };
    const at = (china: number): GameState => ({ ...s.state, world: { ...s.state.world, vars: { ...s.state.world.vars, china } } });
    expect(packageValue(moscow, at(90), 'russia', money)).toBeGreaterThan(packageValue(moscow, at(20), 'russia', money));
    // Japan's own valuation does not read Moscow's dependence.
    expect(packageValue(moscow, at(90), 'japan', money)).toBe(packageValue(moscow, at(20), 'japan', money));
  });

  it('draws Russia closer while sanctions stay in force, and alarms Japan in 2025 (threat)', () => {
    const s = GameSession.start(frozen, computerConfig(frozen, 'china-2025'), { ledger: true });
    while (!s.ended && s.state.round < 1) s.act({ type: 'counterpart' } as never);
    const pushed = entries(s.state, (e) => e.var === 'china' && hasFactor(e, 'china.isolation'));
    expect(pushed.length).toBeGreaterThan(0);
    // 2022-era sanctions (level 2) push by 0.5 × 2.
    expect(pushed[0]!.factors.find((f) => f.label === 'china.isolation')!.delta).toBe(1);
    expect(entries(s.state, (e) => e.var === 'hardliners.japan' && e.cause.id === 'china.threat').length).toBeGreaterThan(0);
    // Before 2022 the scenarios set no threat: Japan's hard-liners never hear it.
    const m = GameSession.start(moscow, computerConfig(moscow, 'china-2019'), { ledger: true });
    while (!m.ended) m.act({ type: 'counterpart' } as never);
    expect(entries(m.state, (e) => e.cause.id === 'china.threat')).toHaveLength(0);
  });
});

describe('factions at home', () => {
  it('a treaty text that fails a demand costs that faction backing, and it says so in the press', () => {
    const s = toSignedText(moscow);
    const before = s.state.world.factions['ldp-line']!;
    play(s, [
      { type: 'statement', side: 'japan', tone: 'quiet' },
      { type: 'statement', side: 'russia', tone: 'quiet' },
    ]);
    const hit = entries(s.state, (e) => e.var === 'faction.ldp-line' && hasFactor(e, 'faction.demandFailed'));
    expect(hit).toHaveLength(1);
    expect(hit[0]!.after).toBe(before - 10);
    expect(s.state.log.some((e) => e.kind === 'voice' && e.faction === 'ldp-line')).toBe(true);
    // The text meets Far East business's demand (investment at least modest): its backing rises.
    expect(entries(s.state, (e) => e.var === 'faction.far-east-business' && hasFactor(e, 'faction.demandMet'))).toHaveLength(1);
  });

  it('working a faction raises its backing, costs approval and moves the groups it annoys', () => {
    const s = toSignedText(moscow);
    const f = moscow.factions.find((x) => x.id === 'business')!;
    const approval = s.state.world.vars['approval.japan'];
    const ldp = s.state.world.factions['ldp-line']!;
    play(s, [{ type: 'homeFront', side: 'japan', faction: 'business' }]);
    expect(s.state.world.factions.business).toBe(f.backing + f.work.gain);
    expect(s.state.world.vars['approval.japan']).toBeCloseTo(approval + f.work.approval, 2);
    expect(s.state.world.factions['ldp-line']).toBe(ldp - 3);
    const e = entries(s.state, (x) => x.var === 'faction.business' && x.cause.id === 'homeFront.business');
    expect(e).toHaveLength(1);
    expect(e[0]!.cause.side).toBe('japan');
    // Once a round, and only one's own factions.
    expect(s.act({ type: 'homeFront', side: 'japan', faction: 'ldp-line' }).ok).toBe(false);
    play(s, [{ type: 'statement', side: 'japan', tone: 'quiet' }]);
    expect(s.act({ type: 'homeFront', side: 'russia', faction: 'ldp-line' }).ok).toBe(false);
  });

  it('pull on their leader’s approval by strength and backing', () => {
    const s = toSignedText(moscow);
    play(s, [
      { type: 'statement', side: 'japan', tone: 'quiet' },
      { type: 'statement', side: 'russia', tone: 'quiet' },
    ]);
    const pull = entries(s.state, (e) => e.var === 'approval.russia' && e.cause.id === 'factions');
    expect(pull.length).toBeGreaterThan(0);
    // Nationalists (strength 25) after a text that gives islands: below 50, so they pull approval down.
    const nat = pull[pull.length - 1]!.factors.find((f) => f.label === 'faction.nationalists')!;
    expect(nat.delta).toBeLessThan(0);
  });

  it('a strong faction turned against the text blocks ratification; a leader who works it first gets the text to a vote', () => {
    // The government line starts at 28: a lease text costs it 10 and leaves it at 18, under the block at 25.
    const weak = withBacking(moscow, { 'ldp-line': 28 });
    const blocked = toSignedText(weak);
    play(blocked, [
      { type: 'statement', side: 'japan', tone: 'quiet' },
      { type: 'statement', side: 'russia', tone: 'quiet' },
    ]);
    expect(blockingFaction(weak, blocked.state, 'japan', blocked.state.signed)?.id).toBe('ldp-line');
    expect(ratificationOdds(weak, blocked.state, 'japan', 'whip')).toBe(0);
    play(blocked, [
      { type: 'ratify', side: 'japan', approach: 'whip' },
      { type: 'ratify', side: 'russia', approach: 'vote' },
    ]);
    const vote = blocked.state.log.find((e) => e.kind === 'ratification' && e.side === 'japan');
    expect(vote).toMatchObject({ passed: false, p: 0, blockedBy: 'ldp-line' });

    // The same game, but Japan briefs the party before its statement: 28 + 12 − 10 = 30, no block.
    const worked = toSignedText(weak);
    play(worked, [
      { type: 'homeFront', side: 'japan', faction: 'ldp-line' },
      { type: 'statement', side: 'japan', tone: 'quiet' },
      { type: 'statement', side: 'russia', tone: 'quiet' },
    ]);
    expect(worked.state.world.factions['ldp-line']).toBeGreaterThanOrEqual(25);
    expect(blockingFaction(weak, worked.state, 'japan', worked.state.signed)).toBeNull();
    expect(ratificationOdds(weak, worked.state, 'japan', 'whip')).toBeGreaterThan(0.3);
    play(worked, [
      { type: 'ratify', side: 'japan', approach: 'whip' },
      { type: 'ratify', side: 'russia', approach: 'vote' },
    ]);
    const vote2 = worked.state.log.find((e) => e.kind === 'ratification' && e.side === 'japan');
    expect(vote2).toBeDefined();
    expect(vote2).not.toHaveProperty('blockedBy');
    expect((vote2 as { p: number }).p).toBeGreaterThan(0.3);
  });

  it('ratification odds follow the factions by strength, and in Tokyo Washington’s confidence too', () => {
    const s = toSignedText(moscow);
    const st = s.state;
    const withFaction = (id: string, b: number): GameState => ({ ...st, world: { ...st.world, factions: { ...st.world.factions, [id]: b } } });
    const withAlliance = (a: number): GameState => ({ ...st, world: { ...st.world, vars: { ...st.world.vars, alliance: a } } });
    // The navy (strength 20) behind Putin, or against him.
    expect(ratificationOdds(moscow, withFaction('navy', 90), 'russia', 'vote')).toBeGreaterThan(ratificationOdds(moscow, withFaction('navy', 30), 'russia', 'vote'));
    // A stronger faction moves the odds more than a weaker one by the same backing.
    const gain = (id: string) => ratificationOdds(moscow, withFaction(id, 90), 'japan', 'vote') - ratificationOdds(moscow, withFaction(id, 50), 'japan', 'vote');
    expect(gain('ldp-line')).toBeGreaterThan(gain('former-residents'));
    expect(ratificationOdds(moscow, withAlliance(90), 'japan', 'vote')).toBeGreaterThan(ratificationOdds(moscow, withAlliance(30), 'japan', 'vote'));
    // Russia's parliament does not read Washington's confidence in Tokyo.
    expect(ratificationOdds(moscow, withAlliance(90), 'russia', 'vote')).toBe(ratificationOdds(moscow, withAlliance(30), 'russia', 'vote'));
  });

  it('events move factions and the third powers through the ledger (the Moscow rally, missile defence)', () => {
    const sure = structuredClone(moscow);
    sure.events = sure.events.filter((e) => e.id === 'missile-defence' || e.id === 'nationalist-rally').map((e) => ({ ...e, probability: 1, window: undefined, when: { round: { gte: 1 } } }));
    const s = GameSession.start(sure, config(sure, 'events', HOT_SEAT));
    play(s, EMPTY_ROUND);
    const rally = entries(s.state, (e) => e.var === 'faction.nationalists' && e.cause.kind === 'event');
    expect(rally.map((e) => e.cause.id)).toEqual(['nationalist-rally']);
    expect(rally[0]!.factors).toEqual([{ label: 'event:nationalist-rally', delta: -8 }]);
    const md = entries(s.state, (e) => e.var === 'alliance' && e.cause.kind === 'event');
    expect(md.map((e) => e.cause.id)).toEqual(['missile-defence']);
  });

  it('a computer leader works the faction that would sink its signed text, and leaves a content one alone', () => {
    const weak = withBacking(moscow, { 'ldp-line': 28 });
    const s = toSignedText(weak);
    expect(chooseWork(weak, s.state, 'japan')).toBe('ldp-line');
    // With every faction content and no text pending, it does not spend approval on the home front.
    const content = withBacking(moscow, { 'former-residents': 90, 'ldp-line': 90, 'alliance-camp': 90, business: 90 });
    const fresh = GameSession.start(content, config(content, 'world-2', HOT_SEAT));
    expect(chooseWork(content, fresh.state, 'japan')).toBeNull();
  });
});
