// Issue 14, "Nothing lost", in the browser: save slots, links and New game that ask before
// replacing, tabs that notice each other, storage that is full, saves as files, own-scenario
// saves, hostile files in the "own scenario" box and invisible seeds.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT, bundledScenarios } from '../../src/cli/scenarios';
import { GameSession, toReplay } from '../../src/sim';
import { playHumans } from '../fixtures/play';
import { OUT, gotoGame, launch, leave, openPage, press, snap, until, up } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => leave(browser));

const link = (seed: string, extra = '') => `?scenario=moscow-2019&seed=${encodeURIComponent(seed)}&side=japan&opponent=computer${extra}`;
const slots = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('unfinished-peace/save/')).sort());
const movesIn = (page: Page, key: string) => page.evaluate((k) => (JSON.parse(localStorage.getItem(k) ?? '{"actions":[]}') as { actions: unknown[] }).actions.length, key);
const SLOT_A = 'unfinished-peace/save/moscow-2019/game-A/human-computer';

/** Moves in one tab: brought to the front first, as a person would (a background tab does not draw). */
async function playMoves(page: Page, n: number): Promise<void> {
  await page.bringToFront();
  for (let i = 0; i < n; i++) await press(page, 'Enter');
}

describe('save slots', () => {
  it('a shared link for another game starts it without touching the game in progress; the title lists both, newest first, Continue focused', async () => {
    const { page, errors, done } = await openPage(browser);
    await gotoGame(page, link('game-A'));
    await playMoves(page, 4);
    const movesA = await movesIn(page, SLOT_A);
    expect(movesA).toBeGreaterThan(0);
    const hashA = (await up(page)).hash;

    await gotoGame(page, link('game-B'));
    expect((await up(page)).scene).toBe('Brief');
    await press(page, 'Enter');
    expect(await movesIn(page, SLOT_A), 'game A was overwritten').toBe(movesA);
    expect(await slots(page)).toEqual([SLOT_A, 'unfinished-peace/save/moscow-2019/game-B/human-computer']);

    await gotoGame(page, '');
    const rows = await page.locator('[data-testid="save-row"]').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('“game-B”');
    expect(rows[1]).toContain('“game-A”');
    const focus = await until(page, (u) => u.focus === 'continue', 'Continue focused');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-slot]')?.getAttribute('data-slot'))).toContain('/game-B/');
    await snap(page, 'save-slots-title', true);
    expect(focus.scene).toBe('Title');

    // Game A continues exactly where it was.
    await page.click(`[data-testid="save-row"][data-slot="${SLOT_A}"] [data-testid="continue"]`);
    const u = await until(page, (x) => x.scene !== 'Title', 'game A');
    expect(u.hash).toBe(hashA);
    expect(errors).toEqual([]);
    await done();
  });

  it('New game with the scenario, seed and sides of a game in progress asks first; Continue is focused', async () => {
    const { page, errors, done } = await openPage(browser);
    await gotoGame(page, link('game-A'));
    await playMoves(page, 3);
    const moves = await movesIn(page, SLOT_A);
    const hash = (await up(page)).hash;
    await gotoGame(page, '');
    await page.fill('[data-testid="seed"]', 'game-A');
    await page.click('[data-testid="start"]');
    await page.locator('[data-testid="clash"]').waitFor();
    expect(await page.textContent('[data-testid="clash"]')).toContain(`${moves} moves`);
    await until(page, (x) => x.focus === 'clash-continue', 'Continue the saved game focused');
    expect(await movesIn(page, SLOT_A)).toBe(moves);
    await snap(page, 'save-clash', true);
    // Enter continues (the safe choice)…
    let u = await press(page, 'Enter');
    u = await until(page, (x) => x.scene !== 'Title', 'the continued game');
    expect(u.hash).toBe(hash);
    // …and "start over" replaces it only when chosen.
    await gotoGame(page, '');
    await page.fill('[data-testid="seed"]', 'game-A');
    await page.click('[data-testid="start"]');
    await page.click('[data-testid="clash-start-over"]');
    await until(page, (x) => x.scene === 'Brief', 'the new game');
    expect(await movesIn(page, SLOT_A)).toBe(0);
    expect(errors).toEqual([]);
    await done();
  });

  it('a link naming the same game at another difficulty asks rather than starting over', async () => {
    const { page, errors, done } = await openPage(browser);
    await gotoGame(page, link('game-A', '&difficulty=normal'));
    await playMoves(page, 3);
    const moves = await movesIn(page, SLOT_A);
    await gotoGame(page, link('game-A', '&difficulty=hard'));
    expect((await up(page)).scene).toBe('Title');
    expect(await page.textContent('[data-testid="clash"]')).toMatch(/link names a game you already have in progress/);
    expect(await movesIn(page, SLOT_A)).toBe(moves);
    // The same link without a difficulty is that game: it continues.
    const u = await gotoGame(page, link('game-A'));
    expect(u.scene).not.toBe('Title');
    expect(await movesIn(page, SLOT_A)).toBe(moves);
    expect(errors).toEqual([]);
    await done();
  });

  it('finishing a game clears only its own slot', async () => {
    const { page, errors, done } = await openPage(browser);
    await gotoGame(page, link('keep-me'));
    await playMoves(page, 2);
    await gotoGame(page, link('finish-me'));
    let u = await up(page);
    for (let i = 0; i < 200 && u.phase !== 'ended'; i++) u = await press(page, 'Enter');
    expect(u.phase).toBe('ended');
    expect(await slots(page)).toEqual(['unfinished-peace/save/moscow-2019/keep-me/human-computer']);
    expect(errors).toEqual([]);
    await done();
  });
});

