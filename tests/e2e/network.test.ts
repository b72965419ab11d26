// Two browser contexts as two devices, on the game's own server (the built game and the
// rooms on one port): a whole match to the debrief, and a connection that drops mid-game.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, leave, movesOf as moves, openPage, overflows, press, snap, up, until, type Up, type Watched } from './helpers';
import { startServer } from '../../src/server/main';
import { bundledScenarios } from '../../src/cli/scenarios';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('a match across two devices', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startServer>>;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'up-net-e2e-'));
    server = await startServer({ mode: 'prod', port: 0, host: '127.0.0.1', distDir: join(root, 'dist'), dataDir, quiet: true });
    browser = await launch();
  });

  afterAll(async () => {
    await leave(browser, { closeKept: true });
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function open(query = ''): Promise<Watched> {
    const w = await openPage(browser);
    await w.page.goto(server.url + query);
    await until(w.page, (u) => u.renders > 0 && u.scene !== 'Preloader', 'the first scene', 30_000);
    return w;
  }

  /** Hosts a match as Japan from the title, by keyboard; returns its code as shown. */
  async function host(page: Page, seed: string): Promise<string> {
    await page.fill('[data-testid="seed"]', seed);
    await page.selectOption('[data-testid="opponent"]', 'network');
    await page.focus('[data-testid="start"]');
    await page.keyboard.press('Enter');
    await until(page, (u) => u.scene === 'Match', 'the match screen');
    await page.waitForSelector('[data-testid="match-qr"][data-modules]');
    return ((await page.textContent('[data-testid="match-code"]')) ?? '').trim();
  }

  /** A test id's text once `pred` holds of it (the page's CSP forbids eval, so no waitForFunction). */
  async function textUntil(page: Page, testid: string, pred: (text: string) => boolean, timeout = 10_000): Promise<string> {
    const end = Date.now() + timeout;
    let text = '';
    while (Date.now() < end) {
      text = (await page.textContent(`[data-testid="${testid}"]`).catch(() => '')) ?? '';
      if (pred(text)) return text;
      await page.waitForTimeout(50);
    }
    throw new Error(`timed out waiting on ${testid}; last text: ${text}`);
  }

  /** One step for a player: Enter on the focused default when it is their screen to act on. */
  async function step(page: Page, tag: string): Promise<Up> {
    const u = await up(page);
    await snap(page, `net-${tag}-${u.scene}${u.scene === 'Table' ? `-${u.phase}` : ''}`);
    const mine = u.scene === 'Brief' || (u.pending !== null && u.pending === u.viewer && u.scene !== 'Debrief');
    return mine ? press(page, 'Enter') : u;
  }

  /** Japan hosts a match and Russia joins it by its link: both at their briefs. */
  async function hostedPair(tag: string): Promise<{ japan: Watched; russia: Watched; code: string }> {
    const japan = await open();
    const code = (await host(japan.page, tag)).replace('-', '');
    const russia = await open(`?match=${code}`);
    await until(russia.page, (u) => u.scene === 'Brief', "russia's brief");
    return { japan, russia, code };
  }

  it('plays a whole match to the debrief, each side seeing only its own brief', async () => {
    const japan = await open();
    const code = await host(japan.page, 'two-devices');
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const link = (await japan.page.textContent('[data-testid="match-link"]')) ?? '';
    expect(link).toContain(`?match=${code.replace('-', '')}`);
    await snap(japan.page, 'net-host-Match', true);

    // The friend types the code on their own title screen.
    const russia = await open();
    await russia.page.fill('[data-testid="join-code"]', code.toLowerCase());
    await russia.page.focus('[data-testid="join-match"]');
    await russia.page.keyboard.press('Enter');
    const rb = await until(russia.page, (u) => u.scene === 'Brief', "russia's brief");
    expect(rb.viewer).toBe('russia');
    const brief = (await russia.page.textContent('[data-testid="brief"]')) ?? '';
    expect(brief).toContain('Putin');
    await until(japan.page, (u) => u.scene === 'Brief', "japan's brief");
    expect((await japan.page.textContent('[data-testid="brief"]')) ?? '').toContain('Abe');
    await snap(russia.page, 'net-russia-Brief', true);

    // What reached Russia's browser holds nothing of Japan's private side.
    const leak = await russia.page.evaluate(() => {
      const s = (window as unknown as { __up: { state(): { config: { seed: string }; priorities: Record<string, { weights: Record<string, number> }> } } }).__up.state();
      return { seed: s.config.seed, japanWeights: Object.values(s.priorities.japan!.weights), text: document.body.innerText };
    });
    expect(leak.seed).toBe('');
    expect(leak.japanWeights.every((w) => w === 0)).toBe(true);
    expect(leak.text).not.toContain('two-devices');

    let saw = { japanWaits: false, russiaWaits: false };
    for (let i = 0; i < 400; i++) {
      const [j, r] = [await step(japan.page, 'japan'), await step(russia.page, 'russia')];
      if (j.scene === 'Table' && j.pending === 'russia') saw.japanWaits = true;
      if (r.scene === 'Table' && r.pending === 'japan') saw.russiaWaits = true;
      if (j.scene === 'Debrief' && r.scene === 'Debrief') break;
      if (j.scene === 'Table' && j.pending === 'russia' && (await japan.page.isVisible('text=Waiting for'))) await snap(japan.page, 'net-japan-waiting');
    }
    expect((await up(japan.page)).scene).toBe('Debrief');
    expect((await up(russia.page)).scene).toBe('Debrief');
    expect(saw).toEqual({ japanWaits: true, russiaWaits: true });
    await snap(japan.page, 'net-japan-Debrief', true);
    // Both browsers played the moves again and reached the server's very end.
    const [jh, rh] = [(await up(japan.page)).hash, (await up(russia.page)).hash];
    expect(jh).toBe(rh);
    expect(jh).toMatch(/^[0-9a-f]{16,}$/);
    expect(japan.errors).toEqual([]);
    expect(russia.errors).toEqual([]);
    await japan.done();
    await russia.done();
  });

  it('a tab that closes mid-game comes back into its seat by the link, with every move kept', async () => {
    const { japan, russia, code } = await hostedPair('dropped');
    await until(japan.page, (u) => u.scene === 'Brief', "japan's brief");
    for (let i = 0; i < 12; i++) {
      await step(japan.page, 'drop-japan');
      await step(russia.page, 'drop-russia');
    }
    const before = await up(russia.page);
    const movesBefore = await moves(russia.page);
    expect(movesBefore).toBeGreaterThan(0);
    // Russia's tab closes; the same device opens the link again.
    const url = russia.page.url();
    expect(url).toContain(`match=${code}`);
    await russia.page.close();
    await until(japan.page, () => true, 'a moment');
    const again = await russia.context.newPage();
    await again.goto(url);
    const back = await until(again, (u) => u.scene !== 'Preloader' && u.scene !== 'Title' && u.scene !== 'Match' && u.viewer === 'russia', 'russia back in its seat', 30_000);
    expect(back.round).toBe(before.round);
    const movesAfter = await moves(again);
    expect(movesAfter).toBeGreaterThanOrEqual(movesBefore);

    // Japan's network drops for a while: Russia's footer says so, and Japan comes back by itself.
    await japan.context.setOffline(true);
    await textUntil(again, 'footer-status', (x) => x.includes('away'), 30_000);
    await snap(again, 'net-drop-friend-away', true);
    await japan.context.setOffline(false);
    await textUntil(again, 'footer-status', (x) => x.includes('connected'), 30_000);
    await textUntil(japan.page, 'footer-status', (x) => !x.includes('reconnecting') && !x.includes('lost'), 30_000);
    expect(await moves(japan.page)).toBeGreaterThanOrEqual(movesAfter);
    await japan.done();
    await russia.done();
  });

  it("a teacher's class of four students in two matches: the dashboard follows them live, and the class view reads the server's replays", async () => {
    const teacher = await open();
    await teacher.page.focus('[data-testid="open-classroom"]');
    await teacher.page.keyboard.press('Enter');
    await until(teacher.page, (u) => u.scene === 'ClassView', 'the class view');
    await teacher.page.click('[data-testid="tab-LiveClass"]');
    await until(teacher.page, (u) => u.scene === 'LiveClass', 'the live class');
    // The class plays Yamaguchi 2016 (three rounds; the two-device match above plays Moscow
    // 2019's four): a teacher's choice of scenario reaches every match, and the class's two
    // whole matches cost a quarter fewer moves.
    await teacher.page.selectOption('[data-testid="live-scenario"]', 'yamaguchi-2016');
    await teacher.page.fill('[data-testid="live-seed"]', 'class-e2e');
    await teacher.page.check('[data-testid="live-per-pair"]');
    await teacher.page.focus('[data-testid="live-open"]');
    await teacher.page.keyboard.press('Enter');
    await teacher.page.waitForSelector('[data-testid="live-code"]');
    const code = ((await teacher.page.textContent('[data-testid="live-code"]')) ?? '').trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const names = ['Aiko', 'Boris', 'Chiyo', 'Dima'];
    const students: Watched[] = [];
    for (const name of names) {
      const w = await openPage(browser, { width: 1024, height: 640 });
      await w.page.goto(server.url);
      await until(w.page, (u) => u.scene === 'Title', 'the title');
      await w.page.fill('[data-testid="join-code"]', code);
      await w.page.fill('[data-testid="join-name"]', name);
      await w.page.press('[data-testid="join-name"]', 'Enter');
      await until(w.page, (u) => u.scene === 'Lobby', `${name} in the lobby`);
      students.push(w);
    }
    await teacher.page.waitForSelector('[data-testid="live-seat"]:not([disabled])');
    expect(await teacher.page.textContent('[data-testid="live-students"]')).toContain('Dima');
    await teacher.page.click('[data-testid="live-seat"]');
    for (const s of students) await until(s.page, (u) => u.scene === 'Brief', 'a seated student');
    await teacher.page.waitForSelector('[data-testid="live-matches"] tbody tr:nth-child(2)');
    await snap(teacher.page, 'net-teacher-dashboard', true);
    const table = (await teacher.page.textContent('[data-testid="live-matches"]')) ?? '';
    for (const name of names) expect(table).toContain(name);

    // The teacher pauses the class: a move sent now is refused, said so, and the controls come back.
    const first = students[0]!.page;
    const log = () => first.evaluate(() => document.getElementById('live')?.textContent ?? '');
    /** The screen-reader log once it holds `text` (or as it is after 5 s). */
    const logUntil = async (text: string): Promise<string> => {
      for (let k = 0; k < 100 && !(await log()).includes(text); k++) await first.waitForTimeout(50);
      return log();
    };
    let u = await up(first);
    while (u.scene === 'Brief') u = await press(first, 'Enter');
    expect(u.scene).toBe('Table');
    expect(u.pending).toBe(u.viewer);
    // By keyboard: the teacher's focus stays on the control while the dashboard redraws.
    await teacher.page.focus('[data-testid="live-pause"]');
    await teacher.page.keyboard.press('Enter');
    await until(first, () => true, 'a moment');
    expect(await logUntil('paused the class')).toContain('The teacher has paused the class.');
    const movesBefore = await moves(first);
    await press(first, 'Enter');
    expect(await logUntil('did not take')).toContain('The server did not take that move: the teacher has paused the class');
    const control = u.phase === 'summit' ? '[data-testid="propose"]' : '[data-testid="send-ministers"]';
    for (let k = 0; k < 100 && !(await first.isEnabled(control)); k++) await first.waitForTimeout(50);
    expect(await first.isEnabled(control)).toBe(true);
    const back = await up(first);
    expect(back.pending).toBe(back.viewer);
    expect(await moves(first)).toBe(movesBefore);
    await snap(first, 'net-student-refused-paused', true);
    expect(await teacher.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('live-pause');
    await teacher.page.keyboard.press('Enter');
    expect(await logUntil('resumed the class')).toContain('The teacher has resumed the class.');
    // The teacher waits on a match's Stop button: when that match ends the button goes, and the
    // keyboard lands on the class's controls, never on another match's Stop.
    await teacher.page.focus('[data-testid^="live-stop-"]');

    for (let i = 0; i < 600; i++) {
      // The four devices move at once, as a class does.
      const ups = await Promise.all(students.map((s, k) => step(s.page, `class-${k % 2 === 0 ? 'japan' : 'russia'}`)));
      if (ups.every((u) => u.scene === 'Debrief')) break;
      if (i === 6) await snap(teacher.page, 'net-teacher-dashboard-live', true);
    }
    for (const s of students) expect((await up(s.page)).scene).toBe('Debrief');
    await until(teacher.page, () => true, 'a moment');
    expect(await textUntil(teacher.page, 'live-summary', (x) => x.includes('2 ended'))).toContain('4 students, 2 matches, 2 ended');
    // Redrawn with every move of the two matches, the dashboard kept the keyboard on its controls.
    expect(await teacher.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('live-pause');
    await snap(teacher.page, 'net-teacher-dashboard-end', true);
    await snap(students[1]!.page, 'net-student-Debrief', true);

    // The class pack: the teacher's sheet, then a role sheet per student with only their own side's brief.
    await teacher.page.click('[data-testid="live-pack"]');
    const pack = await teacher.page.evaluate(() => {
      const root = document.getElementById('print-root')!;
      return { teacher: root.querySelector('[data-testid="pack-teacher"]')?.textContent ?? '', roles: [...root.querySelectorAll('[data-testid="pack-role"]')].map((e) => e.textContent ?? '') };
    });
    expect(pack.teacher).toContain('class-e2e-1');
    expect(pack.teacher).toContain('class-e2e-2');
    expect(pack.teacher).not.toContain('class-e2e-3');
    expect(pack.roles).toHaveLength(4);
    const yamaguchi = bundledScenarios().find((x) => x.id === 'yamaguchi-2016')!;
    expect(pack.teacher).toContain(yamaguchi.title);
    for (const [k, role] of pack.roles.entries()) {
      const mine = k % 2 === 0 ? 'japan' : 'russia';
      const theirs = mine === 'japan' ? 'russia' : 'japan';
      expect(role).toContain(names[k]!);
      expect(role).toContain(yamaguchi.sides[mine].brief.summary);
      expect(role).not.toContain(yamaguchi.sides[theirs].brief.summary);
    }
    await teacher.page.emulateMedia({ media: 'print' });
    await snap(teacher.page, 'net-teacher-pack-print', true);
    await teacher.page.emulateMedia({ media: 'screen' });

    await teacher.page.click('[data-testid="live-class-view"]');
    await until(teacher.page, (u) => u.scene === 'ClassView', 'the class view of the live class');
    await teacher.page.waitForSelector('[data-testid="class-results"] tbody tr:nth-child(2)', { timeout: 60_000 });
    expect(await teacher.page.textContent('[data-testid="class-status"]')).toMatch(/2 games in the table, 0 left out/);
    await snap(teacher.page, 'net-teacher-classview', true);
    expect(teacher.errors).toEqual([]);
    for (const s of students) {
      expect(s.errors).toEqual([]);
      await s.done();
    }
    await teacher.done();
  });

  it('a server restart mid-game loses no move: both devices come back to where they were', async () => {
    const { japan, russia } = await hostedPair('restart');
    for (let i = 0; i < 10; i++) {
      await step(japan.page, 'restart-japan');
      await step(russia.page, 'restart-russia');
    }
    const before = { j: await moves(japan.page), r: await moves(russia.page), round: (await up(japan.page)).round };
    expect(before.j).toBeGreaterThan(0);
    const port = server.port;
    await server.close();
    server = await startServer({ mode: 'prod', port, host: '127.0.0.1', distDir: join(root, 'dist'), dataDir, quiet: true });
    // The pages find the server again by themselves and take their seats back by their tokens.
    await until(japan.page, (u) => u.round === before.round, 'japan back', 30_000);
    await textUntil(japan.page, 'footer-status', (x) => !x.includes('reconnecting'), 30_000);
    expect(await moves(japan.page)).toBeGreaterThanOrEqual(before.j);
    // And the game goes on: the next move is taken.
    let moved = false;
    for (let i = 0; i < 20 && !moved; i++) {
      await step(japan.page, 'restart-japan-after');
      await step(russia.page, 'restart-russia-after');
      moved = (await moves(japan.page)) > before.j || (await moves(russia.page)) > before.r;
    }
    expect(moved).toBe(true);
    await japan.done();
    await russia.done();
  });

  it('in Japanese and Russian: each device reads its own language, on the match, lobby and live-class screens too', async () => {
    const english = (lang: 'ja' | 'ru'): string[] => {
      const texts = (JSON.parse(readFileSync(join(root, `src/ui/i18n/${lang}.json`), 'utf8')) as { texts: Record<string, { en: string; text: string }> }).texts;
      return Object.entries(texts).filter(([k, e]) => (k.startsWith('net.') || k === 'opponent.network') && e.en.length >= 12 && e.en !== e.text).map(([, e]) => e.en.replace(/\{.*$/, '')).filter((e) => e.length >= 12);
    };
    const check = async (page: Page, lang: 'ja' | 'ru', where: string): Promise<void> => {
      const text = (await page.evaluate(() => document.body.innerText)) ?? '';
      const left = english(lang).filter((e) => text.includes(e));
      expect(left, `${where}: English left`).toEqual([]);
      expect(await overflows(page), where).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await snap(page, `net-${lang}-${where}`, true);
    };
    const japan = await open('?lang=ja');
    await check(japan.page, 'ja', 'Title');
    const code = await host(japan.page, 'languages');
    await check(japan.page, 'ja', 'Match');
    const russia = await open('?lang=ru');
    await russia.page.fill('[data-testid="join-code"]', code);
    await russia.page.press('[data-testid="join-code"]', 'Enter');
    await until(russia.page, (u) => u.scene === 'Brief', "russia's brief");
    await check(russia.page, 'ru', 'Brief');
    await until(japan.page, (u) => u.scene === 'Brief', "japan's brief");
    await japan.page.keyboard.press('Enter');
    await until(japan.page, (u) => u.scene === 'Table', "japan's table");
    await check(japan.page, 'ja', 'Table');
    await russia.page.keyboard.press('Enter');
    await until(russia.page, (u) => u.scene === 'Table', "russia's table");
    await check(russia.page, 'ru', 'Table-waiting');
    // A reload keeps the language and the seat.
    await russia.page.reload();
    await until(russia.page, (u) => u.scene === 'Table' || u.scene === 'Brief', 'russia back after a reload', 30_000);
    expect(await russia.page.evaluate(() => document.documentElement.lang)).toBe('ru');

    const teacher = await open('?lang=ja');
    await teacher.page.click('[data-testid="open-classroom"]');
    await until(teacher.page, (u) => u.scene === 'ClassView', 'the class view');
    await teacher.page.click('[data-testid="tab-LiveClass"]');
    await until(teacher.page, (u) => u.scene === 'LiveClass', 'the live class');
    await check(teacher.page, 'ja', 'LiveClass-open');
    await teacher.page.click('[data-testid="live-open"]');
    await teacher.page.waitForSelector('[data-testid="live-code"]');
    const classCode = ((await teacher.page.textContent('[data-testid="live-code"]')) ?? '').trim();
    const student = await open('?lang=ru');
    await student.page.fill('[data-testid="join-code"]', classCode);
    await student.page.fill('[data-testid="join-name"]', 'Саша');
    await student.page.press('[data-testid="join-name"]', 'Enter');
    await until(student.page, (u) => u.scene === 'Lobby', 'the lobby');
    await check(student.page, 'ru', 'Lobby');
    await teacher.page.waitForSelector('[data-testid="live-seat"]:not([disabled])');
    await teacher.page.click('[data-testid="live-seat"]');
    await until(student.page, (u) => u.scene === 'Brief', 'the seated student');
    await teacher.page.waitForSelector('[data-testid="live-matches"] tbody tr');
    await check(teacher.page, 'ja', 'LiveClass-dashboard');
    for (const w of [japan, russia, teacher, student]) {
      expect(w.errors).toEqual([]);
      await w.done();
    }
  });
});
