// The classroom tools in the built game: 30 replays into the class view (some tampered,
// one not JSON), the CSV export, 1,000 seeds in the worker while the page keeps answering,
// and a built link that starts exactly that game.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { bundledScenarios } from '../../src/cli/scenarios';

// The browser fetches the bundled scenarios; Node reads the same files from disk.
const BUNDLED_SCENARIOS = bundledScenarios();
import { ENDINGS, type Side } from '../../src/scenario/vocabulary';
import { GameSession, toReplay, type Action, type GameConfig } from '../../src/sim';
import { playComputerGame, spreadOf, summarise } from '../../src/sim/batch';
import { parseCsv } from '../../src/ui/class/csv';
import { OUT, baseUrl, launch, leave, openPage, until, up } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => leave(browser));

const scenario = BUNDLED_SCENARIOS.find((s) => s.id === 'moscow-2019')!;

/** A simple student: accepts when offered, otherwise a calm move. */
function studentMove(session: GameSession, variant: number): Action {
  const l = session.legal()!;
  const side = l.side;
  const ty = l.types;
  if (ty.includes('accept') && variant % 3 !== 0) return { type: 'accept', side };
  if (ty.includes('agenda')) return { type: 'agenda', side, sequencing: (['parallel', 'territoryFirst', 'normaliseFirst'] as const)[variant % 3]!, prepare: 'energy' };
  if (ty.includes('statement')) return { type: 'statement', side, tone: (['quiet', 'sell', 'tough'] as const)[variant % 3]! };
  if (ty.includes('ratify')) return { type: 'ratify', side, approach: variant % 2 === 0 ? 'whip' : 'vote' };
  return { type: 'stall', side };
}

function studentGame(seed: string, side: Side, variant: number): GameSession {
  const config: GameConfig = {
    scenarioId: scenario.id,
    seed,
    controllers: side === 'japan' ? { japan: 'human', russia: 'computer' } : { japan: 'computer', russia: 'human' },
    difficulty: 'normal',
    strategy: { japan: 'grounded', russia: 'grounded' },
  };
  const s = GameSession.start(scenario, config);
  for (let i = 0; s.pending && i < 200; i += 1) s.act(studentMove(s, variant));
  return s;
}

interface Fixture {
  name: string;
  text: string;
  valid: boolean;
  reason?: RegExp;
  session?: GameSession;
}

/** 24 honest replays, 4 tampered ones, a foreign JSON file and a file that is not JSON. */
function classFiles(): Fixture[] {
  const out: Fixture[] = [];
  for (let i = 1; i <= 24; i += 1) {
    const side: Side = i % 2 ? 'japan' : 'russia';
    const s = studentGame(`class-${i}`, side, i);
    out.push({ name: `student-${String(i).padStart(2, '0')}-${side}.json`, text: JSON.stringify(toReplay(s), null, 2), valid: true, session: s });
  }
  const base = toReplay(studentGame('class-cheat', 'japan', 1));
  const finalHash = structuredClone(base);
  finalHash.final.hash = 'f'.repeat(64);
  const seed = { ...structuredClone(base), seed: 'lucky-seed' };
  const action = structuredClone(base);
  const i = action.actions.findIndex((a) => a.type === 'statement');
  action.actions[i] = { type: 'statement', side: 'japan', tone: 'leak' };
  const version = { ...structuredClone(base), scenario: { id: base.scenario.id, hash: 'a'.repeat(64) } };
  out.push(
    { name: 'cheat-final.json', text: JSON.stringify(finalHash), valid: false, reason: /final state hash/ },
    { name: 'cheat-seed.json', text: JSON.stringify(seed), valid: false, reason: /diverges|not legal/ },
    { name: 'cheat-action.json', text: JSON.stringify(action), valid: false, reason: /diverges|not legal/ },
    { name: 'cheat-version.json', text: JSON.stringify(version), valid: false, reason: /different version/ },
    { name: 'shopping-list.json', text: JSON.stringify({ eggs: 6 }), valid: false, reason: /not an Unfinished Peace replay/ },
    { name: 'essay.txt', text: 'My essay about the Kuril Islands, not a replay.', valid: false, reason: /JSON/ },
  );
  return out;
}