describe('continue from a replay', () => {
  it('“Continue from here” does not replace a game in progress in the same slot without asking', async () => {
    // A finished recording of seed game-A, with moves other than the ones played in the browser below.
    const scenario = bundledScenarios().find((x) => x.id === 'moscow-2019')!;
    const session = GameSession.start(scenario, { scenarioId: 'moscow-2019', seed: 'game-A', controllers: { japan: 'human', russia: 'computer' }, difficulty: 'normal', strategy: { japan: 'grounded', russia: 'grounded' } });
    playHumans(session, 1);
    const file = `${OUT}/fork-game-A.json`;
    writeFileSync(file, JSON.stringify(toReplay(session)));

    const { page, errors, done } = await openPage(browser);
    await gotoGame(page, link('game-A'));
    await playMoves(page, 3);
    const moves = await movesIn(page, SLOT_A);
    await gotoGame(page, '');
    await page.click('[data-testid="load-replay"]');
    await until(page, (x) => x.scene === 'ReplayViewer', 'the viewer');
    await page.setInputFiles('[data-testid="replay-file"]', file);
    await page.locator('[data-testid="replay-fork"]').waitFor();
    await page.click('[data-testid="replay-fork"]');
    await page.locator('[data-testid="clash"]').waitFor();
    expect(await movesIn(page, SLOT_A)).toBe(moves);
    expect((await up(page)).focus).toBe('clash-continue');
    expect(errors).toEqual([]);
    await done();
  });
});

describe('tabs', () => {
  it('two tabs on two games: a move in one does not restart the other on reload', async () => {
    const { page: one, context, errors, done } = await openPage(browser);
    const two = await context.newPage();
    await gotoGame(one, link('tab-one'));
    await two.bringToFront();
    await gotoGame(two, link('tab-two'));
    await playMoves(two, 2);
    const hashTwo = (await up(two)).hash;
    await playMoves(one, 2);
    await two.bringToFront();
    await two.reload();
    const u = await until(two, (x) => x.renders > 0 && x.scene !== null, 'tab two reloaded');
    expect(u.hash).toBe(hashTwo);
    expect(u.scene).not.toBe('Brief');
    expect(errors).toEqual([]);
    await done();
  });

  it('a title screen open in one tab lists a game begun in another, keeping the keyboard where it was', async () => {
    const { page: one, context, errors, done } = await openPage(browser);
    const two = await context.newPage();
    await gotoGame(one, link('first'));
    await playMoves(one, 1);
    await gotoGame(one, '');
    await until(one, (x) => x.focus === 'continue', 'Continue focused');
    await two.bringToFront();
    await gotoGame(two, link('second'));
    await playMoves(two, 1);
    await one.bringToFront();
    await one.locator('[data-testid="save-row"][data-slot*="/second/"]').waitFor();
    expect(await one.evaluate(() => document.activeElement?.closest('[data-slot]')?.getAttribute('data-slot'))).toContain('/first/');
    expect(await one.textContent('[data-testid="live"]')).toContain('Saved games changed in another tab');
    expect(errors).toEqual([]);
    await done();
  });

  it('a tab whose game moved on in another tab says so, stops saving over it, and reloads it on request', async () => {
    const { page: one, context, errors, done } = await openPage(browser);
    const two = await context.newPage();
    await gotoGame(one, link('shared-game'));
    await playMoves(one, 2);
    await two.bringToFront();
    await gotoGame(two, link('shared-game')); // the same game, continued in a second tab
    await playMoves(two, 2);
    const hashTwo = (await up(two)).hash;
    await one.bringToFront();
    const notice = one.locator('[data-testid="tab-notice"]');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/moved on in another tab \(\d+ moves there, \d+ here\)/);
    expect(await one.getAttribute('[data-testid="tab-notice"]', 'role')).toBe('alertdialog');
    expect(await one.textContent('[data-testid="live"]')).toContain('moved on in another tab');
    expect(await one.textContent('[data-testid="footer-status"]')).toContain('moved on in another tab');
    expect((await up(one)).focus).toBe('tab-reload');
    await snap(one, 'save-tab-conflict', true);
    // A move here is not written over the other tab's game.
    const key = 'unfinished-peace/save/moscow-2019/shared-game/human-computer';
    const theirs = await movesIn(one, key);
    await one.keyboard.press('Enter');
    const reloaded = await until(one, (x) => x.hash === hashTwo, 'the other tab’s game');
    expect(reloaded.hash).toBe(hashTwo);
    expect(await movesIn(one, key)).toBe(theirs);
    expect(await one.isVisible('[data-testid="tab-notice"]')).toBe(false);
    expect(errors).toEqual([]);
    await done();
  });
});

