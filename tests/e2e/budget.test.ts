// Budgets that need the browser: loading the game takes at most 1.3 times as long as loading
// a bare Phaser game (median of 9 alternating loads each, after a warm-up), and 20 whole games in one page grow the JS heap by at
// most 5 MB. Ratios and sizes only: no wall-clock thresholds.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGame } from '../../src/cli/bench/bundle';
import { launchChromium, measureHeap, measureLoading, MEMORY_ARGS } from '../../src/cli/bench/browser';
import { REPO_ROOT } from '../../src/cli/scenarios';
import { baseUrl } from './helpers';
import { serveDir } from '../../src/cli/serve';

const BARE_OUT = mkdtempSync(join(tmpdir(), 'up-bare-'));
// Loading is timed in an ordinary browser, as `npm run bench` does; the heap is read in one
// started with the flags that expose gc() and precise memory figures, which slow scripts down.
let browser: Browser;
let memoryBrowser: Browser;
let bare: { url: string; server: Server };

beforeAll(async () => {
  // The game is the build every browser test uses (tests/e2e/setup/global.ts), the same vite build as `npm run bench`'s.
  buildGame(REPO_ROOT, BARE_OUT, join(REPO_ROOT, 'bench/vite.config.ts'));
  bare = await serveDir(BARE_OUT);
  browser = await launchChromium([]);
  memoryBrowser = await launchChromium(MEMORY_ARGS);
});
afterAll(async () => {
  await browser?.close();
  await memoryBrowser?.close();
  await new Promise<void>((ok) => (bare ? bare.server.close(() => ok()) : ok()));
  rmSync(BARE_OUT, { recursive: true, force: true });
});

describe('browser budgets', () => {
  it('loads to the first interactive title frame within 1.3× a bare Phaser game', async () => {
    const r = await measureLoading(browser, baseUrl(), bare.url, 9);
    console.log(`loading: game ${r.gameMedianMs} ms, bare Phaser ${r.bareMedianMs} ms, ratio ${r.ratio}`);
    expect(r.ratio, `game ${r.gameMedianMs} ms [${r.gameMs.join(', ')}], bare Phaser ${r.bareMedianMs} ms [${r.bareMs.join(', ')}]`).toBeLessThanOrEqual(1.3);
  });

  it('grows the JS heap by at most 5 MB over 20 whole games in one page', async () => {
    const r = await measureHeap(memoryBrowser, baseUrl(), 20);
    expect(r.growthBytes, `heap after 1 game ${r.afterFirstBytes}, after 20 ${r.afterLastBytes}; per 5 games ${r.perGame.join(', ')}`).toBeLessThanOrEqual(5_000_000);
  });
});
