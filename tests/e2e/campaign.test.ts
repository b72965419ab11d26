// Whole campaigns from the shared link to the debrief, by keyboard alone. (Russia's, by the
// same link, are played in tests/e2e/decisions.test.ts at Normal and languages.test.ts in Russian.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { GENEROUS, gotoGame, launch, leave, openPage, pictureSettled, play, press, snap, up } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => leave(browser));

describe('a whole campaign', () => {
  it('as Japan from the shared link, by keyboard, through ratification to the debrief', async () => {
    const { page, errors, done } = await openPage(browser);
    const first = await gotoGame(page, '?scenario=moscow-2019&seed=seed-5&side=japan&opponent=computer&difficulty=easy');
    expect(first.scene).toBe('Brief');
    expect(await page.textContent('[data-testid="brief"]')).toContain('red lines');
    // Each screen's picture is finished before the render loop sleeps on it.
    const unsettled: string[] = [];
    const checked = new Set<string>();
    const { scenes, final } = await play(page, 'japan', {
      offer: GENEROUS,
      onScreen: async (u) => {
        const key = `${u.scene}-${u.phase}`;
        if (checked.has(key)) return;
        checked.add(key);
        if (!(await pictureSettled(page))) unsettled.push(key);
      },
    });
    expect(unsettled, 'screens whose canvas changed when drawn again').toEqual([]);
    expect(checked.size).toBeGreaterThanOrEqual(5);
    expect([...scenes]).toEqual(expect.arrayContaining(['Brief', 'Table', 'Reaction', 'Ratification', 'Debrief']));
    expect(final.phase).toBe('ended');
    const debrief = await page.textContent('[data-testid="debrief"]');
    expect(debrief).toContain('What actually happened');
    expect(debrief).toContain('Questions for discussion');
    expect(debrief).toContain('Glossary');
    // The narration live region told the story as it went.
    expect(await page.getAttribute('[data-testid="live"]', 'aria-live')).toBe('polite');
    expect((await page.textContent('[data-testid="live"]'))?.length).toBeGreaterThan(200);
    // The printable debrief is filled and the print stylesheet shows only it.
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#print-root')).toBe(true);
    expect(await page.isVisible('#stage')).toBe(false);
    await page.screenshot({ path: 'test-output/japan-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
    await done();
  });

  it('hot seat: both sides on one device, with a hand-over screen that hides the other brief', async () => {
    const { page, errors, done } = await openPage(browser);
    const first = await gotoGame(page, '?scenario=moscow-2019&seed=hot-seat&side=japan&opponent=human');
    expect(first.scene).toBe('Handover');
    await snap(page, 'hotseat-Handover');
    let handovers = 0;
    const viewers = new Set<string>();
    for (let step = 0; step < 200; step++) {
      const u = await up(page);
      if (u.scene === 'Debrief') break;
      if (u.scene === 'Handover') {
        handovers++;
        // Nothing private on the hand-over screen: no brief, no package values.
        const text = (await page.textContent('#game')) ?? '';
        expect(text).not.toContain('red lines');
        expect(text).not.toContain('Worth to you');
      }
      if (u.scene === 'Brief') {
        viewers.add(u.viewer!);
        const brief = (await page.textContent('[data-testid="brief"]')) ?? '';
        expect(brief).toContain(u.viewer === 'japan' ? 'Abe' : 'Putin');
        await snap(page, `hotseat-Brief-${u.viewer}`);
      }
      if (u.scene !== 'Handover' && u.pending) expect(u.viewer).toBe(u.pending);
      await press(page, 'Enter');
    }
    expect((await up(page)).scene).toBe('Debrief');
    expect(viewers).toEqual(new Set(['japan', 'russia']));
    expect(handovers).toBeGreaterThan(4);
    expect(errors).toEqual([]);
    await done();
  });
});
