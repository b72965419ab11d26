// Builds the game once and serves dist/ on a free local port for every browser test file (with
// hidden sourcemaps, which tests/budget/bundle.test.ts reads for its breakdown).
// Both browser projects (e2e, budget) list this setup; the build and the server are made once
// per test run and shared, so the second project neither builds again nor rewrites dist/ under
// pages the first is loading.
import { execFileSync } from 'node:child_process';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { serveDir } from '../../../src/cli/serve';

const root = fileURLToPath(new URL('../../../', import.meta.url));

interface Shared {
  users: number;
  served: Promise<{ url: string; server: Server }>;
}
const KEY = Symbol.for('unfinished-peace/e2e-dist');
const holder = globalThis as unknown as Record<symbol, Shared | undefined>;

function buildAndServe(): Promise<{ url: string; server: Server }> {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../../node_modules/vite/bin/vite.js', import.meta.url)), 'build', '--sourcemap', 'hidden', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  return serveDir(`${root}dist`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const shared = (holder[KEY] ??= { users: 0, served: buildAndServe() });
  shared.users += 1;
  const { url, server } = await shared.served;
  project.provide('baseUrl', url);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    holder[KEY] = undefined;
    await new Promise<void>((ok) => server.close(() => ok()));
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
