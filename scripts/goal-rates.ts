// Which goals each tournament policy meets, and how often: the tuning aid behind docs/balance.md.
//   npx tsx scripts/goal-rates.ts [scenario] [seeds] [side]      (POLICY=name for one policy)
import { bundledScenarios } from '../src/cli/scenarios';
import { POLICY_IDS } from '../src/sim/policies';
import { playPolicy, tournamentSeeds } from '../src/sim/tournament';
import { SIDES } from '../src/scenario/vocabulary';

const [id = 'moscow-2019', n = '100', only] = process.argv.slice(2);
const scenario = bundledScenarios().find((s) => s.id === id);
if (!scenario) throw new Error(`no bundled scenario "${id}"`);
for (const side of SIDES.filter((s) => !only || s === only)) {
  for (const policy of POLICY_IDS.filter((p) => !process.env.POLICY || p === process.env.POLICY)) {
    const met: Record<string, number> = {};
    let total = 0;
    let rounds = 0;
    for (const seed of tournamentSeeds(Number(n))) {
      const g = playPolicy(scenario, seed, side, policy);
      total += g.score;
      rounds += g.rounds;
      for (const goal of g.goals) met[goal.goal.id] = (met[goal.goal.id] ?? 0) + (goal.met ? 1 : 0);
    }
    const k = Number(n);
    console.log(`${side} ${policy.padEnd(13)} ${(total / k).toFixed(1).padStart(5)} r${(rounds / k).toFixed(1)} ` + Object.entries(met).map(([goal, c]) => `${goal}:${Math.round((100 * c) / k)}`).join(' '));
  }
}
