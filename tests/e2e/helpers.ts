// Shared pieces for the browser tests: one Chromium, pages that record every console error,
// and waits keyed to the game's own render counter rather than to the clock.
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, testChromium } from '../../src/cli/bench/browser';
import { expect, inject } from 'vitest';

export const OUT = 'test-output';
mkdirSync(OUT, { recursive: true });

export const baseUrl = (): string => inject('baseUrl');

let shared: Browser | null = null;

/**
 * The worker's browser, one for every browser test file the worker runs (the e2e project
 * does not isolate its files, vite.config.ts): a launch costs about a second of CPU, and a
 * page kept by one file serves the next. Launched again if it went away; it goes with the
 * worker (a browser on Playwright's pipe ends when its parent does).
 */
export async function launch(): Promise<Browser> {
  if (!shared?.isConnected()) shared = await launchChromium([], testChromium());
  return shared;
}

/**
 * A file's end: closes every context it left open, except those of kept pages (with
 * `closeKept`, those too: a file whose server goes away must not leave pages on it).
 */
export async function leave(browser: Browser | undefined, opts: { closeKept?: boolean } = {}): Promise<void> {
  if (!browser?.isConnected()) return;
  if (opts.closeKept) parked.delete(browser);
  const keep = new Set((parked.get(browser) ?? []).map((w) => w.context));
  for (const context of browser.contexts()) if (!keep.has(context)) await context.close();
}

export interface Watched {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions seen on this page. */
  errors: string[];
  /**
   * Ends the test's use of the page. A plain page (no init script) is kept for the next
   * test on the same browser, its other tabs closed and its storage cleared; any other is
   * closed with its context.
   */
  done(): Promise<void>;
}

/**
 * A finished test's page, waiting for the next test on the same browser. Opening a page in a
 * new context starts a renderer process, which parses and compiles the game afresh: about
 * half a second of CPU more than loading the game again in a page that has had it
 * (docs/performance.md), and the browser tests open some sixty.
 */
const parked = new WeakMap<Browser, Watched[]>();
/** Pages kept per browser: enough for a two-device match; an idle game still costs a little CPU. */
const PARKED_MAX = 2;

export async function openPage(browser: Browser, opts: { width?: number; height?: number; init?: string } = {}): Promise<Watched> {
  const viewport = { width: opts.width ?? 1280, height: opts.height ?? 720 };
  const kept = opts.init ? undefined : parked.get(browser)?.pop();
  if (kept) {
    kept.errors.length = 0;
    const now = kept.page.viewportSize();
    if (now?.width !== viewport.width || now.height !== viewport.height) await kept.page.setViewportSize(viewport);
    return kept;
  }
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  if (opts.init) await context.addInitScript({ content: opts.init });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  pageErrors.set(page, errors);
  const watched: Watched = {
    page,
    context,
    errors,
    done: async () => {
      const pool = parked.get(browser) ?? [];
      parked.set(browser, pool);
      if (opts.init || pool.length >= PARKED_MAX || page.isClosed() || !(await reset(page, context))) await context.close();
      else pool.push(watched);
    },
  };
  return watched;
}

/** Clears what a test left in a page's context; false when it cannot be sure it did (then the context is closed). */
async function reset(page: Page, context: BrowserContext): Promise<boolean> {
  try {
    for (const other of context.pages()) if (other !== page) await other.close();
    await context.unrouteAll();
    await context.setOffline(false);
    await context.clearPermissions();
    await page.emulateMedia({ media: null });
    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
    // Only this page's origin was cleared; storage left on another (the tests use the game's own
    // server as well as the built files) shows here, and then the page is not kept.
    const left = await context.storageState();
    return left.origins.length === 0 && left.cookies.length === 0;
  } catch {
    return false;
  }
}

/** Each watched page's errors, so a wait that times out can say what went wrong in the page. */
const pageErrors = new WeakMap<Page, string[]>();

export interface Up {
  scene: string | null;
  phase: string | null;
  pending: string | null;
  round: number | null;
  viewer: string | null;
  renders: number;
  hash: string | null;
  focus: string | null;
}

