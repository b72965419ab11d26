// The network figure: the game's own server (src/server/main.ts, prod mode, a free port on
// 127.0.0.1) and `matches` two-player matches played at once by scripted @colyseus/sdk clients,
// each a whole game to its end. For every move, the round trip from `send('act')` to the next
// 'view' (or 'refused') arriving at the mover. Clients and server share this one Node process
// (and its event loop): the round trips include the clients' own decoding of the views.
// By default a player moves the moment its view arrives (at most one move per MIN_GAP_MS, under
// the room's flood guard), so all matches keep the server as busy as it can be: a round trip is
// then mostly the wait behind the other matches' moves. `thinkMs` paces the players instead.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Client, type Room } from '@colyseus/sdk';
import { startServer, type RunningServer } from '../../server/main';
import { MATCH_ROOM, type SeatInfo, type SeatMessage } from '../../net/protocol';
import type { SideView } from '../../net/view';
import { chooser, enumerateActions, pickPackage, type Action } from '../../sim';
import { quantile, round } from './stats';

/** The server's flood guard (MatchRoom.maxMessagesPerSecond) is 100 a second per client; a client keeps this far below it. */
export const MIN_GAP_MS = 15;
/** A move with no answer after this long is an error (the match is given up). */
const MOVE_TIMEOUT_MS = 30_000;

export interface NetOptions {
  matches: number;
  log?: (s: string) => void;
  /** The shipped scenario every match plays. Default moscow-2019. */
  scenario?: string;
  /** Give up on the games after this long (each unfinished game is an error). Default 10 min. */
  timeoutMs?: number;
  /**
   * A player's thinking time before each move, ms: uniformly 0.5–1.5 × this (seeded per client).
   * Default 0: every player moves as soon as its view arrives (and the flood guard allows), so
   * the server is as busy as the clients can make it.
   */
  thinkMs?: number;
}

export interface MemoryFigure {
  rss: number;
  heapUsed: number;
}

export interface NetFigures {
  scenario: string;
  matches: number;
  clients: number;
  /** Moves the server took (refusals not counted). */
  moves: number;
  refusals: number;
  /** The server's reasons for the refused moves, each with how often. */
  refusalReasons: Record<string, number>;
  thinkMs: number;
  /** Games both of whose clients saw the revealed end. */
  finished: number;
  /** Round trip send('act') → next 'view' or 'refused' at the mover, ms. */
  rttMs: { p50: number; p95: number; max: number; mean: number };
  /** The five slowest round trips: the move, the phase it was made in, and when (seconds into the play). */
  slowest: { ms: number; action: string; phase: string; atSecond: number; answer: 'view' | 'refused' }[];
  /** While the games were played: V8's garbage-collection pauses, and how late the event loop ran a timer (a long GC, a slow sync call or a backlog of sockets; each stops server and clients alike). */
  pauses: { gcCount: number; gcTotalMs: number; gcMaxMs: number; eventLoopMaxMs: number; eventLoopP99Ms: number };
  /** Moves the server took per second of play, all matches together. */
  movesPerSecond: number;
  /** Dropped connections, games that did not finish, exceptions: each one, with what happened. */
  errors: number;
  errorList: string[];
  memory: {
    /** Whether a full GC ran before each reading (global.gc, or V8's gc exposed at run time). */
    gc: boolean;
    /** Server started, no match open. */
    before: MemoryFigure;
    /** Every game played to its end, every room and client still open. */
    peak: MemoryFigure;
    /** The largest rss sampled (no GC) while the games were being played. */
    maxRssDuringPlay: number;
    rssPerMatch: number;
    heapUsedPerMatch: number;
  };
  /** Seconds: opening every match (create + join), playing them, and the whole run. */
  openSeconds: number;
  playSeconds: number;
  wallSeconds: number;
  /** A note for readers of the figure. */
  sameProcess: true;
}

type View = SideView & { seats: Record<'japan' | 'russia', SeatInfo> };

