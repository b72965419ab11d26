// Bundles src/cli/bench/sim-worker.ts with esbuild and runs it in a child Node process:
// a fair figure for the simulation (no tsx module getters), and the same bundle for --cpu-prof.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleNode } from '../../../scripts/bundle.mjs';
import { summariseProfile, type ProfileSummary } from './profile';

/** Games of a scenario its process plays before the clock starts (src/cli/bench/sim-worker.ts). */
export const WARM_UP_GAMES = 1500;

/** The same esbuild bundle `npm run sim` runs (scripts/bundle.mjs), so the two figures are comparable. */
export async function bundleWorker(root: string, outDir: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  return bundleNode(join(root, 'src/cli/bench/sim-worker.ts'), join(outDir, 'sim-worker.mjs'));
}

/**
 * What `npm run sim -- --seeds N` prints, run the same way (scripts/run-bundled.mjs: the same
 * esbuild bundle, in a fresh process, no warm-up): the figure a user sees beside the bench's.
 */
export function runSimCli(root: string, scenario: string, seeds: number): { gamesPerSecond: number; warmGamesPerSecond: number | null; seconds: number; line: string } {
  const run = spawnSync(process.execPath, [join(root, 'scripts/run-bundled.mjs'), 'src/cli/sim.ts', '--scenario', scenario, '--seeds', String(seeds)], { cwd: root, encoding: 'utf8' });
  const line = run.stderr.trim().split('\n').pop() ?? '';
  const m = /: (\d+) games\/s/.exec(line);
  if (run.status !== 0 || !m) throw new Error(`npm run sim failed: ${run.stderr}`);
  const warm = /second half (\d+) games\/s/.exec(line);
  const secs = / in ([\d.]+) s/.exec(line);
  return { gamesPerSecond: Number(m[1]), warmGamesPerSecond: warm ? Number(warm[1]) : null, seconds: secs ? Number(secs[1]) : seeds / Number(m[1]), line };
}

export function runWorker(file: string, args: Record<string, unknown>, nodeFlags: string[] = [], cwd?: string): unknown {
  const text = execFileSync(process.execPath, [...nodeFlags, file, JSON.stringify(args)], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(text.trim().split('\n').pop()!);
}

/** Plays `games` computer-vs-computer games under `node --cpu-prof` and says where the time went. */
export function profileSimulation(file: string, scenarioDir: string, games: number, scenario = 'moscow-2019'): ProfileSummary & { games: number; msPerGame: number } {
  const dir = join(file, '..', 'prof');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const run = runWorker(file, { scenarioDir, mode: 'profile', profileGames: games, profileScenario: scenario }, ['--cpu-prof', '--cpu-prof-interval', '200', '--cpu-prof-dir', dir]) as { ms: number };
  const prof = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
  return { ...summariseProfile(join(dir, prof), `${file}.map`, 'sim-worker.mjs'), games, msPerGame: Math.round((run.ms / games) * 1000) / 1000 };
}
