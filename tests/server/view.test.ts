// What a networked browser holds is exactly one side's view, rebuilt from the deltas the
// server sends: at every step of whole games, for both sides, the view rebuilt from the
// deltas equals the view computed whole.
import { describe, expect, it } from 'vitest';
import { applyDelta, deltaOf, viewFor, type Held, type SideView } from '../../src/net/view';
import { chooser, enumerateActions, GameSession, pickPackage } from '../../src/sim';
import { bundledScenarios } from '../../src/cli/scenarios';
import { SIDES, type Side } from '../../src/scenario/vocabulary';

describe('view deltas', () => {
  it('rebuild each side’s view exactly, move after move, and send far less than the whole', () => {
    for (const scenario of bundledScenarios()) {
      for (const seed of ['d-1', 'd-2']) {
        const session = GameSession.start(scenario, { scenarioId: scenario.id, seed, controllers: { japan: 'human', russia: 'human' }, difficulty: 'normal', strategy: { japan: 'grounded', russia: 'grounded' } });
        const pick = chooser(seed.length * 17);
        const held: Record<Side, Held | undefined> = { japan: undefined, russia: undefined };
        const whole: Record<Side, SideView | null> = { japan: null, russia: null };
        let sentBytes = 0;
        let wholeBytes = 0;
        for (let step = 0; step < 300 && !session.ended; step++) {
          for (const side of SIDES) {
            const view = viewFor({ state: session.state, phase: session.phase, pending: session.pending, actions: session.actions, legal: session.legal() }, side);
            const { delta, now } = deltaOf(view, held[side]);
            held[side] = now;
            // What travels is JSON-shaped data (msgpack on the wire): a round trip through JSON is what the browser gets.
            const received = JSON.parse(JSON.stringify(delta)) as typeof delta;
            whole[side] = applyDelta(whole[side], received);
            expect(whole[side]).toEqual(JSON.parse(JSON.stringify(view)));
            sentBytes += JSON.stringify(delta).length;
            wholeBytes += JSON.stringify(view).length;
          }
          const legal = session.legal()!;
          const moves = enumerateActions(legal, [pickPackage(legal.options, pick)]).filter((a) => a.type !== 'walkOut' && session.refusal(a) === null);
          session.act(moves[pick(moves.length)]!);
        }
        expect(session.ended, `${scenario.id} ${seed} ends`).toBe(true);
        expect(sentBytes, `${scenario.id}: the deltas are a fraction of the whole views`).toBeLessThan(wholeBytes / 2);
      }
    }
  });

  it('refuses a delta that continues a view the client does not hold', () => {
    const scenario = bundledScenarios()[0]!;
    const session = GameSession.start(scenario, { scenarioId: scenario.id, seed: 'd-3', controllers: { japan: 'human', russia: 'human' }, difficulty: 'normal', strategy: { japan: 'grounded', russia: 'grounded' } });
    const view = viewFor({ state: session.state, phase: session.phase, pending: session.pending, actions: session.actions, legal: session.legal() }, 'japan');
    expect(() => applyDelta(null, { ...view, from: { log: 3, ledger: 0, history: 0 } })).toThrow(/does not hold/);
  });
});
