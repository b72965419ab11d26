// npm run bench [-- --json] [--only sim,bundle,loading,frames,memory,chance,net] [--seeds N] [--reps N] [--chance-games N]
//   [--profile] [--loads N] [--frame-seconds S] [--games N] [--matches N] [--think-ms MS]
// Measures the simulation (bundled with esbuild, run in a child process), the production
// bundle, and, in headless Chromium against the built game served locally, loading time
// against a bare Phaser page (the title in each of en, ja and ru, via ?lang=), frame times and
// heap growth; and the match server's round trips with N two-player matches played at once by
// scripted SDK clients in this process (src/cli/bench/net.ts). Human text, or one JSON object.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serveDir } from './serve';
import { buildGame, measureBundle, NON_PHASER_BUDGET_BYTES, type BundleReport } from './bench/bundle';
import { launchChromium, measureChanceLab, measureFrames, measureHeap, measureLoading, MEMORY_ARGS, type FrameStats, type HeapReport, type LoadingReport } from './bench/browser';
import { netBench } from './bench/net';
import { bundleWorker, profileSimulation, runSimCli, runWorker, WARM_UP_GAMES } from './bench/sim';
import { REPO_ROOT, SCENARIO_DIR } from './scenarios';

export const BUDGETS = {
  nonPhaserGzipBytes: NON_PHASER_BUDGET_BYTES,
  loadingRatio: 1.3,
  heapGrowthBytes: 5_000_000,
  /** Printed, not asserted. */
  moscowGamesPerSecond: 3000,
  /** Printed, not asserted: p95 of a move's round trip (send → the mover's next view), ms, on this machine. */
  netP95Ms: 50,
};

/** The languages whose first screen (the title) `--only loading` times, each with `?lang=<lang>`. */
const LOADING_LANGS = ['en', 'ja', 'ru'] as const;

const SECTIONS = ['sim', 'bundle', 'loading', 'frames', 'memory', 'chance', 'net'] as const;
type Section = (typeof SECTIONS)[number];

