// Download a replay, load it in the viewer, step to the same final state; fork; tampering caught.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { OUT, gotoGame, launch, leave, openPage, press, snap, until, up } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => leave(browser));

describe('replays', () => {
  it('round-trips through a file: same final hash, steps back and forth, continues from a step', async () => {
    const { page, errors, done } = await openPage(browser);
    await gotoGame(page, '?scenario=moscow-2019&seed=replay-class&side=russia&opponent=computer');
    let u = await up(page);
    for (let i = 0; i < 80 && u.scene !== 'Debrief'; i++) u = await press(page, 'Enter');
    expect(u.scene).toBe('Debrief');
    const finalHash = u.hash;
    expect(u.focus).toBe('download-replay');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const file = `${OUT}/game.replay.json`;
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^unfinished-peace-moscow-2019-.*\.json$/);
    const replay = JSON.parse(readFileSync(file, 'utf8')) as { actions: unknown[]; final: { hash: string } };
    expect(replay.actions.length).toBeGreaterThan(3);

    await page.click('[data-testid="new-game"]');
    await until(page, (x) => x.scene === 'Title', 'the title');
    await page.click('[data-testid="load-replay"]');
    await until(page, (x) => x.scene === 'ReplayViewer', 'the viewer');
    await snap(page, 'replay-ReplayViewer');
    await page.setInputFiles('[data-testid="replay-file"]', file);
    u = await until(page, (x) => x.scene === 'Debrief', 'the replay at its last step');
    expect(u.hash).toBe(finalHash);
    expect(await page.textContent('[data-testid="replay-step"]')).toContain(`${replay.actions.length} of ${replay.actions.length}`);
    await snap(page, 'replay-Debrief-final');

    // Back to the start and forward again by keyboard on the step buttons.
    await page.click('[data-testid="replay-first"]');
    u = await until(page, (x) => x.scene !== 'Debrief', 'step 0');
    expect(await page.textContent('[data-testid="replay-step"]')).toContain(`0 of ${replay.actions.length}`);
    const hashes: string[] = [u.hash!];
    for (let i = 0; i < 3; i++) {
      await page.focus('[data-testid="replay-forward"]');
      u = await press(page, 'Enter');
      hashes.push(u.hash!);
    }
    await snap(page, 'replay-step3');
    // Scenes are read-only while replaying.
    const enabled = await page.$$eval('#game .panel button:not(:disabled)', (bs) => bs.map((b) => b.getAttribute('data-testid')));
    expect(enabled.filter((id) => id && /^(send-ministers|propose|accept|stall|walk-out|tone-|ratify-)/.test(id))).toEqual([]);
    await page.focus('[data-testid="replay-back"]');
    u = await press(page, 'Enter');
    expect(u.hash).toBe(hashes[2]);

    // Continue from here: a live game that starts exactly at this step.
    await page.focus('[data-testid="replay-fork"]');
    u = await press(page, 'Enter');
    expect(u.hash).toBe(hashes[2]);
    expect(await page.$('[data-testid="replay-bar"]')).toBeNull();
    for (let i = 0; i < 80 && u.scene !== 'Debrief'; i++) u = await press(page, 'Enter');
    expect(u.scene).toBe('Debrief');
    expect(errors).toEqual([]);
    await done();
  });

  it('a tampered or foreign file gets a clear message, not a blank screen', async () => {
    const { page, errors, done } = await openPage(browser);
    await gotoGame(page, '?scenario=moscow-2019&seed=tamper&side=japan&opponent=computer');
    let u = await up(page);
    for (let i = 0; i < 80 && u.scene !== 'Debrief'; i++) u = await press(page, 'Enter');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download-replay"]')]);
    const good = `${OUT}/tamper-source.json`;
    await download.saveAs(good);
    const replay = JSON.parse(readFileSync(good, 'utf8')) as { seed: string; actions: { type: string; tone?: string }[] };
    const statement = replay.actions.find((a) => a.type === 'statement')!;
    statement.tone = statement.tone === 'leak' ? 'quiet' : 'leak';
    writeFileSync(`${OUT}/tampered.json`, JSON.stringify(replay));
    writeFileSync(`${OUT}/foreign.json`, JSON.stringify({ hello: '<img src=x onerror=alert(1)>' }));
    writeFileSync(`${OUT}/not-json.json`, 'this is not json');

    await page.click('[data-testid="new-game"]');
    await until(page, (x) => x.scene === 'Title', 'the title');
    await page.click('[data-testid="load-replay"]');
    await until(page, (x) => x.scene === 'ReplayViewer', 'the viewer');
    for (const [name, pattern] of [
      ['tampered.json', /tampered\.json.*(diverges|hash|not legal)/],
      ['foreign.json', /foreign\.json.*not an Unfinished Peace replay/],
      ['not-json.json', /not-json\.json/],
    ] as const) {
      await page.setInputFiles('[data-testid="replay-file"]', `${OUT}/${name}`);
      const status = page.locator('[data-testid="replay-status"]');
      await status.filter({ hasText: 'cannot be used' }).waitFor();
      expect(await status.textContent()).toMatch(pattern);
      expect((await up(page)).scene).toBe('ReplayViewer');
    }
    expect(await page.$('img[src="x"]')).toBeNull();
    await snap(page, 'replay-ReplayViewer-error');
    // Dropping the honest file anywhere on the page opens it.
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, readFileSync(good, 'utf8'));
    const opened = await until(page, (x) => x.scene === 'Debrief', 'the dropped replay');
    expect(opened.phase).toBe('ended');
    expect(await page.$('[data-testid="replay-bar"]')).not.toBeNull();
    expect(errors).toEqual([]);
    await done();
  });
});
