// The browser's timing budget: loading the game takes at most 1.3 times as long as loading a
// bare Phaser game, median of alternating loads after a warm-up. A ratio, not a wall-clock
// threshold; it runs in a project of its own after every other test, so the loads are timed on
// a quiet machine. (The heap budget is tests/e2e/heap.test.ts.)
// Fifteen loads decide a ratio near the budget: on a machine whose speed drifts between loads a
// median of nine came out above 1.3 in two of about ten full runs when the ratio sat near 1.25
// (1.307, 1.326), with single loads spread from 0.87 to 1.59 of their bare neighbour. Since the
// ratio has sat near 1.0 (1.011 on 3 Dec), a first seven settled it when they showed 1.15 or less;
// since it sits near 0.9 (medians of five on 4 Dec: 0.844, 0.913, 0.941, 1.053), five settle it
// when they show 1.1 or less, 3 s less of the run's one part that has the machine to itself.
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, testChromium, measureLoading } from '../../src/cli/bench/browser';
import { baseUrl } from './helpers';
import { serveDir } from '../../src/cli/serve';

/** Alternating loads of each page in the first measurement. */
const QUICK_RUNS = 5;
/** A median ratio over the first five loads at or below this passes without the fifteen (the budget is 1.3). */
const CLEARLY_INSIDE = 1.1;

let browser: Browser;
let bare: { url: string; server: Server };

beforeAll(async () => {
  // The game is the build every browser test uses, and the bare page was built beside it
  // (tests/e2e/setup/global.ts): the same vite builds as `npm run bench`'s.
  bare = await serveDir(inject('bareDir'));
  browser = await launchChromium([], testChromium());
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((ok) => (bare ? bare.server.close(() => ok()) : ok()));
});

describe('browser budgets', () => {
  it('loads to the first interactive title frame within 1.3× a bare Phaser game', async () => {
    // Sequential: five alternating loads each settle a ratio well inside the budget; one near
    // it is measured again over fifteen, which decide.
    const quick = await measureLoading(browser, baseUrl(), bare.url, QUICK_RUNS);
    const r = quick.ratio <= CLEARLY_INSIDE ? quick : await measureLoading(browser, baseUrl(), bare.url, 15);
    console.log(`loading: game ${r.gameMedianMs} ms, bare Phaser ${r.bareMedianMs} ms, ratio ${r.ratio} (median of ${r.runs}${r === quick ? '' : `, after ${quick.ratio} over ${QUICK_RUNS}`})`);
    expect(r.ratio, `game ${r.gameMedianMs} ms [${r.gameMs.join(', ')}], bare Phaser ${r.bareMedianMs} ms [${r.bareMs.join(', ')}]`).toBeLessThanOrEqual(1.3);
  });
});
