import { bundledScenarios } from '../src/cli/scenarios';
import { playPolicy, tournamentSeeds } from '../src/sim/tournament';
const [id, n, side, ...pols] = process.argv.slice(2);
const sc = bundledScenarios().find((s) => s.id === id)!;
for (const seed of tournamentSeeds(Number(n))) {
  console.log(seed.padEnd(5), pols.map((p) => { const g = playPolicy(sc, seed, side as any, p as any); return `${p}:${String(g.score).padStart(3)} ${g.ending.slice(0,8).padEnd(8)} ${g.goals.map((x) => (x.met ? 'Y' : '.')).join('')}`; }).join('  '));
}
