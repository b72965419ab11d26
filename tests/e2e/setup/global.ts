// Builds the game once and serves dist/ on a free local port for every browser test file (with
// hidden sourcemaps, which tests/budget/bundle.test.ts reads for its breakdown). The bare Phaser
// page that the load-time ratio compares against (bench/bare-phaser) is built beside it, at the
// same time: the two builds share the two cores instead of the second waiting for the run's end.
// Both browser projects (e2e, budget) list this setup; the build and the server are made once
// per test run and shared, so the second project neither builds again nor rewrites dist/ under
// pages the first is loading.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { buildGame } from '../../../src/cli/bench/bundle';
import { serveDir } from '../../../src/cli/serve';

const root = fileURLToPath(new URL('../../../', import.meta.url));

interface Shared {
  users: number;
  served: Promise<{ url: string; server: Server; bareDir: string }>;
}
const KEY = Symbol.for('unfinished-peace/e2e-dist');
const holder = globalThis as unknown as Record<symbol, Shared | undefined>;

async function buildAndServe(): Promise<{ url: string; server: Server; bareDir: string }> {
  const bareDir = mkdtempSync(join(tmpdir(), 'up-bare-'));
  await Promise.all([buildGame(root, join(root, 'dist')), buildGame(root, bareDir, join(root, 'bench/vite.config.ts'))]);
  return { ...(await serveDir(`${root}dist`)), bareDir };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const shared = (holder[KEY] ??= { users: 0, served: buildAndServe() });
  shared.users += 1;
  const { url, server, bareDir } = await shared.served;
  project.provide('baseUrl', url);
  project.provide('bareDir', bareDir);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    holder[KEY] = undefined;
    await new Promise<void>((ok) => server.close(() => ok()));
    rmSync(bareDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The bare Phaser page, built (bench/vite.config.ts) for the load-time ratio. */
    bareDir: string;
  }
}