export function up(page: Page): Promise<Up> {
  return page.evaluate(() => {
    const u = (window as unknown as { __up: Record<string, unknown> & { hash(): string | null } }).__up;
    return {
      scene: u.scene as string | null,
      phase: u.phase as string | null,
      pending: u.pending as string | null,
      round: u.round as number | null,
      viewer: u.viewer as string | null,
      renders: u.renders as number,
      hash: u.hash(),
      focus: document.activeElement?.getAttribute('data-testid') ?? null,
    };
  });
}

/** How many human moves the page's game holds. */
export const movesOf = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { __up: { moves: number | null } }).__up.moves ?? 0);

/** Polls (the page's CSP forbids eval, so no waitForFunction) until `pred` holds. */
export async function until(page: Page, pred: (u: Up) => boolean, what: string, timeout = 10_000): Promise<Up> {
  const end = Date.now() + timeout;
  let last: Up | null = null;
  while (Date.now() < end) {
    try {
      last = await up(page);
      if (pred(last)) return last;
    } catch {
      /* page still loading */
    }
    await page.waitForTimeout(20);
  }
  const errors = pageErrors.get(page) ?? [];
  throw new Error(`timed out waiting for ${what}; last state ${JSON.stringify(last)}${errors.length ? `; the page's errors: ${errors.join(' | ')}` : ''}`);
}

/**
 * Presses a key and waits until a scene has drawn again (every action redraws), then two
 * animation frames (focus moves on the next one). The page itself watches for the redraw,
 * so a move costs one round trip to the browser rather than one per look.
 */
export async function press(page: Page, key: string): Promise<Up> {
  // A screen drawn a moment ago (another device's move arriving, a reconnection) moves its
  // focus on the next frame: a key pressed before then goes to no control. With nothing
  // focused, wait for that frame.
  const before = await page
    .evaluate(
      () =>
        new Promise<number>((done) => {
          const up = (window as unknown as { __up: { renders: number } }).__up;
          if (document.activeElement && document.activeElement !== document.body) return done(up.renders);
          const late = setTimeout(() => done(up.renders), 100); // a tab that does not draw
          requestAnimationFrame(() => requestAnimationFrame(() => { clearTimeout(late); done(up.renders); }));
        }),
    )
    .catch(async () => (await up(page)).renders);
  await page.keyboard.press(key);
  const drawn = await page
    .evaluate(
      ([n, timeout]) =>
        new Promise<boolean>((done) => {
          const end = performance.now() + timeout;
          const look = setInterval(() => {
            if ((window as unknown as { __up: { renders: number } }).__up.renders > n) {
              clearInterval(look);
              const late = setTimeout(() => done(true), 100); // a tab that does not draw
              requestAnimationFrame(() => requestAnimationFrame(() => { clearTimeout(late); done(true); }));
            } else if (performance.now() > end) {
              clearInterval(look);
              done(false);
            }
          }, 10);
        }),
      [before, 10_000] as const,
    )
    .catch(() => null); // the key loaded another page: wait for it below
  if (drawn !== true) {
    await until(page, (u) => u.renders > before, `a redraw after ${key}`);
    await frames(page);
  }
  return up(page);
}

/** Two animation frames of the page (what a scene waits before it moves focus), or 100 ms in a tab that does not draw. */
export function frames(page: Page): Promise<unknown> {
  return page
    .evaluate(() => new Promise<void>((done) => {
      const late = setTimeout(done, 100);
      requestAnimationFrame(() => requestAnimationFrame(() => { clearTimeout(late); done(); }));
    }))
    .catch(() => undefined);
}

export async function gotoGame(page: Page, query: string): Promise<Up> {
  await page.goto(baseUrl() + query);
  // Generous: on a busy two-core machine parsing the engine alone can take seconds.
  await until(page, (u) => u.renders > 0, 'the first scene', 30_000);
  await page.waitForTimeout(80);
  return up(page);
}

/**
 * Whether the picture a sleeping render loop left on the canvas is the finished one: the
 * canvas as it is, against the canvas once the loop has been woken (by a resize, as the page
 * does) and has drawn again. Something drawn too late for the frames the loop stays awake
 * (objects added on a later frame, canvas text drawn again when a typeface slice arrives)
 * shows only in the second. Waits for the page's fonts and for the loop to sleep first.
 */
export function pictureSettled(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const frame = (): Promise<void> => new Promise((done) => requestAnimationFrame(() => done()));
    // The loop stays up two frames after a wake (src/ui/app/idle.ts): three, then four, see it asleep.
    await document.fonts.ready;
    for (let i = 0; i < 3; i += 1) await frame();
    const canvas = document.querySelector('canvas');
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return false;
    // The pixels themselves: a PNG of the canvas (toDataURL) cost some 0.3 s of CPU a screen.
    const pixels = (): Uint32Array => new Uint32Array(context.getImageData(0, 0, canvas.width, canvas.height).data.buffer);
    const before = pixels();
    window.dispatchEvent(new Event('resize'));
    for (let i = 0; i < 4; i += 1) await frame();
    const after = pixels();
    for (let i = 0; i < before.length; i += 1) if (before[i] !== after[i]) return false;
    return true;
  });
}

