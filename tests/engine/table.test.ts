import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/cli/scenarios';
import { GameSession } from '../../src/sim/session';
import { computerConfig } from '../../src/sim/batch';
import { STRATEGIES } from '../../src/scenario/vocabulary';
import type { Action } from '../../src/sim/types';

// The table engine interprets the XState machine's own states, guards and
// actions; it is only trusted because it gives the same games.
describe('the table engine plays the same games as the XState machine', () => {
  for (const scenario of bundledScenarios()) {
    it(`${scenario.id}: 150 computer games per strategy, hash for hash`, () => {
      for (const strategy of STRATEGIES) {
        for (let i = 1; i <= 50; i += 1) {
          const config = computerConfig(scenario, `${strategy}-${i}`, strategy);
          const machine = GameSession.start(scenario, config, { ledger: false });
          const table = GameSession.start(scenario, config, { ledger: false, engine: 'table' });
          expect(table.phase).toBe(machine.phase);
          expect(table.hash()).toBe(machine.hash());
        }
      }
    });

    it(`${scenario.id}: a human game step by step, illegal moves refused alike`, () => {
      const config = { ...computerConfig(scenario, 'human-1'), controllers: { japan: 'human', russia: 'computer' } as const };
      const machine = GameSession.start(scenario, config);
      const table = GameSession.start(scenario, config, { engine: 'table' });
      for (let step = 0; step < 60 && !machine.ended; step += 1) {
        const legal = machine.legal();
        expect(legal).not.toBeNull();
        const side = legal!.side;
        const wrong: Action = { type: 'ratify', side, approach: 'whip' };
        expect(table.act(wrong).ok).toBe(machine.act(wrong).ok);
        const type = legal!.types[step % legal!.types.length]!;
        const action: Action =
          type === 'agenda'
            ? { type, side, sequencing: legal!.sequencings[step % 3]!, prepare: 'humanitarian' }
            : type === 'statement'
              ? { type, side, tone: legal!.tones[step % 4]! }
              : type === 'homeFront'
                ? { type, side, faction: legal!.factions[step % legal!.factions.length]! }
              : type === 'ratify'
                ? { type, side, approach: step % 2 === 0 ? 'whip' : 'vote' }
                : type === 'offer'
                  ? { type, side, package: { islands: 'none', sovereignty: 'jointActivity', usGuarantee: 'none', sanctions: 'keep', energy: 'none', investment: 'none', humanitarian: step % 2 ? 'graveVisits' : 'none' } }
                  : { type, side };
        const a = machine.act(action);
        const b = table.act(action);
        expect(b.ok).toBe(a.ok);
        expect(table.phase).toBe(machine.phase);
        expect(table.hash()).toBe(machine.hash());
        expect(JSON.stringify(table.state.ledger)).toBe(JSON.stringify(machine.state.ledger));
      }
    });
  }
});
