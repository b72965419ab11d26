import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/cli/scenarios';
import { ISSUE_IDS } from '../../src/scenario/vocabulary';
import { enumerateActions, everyPackage, GameSession, type Action } from '../../src/sim/index';
import { ACTION_TYPES, actionSchema } from '../../src/sim/actionSchema';
import { campaignMachine } from '../../src/sim/machines/campaign';
import { compileCampaign } from '../../src/sim/machines/fastCampaign';

// One action definition: the zod schema. The machine's events, ACTION_TYPES and
// enumerateActions must all agree with it.

const scenario = bundledScenarios().find((s) => s.id === 'moscow-2019')!;

describe('one action definition', () => {
  it("ACTION_TYPES, read off the schema, are exactly the machine's events besides the counterpart's cue", () => {
    const events = compileCampaign(campaignMachine(scenario)).events;
    expect([...ACTION_TYPES].sort()).toEqual(events.filter((e) => e !== 'counterpart'));
  });

  it('every enumerated action is well-formed, and every one but offers is legal as listed', () => {
    const session = GameSession.start(scenario, { scenarioId: scenario.id, seed: 'enum', controllers: { japan: 'human', russia: 'human' }, difficulty: 'normal', strategy: { japan: 'grounded', russia: 'grounded' } });
    const seen = new Set<string>();
    for (let step = 0; step < 200 && !session.ended; step += 1) {
      const legal = session.legal()!;
      const all = enumerateActions(legal, everyPackage(legal.options));
      expect(all.length).toBeGreaterThan(0);
      for (const a of all) {
        seen.add(a.type);
        expect(actionSchema.safeParse(a).success).toBe(true);
        if (a.type !== 'offer') expect(session.refusal(a), JSON.stringify(a)).toBeNull();
      }
      // Play the first legal one that is not a walk-out, preferring to accept: the walk reaches ratification.
      const next: Action = all.find((a) => a.type === 'accept') ?? all.find((a) => a.type !== 'walkOut' && session.refusal(a) === null)!;
      expect(session.act(next).ok).toBe(true);
    }
    expect([...seen].sort()).toEqual(expect.arrayContaining(['accept', 'agenda', 'offer', 'stall', 'statement', 'walkOut']));
  });

  it('everyPackage walks the whole product of the options, once each', () => {
    const options = { islands: ['none', 'two'], sovereignty: ['jointActivity'], usGuarantee: ['none'], sanctions: ['keep', 'ease', 'lift'], energy: ['none'], investment: ['none', 'modest'], humanitarian: ['none'] };
    const all = [...everyPackage(options)].map((p) => ISSUE_IDS.map((i) => p[i]).join('|'));
    expect(all.length).toBe(12);
    expect(new Set(all).size).toBe(12);
  });
});
