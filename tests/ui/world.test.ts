// What the world panel says about a faction, from the simulation's own rules: the backing below
// which a strong faction blocks a treaty text that fails its demand, and "close" just above it.
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/cli/scenarios';
import { GameSession, blockingFaction, blockLineOf, type GameState } from '../../src/sim/index';
import { factionStatus } from '../../src/ui/app/world';

const scenario = bundledScenarios().find((s) => s.id === 'moscow-2019')!;
const session = GameSession.start(scenario, { scenarioId: scenario.id, seed: 'w', controllers: { japan: 'human', russia: 'computer' }, difficulty: 'normal', strategy: { japan: 'grounded', russia: 'grounded' } });
const f = (id: string) => scenario.factions.find((x) => x.id === id)!;
const withBacking = (state: GameState, id: string, b: number, signed: GameState['signed'] = null): GameState =>
  ({ ...state, signed, world: { ...state.world, factions: { ...state.world.factions, [id]: b } } }) as GameState;

describe('the world panel’s reading of the factions', () => {
  it('reads each faction’s blocking line from the simulation: strong ones have one, weak ones none', () => {
    expect(blockLineOf(f('ldp-line'))).toBe(25);
    expect(blockLineOf(f('alliance-camp'))).toBe(25);
    expect(blockLineOf(f('former-residents'))).toBeNull();
    expect(blockLineOf(f('business'))).toBeNull();
  });

  it('says blocks below the line, close just above it, and whether the signed text meets the demand', () => {
    const text = { islands: 'two', sovereignty: 'lease', usGuarantee: 'none', sanctions: 'keep', energy: 'lng', investment: 'modest', humanitarian: 'graveVisits' } as const;
    const low = withBacking(session.state, 'ldp-line', 20, text);
    expect(blockingFaction(scenario, low, 'japan', text)?.id).toBe('ldp-line');
    expect(factionStatus(scenario, low, f('ldp-line'))).toEqual({ kind: 'blocks', line: 25, signedMeets: false, blocksSigned: true });
    expect(factionStatus(scenario, withBacking(session.state, 'ldp-line', 30, text), f('ldp-line'))).toMatchObject({ kind: 'close', blocksSigned: false });
    expect(factionStatus(scenario, withBacking(session.state, 'ldp-line', 42), f('ldp-line'))).toMatchObject({ kind: null, signedMeets: null });
    expect(factionStatus(scenario, withBacking(session.state, 'ldp-line', 20, { ...text, sovereignty: 'transfer' }), f('ldp-line'))).toMatchObject({ kind: 'blocks', signedMeets: true, blocksSigned: false });
  });
});
