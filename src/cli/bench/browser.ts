// The browser half of `npm run bench` and of tests/e2e/budget.test.ts: loading time of the
// built game against a bare Phaser page, frame times on the Table and Reaction scenes, and
// the JS heap after 1 and after 20 whole games played through the UI in one page.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { median, quantile, round } from './stats';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
/** For the heap: window.gc() and unrounded performance.memory. */
export const MEMORY_ARGS = ['--js-flags=--expose-gc', '--enable-precise-memory-info'];

/**
 * tsx (esbuild with keepNames) wraps named functions in __name(...), and page.evaluate sends
 * functions as source text: the page needs a no-op __name. Harmless to the game.
 */
const NAME_SHIM = 'window.__name = window.__name || ((f) => f);';

async function newPage(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript({ content: NAME_SHIM });
  const page = await context.newPage();
  return { page, close: () => context.close() };
}

/** Debian's Chromium, the browser players run: what `npm run bench` measures. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
/**
 * Debian's headless build of the same Chromium (package chromium-headless-shell): the same
 * Blink and V8 without the desktop browser's window compositing, as Playwright itself runs
 * headless tests. On this 2-core machine it takes about 30 % less CPU per page opened, which
 * is most of what the browser tests spend (docs/performance.md).
 */
export const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';

/** The browser the tests drive: CHROMIUM if set, else the headless shell when installed, else Debian's Chromium. */
export function testChromium(): string {
  return process.env.CHROMIUM ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : DEBIAN_CHROMIUM);
}

export function launchChromium(extra: string[] = [], executablePath = process.env.CHROMIUM ?? DEBIAN_CHROMIUM): Promise<Browser> {
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...extra] });
}

/**
 * Runs before any page script (CSP does not apply to it). On every animation frame it checks
 * whether the page is ready; one frame after it first is (so Phaser has rendered that state),
 * it stores performance.now(), i.e. milliseconds since navigation started, in window.__benchReady,
 * and the time of the Title's own `up:title` mark in window.__benchTitleMark.
 * Ready means: for the game, the Title scene has been created (window.__up.renders counts
 * finished scene creates) and its Start button is in the DOM; for the bare page, its only
 * scene has been created. With `lang` (a language other than English), also: the page is in
 * that language (<html lang>) and document.fonts.status is 'loaded' (no typeface, e.g. a
 * Japanese unicode-range slice, still arriving). If the page stops being ready in the frame
 * after, the wait starts again.
 */