/** Opens the title and goes to a classroom tab; generous waits, as other browsers may share the machine. */
async function openClassroom(page: Page): Promise<void> {
  await page.goto(baseUrl());
  await until(page, (u) => u.scene === 'Title' && u.renders > 0, 'the title', 30_000);
  await page.click('[data-testid="open-classroom"]');
  await until(page, (u) => u.scene === 'ClassView', 'the class view', 30_000);
}

const text = (page: Page, testid: string) => page.locator(`[data-testid="${testid}"]`).first().innerText();

describe('classroom', () => {
  it('class view: 30 files, the honest ones in the table, the rest left out with reasons; CSV matches', async () => {
    const files = classFiles();
    expect(files).toHaveLength(30);
    const { page, errors, done } = await openPage(browser);
    await openClassroom(page);
    await page.screenshot({ path: `${OUT}/classroom-empty.png` });

    const started = Date.now();
    await page.setInputFiles('[data-testid="class-files"]', files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })));
    await page.locator('[data-testid="class-status"]', { hasText: '30 files read' }).waitFor({ timeout: 60_000 });
    console.log(`class view: 30 files verified in ${Date.now() - started} ms`);

    const valid = files.filter((f) => f.valid);
    const rows = page.locator('[data-testid="class-row"]');
    expect(await rows.count()).toBe(valid.length);
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-file')));
    expect(shown).toEqual(valid.map((f) => f.name).sort());
    // Each row shows the game's ending, scores and seed as the simulation has them.
    for (const f of valid) {
      const s = f.session!;
      const row = page.locator(`[data-testid="class-row"][data-file="${f.name}"]`);
      const cells = await row.locator('td').allInnerTexts();
      expect(cells[2]).toBe(s.state.config.seed);
      expect(await row.locator('[data-testid="class-ending"]').getAttribute('data-ending')).toBe(s.state.ending!.kind);
    }

    const rejected = page.locator('[data-testid="class-rejected-row"]');
    expect(await rejected.count()).toBe(6);
    for (const f of files.filter((x) => !x.valid)) {
      const li = page.locator(`[data-testid="class-rejected-row"][data-file="${f.name}"]`);
      expect(await li.innerText()).toMatch(f.reason!);
    }

    // The figures count only the honest games.
    const means = await text(page, 'class-means');
    expect(means).toContain('Means over these games');
    expect(await text(page, 'class-figures')).toContain(`: ${valid.length} games`);

    // Each student placed among 500 computer games on seeds 1…500.
    await page.locator('[data-testid="class-placing"]', { hasText: 'simulated outcomes' }).first().waitFor({ timeout: 90_000 });
    console.log(`class view: placings against 500 computer games shown ${Date.now() - started} ms after the files were given`);
    const ref = Array.from({ length: 500 }, (_, i) => playComputerGame(scenario, String(i + 1)));
    const first = valid[0]!;
    const side = first.session!.state.config.controllers.japan === 'human' ? 'japan' : 'russia';
    const score = scoreOfRow(first);
    const below = Math.round((100 * ref.filter((g) => g.score[side] < score[side]).length) / ref.length);
    expect(await page.locator(`[data-testid="class-row"][data-file="${first.name}"] [data-testid="class-placing"]`).innerText()).toContain(`better than ${below}% of 500 simulated outcomes`);

    await page.screenshot({ path: `${OUT}/classroom-classview.png` });
    await page.locator('[data-testid="class-figures"]').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${OUT}/classroom-classview-figures.png` });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="class-export"]')]);
    expect(download.suggestedFilename()).toMatch(/^unfinished-peace-class-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = `${OUT}/classroom.csv`;
    await download.saveAs(path);
    const csv = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    const records = parseCsv(csv);
    expect(records).toHaveLength(valid.length + 1);
    const head = records[0]!;
    const col = (name: string) => head.indexOf(name);
    expect(records.slice(1).map((r) => r[col('file')])).toEqual(valid.map((f) => f.name).sort());
    for (const r of records.slice(1)) {
      const f = valid.find((x) => x.name === r[col('file')])!;
      const sc = scoreOfRow(f);
      expect(r[col('seed')]).toBe(f.session!.state.config.seed);
      expect(r[col('ending')]).toBe(f.session!.state.ending!.kind);
      expect(r[col('scoreJapan')]).toBe(String(sc.japan));
      expect(r[col('scoreRussia')]).toBe(String(sc.russia));
      expect(r[col('referenceGames')]).toBe('500');
      const h = f.session!.state.config.controllers.japan === 'human' ? 'Japan' : 'Russia';
      expect(r[col(`betterThan${h}`)]).toMatch(/^\d+$/);
    }
    expect(errors).toEqual([]);
    await done();
  });

  it('what does chance do: 1,000 seeds in the worker, progress moves, the page answers meanwhile; counts equal spreadOf', async () => {
    const { page, errors, done } = await openPage(browser);
    await openClassroom(page);
    await page.click('[data-testid="tab-ChanceLab"]');
    await until(page, (u) => u.scene === 'ChanceLab', 'the chance lab');
    await page.fill('[data-testid="chance-n"]', '1000');
    const started = Date.now();
    // Enter in the count field runs (and the keyboard goes to Cancel without pressing it).
    await page.focus('[data-testid="chance-n"]');
    await page.keyboard.press('Enter');
    expect(await text(page, 'chance-status')).toMatch(/^Playing 1,000 games/);
    expect(await up(page).then((u) => u.focus)).toBe('chance-cancel');
    const bar = page.locator('[data-testid="chance-progress"]');
    const seen = new Set<number>();
    let answered = 0;
    let typed = 0;
    let slowest = 0;
    while (Date.now() - started < 120_000) {
      const now = Number(await bar.getAttribute('aria-valuenow'));
      seen.add(now);
      if (now >= 1000) break;
      // While the worker plays, the page answers typing at once.
      if (now > 0 && typed < 3) {
        typed += 1;
        const n = String(100 + typed);
        const t0 = Date.now();
        await page.fill('[data-testid="chance-n"]', n);
        const cli = await text(page, 'chance-cli');
        slowest = Math.max(slowest, Date.now() - t0);
        if (cli.includes(`--seeds ${n} `)) answered += 1;
        if (typed === 1) await page.screenshot({ path: `${OUT}/classroom-chance-running.png` });
      }
      await page.waitForTimeout(100);
    }
    await page.locator('[data-testid="chance-status"]', { hasText: '1,000 games played' }).waitFor({ timeout: 60_000 });
    console.log(`chance lab: 1,000 games in ${Date.now() - started} ms; progress values seen ${seen.size}; slowest answer to typing ${slowest} ms`);
    const increasing = [...seen].filter((v) => v > 0 && v < 1000);
    expect(increasing.length).toBeGreaterThanOrEqual(2);
    expect(answered).toBeGreaterThanOrEqual(2);
    expect(slowest).toBeLessThan(1500);

    const counts = await page.locator('[data-testid="chance-ending"]').evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-ending'), Number(tr.querySelector('[data-testid="chance-ending-count"]')!.textContent)] as const),
    );
    const games = Array.from({ length: 1000 }, (_, i) => playComputerGame(scenario, String(i + 1)));
    const spread = spreadOf(scenario.id, games);
    expect(counts.map(([e]) => e)).toEqual([...ENDINGS]);
    expect(Object.fromEntries(counts)).toEqual(spread.endings);
    expect(await text(page, 'chance-means')).toContain(`score Japan ${spread.meanScore.japan}, Russia ${spread.meanScore.russia}`);
    await page.screenshot({ path: `${OUT}/classroom-chance.png` });

    // Cancel stops a run part-way and leaves the page ready for another.
    await page.fill('[data-testid="chance-n"]', '5000');
    await page.click('[data-testid="chance-run"]');
    const t0 = Date.now();
    let partway = 0;
    while (Date.now() - t0 < 30_000 && partway === 0) {
      partway = Number(await bar.getAttribute('aria-valuenow'));
      await page.waitForTimeout(20);
    }
    console.log(`cancel: progress ${partway}, status "${await text(page, 'chance-status')}"`);
    await page.click('[data-testid="chance-cancel"]');
    expect(await text(page, 'chance-status')).toMatch(/Cancelled after \d+ games/);
    expect(await page.locator('[data-testid="chance-run"]').isEnabled()).toBe(true);
    expect(errors).toEqual([]);
    await done();
  });

  it('link builder: the link and its QR code; opened, it starts that exact game', async () => {
    const { page, context, errors, done } = await openPage(browser);
    await openClassroom(page);
    await page.click('[data-testid="tab-LinkBuilder"]');
    await until(page, (u) => u.scene === 'LinkBuilder', 'the link builder');
    await page.selectOption('[data-testid="linkb-scenario"]', 'yamaguchi-2016');
    // A seed no game accepts (an invisible character) makes no link: nothing to copy, open or scan, and the field says why.
    await page.fill('[data-testid="linkb-seed"]', 'harbour\u200Dcrane');
    expect(await text(page, 'linkb-link')).toBe('—');
    expect(await page.locator('[data-testid="linkb-copy"]').isDisabled()).toBe(true);
    expect(await page.getAttribute('[data-testid="linkb-open"]', 'href')).toBeNull();
    expect(await page.locator('[data-testid="linkb-qr"]').isHidden()).toBe(true);
    expect(await page.getAttribute('[data-testid="linkb-seed"]', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#linkb-seed-help', 'class')).toBe('msg');
    await page.fill('[data-testid="linkb-seed"]', 'harbour crane 7');
    expect(await page.getAttribute('[data-testid="linkb-seed"]', 'aria-invalid')).toBe('false');
    await page.check('[data-testid="linkb-side-russia"]');
    await page.selectOption('[data-testid="linkb-opponent"]', 'computer');
    const link = await text(page, 'linkb-link');
    const url = new URL(link);
    expect(Object.fromEntries(url.searchParams)).toEqual({ scenario: 'yamaguchi-2016', seed: 'harbour crane 7', side: 'russia', opponent: 'computer' });
    // The QR encoder is loaded on first use, so wait for the code to be drawn.
    await page.waitForSelector('[data-testid="linkb-qr"][data-modules]');
    expect(Number(await page.locator('[data-testid="linkb-qr"]').getAttribute('data-modules'))).toBeGreaterThanOrEqual(21);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.click('[data-testid="linkb-copy"]');
    await page.locator('[data-testid="linkb-copy-status"]', { hasText: /copied|selected/ }).waitFor();
    await page.screenshot({ path: `${OUT}/classroom-link.png` });

    const student = await openPage(browser);
    await student.page.goto(link);
    const u = await until(student.page, (x) => x.scene === 'Brief', 'the brief of the linked game', 30_000);
    const yam = BUNDLED_SCENARIOS.find((s) => s.id === 'yamaguchi-2016')!;
    const expected = GameSession.start(yam, {
      scenarioId: yam.id,
      seed: 'harbour crane 7',
      controllers: { japan: 'computer', russia: 'human' },
      difficulty: yam.defaults.difficulty,
      strategy: { japan: 'grounded', russia: 'grounded' },
    });
    expect(u.viewer).toBe('russia');
    expect(u.hash).toBe(expected.hash());
    expect(await student.page.locator('[data-testid="footer-status"]').innerText()).toContain('harbour crane 7');
    await student.page.screenshot({ path: `${OUT}/classroom-link-opened.png` });
    expect(student.errors).toEqual([]);
    await student.done();

    await page.click('[data-testid="tab-TeacherGuide"]');
    await until(page, (x) => x.scene === 'TeacherGuide', 'the guide');
    const guide = await text(page, 'guide-text');
    expect(guide).toContain('A 45-minute lesson');
    expect(guide).toContain('A 90-minute lesson');
    for (const s of BUNDLED_SCENARIOS) expect(guide).toContain(s.teaching.questions[0]!);
    await page.screenshot({ path: `${OUT}/classroom-guide.png` });
    await page.click('[data-testid="class-back-title"]');
    await until(page, (x) => x.scene === 'Title', 'the title');
    await page.click('[data-testid="open-guide"]');
    await until(page, (x) => x.scene === 'TeacherGuide', 'the guide from the title');
    expect((await up(page)).scene).toBe('TeacherGuide');
    expect(errors).toEqual([]);
    await done();
  });
});

/** The scores the class view shows for a file: summarise() of the verified game, as spreadOf's input. */
function scoreOfRow(f: Fixture): Record<Side, number> {
  return summarise(f.session!, f.session!.state.config.seed).score;
}
