// The game in Japanese and Russian: whole campaigns by keyboard in each, a hot-seat game
// with one side in each, every scene screenshotted, and no text that overflows its box
// or a scenario text left in English.
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadScenario } from '../../src/scenario/load';
import { formatProblem } from '../../src/scenario/problems';
import { chooseByKeyboard, frames, GENEROUS, gotoGame, launch, leave, openPage, overflows, pictureSettled, play, press, snap, tabTo, up, until } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => leave(browser));

type Lang = 'ja' | 'ru';
const catalogue = (lang: Lang): Record<string, { en: string; text: string }> =>
  (JSON.parse(readFileSync(`src/ui/i18n/${lang}.json`, 'utf8')) as { texts: Record<string, { en: string; text: string }> }).texts;

/** Scenario texts (not quotes, which stay in the article's words) long enough that seeing them means no translation was used. */
function englishTexts(lang: Lang): string[] {
  const out = new Set<string>();
  const quotes = new Set<string>();
  for (const f of readdirSync('scenarios/i18n').filter((n) => n.endsWith(`.${lang}.json`))) {
    const o = JSON.parse(readFileSync(`scenarios/i18n/${f}`, 'utf8')) as { texts: Record<string, { en: string; text: string }> };
    for (const [key, e] of Object.entries(o.texts)) {
      if (key.endsWith('.quote')) quotes.add(e.en);
      else if (e.en.length >= 24 && e.en !== e.text) out.add(e.en);
    }
  }
  // A sentence that is also a cited quote is rightly shown in the article's words, beside its translation.
  return [...out].filter((e) => ![...quotes].some((q) => q.includes(e)));
}

/**
 * What went wrong on this screen: overflowing text, English scenario texts shown where a
 * translation exists, and a canvas left unfinished when the render loop went to sleep (its
 * Japanese typefaces arrive in slices, some after the screen is first drawn).
 */
async function checkScreen(page: Page, lang: Lang, english: string[], where: string): Promise<string[]> {
  const problems = (await overflows(page)).map((p) => `${where}: ${p}`);
  if (!(await pictureSettled(page))) problems.push(`${where}: the canvas the render loop left asleep is not the finished picture (drawing it again changed it)`);
  const dom = (await page.evaluate(() => document.getElementById('game')?.innerText ?? '')) ?? '';
  const canvas = (await page.evaluate(() => (window as unknown as { __up: { canvasTexts(): { text: string }[] } }).__up.canvasTexts().map((c) => c.text))).join('\n');
  const text = `${dom}\n${canvas}`;
  for (const e of english) if (text.includes(e)) problems.push(`${where}: untranslated “${e.slice(0, 60)}”`);
  // A number or placeholder that did not survive translation: NaN from a plural fed a formatted count, an unfilled {name}.
  for (const bad of text.match(/.{0,30}(?:\bNaN\b|\bundefined\b|\{[a-z]\w*\}).{0,10}/g) ?? []) problems.push(`${where}: broken text “${bad}”`);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
  return problems;
}

async function campaign(lang: Lang, query: string, tag: string, offer?: Record<string, string>): Promise<void> {
  const { page, errors, done } = await openPage(browser);
  const first = await gotoGame(page, `${query}&lang=${lang}`);
  expect(first.scene).toBe('Brief');
  const english = englishTexts(lang);
  const problems: string[] = [];
  const seen = new Set<string>();
  const refusal = new RegExp(`^${catalogue(lang)['refuse.heading']!.text.split('{')[0]!}`);
  const { scenes, final } = await play(page, tag, {
    ...(offer ? { offer } : {}),
    notSent: refusal,
    onScreen: async (u) => {
      const key = `${u.scene}-${u.phase}`;
      if (seen.has(key)) return;
      seen.add(key);
      problems.push(...(await checkScreen(page, lang, english, key)));
    },
  });
  expect([...scenes]).toEqual(expect.arrayContaining(['Brief', 'Table', 'Reaction', 'Debrief']));
  expect(final.phase).toBe('ended');
  const debrief = (await page.textContent('[data-testid="debrief"]')) ?? '';
  expect(debrief).toContain(catalogue(lang)['debrief.history']!.text);
  // The printed debrief (the page a class takes home) is in the language too.
  await page.evaluate(() => { window.print = () => undefined; });
  await page.click('[data-testid="print"]');
  const printed = (await page.evaluate(() => document.getElementById('print-root')?.innerText ?? '')) ?? '';
  expect(printed.length).toBeGreaterThan(500);
  for (const e of english) if (printed.includes(e)) problems.push(`print: untranslated “${e.slice(0, 60)}”`);
  for (const word of ['human', 'computer', 'NaN', 'undefined']) if (new RegExp(`\\b${word}\\b`).test(printed)) problems.push(`print: “${word}” left as written`);
  expect(problems).toEqual([]);
  expect(errors).toEqual([]);
  await done();
}

