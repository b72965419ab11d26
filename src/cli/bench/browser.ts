// The browser half of `npm run bench` and of tests/e2e/budget.test.ts: loading time of the
// built game against a bare Phaser page, frame times on the Table and Reaction scenes, and
// the JS heap after 1 and after 20 whole games played through the UI in one page.
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

export function launchChromium(extra: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extra] });
}

/**
 * Runs before any page script (CSP does not apply to it). On every animation frame it checks
 * whether the page is ready; one frame after it first is (so Phaser has rendered that state),
 * it stores performance.now(), i.e. milliseconds since navigation started, in window.__benchReady.
 * Ready means: for the game, the Title scene has been created (window.__up.renders counts
 * finished scene creates) and its Start button is in the DOM; for the bare page, its only
 * scene has been created.
 */
const READY_PROBE = `(() => {
  const ready = () => {
    const up = window.__up;
    if (up) return up.scene === 'Title' && up.renders >= 1 && !!document.querySelector('[data-testid="start"]');
    return !!window.__bare;
  };
  let seen = false;
  const tick = () => {
    if (seen) { window.__benchReady = performance.now(); return; }
    if (ready()) seen = true;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

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

/** Milliseconds from navigation to the first interactive frame, in a fresh context (empty cache). */
export async function loadOnce(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript({ content: READY_PROBE });
  const page = await context.newPage();
  try {
    await page.goto(url);
    const ms = await poll(page, () => (window as unknown as { __benchReady?: number }).__benchReady ?? null, (v) => typeof v === 'number', `the first interactive frame of ${url}`);
    return ms!;
  } finally {
    await context.close();
  }
}

export interface LoadingReport {
  runs: number;
  gameMs: number[];
  bareMs: number[];
  gameMedianMs: number;
  bareMedianMs: number;
  /** Median game time over median bare-Phaser time. */
  ratio: number;
}

/** Alternates game and bare page so that background load hits both alike; one discarded warm-up each. */
export async function measureLoading(browser: Browser, gameUrl: string, bareUrl: string, runs = 5): Promise<LoadingReport> {
  await loadOnce(browser, gameUrl);
  await loadOnce(browser, bareUrl);
  const gameMs: number[] = [];
  const bareMs: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    if (i % 2 === 0) {
      gameMs.push(await loadOnce(browser, gameUrl));
      bareMs.push(await loadOnce(browser, bareUrl));
    } else {
      bareMs.push(await loadOnce(browser, bareUrl));
      gameMs.push(await loadOnce(browser, gameUrl));
    }
  }
  const g = median(gameMs);
  const b = median(bareMs);
  return { runs, gameMs: gameMs.map((x) => round(x, 1)), bareMs: bareMs.map((x) => round(x, 1)), gameMedianMs: round(g, 1), bareMedianMs: round(b, 1), ratio: round(g / b, 3) };
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
