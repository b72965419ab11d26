// Reading and operating the game without a mouse or without colour: focus, narration,
// the why-panel with its dice, sources one key away, readable type at both screen sizes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { gotoGame, launch, leave, openPage, press, snap, tabTo, until, up } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => leave(browser));

/** The smallest on-screen size of any visible text in the DOM panels, in CSS pixels. */
function smallestText(page: Page): Promise<{ px: number; sample: string }> {
  return page.evaluate(() => {
    let min = { px: Infinity, sample: '' };
    const container = document.querySelector('#game > div') as HTMLElement | null;
    const scale = container ? container.getBoundingClientRect().width / 1280 : 1;
    for (const el of document.querySelectorAll<HTMLElement>('#game .panel *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim() !== '');
      if (!own || el.offsetParent === null) continue;
      const px = parseFloat(getComputedStyle(el).fontSize) * scale;
      if (px < min.px) min = { px, sample: el.textContent!.slice(0, 40) };
    }
    return min;
  });
}

describe('accessibility', () => {
  it('why-panel shows factors and dice; event sources are one key away; narration is live', async () => {
    const { page, errors, done } = await openPage(browser);
    await gotoGame(page, '?scenario=moscow-2019&seed=why-dice&side=japan&opponent=computer');
    let u = await up(page);
    // Play into the second round's public reaction, where last round's events show.
    for (let i = 0; i < 40 && !(u.scene === 'Reaction' && (u.round ?? 0) >= 1); i++) u = await press(page, 'Enter');
    expect(u.scene).toBe('Reaction');
    await snap(page, 'a11y-Reaction-round2');

    // Open "why" on a poll by keyboard: it moved with sampling noise, so it has dice.
    await tabTo(page, 'why-support.russia');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="why-panel"]').waitFor();
    const why = (await page.textContent('[data-testid="why-panel"]')) ?? '';
    expect(why).toMatch(/Round \d/);
    expect(why).toMatch(/rolled/);
    await snap(page, 'a11y-why-panel');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="why-panel"]').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('why-support.russia');

    // Events: each shows both countries' headlines, and S reveals its source.
    const card = page.locator('article.event').first();
    if ((await card.count()) > 0) {
      await card.focus();
      expect(await card.locator('[data-testid="event-source"]').isHidden()).toBe(true);
      await page.keyboard.press('s');
      expect(await card.locator('[data-testid="event-source"]').isVisible()).toBe(true);
      expect(await card.locator('.headline').count()).toBe(2);
      await snap(page, 'a11y-event-source');
    }

    // The narration: a polite live region with the story so far; L opens it.
    expect(await page.getAttribute('#live', 'aria-live')).toBe('polite');
    await page.locator('body').press('Escape');
    await page.keyboard.press('l');
    expect(await page.evaluate(() => document.getElementById('narration')!.classList.contains('open'))).toBe(true);
    await snap(page, 'a11y-narration');
    expect(errors).toEqual([]);
    await done();
  });

  it('focus is always visible and type never drops below 16px, at 1280×720, 1920×1080 and a non-16:9 window', async () => {
    for (const [w, h] of [[1280, 720], [1920, 1080], [1600, 1000]] as const) {
      const { page, errors, done } = await openPage(browser, { width: w, height: h });
      await gotoGame(page, '');
      // The DOM controls sit exactly over the canvas they label, at any window size.
      const [canvasBox, domBox] = await page.evaluate(() => [document.querySelector('#game canvas')!, document.querySelector('#game > div')!].map((e) => { const r = e.getBoundingClientRect(); return [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)]; }));
      expect(domBox).toEqual(canvasBox);
      let min = await smallestText(page);
      expect(min.px, `title at ${w}×${h}: “${min.sample}”`).toBeGreaterThanOrEqual(16);
      await snap(page, `a11y-Title-${w}`);
      await page.click('[data-testid="start"]');
      await until(page, (x) => x.scene === 'Brief', 'the brief');
      await press(page, 'Enter');
      await press(page, 'Enter');
      const u = await up(page);
      expect(u.phase).toBe('summit');
      min = await smallestText(page);
      expect(min.px, `summit at ${w}×${h}: “${min.sample}”`).toBeGreaterThanOrEqual(16);
      const outline = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement!);
        return `${s.outlineStyle} ${s.outlineWidth}`;
      });
      expect(outline).toMatch(/solid [3-9]px/);
      await snap(page, `a11y-Table-summit-${w}`);
      expect(errors).toEqual([]);
      await done();
    }
  });
});