/** Tabs forward until the element with this test id has focus: keyboard only, like a player. */
export async function tabTo(page: Page, testid: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    const f = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    if (f === testid) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${testid} by Tab`);
}

/** Chooses an option in a focused native <select> with the arrow keys. */
export async function chooseByKeyboard(page: Page, testid: string, value: string): Promise<void> {
  await tabTo(page, testid);
  const { index, current } = await page.evaluate(
    ([id, v]) => {
      const sel = document.querySelector<HTMLSelectElement>(`[data-testid="${id}"]`)!;
      return { index: [...sel.options].findIndex((o) => o.value === v), current: sel.selectedIndex };
    },
    [testid, value] as const,
  );
  if (index < 0) return; // not on the table at this summit: keep what is there
  const key = index > current ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < Math.abs(index - current); i++) await page.keyboard.press(key);
}

/** Moves a radio group's selection with the arrow keys, as a keyboard user would. */
export async function chooseRadioByKeyboard(page: Page, group: string, value: string): Promise<void> {
  const checked = await page.evaluate((g) => document.querySelector<HTMLInputElement>(`[data-testid="${g}"] input:checked`)?.value ?? '', group);
  await tabTo(page, `${group}-${checked}`);
  for (let i = 0; i < 6; i++) {
    const now = await page.evaluate((g) => document.querySelector<HTMLInputElement>(`[data-testid="${g}"] input:checked`)?.value ?? '', group);
    if (now === value) return;
    await page.keyboard.press('ArrowRight');
  }
  throw new Error(`could not choose ${value} in ${group}`);
}

const shot = new Set<string>();
/**
 * Every screen the campaigns pass through is photographed only when asked for
 * (UP_SHOTS=all): some 150 screenshots at about a tenth of a second of CPU each. The
 * named views (force) always are.
 */
const EVERY_SCREEN = process.env.UP_SHOTS === 'all';
/** One screenshot per scene (and phase) per test, into test-output/. */
export async function snap(page: Page, name: string, force = false): Promise<void> {
  if (!force && (!EVERY_SCREEN || shot.has(name))) return;
  shot.add(name);
  await page.screenshot({ path: `${OUT}/${name}.png` });
}

export const GENEROUS = { islands: 'two', sovereignty: 'jointGovernance', usGuarantee: 'written', sanctions: 'ease', energy: 'pipeline', investment: 'major', humanitarian: 'visaFree' };
/** In a round where no treaty text can be signed (Vladivostok), the same hand without the treaty's terms: joint activity, LNG, no guarantee. */
const INTERIM = { ...GENEROUS, sovereignty: 'jointActivity', usGuarantee: 'none', energy: 'lng' };

/**
 * Plays until the debrief. Japan's player proposes a treaty package and accepts what is
 * offered; the other moves are the focused default (Enter).
 */
export async function play(page: Page, tag: string, opts: { offer?: Record<string, string>; notSent?: RegExp; onScreen?: (u: Up) => Promise<void> } = {}): Promise<{ scenes: Set<string>; final: Up }> {
  const scenes = new Set<string>();
  for (let step = 0; step < 160; step++) {
    const u = await up(page);
    scenes.add(u.scene ?? '?');
    await snap(page, `${tag}-${u.scene}${u.scene === 'Table' ? `-${u.phase}` : ''}`);
    if (opts.onScreen) await opts.onScreen(u);
    if (u.scene === 'Debrief') return { scenes, final: u };
    if (u.scene === 'Table' && u.phase === 'ministerTalks' && opts.offer && u.focus === 'send-ministers') {
      await chooseRadioByKeyboard(page, 'sequencing', 'parallel');
      await tabTo(page, 'send-ministers');
    }
    if (u.scene === 'Table' && u.phase === 'summit' && opts.offer && u.focus === 'propose') {
      const offer = u.round === 0 ? { ...opts.offer, ...INTERIM } : opts.offer;
      for (const [issue, value] of Object.entries(offer)) await chooseByKeyboard(page, `offer-${issue}`, value);
      await tabTo(page, 'propose');
      // A package this summit cannot take (the same as the last offer, a term blocked now) is not sent:
      // the reason shows beside the button, and the player stalls instead, as a person would.
      await page.keyboard.press('Enter');
      await page.waitForTimeout(120);
      if (await page.isVisible('[data-testid="refusal"]')) {
        expect(await page.textContent('[data-testid="refusal"]')).toMatch(opts.notSent ?? /^Not sent: /);
        await tabTo(page, 'stall');
      } else continue;
    }
    await press(page, 'Enter');
  }
  throw new Error(`${tag}: the game did not end`);
}


/**
 * Text that does not fit its box: a DOM element whose own text is wider than the
 * element (and not in a scrolling box), an element that sticks out of its panel, or a
 * canvas text outside the 1280×720 stage. Empty when the screen's layout holds.
 */
export async function overflows(page: Page): Promise<string[]> {
  const dom = await page.evaluate(() => {
    const out: string[] = [];
    const root = document.getElementById('game');
    if (!root) return out;
    for (const el of root.querySelectorAll<HTMLElement>('*')) {
      if (el.offsetParent === null || el.closest('.sr-only')) continue; // hidden, or read only by screen readers
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (!ownText) continue;
      const style = getComputedStyle(el);
      const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
      const name = `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''} “${(el.textContent ?? '').trim().slice(0, 40)}”`;
      if (!scrolls && el.tagName !== 'CODE' && el.scrollWidth > el.clientWidth + 2 && el.clientWidth > 1) out.push(`${name}: text ${el.scrollWidth}px wide in a ${el.clientWidth}px box`);
      const panel = el.closest<HTMLElement>('.panel');
      if (panel && panel !== el) {
        const r = el.getBoundingClientRect();
        const p = panel.getBoundingClientRect();
        if (r.right > p.right + 2 && el.tagName !== 'CODE') out.push(`${name}: sticks out of its panel by ${Math.round(r.right - p.right)}px`);
      }
    }
    return out;
  });
  const canvas = await page.evaluate(() => (window as unknown as { __up: { canvasTexts(): { text: string; x: number; y: number; w: number; h: number }[] } }).__up.canvasTexts());
  for (const c of canvas) {
    if (c.x < -1 || c.y < -1 || c.x + c.w > 1281 || c.y + c.h > 721) dom.push(`canvas “${c.text.slice(0, 40)}”: outside the stage (${Math.round(c.x)}, ${Math.round(c.y)}, ${Math.round(c.w)}×${Math.round(c.h)})`);
  }
  // Two canvas texts drawn over each other (a long heading running into the round line).
  canvas.forEach((a, i) => {
    for (const b of canvas.slice(i + 1)) {
      const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const hgt = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (w > 2 && hgt > 2) dom.push(`canvas “${a.text.slice(0, 30)}” and “${b.text.slice(0, 30)}” overlap by ${Math.round(w)}×${Math.round(hgt)}px`);
    }
  });
  return dom;
}
