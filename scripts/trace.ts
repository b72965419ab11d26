// One policy's game, move by move: what it did, what the summit reached, and the goals at the end.
//   npx tsx scripts/trace.ts SCENARIO SEED SIDE POLICY
import { bundledScenarios } from '../src/cli/scenarios';
import { playPolicy } from '../src/sim/tournament';
import type { PolicyId } from '../src/sim/policies';
import type { Side } from '../src/scenario/vocabulary';

const [id = 'frozen-2025', seed = 't1', side = 'japan', policy = 'skilled'] = process.argv.slice(2);
const scenario = bundledScenarios().find((s) => s.id === id)!;
const g = playPolicy(scenario, seed, side as Side, policy as PolicyId, { ledger: true });
for (const e of g.session.state.log) {
  if (e.kind === 'line') continue;
  if (e.kind === 'action') {
    const a = e.action as any;
    const d = a.why ? ` [${a.why.reason} worth=${a.why.worth.toFixed(1)} bar=${a.why.bar.toFixed(1)} p=${a.why.p.toFixed(2)} roll=${a.why.roll.toFixed(2)} asks=${a.why.asks ?? ""} ${a.why.signal}]` : "";
    console.log(`r${e.round} ${a.side} ${a.type} ${a.package ? JSON.stringify(a.package) : a.tone ?? a.sequencing ?? a.approach ?? ''}${d}`);
  } else console.log(`r${e.round} · ${JSON.stringify(e)}`);
}
console.log('vars', JSON.stringify(g.session.state.world.vars));
console.log('score', g.score, g.ending, g.goals.map((x) => `${x.goal.id}:${x.met ? 'Y' : 'n'}`).join(' '));
