// Autosave and continue, a corrupt save, storage that refuses, and the shared link's checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { gotoGame, launch, leave, movesOf, openPage, press, snap, until, up } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => leave(browser));

describe('saving and links', () => {
  it('reload mid-game continues the same game; so does the Continue button', async () => {
    const { page, errors, done } = await openPage(browser);
    const link = '?scenario=moscow-2019&seed=reload-me&side=japan&opponent=computer';
    await gotoGame(page, link);
    let u = await up(page);
    for (let i = 0; i < 5; i++) u = await press(page, 'Enter');
    const mid = u;
    expect(mid.phase).not.toBe('ended');
    await page.reload();
    u = await until(page, (x) => x.renders > 0, 'the reloaded game');
    expect(u.hash).toBe(mid.hash);
    expect(u.scene).toBe(mid.scene);
    // Without the link: setup offers Continue.
    await gotoGame(page, '');
    expect((await up(page)).scene).toBe('Title');
    await snap(page, 'save-Title-continue');
    await page.click('[data-testid="continue"]');
    u = await until(page, (x) => x.scene !== 'Title', 'the continued game');
    expect(u.hash).toBe(mid.hash);
    expect(errors).toEqual([]);
    await done();
  });

  it('a screen that throws while it is drawn says why, and a reload goes on with the same game', async () => {
    const { page, errors, done } = await openPage(browser);
    await gotoGame(page, '?scenario=moscow-2019&seed=throws&side=japan&opponent=computer');
    let u = await press(page, 'Enter'); // the brief read: to the table
    u = await press(page, 'Enter'); // ministers sent
    const movesBefore = await movesOf(page);
    // The next thing a scene adds to the page throws, once: as a bug in a screen would.
    await page.evaluate(() => {
      const append = Element.prototype.append;
      Element.prototype.append = function (this: Element, ...nodes: (Node | string)[]) {
        Element.prototype.append = append;
        throw new Error('a test-made fault');
      };
    });
    await page.keyboard.press('Enter');
    const alert = page.locator('[data-testid="scene-failed"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('a test-made fault');
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('scene-failed-reload');
    await snap(page, 'save-scene-failed', true);
    expect(errors.some((e) => e.includes('a test-made fault'))).toBe(true);
    // The move was made and saved before the screen failed: the reload shows the game after it.
    const moved = await up(page);
    expect(await movesOf(page)).toBeGreaterThan(movesBefore);
    await page.keyboard.press('Enter');
    u = await until(page, (x) => x.renders > 0 && x.hash === moved.hash, 'the reloaded game, after the move');
    expect(u.scene).not.toBe('Title');
    expect(await page.locator('[data-testid="scene-failed"]').count()).toBe(0);
    await done();
  });

  it('a corrupt save is kept as a backup, the player is told, and a game still starts', async () => {
    const { page, errors, done } = await openPage(browser);
    await gotoGame(page, ''); // boot reads storage: write the bad save only after it has
    await page.evaluate(() => localStorage.setItem('unfinished-peace/save', '{"version":1,"scenarioId":'));
    await gotoGame(page, '');
    const notice = await page.textContent('[data-testid="notice"]');
    expect(notice).toMatch(/could not be read/);
    expect(await page.evaluate(() => localStorage.getItem('unfinished-peace/save-backup'))).toBe('{"version":1,"scenarioId":');
    await snap(page, 'save-corrupt');
    const u = await press(page, 'Enter'); // Begin is focused
    expect(u.scene).toBe('Brief');
    // A save whose moves no longer replay is treated the same way.
    await page.evaluate(() => localStorage.setItem('unfinished-peace/save', JSON.stringify({ version: 1, scenarioId: 'moscow-2019', config: { scenarioId: 'moscow-2019', seed: 'x', controllers: { japan: 'human', russia: 'computer' }, difficulty: 'normal', strategy: { japan: 'grounded', russia: 'grounded' } }, actions: [{ type: 'accept', side: 'japan' }] })));
    await gotoGame(page, '');
    // Two games are listed now (the one begun above, newest, and this one): continue this one.
    await page.click('[data-testid="save-row"][data-slot*="/x/"] [data-testid="continue"]');
    await page.locator('[data-testid="notice"]').filter({ hasText: 'could not be read' }).waitFor();
    expect((await up(page)).scene).toBe('Title');
    expect(errors).toEqual([]);
    await done();
  });

  it('when storage is forbidden the game goes on and says it cannot save', async () => {
    const init = `Storage.prototype.setItem = function () { throw new DOMException('denied', 'SecurityError'); };`;
    const { page, errors, done } = await openPage(browser, { init });
    await gotoGame(page, '?scenario=moscow-2019&seed=no-storage&side=japan&opponent=computer');
    const u = await press(page, 'Enter');
    expect(u.scene).toBe('Table');
    expect(await page.textContent('[data-testid="footer-status"]')).toContain('Not saved');
    expect(await page.textContent('[data-testid="live"]')).toContain('cannot save');
    // The save can still be kept, as a file.
    expect(await page.isVisible('[data-testid="footer-download-save"]')).toBe(true);
    expect(errors).toEqual([]);
    await done();
  });

  it('bad link parameters land on setup naming the parameter; text stays text', async () => {
    const { page, errors, done } = await openPage(browser);
    await gotoGame(page, `?scenario=atlantis&seed=${encodeURIComponent('<img src=x onerror=alert(1)>')}&side=china&colour=red`);
    expect((await up(page)).scene).toBe('Title');
    const notice = (await page.textContent('[data-testid="notice"]')) ?? '';
    expect(notice).toContain('“scenario”');
    expect(notice).toContain('“side”');
    expect(notice).toContain('“colour”');
    expect(await page.$('img[src="x"]')).toBeNull();
    expect(await page.inputValue('[data-testid="seed"]')).toBe('<img src=x onerror=alert(1)>');
    await snap(page, 'link-bad');
    await gotoGame(page, `?scenario=moscow-2019&seed=${'x'.repeat(65)}`);
    expect(await page.textContent('[data-testid="notice"]')).toContain('“seed”');
    expect(errors).toEqual([]);
    await done();
  });

  it('any Unicode seed round-trips through the link and the setup screen', async () => {
    const { page, errors, done } = await openPage(browser);
    const seed = 'Курилы 北方領土 🏝️ ☮ x'; // within 64 code points
    let u = await gotoGame(page, `?scenario=moscow-2019&seed=${encodeURIComponent(seed)}&side=russia&opponent=computer&difficulty=hard`);
    expect(u.scene).toBe('Brief');
    expect(await page.textContent('[data-testid="footer-status"]')).toContain(seed);
    const hashFromLink = u.hash;
    // The same seed typed on the setup screen gives the same world and the same link.
    await gotoGame(page, '');
    await page.fill('[data-testid="seed"]', seed);
    // The games in progress sit above the form now: click the side's label, as a person would.
    await page.click('label:has([data-testid="side-russia"])');
    await page.selectOption('[data-testid="difficulty"]', 'hard');
    const shown = (await page.textContent('[data-testid="share-link"]')) ?? '';
    expect(new URL(shown).searchParams.get('seed')).toBe(seed);
    await page.click('[data-testid="start"]');
    u = await until(page, (x) => x.scene === 'Brief', 'the brief');
    expect(u.hash).toBe(hashFromLink);
    expect(errors).toEqual([]);
    await done();
  });
});