interface Player {
  match: number;
  room: Room;
  view: View | null;
  pick: (n: number) => number;
  think: (n: number) => number;
  /** performance.now() of the move in flight, or null. */
  sentAt: number | null;
  /** What the move in flight was: its type and the phase it was made in. */
  sent: { action: string; phase: string } | null;
  lastSendAt: number;
  timer: ReturnType<typeof setTimeout> | null;
  leaving: boolean;
  refusals: number;
}

/** A full garbage collection, if this process can have one: --expose-gc, or V8's flag set at run time. */
function gcFunction(): (() => void) | null {
  const g = (globalThis as { gc?: () => void }).gc;
  if (typeof g === 'function') return g;
  try {
    setFlagsFromString('--expose-gc');
    const fn = runInNewContext('gc') as unknown;
    return typeof fn === 'function' ? (fn as () => void) : null;
  } catch {
    return null;
  }
}

async function settledMemory(gc: (() => void) | null): Promise<MemoryFigure> {
  if (gc) {
    for (let i = 0; i < 3; i++) {
      gc();
      await new Promise((r) => setImmediate(r));
    }
  }
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed };
}

export async function netBench(opts: NetOptions): Promise<NetFigures> {
  const log = opts.log ?? (() => undefined);
  const matches = opts.matches;
  const scenario = opts.scenario ?? 'moscow-2019';
  if (!Number.isInteger(matches) || matches < 1) throw new Error(`--matches: "${String(matches)}" is not a whole number ≥ 1`);
  const t0 = performance.now();
  const gc = gcFunction();
  const tmp = mkdtempSync(join(tmpdir(), 'up-bench-net-'));
  const distDir = join(tmp, 'dist');
  mkdirSync(distDir);
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>bench</title>\n');
  const errorList: string[] = [];
  const error = (what: string): void => {
    errorList.push(what);
  };
  const rtts: number[] = [];
  const slow: NetFigures['slowest'] = [];
  let tPlay = 0;
  const thinkMs = opts.thinkMs ?? 0;
  const refusalReasons: Record<string, number> = {};
  const players: Player[] = [];
  let moves = 0;
  let server: RunningServer | null = null;
  let started = false;
  let doneResolve: () => void = () => undefined;
  const done = new Promise<void>((ok) => (doneResolve = ok));
  const finished = new Set<number>();
  const revealedBy: number[] = Array.from({ length: matches }, () => 0);
  const givenUp = new Set<number>();
  const checkDone = (): void => {
    if (finished.size + givenUp.size >= matches) doneResolve();
  };
  const giveUp = (match: number, why: string): void => {
    error(`match ${match}: ${why}`);
    if (!finished.has(match) && !givenUp.has(match)) givenUp.add(match);
    for (const p of players) if (p.match === match && p.timer) clearTimeout(p.timer);
    checkDone();
  };

  // One scripted player's policy: a move among the legal ones (no walk-outs, so the games last).
  const move = (p: Player): void => {
    p.timer = null;
    const v = p.view;
    if (!started || !v?.legal || v.revealed || p.sentAt !== null || givenUp.has(p.match)) return;
    const wait = p.lastSendAt + MIN_GAP_MS - performance.now();
    if (wait > 0) {
      p.timer = setTimeout(() => move(p), Math.ceil(wait));
      return;
    }
    const all = enumerateActions(v.legal, [pickPackage(v.legal.options, p.pick)]);
    const choices = all.filter((a) => a.type !== 'walkOut');
    const list: Action[] = choices.length > 0 ? choices : all;
    const action = list[p.pick(list.length)];
    if (!action) {
      giveUp(p.match, `no move to make for ${v.side} in ${v.phase} (${v.legal.types.join(', ')})`);
      return;
    }
    p.lastSendAt = performance.now();
    p.sentAt = p.lastSendAt;
    p.sent = { action: action.type, phase: v.phase };
    p.timer = setTimeout(() => giveUp(p.match, `${v.side}'s move (${action.type}) in ${v.phase} had no answer after ${MOVE_TIMEOUT_MS / 1000} s`), MOVE_TIMEOUT_MS);
    p.room.send('act', { action });
  };
  /** The player's next move, after its thinking time (none by default). */
  const schedule = (p: Player): void => {
    if (thinkMs <= 0) return move(p);
    if (p.timer) clearTimeout(p.timer);
    p.timer = setTimeout(() => move(p), Math.round(thinkMs * (0.5 + p.think(1001) / 1000)));
  };
  const answered = (p: Player, answer: 'view' | 'refused'): void => {
    if (p.sentAt === null) return;
    const now = performance.now();
    const ms = now - p.sentAt;
    rtts.push(ms);
    if (slow.length < 5 || ms > slow[slow.length - 1]!.ms) {
      slow.push({ ms: round(ms), action: p.sent?.action ?? '?', phase: p.sent?.phase ?? '?', atSecond: round((p.sentAt - tPlay) / 1000, 1), answer });
      slow.sort((a, b) => b.ms - a.ms);
      slow.length = Math.min(slow.length, 5);
    }
    p.sentAt = null;
    if (p.timer) clearTimeout(p.timer);
    p.timer = null;
  };

  const watch = (room: Room, match: number, seed: number): Player => {
    const p: Player = { match, room, view: null, pick: chooser(seed), think: chooser(seed + 1_000_003), sentAt: null, sent: null, lastSendAt: -Infinity, timer: null, leaving: false, refusals: 0 };
    room.onMessage('seat', () => undefined);
    room.onMessage('scenario', () => undefined);
    room.onMessage('view', (v: View) => {
      if (p.sentAt !== null) {
        answered(p, 'view');
        moves++;
      }
      p.view = v;
      if (v.revealed) {
        if (p.timer) clearTimeout(p.timer);
        p.timer = null;
        if (++revealedBy[match]! === 2) {
          finished.add(match);
          checkDone();
        }
        return;
      }
      if (started && v.legal) schedule(p);
    });
    room.onMessage('refused', (m: { error?: unknown }) => {
      answered(p, 'refused');
      p.refusals++;
      const why = String(m.error);
      refusalReasons[why] = (refusalReasons[why] ?? 0) + 1;
      if (p.refusals > 50) giveUp(match, `more than 50 refused moves by ${p.view?.side ?? '?'}`);
      else move(p);
    });
    room.onDrop((code, reason) => {
      if (!p.leaving) giveUp(match, `connection dropped (code ${code}${reason ? `: ${reason}` : ''})`);
    });
    room.onLeave((code, reason) => {
      if (!p.leaving) giveUp(match, `left the room (code ${code}${reason ? `: ${reason}` : ''})`);
    });
    room.onError((code, message) => error(`match ${match}: room error ${code}${message ? `: ${message}` : ''}`));
    return p;
  };

  let openSeconds = 0;
  let playSeconds = 0;
  let before: MemoryFigure = { rss: 0, heapUsed: 0 };
  let peak: MemoryFigure = { rss: 0, heapUsed: 0 };
  let maxRssDuringPlay = 0;
  const gcPauses: number[] = [];
  const gcObserver = new PerformanceObserver((list) => {
    if (started) for (const e of list.getEntries()) gcPauses.push(e.duration);
  });
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  try {
    server = await startServer({ mode: 'prod', port: 0, host: '127.0.0.1', distDir, dataDir: join(tmp, 'data'), quiet: true });
    const url = server.url.replace(/\/$/, '');
    before = await settledMemory(gc);
    log(`server on ${url}; opening ${matches} matches (${matches * 2} clients) at once…`);

    // Every match at once: the creator (alternately Japan and Russia), then the second player by the code.
    const tOpen = performance.now();
    const opened = await Promise.allSettled(
      Array.from({ length: matches }, async (_, i) => {
        const side = i % 2 === 0 ? 'japan' : 'russia';
        const creatorRoom = await new Client(url).create(MATCH_ROOM, { scenario, seed: `bench-net-${i}`, side });
        const first = watch(creatorRoom, i, 2 * i + 1);
        players.push(first);
        const seat = await new Promise<SeatMessage>((ok) => creatorRoom.onMessage('seat', ok));
        const second = watch(await new Client(url).joinById(seat.code, {}), i, 2 * i + 2);
        players.push(second);
      }),
    );
    for (const [i, r] of opened.entries()) if (r.status === 'rejected') giveUp(i, `could not open: ${r.reason instanceof Error ? r.reason.message : String(r.reason)}`);
    // Both seats connected in both browsers' views: only then does anyone move.
    const seated = (p: Player): boolean => Boolean(p.view?.seats.japan.connected && p.view.seats.russia.connected);
    const seatDeadline = performance.now() + 60_000;
    while (!players.every((p) => givenUp.has(p.match) || seated(p))) {
      if (performance.now() > seatDeadline) {
        for (const p of players) if (!seated(p)) giveUp(p.match, 'the seats were not both connected after 60 s');
        break;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    openSeconds = (performance.now() - tOpen) / 1000;
    log(`all matches open in ${round(openSeconds, 1)} s; playing…`);

    tPlay = performance.now();
    const sampler = setInterval(() => {
      maxRssDuringPlay = Math.max(maxRssDuringPlay, process.memoryUsage().rss);
    }, 250);
    const progress = setInterval(() => log(`${finished.size}/${matches} games finished, ${moves} moves`), 10_000);
    started = true;
    gcObserver.observe({ entryTypes: ['gc'] });
    loopDelay.enable();
    for (const p of players) if (p.view?.legal) schedule(p);
    checkDone();
    const timeoutMs = opts.timeoutMs ?? 600_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([done, new Promise<void>((ok) => (timer = setTimeout(ok, timeoutMs)))]);
    clearTimeout(timer);
    clearInterval(sampler);
    loopDelay.disable();
    gcObserver.disconnect();
    clearInterval(progress);
    playSeconds = (performance.now() - tPlay) / 1000;
    maxRssDuringPlay = Math.max(maxRssDuringPlay, process.memoryUsage().rss);
    for (let i = 0; i < matches; i++) if (!finished.has(i) && !givenUp.has(i)) giveUp(i, `did not finish within ${timeoutMs / 1000} s`);
    // Every room still open, each at its end (its longest log and action list) and its replay sent.
    peak = await settledMemory(gc);
  } catch (e) {
    error(`exception: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    for (const p of players) {
      if (p.timer) clearTimeout(p.timer);
      p.leaving = true;
    }
    await Promise.allSettled(players.map((p) => p.room.leave(true)));
    await server?.close().catch((e: unknown) => error(`closing the server: ${e instanceof Error ? e.message : String(e)}`));
    rmSync(tmp, { recursive: true, force: true });
  }
  for (let i = 0; i < matches; i++) if (!finished.has(i) && !givenUp.has(i)) error(`match ${i}: did not finish`);
  const perMatch = (a: number, b: number): number => round((b - a) / matches, 0);
  return {
    scenario,
    matches,
    clients: matches * 2,
    moves,
    refusals: players.reduce((n, p) => n + p.refusals, 0),
    refusalReasons,
    thinkMs,
    finished: finished.size,
    rttMs: { p50: round(quantile(rtts, 0.5)), p95: round(quantile(rtts, 0.95)), max: round(rtts.length ? Math.max(...rtts) : Number.NaN), mean: round(rtts.reduce((a, b) => a + b, 0) / rtts.length) },
    slowest: slow,
    pauses: {
      gcCount: gcPauses.length,
      gcTotalMs: round(gcPauses.reduce((a, b) => a + b, 0), 0),
      gcMaxMs: round(gcPauses.length ? Math.max(...gcPauses) : 0, 1),
      eventLoopMaxMs: round(loopDelay.max / 1e6, 1),
      eventLoopP99Ms: round(loopDelay.percentile(99) / 1e6, 1),
    },
    movesPerSecond: round(moves / playSeconds, 0),
    errors: errorList.length,
    errorList,
    memory: { gc: gc !== null, before, peak, maxRssDuringPlay, rssPerMatch: perMatch(before.rss, peak.rss), heapUsedPerMatch: perMatch(before.heapUsed, peak.heapUsed) },
    openSeconds: round(openSeconds, 2),
    playSeconds: round(playSeconds, 2),
    wallSeconds: round((performance.now() - t0) / 1000, 2),
    sameProcess: true,
  };
}
