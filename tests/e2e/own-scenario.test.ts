// A teacher's own scenario file in the browser: a broken one lists every
// problem on screen with the same words as `npm run sim`, nothing is loaded
// and nothing is run as HTML; a valid one becomes a card, selected, that
// starts a game.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loadScenario } from '../../src/scenario/load';
import { formatProblem } from '../../src/scenario/problems';
import { REPO_ROOT } from '../../src/cli/scenarios';
import { OUT, baseUrl, launch, leave, openPage, until } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => leave(browser));

const fixture = (name: string) => readFileSync(join(REPO_ROOT, 'tests/fixtures/scenarios', name), 'utf8');

describe("a teacher's own scenario file", () => {
  it('a broken file lists every problem as the CLI does; a valid one is selected and plays', async () => {
    const { page, errors, done } = await openPage(browser);
    await page.goto(baseUrl());
    await until(page, (u) => u.scene === 'Title' && u.renders > 0, 'the title', 30_000);

    // Broken: several problems at once, and a title that looks like markup.
    const broken = JSON.parse(fixture('several-mixed-problems.json')) as { title: string };
    broken.title = '<img src=x onerror="window.__pwned=1">';
    const brokenText = JSON.stringify(broken, null, 2);
    const expected = (() => {
      const r = loadScenario(brokenText, 'mine.json');
      if (r.ok) throw new Error('the fixture should not load');
      return r.problems.map(formatProblem);
    })();
    expect(expected.length).toBeGreaterThan(1);
    await page.setInputFiles('[data-testid="own-scenario"]', { name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(brokenText) });
    const items = page.locator('[data-testid="own-scenario-problems"] li');
    await items.first().waitFor();
    expect(await items.allInnerTexts()).toEqual(expected);
    await page.screenshot({ path: `${OUT}/own-scenario-problems.png` });

    // Valid: the main scenario under an id and title of its own.
    const mine = JSON.parse(readFileSync(join(REPO_ROOT, 'scenarios/moscow-2019.json'), 'utf8')) as { id: string; title: string };
    mine.id = 'class-7b-2019';
    mine.title = 'Class 7b: the Abe–Putin push';
    await page.setInputFiles('[data-testid="own-scenario"]', { name: 'class-7b.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(mine)) });
    await page.locator('[data-testid="scenario-class-7b-2019"][aria-pressed="true"]').waitFor();
    expect(await page.locator('[data-testid="notice"]').first().innerText()).toContain('Class 7b: the Abe–Putin push');
    await page.screenshot({ path: `${OUT}/own-scenario-loaded.png` });
    await page.click('[data-testid="start"]');
    await until(page, (u) => u.scene === 'Brief', 'the brief of the new scenario', 30_000);
    expect(await page.evaluate(() => (window as unknown as { __up: { scenarioId: string | null } }).__up.scenarioId)).toBe('class-7b-2019');

    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await done();
  });

  it('a shipped scenario file that cannot be fetched is named on the title; the others still play', async () => {
    const { page, context, errors, done } = await openPage(browser);
    await context.route(/frozen-2025-[\w-]+\.json$/, (route) => route.abort());
    await page.goto(baseUrl());
    await until(page, (u) => u.scene === 'Title' && u.renders > 0, 'the title', 30_000);
    const notice = page.locator('[data-testid="bundle-problem"]');
    expect(await notice.innerText()).toContain('frozen-2025.json');
    expect(await page.locator('[data-testid="scenario-frozen-2025"]').count()).toBe(0);
    expect(await page.locator('[data-testid="scenario-moscow-2019"]').count()).toBe(1);
    await page.screenshot({ path: `${OUT}/bundle-problem.png` });
    // The aborted requests are the only console errors allowed here.
    expect(errors.filter((e) => !/frozen-2025|Failed to load resource|ERR_FAILED/.test(e))).toEqual([]);
    await done();
  });
});