describe('saving tells the truth', () => {
  it('a full storage is reported as full, and the save can be downloaded and loaded back elsewhere', async () => {
    const init = `Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };`;
    const { page, errors, done } = await openPage(browser, { init });
    await gotoGame(page, link('full-storage'));
    await playMoves(page, 3);
    const hash = (await up(page)).hash;
    expect(await page.textContent('[data-testid="footer-status"]')).toContain('storage full');
    expect(await page.textContent('[data-testid="live"]')).toContain('storage for the game is full');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="footer-download-save"]')]);
    expect(download.suggestedFilename()).toMatch(/^unfinished-peace-moscow-2019-full-storage\.save\.json$/);
    const path = `${OUT}/full-storage.save.json`;
    await download.saveAs(path);
    await done();

    // Another browser profile: load the file, and the game goes on from the same state.
    const other = await openPage(browser);
    await gotoGame(other.page, '');
    await other.page.setInputFiles('[data-testid="load-save"]', path);
    const u = await until(other.page, (x) => x.scene !== 'Title', 'the loaded game');
    expect(u.hash).toBe(hash);
    expect(errors).toEqual([]);
    expect(other.errors).toEqual([]);
    await other.done();
  });

  it('a corrupt save whose backup copy fails is left in place, and the notice says so (never "kept aside")', async () => {
    const init = `{ const set = Storage.prototype.setItem; Storage.prototype.setItem = function (k, v) { if (String(k).startsWith('unfinished-peace/save-backup')) throw new DOMException('full', 'QuotaExceededError'); return set.call(this, k, v); }; }`;
    const { page, errors, done } = await openPage(browser, { init });
    await gotoGame(page, '');
    await page.evaluate(() => localStorage.setItem('unfinished-peace/save', '{"version":1,"scenarioId":'));
    await gotoGame(page, '');
    const notice = (await page.locator('[data-testid="notice"]').first().innerText()) ?? '';
    expect(notice).toMatch(/too full to copy it aside, so it was left where it was/);
    expect(notice).not.toMatch(/kept aside as a backup/);
    expect(await page.evaluate(() => localStorage.getItem('unfinished-peace/save'))).toBe('{"version":1,"scenarioId":');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download-corrupt"]')]);
    expect(readFileSync(await download.path(), 'utf8')).toBe('{"version":1,"scenarioId":');
    expect(errors).toEqual([]);
    await done();
  });

  it('a file that is not a save is refused on screen, naming it', async () => {
    const { page, errors, done } = await openPage(browser);
    await gotoGame(page, '');
    await page.setInputFiles('[data-testid="load-save"]', { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"a": 1, "a": 2}') });
    const msg = page.locator('[data-testid="load-save-report"] .msg');
    await msg.waitFor();
    expect(await msg.innerText()).toMatch(/^notes\.json is not a saved game of Unfinished Peace: a: the key "a" appears twice/);
    expect(errors).toEqual([]);
    await done();
  });
});