describe('the game in Japanese and Russian', () => {
  it('a whole campaign as Japan in Japanese, by keyboard', async () => {
    await campaign('ja', '?scenario=moscow-2019&seed=seed-5&side=japan&opponent=computer&difficulty=easy', 'ja-japan', GENEROUS);
  });

  it('a whole campaign as Russia in Russian, by keyboard', async () => {
    await campaign('ru', '?scenario=moscow-2019&seed=class-7b&side=russia&opponent=computer', 'ru-russia');
  });

  it('hot seat: Japan’s player reads Japanese and Russia’s player reads Russian, on one screen, and still after leaving and continuing', async () => {
    const { page, errors, done } = await openPage(browser);
    await gotoGame(page, '?lang=en');
    await chooseByKeyboard(page, 'opponent', 'human');
    await chooseByKeyboard(page, 'lang-japan', 'ja');
    await chooseByKeyboard(page, 'lang-russia', 'ru');
    await tabTo(page, 'start');
    await press(page, 'Enter');
    await until(page, (u) => u.scene === 'Handover' || u.scene === 'Brief', 'the game to start', 20_000);
    const langs = new Map<string, Set<string>>();
    for (let step = 0; step < 200; step++) {
      if (step === 12) {
        // Come back to the game from the title: each side's language is kept with its save.
        await page.goto(`${page.url().split('?')[0]}?lang=en`);
        const title = await until(page, (x) => x.scene === 'Title', 'the title', 20_000);
        await page.click('[data-testid="save-row"] [data-testid="continue"]');
        // Drawn, and its focus set (a frame later), before the next key goes to it.
        await until(page, (x) => x.scene !== 'Title' && x.renders > title.renders, 'the continued game', 20_000);
        await frames(page);
      }
      const u = await up(page);
      if (u.scene === 'Debrief') break;
      const lang = await page.evaluate(() => document.documentElement.lang);
      // The hand-over addresses the next player; every other screen is the viewer's.
      const reader = u.scene === 'Handover' ? u.pending : u.viewer;
      if (reader) {
        if (!langs.has(reader)) langs.set(reader, new Set());
        langs.get(reader)!.add(lang);
      }
      await snap(page, `hotseat-${lang}-${u.scene}-${reader}`);
      await press(page, 'Enter');
    }
    expect((await up(page)).scene).toBe('Debrief');
    expect(langs.get('japan')).toEqual(new Set(['ja']));
    expect(langs.get('russia')).toEqual(new Set(['ru']));
    expect(errors).toEqual([]);
    await done();
  });

  for (const lang of ['ja', 'ru'] as const) {
    it(`every other screen in ${lang}: title, replays, class view, chance lab, link builder, guide`, async () => {
      const { page, errors, done } = await openPage(browser);
      await gotoGame(page, `?lang=${lang}`);
      const english = englishTexts(lang);
      const problems: string[] = [];
      const visit = async (testid: string | null, scene: string): Promise<void> => {
        if (testid) {
          await page.click(`[data-testid="${testid}"]`);
          await until(page, (u) => u.scene === scene, scene, 20_000);
          await page.waitForTimeout(300);
        }
        await snap(page, `${lang}-${scene}`, true);
        problems.push(...(await checkScreen(page, lang, english, scene)));
      };
      await visit(null, 'Title');
      // The narration log speaks the page's language from its first line ("loading" included).
      expect(await page.textContent('#live')).toContain(catalogue(lang)['app.loading']!.text);
      expect(await page.textContent('#live')).not.toContain('Loading the archive');
      await visit('load-replay', 'ReplayViewer');
      await page.goto(`${page.url().split('?')[0]}?lang=${lang}`);
      await until(page, (u) => u.scene === 'Title', 'the title', 20_000);
      await visit('open-classroom', 'ClassView');
      await visit('tab-ChanceLab', 'ChanceLab');
      await visit('tab-LinkBuilder', 'LinkBuilder');
      await visit('tab-TeacherGuide', 'TeacherGuide');
      expect(await page.textContent('[data-testid="guide-text"]')).toContain(lang === 'ja' ? '教師用ガイド' : 'учител');
      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
      await done();
    });
  }

  for (const [lang, script] of [['ja', /[\u3040-\u30ff\u4e00-\u9fff]/], ['ru', /[а-яё]/i]] as const) {
    it(`a teacher's broken scenario is refused in ${lang}: every problem in ${lang}, where the command line says it in English`, async () => {
      const { page, errors, done } = await openPage(browser);
      await gotoGame(page, `?lang=${lang}`);
      const broken = JSON.parse(readFileSync('tests/fixtures/scenarios/several-mixed-problems.json', 'utf8')) as object;
      const text = JSON.stringify(broken, null, 2);
      const r = loadScenario(text, 'mine.json');
      if (r.ok) throw new Error('the fixture should load with problems');
      await page.setInputFiles('[data-testid="own-scenario"]', { name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      const items = page.locator('[data-testid="own-scenario-problems"] li');
      await items.first().waitFor();
      const shown = await items.allInnerTexts();
      expect(shown).toHaveLength(r.problems.length);
      shown.forEach((line, i) => {
        const p = r.problems[i]!;
        expect(line.startsWith(`mine.json: ${p.path === '' ? '' : `${p.path}: `}`), line).toBe(true);
        expect(line, line).toMatch(script);
        expect(line).not.toBe(formatProblem(p));
      });
      await snap(page, `${lang}-own-scenario-problems`);
      expect(errors).toEqual([]);
      await done();
    });
  }

  it('a teacher’s own scenario with its own Japanese translation, both loaded on the title, reads in Japanese', async () => {
    const { page, errors, done } = await openPage(browser);
    await gotoGame(page, '?lang=ja');
    const mine = JSON.parse(readFileSync('scenarios/moscow-2019.json', 'utf8')) as { id: string; title: string };
    mine.id = 'class-7b-2019';
    mine.title = 'Class 7b: the Abe–Putin push';
    await page.setInputFiles('[data-testid="own-scenario"]', { name: 'class-7b.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(mine)) });
    await page.locator('[data-testid="scenario-class-7b-2019"]').waitFor();
    // The shipped translation made over for this scenario: its id, and a title of its own.
    const overlay = JSON.parse(readFileSync('scenarios/i18n/moscow-2019.ja.json', 'utf8')) as { scenario: string; texts: Record<string, { en: string; text: string }> };
    overlay.scenario = 'class-7b-2019';
    overlay.texts.title = { en: mine.title, text: '7年B組：安倍・プーチン両首脳の交渉' };
    await page.setInputFiles('[data-testid="own-translation"]', { name: 'class-7b-2019.ja.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(overlay)) });
    await page.waitForFunction(() => (document.querySelector('[data-testid="scenario-class-7b-2019"]')?.textContent ?? '').includes('7年B組'), null, { timeout: 20_000 });
    const notice = (await page.locator('[data-testid="notice"]').allInnerTexts()).join('\n');
    expect(notice).toContain('class-7b-2019.ja.json');
    await snap(page, 'ja-own-translation');
    // A translation of a scenario not loaded here is refused, saying so in Japanese.
    overlay.scenario = 'nowhere-1900';
    await page.setInputFiles('[data-testid="own-translation"]', { name: 'nowhere-1900.ja.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(overlay)) });
    const report = page.locator('[data-testid="own-translation-report"] .msg');
    await report.waitFor();
    expect(await report.innerText()).toMatch(/nowhere-1900.*読み込まれていません/);
    expect(errors).toEqual([]);
    await done();
  });

  it('a wide screen (1920×1080) in Russian keeps the table readable', async () => {
    const { page, done } = await openPage(browser, { width: 1920, height: 1080 });
    await gotoGame(page, '?scenario=yamaguchi-2016&seed=wide&side=japan&opponent=computer&lang=ru');
    await press(page, 'Enter');
    await until(page, (u) => u.scene === 'Table', 'the table');
    await snap(page, 'ru-1920-Table', true);
    expect(await overflows(page)).toEqual([]);
    await done();
  });
});
