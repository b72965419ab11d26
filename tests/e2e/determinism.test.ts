// Node and Chromium compute the same games. 100 games are played in Node —
// every scenario, computer-vs-computer and with a human Japan or Russia
// making legal moves, with plain and non-Latin seeds — and recorded as replays
// whose round and final hashes are Node's. The built game's class view then
// re-simulates each one in Chromium (in its worker) and accepts it only if
// every hash matches. One copy with a changed final hash must be refused, so
// the check can fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { bundledScenarios } from '../../src/cli/scenarios';
import { GameSession, toReplay, type GameConfig } from '../../src/sim';
import { playHumans } from '../fixtures/play';
import { OUT, baseUrl, launch, leave, openPage, until } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => leave(browser));

const SEEDS = ['1', 'class-7b', 'Кунашир-2019', '北方領土', 'peace 🕊️', 'x'.repeat(64)];

function hundredGames(): { name: string; text: string; hash: string }[] {
  const scenarios = bundledScenarios();
  const out: { name: string; text: string; hash: string }[] = [];
  for (let i = 0; i < 100; i += 1) {
    const scenario = scenarios[i % scenarios.length]!;
    const human = (['none', 'japan', 'russia'] as const)[Math.floor(i / 3) % 3]!;
    const config: GameConfig = {
      scenarioId: scenario.id,
      seed: `${SEEDS[i % SEEDS.length]}-${i}`.slice(0, 64),
      controllers: { japan: human === 'japan' ? 'human' : 'computer', russia: human === 'russia' ? 'human' : 'computer' },
      difficulty: (['easy', 'normal', 'hard'] as const)[i % 3]!,
      strategy: { japan: 'grounded', russia: (['grounded', 'hawk', 'dove'] as const)[i % 3]! },
    };
    const session = GameSession.start(scenario, config);
    playHumans(session, i);
    expect(session.ended).toBe(true);
    out.push({ name: `game-${String(i).padStart(3, '0')}.json`, text: JSON.stringify(toReplay(session)), hash: session.hash() });
  }
  return out;
}

describe('Node and Chromium agree', () => {
  it('100 games recorded in Node verify hash for hash in the browser; a changed final hash does not', async () => {
    const games = hundredGames();
    const forged = JSON.parse(games[0]!.text) as { final: { hash: string } };
    forged.final.hash = games[1]!.hash;
    const files = [...games, { name: 'forged.json', text: JSON.stringify(forged), hash: '' }];

    const { page, errors } = await openPage(browser);
    await page.goto(baseUrl());
    await until(page, (u) => u.scene === 'Title' && u.renders > 0, 'the title', 30_000);
    await page.click('[data-testid="open-classroom"]');
    await until(page, (u) => u.scene === 'ClassView', 'the class view', 30_000);
    await page.setInputFiles(
      '[data-testid="class-files"]',
      files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })),
    );
    await page.locator('[data-testid="class-status"]', { hasText: `${files.length} files read` }).waitFor({ timeout: 120_000 });

    const shown = await page.locator('[data-testid="class-row"]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-file')));
    expect(shown.sort()).toEqual(games.map((g) => g.name).sort());
    const rejected = await page.locator('[data-testid="class-rejected-row"]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-file')));
    expect(rejected).toEqual(['forged.json']);
    expect(await page.locator('[data-testid="class-rejected-row"]').first().innerText()).toMatch(/final state hash does not match/);
    await page.screenshot({ path: `${OUT}/determinism-class-view.png` });
    expect(errors).toEqual([]);
  });
});