interface SimReport {
  runner: string;
  scenarios: { scenario: string; games: number; reps: number; gamesPerSecond: number; gamesPerSecondRuns: number[]; meanRounds: number; ledgerCheck: { games: number; mismatches: number } }[];
  replay: { scenario: string; humanActions: number; rounds: number; verifyMsMedian: number; verifyMsP95: number; samples: number; bytes: number; bytesPretty: number; ending: string | null };
  snapshot: { what: string; bytes: number; ledgerEntries: number; logEntries: number; computerGameBytes: number; computerGameNoLedgerBytes: number };
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean', default: false },
      only: { type: 'string' },
      seeds: { type: 'string', default: '1000' },
      reps: { type: 'string', default: '3' },
      loads: { type: 'string', default: '5' },
      'frame-seconds': { type: 'string', default: '10' },
      games: { type: 'string', default: '20' },
      'chance-games': { type: 'string', default: '10000' },
      matches: { type: 'string', default: '100' },
      'think-ms': { type: 'string', default: '1000' },
      profile: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log('usage: npm run bench [-- --json] [--only sim,bundle,loading,frames,memory,chance,net] [--seeds 1000] [--reps 3] [--profile] [--loads 5] [--frame-seconds 10] [--games 20] [--chance-games 10000] [--matches 100] [--think-ms 1000]');
    return;
  }
  const only = new Set((values.only?.split(',') ?? SECTIONS) as Section[]);
  for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`--only: unknown section "${s}" (known: ${SECTIONS.join(', ')})`);
  const log = (line: string) => {
    if (!values.json) console.log(line);
  };
  const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const tmp = mkdtempSync(join(tmpdir(), 'up-bench-'));
  const report: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, budgets: BUDGETS };
  try {
    if (only.has('sim')) {
      progress('simulation (esbuild bundle in a child process)…');
      const worker = await bundleWorker(REPO_ROOT, join(tmp, 'sim'));
      // One fresh process per scenario (see sim-worker.ts); replay and save figures from moscow-2019's.
      const ids = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json')).sort().map((f) => f.replace(/\.json$/, ''));
      const runs = ids.map((id) => runWorker(worker, { scenarioDir: SCENARIO_DIR, scenario: id, seeds: Number(values.seeds), reps: Number(values.reps), warmUp: WARM_UP_GAMES, mode: 'measure', extras: id === 'moscow-2019' }) as Partial<SimReport> & Pick<SimReport, 'runner' | 'scenarios'>);
      const withExtras = runs.find((r) => r.replay && r.snapshot);
      if (!withExtras?.replay || !withExtras.snapshot) throw new Error(`${SCENARIO_DIR}: no moscow-2019.json to time a replay on`);
      const sim: SimReport = { runner: withExtras.runner, scenarios: runs.flatMap((r) => r.scenarios), replay: withExtras.replay, snapshot: withExtras.snapshot };
      report.sim = sim;
      log(`Simulation (one core; esbuild bundle, one child node process per scenario, timed after ${WARM_UP_GAMES.toLocaleString('en')} warm-up games of it)`);
      for (const s of sim.scenarios) {
        const flag = s.scenario === 'moscow-2019' ? (s.gamesPerSecond >= BUDGETS.moscowGamesPerSecond ? '  (target ≥ 3,000: met)' : '  (target ≥ 3,000: MISSED)') : '';
        log(`  ${s.scenario.padEnd(16)} ${String(s.gamesPerSecond).padStart(6)} games/s  median of ${s.reps}×${s.games} seeds [${s.gamesPerSecondRuns.join(', ')}]  ${s.meanRounds} rounds/game  ledger on/off hashes: ${s.ledgerCheck.games - s.ledgerCheck.mismatches}/${s.ledgerCheck.games} equal${flag}`);
      }
      // The figure people see: `npm run sim` itself, cold, on the same bundle path, three runs each
      // at the bench's seed count and at 10,000 (a fresh process spends its first ~1.5 s compiling).
      const mid = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const bench = sim.scenarios.find((s) => s.scenario === 'moscow-2019')?.gamesPerSecond ?? 0;
      const cli = [...new Set([Number(values.seeds), 10_000])].map((seeds) => {
        const cliRuns = [0, 1, 2].map(() => runSimCli(REPO_ROOT, 'moscow-2019', seeds));
        const cold = mid(cliRuns.map((r) => r.gamesPerSecond));
        const warm = mid(cliRuns.map((r) => r.warmGamesPerSecond ?? r.gamesPerSecond));
        log(`  npm run sim -- --scenario moscow-2019 --seeds ${seeds} (fresh process, same bundle): ${cold} games/s overall [${cliRuns.map((r) => r.gamesPerSecond).join(', ')}], second half ${warm} games/s; bench/sim ${(bench / cold).toFixed(2)} overall, ${(bench / warm).toFixed(2)} second half (target ≤ 1.5)`);
        return { scenario: 'moscow-2019', seeds, gamesPerSecond: cold, runs: cliRuns.map((r) => r.gamesPerSecond), secondHalfGamesPerSecond: warm, secondHalfRuns: cliRuns.map((r) => r.warmGamesPerSecond), benchOverCli: Math.round((bench / cold) * 100) / 100, benchOverCliSecondHalf: Math.round((bench / warm) * 100) / 100 };
      });
      report.simCli = cli;
      const r = sim.replay;
      log(`  verify one replay (${r.scenario}, Japan human, ${r.humanActions} actions, ${r.rounds} rounds): median ${r.verifyMsMedian} ms, p95 ${r.verifyMsP95} ms over ${r.samples}`);
      log(`  replay file: ${r.bytes} bytes compact JSON (${r.bytesPretty} as the debrief downloads it, indented)`);
      log(`  persisted snapshot ≈ JSON of { status, value: phase, context: session.state }: ${sim.snapshot.bytes} bytes (ledger ${sim.snapshot.ledgerEntries} entries, log ${sim.snapshot.logEntries}); computer game ${sim.snapshot.computerGameBytes} bytes, ${sim.snapshot.computerGameNoLedgerBytes} with the ledger off`);
      if (values.profile) {
        progress('profiling the simulation (node --cpu-prof)…');
        const prof = profileSimulation(worker, SCENARIO_DIR, 1000);
        report.simProfile = prof;
        log(`  profile of ${prof.games} moscow-2019 games (${prof.msPerGame} ms/game under the profiler), self time:`);
        for (const x of prof.self.slice(0, 10)) log(`    ${x.area.padEnd(32)} ${String(x.share).padStart(5)}%`);
        log('  inclusive time:');
        for (const x of prof.inclusive.slice(0, 10)) log(`    ${x.area.padEnd(32)} ${String(x.share).padStart(5)}%`);
        log('  hottest functions, self time:');
        for (const x of prof.topFunctions) log(`    ${`${x.fn} (${x.at})`.padEnd(64)} ${String(x.share).padStart(5)}%`);
      }
    }

    if (only.has('net')) {
      const matches = Number(values.matches);
      const thinkMs = Number(values['think-ms']);
      if (!Number.isInteger(matches) || matches < 1) throw new Error(`--matches: "${values.matches}" is not a whole number ≥ 1`);
      if (!Number.isFinite(thinkMs) || thinkMs < 0) throw new Error(`--think-ms: "${values['think-ms']}" is not a number of milliseconds ≥ 0`);
      progress(`network: ${matches} matches (${matches * 2} SDK clients) against the match server, in this process…`);
      const net = await netBench({ matches, thinkMs, log: (line) => progress(`network: ${line}`) });
      report.net = net;
      const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
      const ms = (x: number) => `${x.toFixed(1)} ms`;
      const pace = net.thinkMs > 0 ? `each player thinks ${net.thinkMs / 2}–${(net.thinkMs * 3) / 2} ms before a move` : 'each player moves as soon as its view arrives';
      log(`Network (${net.matches} matches at once = ${net.clients} @colyseus/sdk clients over WebSocket to the prod server on 127.0.0.1; ${net.scenario}, whole games, no walk-outs; ${pace}; clients and server share this one Node process)`);
      log(`  ${net.moves} moves (${net.refusals} refused), games finished ${net.finished}/${net.matches}, errors ${net.errors}${net.errors ? `: ${net.errorList.slice(0, 5).join('; ')}${net.errors > 5 ? '; …' : ''}` : ''}`);
      log(`  round trip send('act') → next view at the mover: p50 ${ms(net.rttMs.p50)}, p95 ${ms(net.rttMs.p95)}, max ${ms(net.rttMs.max)} (aim p95 ≤ ${BUDGETS.netP95Ms} ms on this machine: ${net.rttMs.p95 <= BUDGETS.netP95Ms ? 'met' : 'MISSED'})`);
      log(`  ${net.movesPerSecond} moves/s; opening the matches ${net.openSeconds} s, playing ${net.playSeconds} s, wall ${net.wallSeconds} s; during play GC ${net.pauses.gcTotalMs} ms in ${net.pauses.gcCount} pauses (longest ${ms(net.pauses.gcMaxMs)}), event loop up to ${ms(net.pauses.eventLoopMaxMs)} late`);
      log(`  slowest: ${net.slowest.map((s) => `${ms(s.ms)} ${s.action} (${s.phase}) at ${s.atSecond} s`).join(', ')}`);
      log(`  memory per match (server and its 2 clients' last views; ${net.memory.gc ? 'after a full GC' : 'no GC available'}): rss ${mb(net.memory.rssPerMatch)}, heapUsed ${mb(net.memory.heapUsedPerMatch)} (rss ${mb(net.memory.before.rss)} → ${mb(net.memory.peak.rss)}, heapUsed ${mb(net.memory.before.heapUsed)} → ${mb(net.memory.peak.heapUsed)} with every game ended and every room open; rss peak during play ${mb(net.memory.maxRssDuringPlay)})`);
      // And the most the one process takes: the same matches with no one thinking, every move queued behind the others.
      if (thinkMs > 0) {
        progress('network: the same with no think time (throughput)…');
        const flat = await netBench({ matches, thinkMs: 0, log: (line) => progress(`network: ${line}`) });
        report.netSaturated = flat;
        log(`  saturated (no think time, ${flat.moves} moves, errors ${flat.errors}): ${flat.movesPerSecond} moves/s; round trip p50 ${ms(flat.rttMs.p50)}, p95 ${ms(flat.rttMs.p95)}, max ${ms(flat.rttMs.max)} (queueing behind the other matches' moves)`);
        if (flat.errors > 0) process.exitCode = 1;
      }
      // Dropped connections, unfinished games or exceptions make the figure worthless: say so in the exit code too.
      if (net.errors > 0) process.exitCode = 1;
    }

    let bundle: BundleReport | null = null;
    const needBuild = only.has('bundle') || only.has('loading') || only.has('frames') || only.has('memory') || only.has('chance');
    if (needBuild) {
      progress('vite build to a temporary folder…');
      await buildGame(REPO_ROOT, join(tmp, 'dist'));
      bundle = measureBundle(join(tmp, 'dist'));
    }
    if (bundle && only.has('bundle')) {
      report.bundle = { ...bundle, outDir: undefined };
      const kb = (b: number) => `${(b / 1000).toFixed(1)} kB`;
      log('Bundle (production build, gzip at zlib default level, kB = 1,000 bytes)');
      for (const c of bundle.chunks) log(`  ${c.file.padEnd(28)} ${kb(c.bytes).padStart(10)} min  ${kb(c.gzip).padStart(9)} gzip${c.phaser ? '  (Phaser)' : c.initial ? '' : '  (loaded later: not in the budget)'}`);
      log(`  Phaser: ${kb(bundle.phaserGzip)} gzip, in a chunk of its own: ${bundle.phaserOwnChunk ? 'yes' : `NO (${bundle.phaserChunkOthers.join(', ') || 'Phaser code in another chunk'})`}`);
      log(`  everything else index.html loads: ${kb(bundle.nonPhaserGzip)} gzip (budget ≤ ${kb(BUDGETS.nonPhaserGzipBytes)}: ${bundle.nonPhaserGzip <= BUDGETS.nonPhaserGzipBytes ? 'met' : 'MISSED'})`);
      log(`  loaded later (workers, dynamic imports): ${kb(bundle.lazyGzip)} gzip`);
      log('  where the initial non-Phaser bytes come from (sourcemap; gzip of each part alone):');
      for (const g of bundle.breakdown.slice(0, 12)) log(`    ${g.group.padEnd(34)} ${kb(g.bytes).padStart(10)} min  ${kb(g.gzipAlone).padStart(9)} gzip`);
    }

    const browserWanted = only.has('loading') || only.has('frames') || only.has('memory') || only.has('chance');
    if (browserWanted) {
      const game = await serveDir(join(tmp, 'dist'));
      const servers = [game.server];
      const browser = await launchChromium(only.has('memory') ? MEMORY_ARGS : []);
      try {
        if (only.has('loading')) {
          progress('building the bare-Phaser page and timing loads…');
          await buildGame(REPO_ROOT, join(tmp, 'bare'), join(REPO_ROOT, 'bench/vite.config.ts'));
          const bare = await serveDir(join(tmp, 'bare'));
          servers.push(bare.server);
          const loading: LoadingReport = await measureLoading(browser, game.url, bare.url, Number(values.loads), { langs: [...LOADING_LANGS], budget: BUDGETS.loadingRatio });
          report.loading = loading;
          log('Loading (navigation → first interactive frame, headless Chromium, fresh context each time)');
          log(`  game (Title with its Start button, one frame after):   median ${loading.gameMedianMs} ms  [${loading.gameMs.join(', ')}]`);
          log(`  bare Phaser (empty scene created, one frame after):      median ${loading.bareMedianMs} ms  [${loading.bareMs.join(', ')}]`);
          log(`  ratio ${loading.ratio} (budget ≤ ${BUDGETS.loadingRatio}: ${loading.ratio <= BUDGETS.loadingRatio ? 'met' : 'MISSED'})`);
          // Each language's first screen (?lang=…; for ja/ru until document.fonts is 'loaded'), against the same bare loads.
          // The game line above is the en loads.
          for (const l of loading.languages ?? []) {
            const mark = l.titleMarkMedianMs === null ? '' : `  (up:title mark ${l.titleMarkMedianMs} ms)`;
            log(`  title in ${l.lang}${l.lang === 'en' ? '' : ', fonts loaded'}:`.padEnd(57) + `median ${l.medianMs} ms  [${l.ms.join(', ')}]  ratio ${l.ratio} (≤ ${BUDGETS.loadingRatio}: ${l.met ? 'met' : 'MISSED'})${mark}`);
          }
          progress('frame times of the bare page (baseline)…');
          const bareFrames = await measureFrames(browser, bare.url, Number(values['frame-seconds']), true);
          report.bareFrames = bareFrames;
        }
        if (only.has('frames')) {
          progress('frame times on the Table and the public reaction…');
          const frames: FrameStats[] = await measureFrames(browser, game.url, Number(values['frame-seconds']));
          report.frames = frames;
          log(`Frames (requestAnimationFrame deltas over ${values['frame-seconds']} s per scene)`);
          for (const f of frames) log(`  ${f.scene.padEnd(9)} (${f.phase}) median ${f.medianMs} ms, p95 ${f.p95Ms} ms, max ${f.maxMs} ms, ${f.frames} frames`);
          const bf = report.bareFrames as FrameStats[] | undefined;
          if (bf) for (const f of bf) log(`  baseline: bare Phaser page median ${f.medianMs} ms, p95 ${f.p95Ms} ms, ${f.frames} frames`);
        }
        if (only.has('memory')) {
          progress(`heap over ${values.games} whole games…`);
          const heap: HeapReport = await measureHeap(browser, game.url, Number(values.games));
          report.memory = heap;
          const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
          log(`Memory (usedJSHeapSize after forced GC, back on the Title; games played through the UI, ${heap.stepsPerGame} clicks/game)`);
          log(`  after 1 game ${mb(heap.afterFirstBytes)}, after ${heap.games} games ${mb(heap.afterLastBytes)}: growth ${mb(heap.growthBytes)} (budget ≤ ${mb(BUDGETS.heapGrowthBytes)}: ${heap.growthBytes <= BUDGETS.heapGrowthBytes ? 'met' : 'MISSED'})`);
          log(`  heap at games 1, 5, 10, …: ${heap.perGame.map(mb).join(', ')}; DOM elements ${heap.domNodesAfterFirst} → ${heap.domNodesAfterLast}`);
        }
        if (only.has('chance')) {
          const n = Number(values['chance-games']);
          progress(`chance lab: ${n} moscow-2019 games in the browser worker, and the same games in Node…`);
          const lab = await measureChanceLab(browser, game.url, n);
          // The same games in Node, as fresh as the worker: \`npm run sim -- --seeds N\` in a new process.
          const node = runSimCli(REPO_ROOT, 'moscow-2019', n);
          const ratio = Math.round((lab.workerSeconds / node.seconds) * 100) / 100;
          report.chance = { ...lab, nodeSeconds: node.seconds, workerOverNode: ratio };
          log(`Chance lab (${n} ${lab.scenario} games, seeds 1…${n}, grounded)`);
          log(`  browser worker ${lab.workerSeconds} s (page: click to "played" ${lab.pageSeconds} s); Node (npm run sim, fresh process) ${node.seconds} s; worker/Node ${ratio} (target ≤ 1.5: ${ratio <= 1.5 ? 'met' : 'MISSED'})`);
        }
      } finally {
        await browser.close();
        for (const s of servers) s.close();
      }
    }
    if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