function readyProbe(lang?: string): string {
  return `(() => {
  const lang = ${JSON.stringify(lang ?? null)};
  const ready = () => {
    const up = window.__up;
    if (up) {
      if (!(up.scene === 'Title' && up.renders >= 1 && !!document.querySelector('[data-testid="start"]'))) return false;
      return lang === null || (document.documentElement.lang === lang && !!document.fonts && document.fonts.status === 'loaded');
    }
    return !!window.__bare;
  };
  let seen = false;
  const tick = () => {
    const now = ready();
    if (seen && now) {
      window.__benchReady = performance.now();
      const mark = performance.getEntriesByName('up:title')[0];
      window.__benchTitleMark = mark ? mark.startTime : null;
      return;
    }
    seen = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;
}

async function poll<T>(page: Page, read: () => T | Promise<T>, ok: (v: T) => boolean, what: string, timeout = 30_000): Promise<T> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  while (Date.now() < end) {
    try {
      last = await page.evaluate(read);
      if (ok(last)) return last;
    } catch {
      /* navigating */
    }
    await page.waitForTimeout(20);
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/** One load: milliseconds from navigation to the first interactive frame, and to the Title's `up:title` mark (null on the bare page). */
export interface LoadTiming {
  ms: number;
  titleMarkMs: number | null;
}

/**
 * Milliseconds from navigation to the first interactive frame, in a fresh context (empty cache).
 * With `lang`, the title must also be in that language with its typefaces loaded (see readyProbe).
 */
export async function loadTimed(browser: Browser, url: string, lang?: string): Promise<LoadTiming> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript({ content: readyProbe(lang) });
  const page = await context.newPage();
  try {
    await page.goto(url);
    type Probe = { __benchReady?: number; __benchTitleMark?: number | null };
    const read = () => {
      const w = window as unknown as Probe;
      return typeof w.__benchReady === 'number' ? { ms: w.__benchReady, titleMarkMs: w.__benchTitleMark ?? null } : null;
    };
    const t = await poll(page, read, (v) => v !== null, `the first interactive frame of ${url}`);
    return t!;
  } finally {
    await context.close();
  }
}

/** Milliseconds from navigation to the first interactive frame, in a fresh context (empty cache). */
export async function loadOnce(browser: Browser, url: string, lang?: string): Promise<number> {
  return (await loadTimed(browser, url, lang)).ms;
}

/** The game's URL with `?lang=<lang>` (kept with any other parameters). */
export function withLang(url: string, lang: string): string {
  const u = new URL(url);
  u.searchParams.set('lang', lang);
  return u.toString();
}

/** One language's first screen: the title, in that language, its typefaces loaded for ja/ru. */
export interface LanguageLoading {
  lang: string;
  ms: number[];
  medianMs: number;
  /** Median of this language over the median bare-Phaser time. */
  ratio: number;
  /** When the Title scene marked `up:title` (its DOM built), median; the rest up to medianMs is the frame after and, for ja/ru, the typefaces. */
  titleMarkMedianMs: number | null;
  /** Whether ratio ≤ the budget passed to measureLoading (1.3 in the bench). */
  met: boolean;
}

export interface LoadingReport {
  runs: number;
  /** The game's title in English: the plain URL, or, when `langs` has 'en', the `?lang=en` loads (the same as languages' en). */
  gameMs: number[];
  bareMs: number[];
  gameMedianMs: number;
  bareMedianMs: number;
  /** Median game time over median bare-Phaser time. */
  ratio: number;
  /** With `langs`: each language's first screen against the same bare-Phaser loads. */
  languages?: LanguageLoading[];
  /** The ratio the languages' `met` was judged against. */
  languageBudget?: number;
}

export interface LoadingOptions {
  /** Languages to time, each with `?lang=<lang>` (e.g. ['en', 'ja', 'ru']); without, the game's plain URL only. */
  langs?: string[];
  /** The ratio each language's `met` is judged against (default 1.3). Printed, never asserted here. */
  budget?: number;
}

/**
 * Alternates the pages so that background load hits all alike (round i starts at page i of
 * [bare, game…], in turn); one discarded warm-up each. Without `langs`, [bare, game]: the
 * game's plain URL against the bare page, as before; with `langs` that include 'en', the
 * `?lang=en` loads are the game's English figure (no separate plain-URL loads).
 */
export async function measureLoading(browser: Browser, gameUrl: string, bareUrl: string, runs = 5, options: LoadingOptions = {}): Promise<LoadingReport> {
  const langs = options.langs ?? [];
  const budget = options.budget ?? 1.3;
  const pages = [
    { key: 'bare', url: bareUrl, lang: undefined as string | undefined },
    ...(langs.includes('en') ? [] : [{ key: 'game', url: gameUrl, lang: undefined }]),
    ...langs.map((l) => ({ key: l, url: withLang(gameUrl, l), lang: l === 'en' ? undefined : l })),
  ];
  for (const p of pages) await loadTimed(browser, p.url, p.lang);
  const times = new Map<string, LoadTiming[]>(pages.map((p) => [p.key, []]));
  for (let i = 0; i < runs; i += 1) {
    for (let j = 0; j < pages.length; j += 1) {
      const p = pages[(i + j) % pages.length]!;
      times.get(p.key)!.push(await loadTimed(browser, p.url, p.lang));
    }
  }
  const msOf = (key: string) => times.get(key)!.map((t) => t.ms);
  const bareMs = msOf('bare');
  const b = median(bareMs);
  const gameKey = langs.includes('en') ? 'en' : 'game';
  const gameMs = msOf(gameKey);
  const g = median(gameMs);
  const report: LoadingReport = { runs, gameMs: gameMs.map((x) => round(x, 1)), bareMs: bareMs.map((x) => round(x, 1)), gameMedianMs: round(g, 1), bareMedianMs: round(b, 1), ratio: round(g / b, 3) };
  if (langs.length > 0) {
    report.languageBudget = budget;
    report.languages = pages.filter((p) => langs.includes(p.key)).map((p) => {
      const ms = msOf(p.key);
      const marks = times.get(p.key)!.map((t) => t.titleMarkMs).filter((x): x is number => x !== null);
      const ratio = round(median(ms) / b, 3);
      return { lang: p.key, ms: ms.map((x) => round(x, 1)), medianMs: round(median(ms), 1), ratio, titleMarkMedianMs: marks.length ? round(median(marks), 1) : null, met: ratio <= budget };
    });
  }
  return report;
}

interface UpView {
  scene: string | null;
  phase: string | null;
  renders: number;
}
const readUp = (): UpView | null => {
  const u = (window as unknown as { __up?: UpView }).__up;
  return u ? { scene: u.scene, phase: u.phase, renders: u.renders } : null;
};

/**
 * One step of play through the UI, in the page: clicks the control a player would use in the
 * scene on screen and waits until a scene has drawn again. Japan proposes the editor's package
 * at the summit, accepts any offer, makes the first statement and pushes ratification.
 * Returns the scene it acted in, or 'Debrief' when the game is over (nothing clicked).
 */
const STEP_IN_PAGE = async (arg: { newGameFromDebrief: boolean; seed: string }): Promise<string> => {
  const up = (window as unknown as { __up: UpView }).__up;
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
  const q = (sel: string) => document.querySelector<HTMLButtonElement | HTMLInputElement>(sel);
  const on = (id: string) => {
    const b = q(`[data-testid="${id}"]`) as HTMLButtonElement | null;
    return b && !b.disabled ? b : null;
  };
  const click = async (b: HTMLElement | null, frames = 120): Promise<boolean> => {
    if (!b) return false;
    const before = up.renders;
    b.click();
    for (let i = 0; i < frames; i += 1) {
      await frame();
      if (up.renders > before) {
        await frame();
        return true;
      }
    }
    return false;
  };
  const scene = up.scene ?? '';
  switch (scene) {
    case 'Title': {
      const seed = q('[data-testid="seed"]') as HTMLInputElement;
      seed.value = arg.seed;
      seed.dispatchEvent(new Event('input'));
      if (!(await click(on('start')))) throw new Error('Start did not start a game');
      return scene;
    }
    case 'Brief':
      if (!(await click(on('brief-ready')))) throw new Error('brief-ready did nothing');
      return scene;
    case 'Handover':
      if (!(await click(on('handover-ready')))) throw new Error('handover-ready did nothing');
      return scene;
    case 'Table':
      if (await click(on('send-ministers'))) return scene;
      if (await click(on('accept'))) return scene;
      if (await click(on('propose'), 10)) return scene;
      if (await click(on('stall'))) return scene;
      throw new Error('no move at the table');
    case 'Reaction':
      if (!(await click(document.querySelector<HTMLButtonElement>('[data-testid="tones"] button:not([disabled])')))) throw new Error('no statement');
      return scene;
    case 'Ratification':
      if (!(await click(on('ratify-whip')) || (await click(on('ratify-vote'))))) throw new Error('no ratification vote');
      return scene;
    case 'Debrief':
      if (arg.newGameFromDebrief && !(await click(on('new-game')))) throw new Error('new-game did nothing');
      return scene;
    default:
      throw new Error(`unexpected scene ${scene}`);
  }
};

async function step(page: Page, seed: string, newGameFromDebrief = false): Promise<string> {
  return page.evaluate(STEP_IN_PAGE, { newGameFromDebrief, seed });
}

/** Plays from the Title (or any scene of a running game) to the Debrief, then back to the Title. */
export async function playWholeGame(page: Page, seed: string): Promise<number> {
  for (let i = 0; i < 400; i += 1) {
    const scene = await step(page, seed);
    if (scene === 'Debrief') {
      await step(page, seed, true);
      await poll(page, readUp, (u) => u?.scene === 'Title', 'the title after the debrief', 10_000);
      return i;
    }
  }
  throw new Error('the game did not end in 400 steps');
}

async function collectFrames(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(
    (duration) =>
      new Promise<number[]>((resolve) => {
        const deltas: number[] = [];
        let first: number | undefined;
        let last: number | undefined;
        const tick = (t: number) => {
          if (last !== undefined) deltas.push(t - last);
          last = t;
          first ??= t;
          if (t - first < duration) requestAnimationFrame(tick);
          else resolve(deltas);
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

export interface FrameStats {
  scene: string;
  phase: string | null;
  frames: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

const frameStats = (scene: string, phase: string | null, d: number[]): FrameStats => ({
  scene,
  phase,
  frames: d.length,
  medianMs: round(median(d), 2),
  p95Ms: round(quantile(d, 0.95), 2),
  maxMs: round(Math.max(...d), 2),
});

/**
 * Ten seconds (by default) of requestAnimationFrame deltas on the Table, then on the public
 * reaction; with `bare`, the same time on the bare Phaser page (the renderer's own floor).
 */
export async function measureFrames(browser: Browser, baseUrl: string, seconds = 10, bare = false): Promise<FrameStats[]> {
  const { page, close } = await newPage(browser);
  try {
    if (bare) {
      await page.goto(baseUrl);
      await poll(page, () => Boolean((window as unknown as { __bare?: unknown }).__bare), (v) => v, 'the bare scene');
      return [frameStats('bare Phaser', null, await collectFrames(page, seconds * 1000))];
    }
    await page.goto(`${baseUrl}?scenario=moscow-2019&seed=bench&side=japan&opponent=computer`);
    let u = await poll(page, readUp, (x) => (x?.renders ?? 0) > 0, 'the first scene');
    for (let i = 0; i < 5 && u?.scene !== 'Table'; i += 1) {
      await step(page, 'bench');
      u = await page.evaluate(readUp);
    }
    if (u?.scene !== 'Table') throw new Error(`expected the Table, got ${u?.scene}`);
    const out = [frameStats('Table', u.phase, await collectFrames(page, seconds * 1000))];
    for (let i = 0; i < 20 && u?.scene !== 'Reaction'; i += 1) {
      await step(page, 'bench');
      u = await page.evaluate(readUp);
    }
    if (u?.scene !== 'Reaction') throw new Error(`expected the public reaction, got ${u?.scene}`);
    out.push(frameStats('Reaction', u.phase, await collectFrames(page, seconds * 1000)));
    return out;
  } finally {
    await close();
  }
}

export interface HeapReport {
  games: number;
  afterFirstBytes: number;
  afterLastBytes: number;
  growthBytes: number;
  /** Heap after each game (bytes), for the shape of any growth. */
  perGame: number[];
  domNodesAfterFirst: number;
  domNodesAfterLast: number;
  stepsPerGame: number;
}

async function heapAfterGc(page: Page): Promise<{ heap: number; nodes: number }> {
  return page.evaluate(async () => {
    const w = window as unknown as { gc?: () => void };
    if (!w.gc) throw new Error('window.gc is missing: launch Chromium with --js-flags=--expose-gc');
    for (let i = 0; i < 3; i += 1) {
      w.gc();
      await new Promise((r) => setTimeout(r, 30));
    }
    const mem = (performance as unknown as { memory: { usedJSHeapSize: number } }).memory;
    return { heap: mem.usedJSHeapSize, nodes: document.getElementsByTagName('*').length };
  });
}

/** Needs a browser launched with MEMORY_ARGS. Games are played through the UI, Title to Debrief and back. */
export async function measureHeap(browser: Browser, baseUrl: string, games = 20): Promise<HeapReport> {
  const { page, close } = await newPage(browser);
  try {
    await page.goto(baseUrl);
    await poll(page, readUp, (u) => u?.scene === 'Title' && u.renders > 0, 'the title');
    const perGame: number[] = [];
    let first = { heap: 0, nodes: 0 };
    let last = first;
    let steps = 0;
    for (let g = 1; g <= games; g += 1) {
      steps += await playWholeGame(page, `bench-heap-${g}`);
      if (g === 1 || g % 5 === 0 || g === games) {
        last = await heapAfterGc(page);
        if (g === 1) first = last;
        perGame.push(last.heap);
      }
    }
    return {
      games,
      afterFirstBytes: first.heap,
      afterLastBytes: last.heap,
      growthBytes: last.heap - first.heap,
      perGame,
      domNodesAfterFirst: first.nodes,
      domNodesAfterLast: last.nodes,
      stepsPerGame: round(steps / games, 1),
    };
  } finally {
    await close();
  }
}

export interface ChanceLabReport {
  scenario: string;
  games: number;
  /** What the chance lab says its worker took (the worker's own clock, from the first game to the last). */
  workerSeconds: number;
  /** From the click on "Run" to the status saying the games are played. */
  pageSeconds: number;
}

/** The chance lab as a teacher runs it: moscow-2019, `games` seeds in the page's batch worker. */
export async function measureChanceLab(browser: Browser, baseUrl: string, games: number, scenario = 'moscow-2019'): Promise<ChanceLabReport> {
  const { page, close } = await newPage(browser);
  try {
    await page.goto(baseUrl);
    await poll(page, readUp, (u) => u?.scene === 'Title' && (u.renders ?? 0) > 0, 'the title');
    await page.click('[data-testid="open-classroom"]');
    await poll(page, readUp, (u) => u?.scene === 'ClassView', 'the class view');
    await page.click('[data-testid="tab-ChanceLab"]');
    await poll(page, readUp, (u) => u?.scene === 'ChanceLab', 'the chance lab');
    await page.selectOption('[data-testid="chance-scenario"]', scenario);
    await page.fill('[data-testid="chance-n"]', String(games));
    const t0 = Date.now();
    await page.click('[data-testid="chance-run"]');
    const status = page.locator('[data-testid="chance-status"]', { hasText: 'games played in' });
    await status.waitFor({ timeout: 600_000 });
    const pageSeconds = (Date.now() - t0) / 1000;
    const text = await status.innerText();
    const m = /in ([\d.,]+) s/.exec(text);
    if (!m) throw new Error(`unexpected chance lab status: ${text}`);
    return { scenario, games, workerSeconds: Number(m[1]!.replace(/,/g, '')), pageSeconds: Math.round(pageSeconds * 100) / 100 };
  } finally {
    await close();
  }
}
