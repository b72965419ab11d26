// The browser's memory budget: 20 whole games in one page grow the JS heap by at most 5 MB.
// A size, not a timing, so it runs beside the other browser tests. The heap is read in a
// browser started with the flags that expose gc() and precise memory figures, as `npm run
// bench` does.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, testChromium, measureHeap, MEMORY_ARGS } from '../../src/cli/bench/browser';
import { baseUrl } from './helpers';

let memoryBrowser: Browser;
beforeAll(async () => {
  memoryBrowser = await launchChromium(MEMORY_ARGS, testChromium());
});
afterAll(async () => {
  await memoryBrowser?.close();
});

describe('browser budgets', () => {
  it('grows the JS heap by at most 5 MB over 20 whole games in one page', async () => {
    const r = await measureHeap(memoryBrowser, baseUrl(), 20);
    expect(r.growthBytes, `heap after 1 game ${r.afterFirstBytes}, after 20 ${r.afterLastBytes}; per 5 games ${r.perGame.join(', ')}`).toBeLessThanOrEqual(5_000_000);
  });
});
