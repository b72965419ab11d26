// The world beyond the table on screen: the factions at home, Washington and Beijing, the
// leader's horizon, on the table and reaction screens at 1280×720; a faction's why-panel;
// working the home front by keyboard before the statement, its backing rising on screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/cli/scenarios';
import { TO_SIGNED_LEASE } from '../fixtures/world-moves';
import { gotoGame, launch, leave, openPage, press, snap, tabTo, until, up } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => leave(browser));

const JAPAN_FACTIONS = ['Former islanders', 'The government line', 'The alliance camp', 'Business and energy buyers'];

/**
 * What of a section is clipped: any descendant that sticks out of the section sideways, any
 * text cut inside its own box, and the section itself outside the window or taller than the
 * scrolling panel that holds it (so it could never be seen whole).
 */
function clipping(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    const root = document.querySelector<HTMLElement>(sel);
    if (!root) return [`${sel} missing`];
    const box = root.getBoundingClientRect();
    if (box.left < 0 || box.right > window.innerWidth) out.push(`${sel} outside the window sideways`);
    const scroller = root.closest<HTMLElement>('.scroll');
    if (scroller && box.height > scroller.clientHeight) out.push(`${sel} taller than its panel (${box.height} > ${scroller.clientHeight})`);
    for (const el of root.querySelectorAll<HTMLElement>('*')) {
      if (el.offsetParent === null) continue;
      const r = el.getBoundingClientRect();
      if (r.right > box.right + 1 || r.left < box.left - 1) out.push(`sticks out: ${el.tagName} “${(el.textContent ?? '').slice(0, 40)}”`);
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') out.push(`text cut: ${el.tagName} “${(el.textContent ?? '').slice(0, 40)}”`);
    }
    return out;
  }, selector);
}

/** Scrolls a section into its panel's view and checks it is whole on screen (the test ids of decisions.test's inViewport). */
async function inView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel)!;
    el.scrollIntoView({ block: 'nearest' });
    const r = el.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight || r.left < 0 || r.right > window.innerWidth) return false;
    for (let p = el.parentElement; p; p = p.parentElement) {
      if (!/(auto|scroll|hidden)/.test(getComputedStyle(p).overflowY)) continue;
      const b = p.getBoundingClientRect();
      if (r.top < b.top - 1 || r.bottom > b.bottom + 1) return false;
    }
    return true;
  }, selector);
}

const backing = async (page: Page, id: string): Promise<number> => Number((await page.textContent(`[data-testid="why-faction-${id}"] .v`))?.replace(/[^\d.]/g, ''));

/** Shift+Tab until the element with this test id has focus: backwards from the statement, like a player. */
async function tabBackTo(page: Page, testid: string, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)) === testid) return;
    await page.keyboard.press('Shift+Tab');
  }
  throw new Error(`could not reach ${testid} by Shift+Tab`);
}

