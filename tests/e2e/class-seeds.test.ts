// Issue 14 in the class view: a look-alike seed shows escaped, a seed other than the class's
// is flagged, one game handed in under several names is flagged, and a seed with an invisible
// character is left out with its reason.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { REPO_ROOT, bundledScenarios } from '../../src/cli/scenarios';
import { GameSession, toReplay, type GameConfig } from '../../src/sim';
import { playHumans } from '../fixtures/play';
import { gotoGame, launch, leave, openPage, snap, until } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => leave(browser));

const scenario = bundledScenarios().find((s) => s.id === 'moscow-2019')!;
function recorded(seed: string): string {
  const config: GameConfig = { scenarioId: scenario.id, seed, controllers: { japan: 'human', russia: 'computer' }, difficulty: 'normal', strategy: { japan: 'grounded', russia: 'grounded' } };
  const session = GameSession.start(scenario, config);
  playHumans(session, 0);
  return JSON.stringify(toReplay(session));
}

describe('class view: seeds and copies', () => {
  it('flags copies and foreign seeds, shows look-alikes escaped, leaves out invisible seeds', async () => {
    const { page, errors, done } = await openPage(browser);
    await gotoGame(page, '');
    await page.click('[data-testid="open-classroom"]');
    await until(page, (u) => u.scene === 'ClassView', 'the class view', 30_000);
    const own = recorded('class-7b');
    const lookAlike = recorded('cl\u0430ss-7b'); // a Cyrillic а
    const invisible = readFileSync(join(REPO_ROOT, 'tests/fixtures/replays/seed-invisible.json'), 'utf8');
    await page.fill('[data-testid="class-seed"]', 'class-7b');
    await page.setInputFiles('[data-testid="class-files"]', [
      { name: 'anna.json', mimeType: 'application/json', buffer: Buffer.from(own) },
      { name: 'ben.json', mimeType: 'application/json', buffer: Buffer.from(own) },
      { name: 'carl.json', mimeType: 'application/json', buffer: Buffer.from(lookAlike) },
      { name: 'dora.json', mimeType: 'application/json', buffer: Buffer.from(invisible) },
    ]);
    await page.locator('[data-testid="class-row"]').nth(2).waitFor();
    await page.locator('[data-testid="class-rejected-row"]').first().waitFor();
    expect(await page.locator('[data-testid="class-row"][data-file="anna.json"] [data-testid="class-flag-same"]').innerText()).toContain('ben.json');
    expect(await page.locator('[data-testid="class-row"][data-file="ben.json"] [data-testid="class-flag-same"]').innerText()).toContain('anna.json');
    expect(await page.locator('[data-testid="class-row"][data-file="carl.json"] [data-testid="class-flag-same"]').count()).toBe(0);
    expect(await page.locator('[data-testid="class-row"][data-file="carl.json"] [data-testid="class-seed-escaped"]').innerText()).toBe('cl\\u{430}ss-7b');
    expect(await page.locator('[data-testid="class-row"][data-file="carl.json"] [data-testid="class-flag-seed"]').count()).toBe(1);
    expect(await page.locator('[data-testid="class-row"][data-file="anna.json"] [data-testid="class-flag-seed"]').count()).toBe(0);
    expect(await page.textContent('[data-testid="class-seeds"]')).toMatch(/class-7b × 2; cl\\u\{430\}ss-7b × 1/);
    expect(await page.locator('[data-testid="class-rejected-row"][data-file="dora.json"]').innerText()).toMatch(/invisible or control character \(U\+200D\)/);
    await snap(page, 'class-seed-flags', true);
    expect(errors).toEqual([]);
    await done();
  });
});
