// The simulation half of `npm run bench`, bundled by esbuild into one ES module and run
// in a child Node process (so module getters added by tsx cost nothing). Prints one JSON
// object on stdout. Arguments: a JSON object { scenarioDir, scenario, seeds, reps, warmUp, mode, extras, profileGames }.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../../scenario/load';
import type { Scenario } from '../../scenario/schema';
import { chooser, enumerateActions, GameSession, pickPackage, playComputerGame, toReplay, verifyReplay, type GameConfig } from '../../sim/index';
import { median, round } from './stats';

interface Args {
  scenarioDir: string;
  seeds: number;
  reps: number;
  mode: 'measure' | 'profile';
  profileGames: number;
  profileScenario: string;
  /** The one scenario whose games are timed (mode measure). */
  scenario: string;
  /** Games of that scenario played before the clock starts (see measure). */
  warmUp: number;
  /** Also time replay verification and measure a saved game's size, on that scenario. */
  extras: boolean;
}

const RUNNER = 'esbuild bundle (--bundle --platform=node --format=esm --main-fields=module,main), one child node process per scenario';

function loadAll(dir: string): Scenario[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const r = loadScenario(readFileSync(join(dir, f), 'utf8'), f);
      if (!r.ok) throw new Error(`${f}: ${r.problems.map((p) => p.message).join('; ')}`);
      return r.value;
    });
}

export function humanJapanGame(scenario: Scenario, seed: string, pick = chooser(20240607)): GameSession {
  const config: GameConfig = {
    scenarioId: scenario.id,
    seed,
    controllers: { japan: 'human', russia: 'computer' },
    difficulty: scenario.defaults.difficulty,
    strategy: { japan: 'grounded', russia: 'grounded' },
  };
  const session = GameSession.start(scenario, config);
  for (let step = 0; step < 400 && !session.ended; step += 1) {
    const legal = session.legal();
    if (!legal) break;
    // Every legal action (offers: one package drawn from the open options); walking out is kept rare.
    const candidates = enumerateActions(legal, [pickPackage(legal.options, pick)]).filter((a) => a.type !== 'walkOut' || pick(8) === 0);
    // Try a chosen candidate first, then the rest in order: the first legal one is played.
    const first = pick(candidates.length);
    const order = [...candidates.slice(first), ...candidates.slice(0, first)];
    if (!order.some((a) => session.act(a).ok)) throw new Error(`no legal move found at step ${step} (${session.phase})`);
  }
  if (!session.ended) throw new Error('the human game did not end');
  return session;
}

function time<T>(f: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, value };
}

function measure(args: Args): unknown {
  const scenarios = loadAll(args.scenarioDir);
  const timed = scenarios.find((s) => s.id === args.scenario);
  if (!timed) throw new Error(`no scenario "${args.scenario}" in ${args.scenarioDir}`);
  // One scenario per process, as `npm run sim` plays them: code V8 has compiled for other
  // scenarios' shapes runs slower (all three warmed in one process, in turns: moscow-2019 timed
  // 2,241–3,012 games/s; alone in its process 2,943–3,279, same machine, same hour).
  // Warm-up before the clock starts: a fresh process plays its first 100 games about ten times
  // slower than its steady rate and needs about 1,500 to get there.
  for (let i = 0; i < args.warmUp; i += 1) playComputerGame(timed, `warm-${i}`);

  const perScenario = [timed].map((s) => {
    const runs: number[] = [];
    let rounds = 0;
    for (let rep = 0; rep < args.reps; rep += 1) {
      const { ms, value } = time(() => {
        let r = 0;
        for (let i = 1; i <= args.seeds; i += 1) r += playComputerGame(s, String(i)).rounds;
        return r;
      });
      rounds = value;
      runs.push(args.seeds / (ms / 1000));
    }
    // Ledger and narration on vs off: the hashes must not differ.
    let checked = 0;
    let mismatches = 0;
    for (let i = 1; i <= 25; i += 1) {
      const off = playComputerGame(s, String(i), 'grounded', { ledger: false, hash: true });
      const on = playComputerGame(s, String(i), 'grounded', { ledger: true, hash: true });
      checked += 1;
      if (off.hash !== on.hash) mismatches += 1;
    }
    return {
      scenario: s.id,
      games: args.seeds,
      reps: args.reps,
      gamesPerSecond: round(median(runs), 0),
      gamesPerSecondRuns: runs.map((x) => round(x, 0)),
      meanRounds: round(rounds / args.seeds, 2),
      ledgerCheck: { games: checked, mismatches },
    };
  });

  if (!args.extras) return { node: process.version, runner: RUNNER, scenarios: perScenario };
  const moscow = timed;
  const human = humanJapanGame(moscow, 'bench');
  const replay = toReplay(human);
  const replayText = JSON.stringify(replay);
  const all = [...scenarios];
  for (let i = 0; i < 10; i += 1) verifyReplay(replayText, 'bench.json', all);
  const verifyMs: number[] = [];
  for (let i = 0; i < 60; i += 1) {
    const { ms, value } = time(() => verifyReplay(replayText, 'bench.json', all));
    if (!value.ok) throw new Error(`the recorded replay does not verify: ${value.error}`);
    verifyMs.push(ms);
  }
  // GameSession keeps its XState actor private: what getPersistedSnapshot would hold is the
  // context (session.state) and the state value (session.phase), so that is what is measured.
  const snapshotText = JSON.stringify({ status: human.ended ? 'done' : 'active', value: human.phase, context: human.state });
  const computerOnly = GameSession.start(moscow, { scenarioId: moscow.id, seed: 'bench', controllers: { japan: 'computer', russia: 'computer' }, difficulty: moscow.defaults.difficulty, strategy: { japan: 'grounded', russia: 'grounded' } });
  const stateBytes = (s: GameSession) => Buffer.byteLength(JSON.stringify({ value: s.phase, context: s.state }));
  const noLedger = GameSession.start(moscow, computerOnly.config, { ledger: false });
  return {
    node: process.version,
    runner: RUNNER,
    scenarios: perScenario,
    replay: {
      scenario: moscow.id,
      seed: 'bench',
      humanActions: replay.actions.length,
      rounds: replay.rounds.length,
      ending: replay.final.ending,
      verifyMsMedian: round(median(verifyMs), 3),
      verifyMsP95: round(verifyMs.slice().sort((a, b) => a - b)[Math.floor(verifyMs.length * 0.95)]!, 3),
      samples: verifyMs.length,
      bytes: Buffer.byteLength(replayText),
      bytesPretty: Buffer.byteLength(JSON.stringify(replay, null, 2)),
    },
    snapshot: {
      what: 'JSON.stringify({ status, value: session.phase, context: session.state }) of the finished human game (ledger and narration on, as in the browser)',
      bytes: Buffer.byteLength(snapshotText),
      ledgerEntries: human.state.ledger.length,
      logEntries: human.state.log.length,
      computerGameBytes: stateBytes(computerOnly),
      computerGameNoLedgerBytes: stateBytes(noLedger),
    },
  };
}

function profile(args: Args): unknown {
  const scenarios = loadAll(args.scenarioDir);
  const s = scenarios.find((x) => x.id === args.profileScenario) ?? scenarios[0]!;
  const t0 = performance.now();
  for (let i = 1; i <= args.profileGames; i += 1) playComputerGame(s, String(i));
  return { scenario: s.id, games: args.profileGames, ms: performance.now() - t0 };
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
process.stdout.write(`${JSON.stringify(args.mode === 'profile' ? profile(args) : measure(args))}\n`);