describe('own scenarios', () => {
  const mine = () => {
    const s = JSON.parse(readFileSync(join(REPO_ROOT, 'scenarios/moscow-2019.json'), 'utf8')) as { id: string; title: string };
    s.id = 'class-7b-2019';
    s.title = 'Class 7b: the Abe–Putin push';
    return Buffer.from(JSON.stringify(s));
  };

  it('a game on an own scenario survives a reload: its save carries the text, and is never called corrupt', async () => {
    const { page, errors, done } = await openPage(browser);
    await gotoGame(page, '');
    await page.setInputFiles('[data-testid="own-scenario"]', { name: 'class-7b.json', mimeType: 'application/json', buffer: mine() });
    await page.locator('[data-testid="scenario-class-7b-2019"][aria-pressed="true"]').waitFor();
    await page.click('[data-testid="start"]');
    await until(page, (u) => u.scene === 'Brief', 'the brief');
    await playMoves(page, 3);
    const hash = (await up(page)).hash;
    await page.reload();
    await until(page, (u) => u.scene === 'Title', 'the title');
    expect(await page.locator('[data-testid="notice"]').count()).toBe(0);
    expect(await page.locator('[data-testid="save-row"]').first().innerText()).toContain('Class 7b');
    await page.click('[data-testid="continue"]');
    const u = await until(page, (x) => x.scene !== 'Title', 'the continued own game');
    expect(u.hash).toBe(hash);
    expect(errors).toEqual([]);
    await done();
  });

  it('when storage has no room for the text, the save names the file to load, and continues once it is loaded', async () => {
    // Room for a save of moves, not for 75 KB of scenario text.
    const init = `{ const set = Storage.prototype.setItem; Storage.prototype.setItem = function (k, v) { if (String(v).length > 20000) throw new DOMException('full', 'QuotaExceededError'); return set.call(this, k, v); }; }`;
    const { page, errors, done } = await openPage(browser, { init });
    await gotoGame(page, '');
    await page.setInputFiles('[data-testid="own-scenario"]', { name: 'class-7b.json', mimeType: 'application/json', buffer: mine() });
    await page.locator('[data-testid="scenario-class-7b-2019"][aria-pressed="true"]').waitFor();
    await page.click('[data-testid="start"]');
    await until(page, (u) => u.scene === 'Brief', 'the brief');
    expect(await page.textContent('[data-testid="live"]')).toContain('without the text of class-7b.json');
    await playMoves(page, 2);
    const hash = (await up(page)).hash;
    await page.reload();
    await until(page, (u) => u.scene === 'Title', 'the title');
    expect(await page.textContent('[data-testid="save-needs-file"]')).toContain('class-7b.json');
    expect(await page.isDisabled('[data-testid="continue"]')).toBe(true);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('backup')))).toEqual([]);
    await page.setInputFiles('[data-testid="own-scenario"]', { name: 'class-7b.json', mimeType: 'application/json', buffer: mine() });
    await page.locator('[data-testid="scenario-class-7b-2019"][aria-pressed="true"]').waitFor();
    await page.click('[data-testid="continue"]');
    const u = await until(page, (x) => x.scene !== 'Title', 'the continued own game');
    expect(u.hash).toBe(hash);
    expect(errors).toEqual([]);
    await done();
  });

  it('hostile files in the own-scenario box get a message on screen, never an empty report or a page error', async () => {
    const { page, errors, done } = await openPage(browser);
    await gotoGame(page, '');
    const fixture = (name: string) => readFileSync(join(REPO_ROOT, 'tests/fixtures/scenarios', name));
    for (const [name, expected] of [
      ['deep-nesting.json', /nested more than 64 levels deep/],
      ['duplicate-key-top-level.json', /firstProposer: the key "firstProposer" appears twice/],
      ['blank-invisible-title.json', /title: expected a non-empty text: this one is only invisible characters/],
      ['goal-weights-not-100.json', /must sum to 100/],
    ] as const) {
      await page.setInputFiles('[data-testid="own-scenario"]', { name, mimeType: 'application/json', buffer: fixture(name) });
      const items = page.locator('[data-testid="own-scenario-problems"] li');
      await items.first().waitFor();
      expect((await items.allInnerTexts()).join('\n')).toMatch(expected);
    }
    // A byte-order mark is no problem, as on the command line.
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), mine()]);
    await page.setInputFiles('[data-testid="own-scenario"]', { name: 'bom.json', mimeType: 'application/json', buffer: bom });
    await page.locator('[data-testid="scenario-class-7b-2019"]').waitFor();
    expect(errors).toEqual([]);
    await done();
  });
});

describe('seeds', () => {
  it('an invisible character is refused in the link and in the seed field, naming it', async () => {
    const { page, errors, done } = await openPage(browser);
    await gotoGame(page, link('student-0\u200D\u200D'));
    expect((await up(page)).scene).toBe('Title');
    expect(await page.textContent('[data-testid="notice"]')).toMatch(/parameter “seed” holds an invisible or control character \(U\+200D\)/);
    await page.fill('[data-testid="seed"]', 'student-0\u200B');
    expect(await page.textContent('#seed-help')).toMatch(/invisible or control character \(U\+200B\)/);
    expect(await page.getAttribute('[data-testid="seed"]', 'aria-invalid')).toBe('true');
    expect(await page.textContent('[data-testid="share-link"]')).toBe('—');
    await page.click('[data-testid="start"]');
    expect((await up(page)).scene).toBe('Title');
    // A repeated parameter is refused by name.
    await gotoGame(page, '?scenario=moscow-2019&seed=a&seed=b');
    expect(await page.textContent('[data-testid="notice"]')).toContain('parameter “seed” is given more than once');
    expect(errors).toEqual([]);
    await done();
  });
});

