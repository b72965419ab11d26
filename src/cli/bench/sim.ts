// Bundles src/cli/bench/sim-worker.ts with esbuild and runs it in a child Node process:
// a fair figure for the simulation (no tsx module getters), and the same bundle for --cpu-prof.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { summariseProfile, type ProfileSummary } from './profile';

export function bundleWorker(root: string, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, 'sim-worker.mjs');
  execFileSync(
    join(root, 'node_modules/.bin/esbuild'),
    [join(root, 'src/cli/bench/sim-worker.ts'), '--bundle', '--platform=node', '--format=esm', '--main-fields=module,main', '--sourcemap', `--outfile=${out}`, '--log-level=warning'],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return out;
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