describe('the world beyond the table', () => {
  it('as Japan: factions, Washington and Beijing on the table; a faction’s why-panel; working the home front by keyboard', async () => {
    const { page, errors, done } = await openPage(browser);
    let u = await gotoGame(page, '?scenario=moscow-2019&seed=world-1&side=japan&opponent=computer&difficulty=normal');
    expect(u.scene).toBe('Brief');
    u = await press(page, 'Enter');
    expect(u.scene).toBe('Table');

    // The table: the four Japanese factions with their demands, Russia's in a line, the two powers, the horizon.
    const mine = page.locator('[data-testid="my-factions"] > li');
    expect(await mine.count()).toBe(4);
    const text = (await page.textContent('[data-testid="world"]')) ?? '';
    for (const name of JAPAN_FACTIONS) expect(text).toContain(name);
    expect(text).toContain('Wants: Sovereignty returned');
    expect(await page.textContent('[data-testid="their-factions"]')).toMatch(/Russia’s factions.*Nationalists on the street\s*40/);
    expect(await page.textContent('[data-testid="why-alliance"]')).toMatch(/Washington's confidence in Tokyo\s*70/);
    expect(await page.textContent('[data-testid="why-china"]')).toMatch(/Moscow's reliance on Beijing\s*55/);
    expect(await page.textContent('[data-testid="horizon"]')).toMatch(/Abe wants his legacy.*3 rounds left after this one/);
    expect(await clipping(page, '[data-testid="world"]')).toEqual([]);
    expect(await inView(page, '[data-testid="world"]')).toBe(true);
    await snap(page, 'world-Table-talks', true);

    // A faction's backing opens its why-panel, and focus comes back to it.
    await tabTo(page, 'why-faction-ldp-line');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="why-panel"]').waitFor();
    const why = (await page.textContent('[data-testid="why-panel"]')) ?? '';
    expect(why).toMatch(/Why the backing of The government line is 36/);
    expect(why).toContain('Its demand: Sovereignty returned');
    await snap(page, 'world-why-faction', true);
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="why-panel"]').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('why-faction-ldp-line');

    // On to the public reaction (the focused default each time).
    await tabTo(page, 'send-ministers');
    for (let i = 0; i < 10 && u.scene !== 'Reaction'; i++) u = await press(page, 'Enter');
    expect(u.scene).toBe('Reaction');
    expect(u.focus).toMatch(/^tone-/);
    expect(await page.locator('[data-testid="my-factions"] > li').count()).toBe(4);
    const work = page.locator('[data-testid^="work-"]');
    expect(await work.count()).toBe(4);
    expect(await page.textContent('[data-testid="work"]')).toContain('Brief the party on the talks');
    expect(await page.textContent('[data-testid="work"]')).toMatch(/Backing of Business and energy buyers \+12; your approval −0\.5; The government line −3/);
    expect(await clipping(page, '[data-testid="world"]')).toEqual([]);
    expect(await clipping(page, '[data-testid="work"]')).toEqual([]);
    expect(await inView(page, '[data-testid="work"]')).toBe(true);
    await snap(page, 'world-Reaction', true);

    // Work the government line by keyboard, back from the statement: its backing rises on screen.
    const before = await backing(page, 'ldp-line');
    await page.evaluate(() => (document.querySelector('[data-testid^="tone-"]') as HTMLElement).focus());
    await tabBackTo(page, 'work-ldp-line');
    u = await press(page, 'Enter');
    expect(u.scene).toBe('Reaction');
    expect(u.phase).toBe('publicReaction');
    const after = await backing(page, 'ldp-line');
    expect(after).toBeGreaterThan(before);
    const worked = (await page.textContent('[data-testid="worked"]')) ?? '';
    expect(worked).toMatch(/You worked the home front: Brief the party on the talks\. Backing of The government line \d+ → \d+; your approval −1/);
    expect(await page.locator('[data-testid^="work-"]').count()).toBe(0);
    // The statement is still to make, and it has focus.
    expect(await page.locator('[data-testid^="tone-"]').count()).toBeGreaterThan(0);
    expect((await up(page)).focus).toMatch(/^tone-/);
    expect(await inView(page, '[data-testid="work"]')).toBe(true);
    await snap(page, 'world-Reaction-worked', true);

    // Its why-panel names the work as the cause.
    await page.click('[data-testid="why-faction-ldp-line"]');
    await page.locator('[data-testid="why-panel"]').waitFor();
    expect(await page.textContent('[data-testid="why-panel"]')).toMatch(/Japan: Brief the party on the talks \(The government line\)/);
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="why-panel"]').waitFor({ state: 'detached' });

    // The statement goes on as before.
    await page.evaluate(() => (document.querySelector('[data-testid^="tone-"]') as HTMLElement).focus());
    u = await press(page, 'Enter');
    await until(page, (x) => x.scene !== 'Reaction' || x.phase !== 'publicReaction', 'the statement made');
    expect(errors).toEqual([]);
    await done();
  });

  it('as Russia: its own factions on the reaction screen, the ratification odds say who blocks, and the debrief tells the world’s part', async () => {
    const { page, errors, done } = await openPage(browser);
    let u = await gotoGame(page, '?scenario=moscow-2019&seed=class-7b&side=russia&opponent=computer');
    for (let i = 0; i < 160 && u.scene !== 'Debrief'; i++) {
      if (u.scene === 'Reaction' && u.round === 0) {
        expect(await page.textContent('[data-testid="my-factions"]')).toContain('Nationalists on the street');
        expect(await page.textContent('[data-testid="their-factions"]')).toMatch(/Japan’s factions.*The government line/);
        expect(await page.textContent('[data-testid="horizon"]')).toContain('Putin proposed a peace agreement');
      }
      if (u.scene === 'Ratification') {
        // Beside the odds: any faction that blocks the text, and what would lift it.
        for (const side of ['russia', 'japan']) {
          const odds = (await page.textContent(`[data-testid="odds-${side}"]`)) ?? '';
          const blocked = page.locator(`[data-testid="blocked-${side}"]`);
          if ((await blocked.count()) > 0) {
            expect(odds).toMatch(/0% — blocked/);
            expect(await blocked.textContent()).toMatch(/blocks this text: 0%/);
          } else expect(odds).not.toMatch(/blocked/);
        }
        await snap(page, 'world-Ratification');
      }
      u = await press(page, 'Enter');
    }
    expect(u.scene).toBe('Debrief');
    const world = (await page.textContent('[data-testid="debrief-world"]')) ?? '';
    expect(world).toContain('Beyond the table');
    for (const name of ['Nationalists on the street', 'The navy', 'The government line', 'Business and energy buyers']) expect(world).toContain(name);
    expect(world).toMatch(/Washington's confidence in Tokyo \(The United States\): \d+(\.\d)? → \d+(\.\d)?\./);
    expect(world).toMatch(/Moscow's reliance on Beijing \(China\): /);
    expect(world).toMatch(/Biggest move: [+−][\d.]+ in round \d/);
    await page.evaluate(() => document.querySelector('[data-testid="debrief-world"]')!.scrollIntoView({ block: 'start' }));
    await snap(page, 'world-Debrief', true);
    expect(errors).toEqual([]);
    await done();
  });

  it('a teacher’s scenario where the government line is weak: the signed text is blocked on screen unless Japan worked it first', async () => {
    // moscow-2019 as a teacher might edit it: the government line starts at 28, no events (so no draw moves it).
    const scenario = JSON.parse(readFileSync(join(REPO_ROOT, 'scenarios/moscow-2019.json'), 'utf8')) as { id: string; title: string; events: unknown[]; factions: { id: string; backing: number }[] };
    scenario.id = 'weak-line-2019';
    scenario.title = 'Class 9a: a weak government line';
    scenario.events = [];
    scenario.factions.find((f) => f.id === 'ldp-line')!.backing = 28;
    const text = JSON.stringify(scenario);
    const save = (worked: boolean) => ({
      version: 1,
      scenarioId: scenario.id,
      // Hot seat, so that every move is the saved one: no computer chooses.
      config: { scenarioId: scenario.id, seed: 'weak-line', controllers: { japan: 'human', russia: 'human' }, difficulty: 'normal', strategy: { japan: 'grounded', russia: 'grounded' } },
      actions: [
        ...TO_SIGNED_LEASE,
        ...(worked ? [{ type: 'homeFront', side: 'japan', faction: 'ldp-line' }] : []),
        { type: 'statement', side: 'japan', tone: 'quiet' },
        { type: 'statement', side: 'russia', tone: 'quiet' },
      ],
      own: { file: 'weak-line.json', title: scenario.title, text },
    });
    for (const worked of [false, true]) {
      const { page, errors, done } = await openPage(browser);
      await gotoGame(page, '');
      await page.setInputFiles('[data-testid="load-save"]', { name: 'weak-line.save.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(save(worked))) });
      let u = await until(page, (x) => x.scene === 'Ratification' || x.scene === 'Handover', 'the loaded game at its vote', 30_000);
      // Hot seat: the hand-over screen first, then Japan's ratification screen.
      if (u.scene === 'Handover') u = await press(page, 'Enter');
      expect(u.scene).toBe('Ratification');
      expect(u.pending).toBe('japan');
      const odds = (await page.textContent('[data-testid="odds-japan"]')) ?? '';
      if (worked) {
        expect(odds).not.toMatch(/blocked/);
        expect(await page.locator('[data-testid="blocked-japan"]').count()).toBe(0);
        expect(odds).toMatch(/\d+%/);
        expect(await page.textContent('[data-testid="ratification"]')).not.toMatch(/BLOCKS/);
      } else {
        expect(odds).toMatch(/0% — blocked/);
        expect(await page.textContent('[data-testid="blocked-japan"]')).toMatch(/The government line blocks this text: 0%.*work The government line \(Brief the party on the talks, backing \+12\) before the vote/);
      }
      await snap(page, worked ? 'world-Ratification-worked' : 'world-Ratification-blocked', true);
      if (!worked) {
        // Both vote (the focused default, hand-overs between): the text falls, and the next talks say why.
        for (let i = 0; i < 8 && !(u.scene === 'Table' && u.round === 2); i++) u = await press(page, 'Enter');
        expect(u.scene).toBe('Table');
        expect(await page.textContent('[data-testid="last-vote"]')).toMatch(/Japan’s parliament cannot pass the text: The government line blocks it\..*goes back to the negotiators/);
        await snap(page, 'world-Table-after-block', true);
      }
      expect(errors).toEqual([]);
      await done();
    }
  });
});

