// Which goals each tournament policy meets, and how often: the tuning aid behind docs/balance.md.
//   npx tsx scripts/goal-rates.ts [scenario] [seeds] [side]
import { bundledScenarios } from '../src/cli/scenarios';
import { GameSession } from '../src/sim/session';
import { scoreOf } from '../src/sim/scoring';
import { POLICIES, POLICY_IDS, policyDice } from '../src/sim/policies';
import { humanConfig, tournamentSeeds } from '../src/sim/tournament';
import { SIDES, type Side } from '../src/scenario/vocabulary';

const [id = 'moscow-2019', n = '100', only] = process.argv.slice(2);
const scenario = bundledScenarios().find((s) => s.id === id)!;
for (const side of SIDES.filter((s) => !only || s === only) as Side[]) {
  for (const policy of POLICY_IDS.filter((p) => !process.env.POLICY || p === process.env.POLICY)) {
    const met: Record<string, number> = {};
    let total = 0;
    let rounds = 0;
    for (const seed of tournamentSeeds(Number(n))) {
      const session = GameSession.start(scenario, humanConfig(scenario, seed, side), { ledger: false, roundHashes: false, engine: 'table' });
      const random = policyDice(seed, policy);
      while (!session.ended) {
        const legal = session.legal()!;
        const r = session.act(POLICIES[policy]({ session, side, legal, random }));
        if (!r.ok) throw new Error(r.error);
      }
      const sc = scoreOf(scenario, session.state)[side];
      total += sc.total;
      rounds += session.state.history.length - 1;
      for (const g of sc.goals) met[g.goal.id] = (met[g.goal.id] ?? 0) + (g.met ? 1 : 0);
    }
    const k = Number(n);
    console.log(`${side} ${policy.padEnd(13)} ${(total / k).toFixed(1).padStart(5)} r${(rounds / k).toFixed(1)} ` + Object.entries(met).map(([g, c]) => `${g}:${Math.round((100 * c) / k)}`).join(' '));
  }
}
