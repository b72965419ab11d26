// A match with a friend on another device, from this browser's side: the connection to
// the game's server, this side's view of the game (never the other side's private
// information), and coming back after a dropped connection or a server restart.
// Loaded only when a player hosts or joins a match, so a page that never does keeps it off.
import { Client, type Room } from '@colyseus/sdk';
import type { Scenario } from '../../scenario/schema';
import { otherSide, type Difficulty, type Side } from '../../scenario/vocabulary';
import { GameSession, offerProblem, type Action, type ActResult, type GameConfig, type GameState, type LegalMoves, type Package, type PhaseName, type PlaySession, type ReplayFile } from '../../sim';
import { CLASS_ROOM, MATCH_ROOM, REFUSALS, normaliseCode, showCode, type RefusalCode, type SeatInfo, type SeatMessage } from '../../net/protocol';
import { applyDelta, type Held, type SideView } from '../../net/view';
import { store, type ClassLobby, type DashboardView, type NetMatch, type TeachingClass } from '../app/store';
import { announce } from '../a11y/live';
import { t } from '../i18n/t';
import './texts';
import { sideName } from '../app/narrate';

type ViewMessage = SideView & { seats: Record<Side, SeatInfo>; replay?: ReplayFile; paused?: boolean; stopped?: boolean };

const TOKEN_KEY = 'unfinished-peace/match/';
/** How often, and how many times, a lost connection is tried again before the player is asked. */
const RETRY_MS = 1500;
const RETRIES = 40;

/** This side's view of the match, with the same surface the screens read of a local game. */
export class RemoteSession implements PlaySession {
  readonly remote = true;
  constructor(
    readonly scenario: Scenario,
    private view: ViewMessage,
    private readonly send: (action: Action) => void,
  ) {}

  /** The legal moves of the view a move was sent from, until the server answers it. */
  private sentFrom: LegalMoves | null = null;

  update(view: ViewMessage): void {
    this.view = view;
    this.sentFrom = null;
  }

  /** The server did not take the move: the controls of the view it was sent from come back. */
  refused(): void {
    if (this.sentFrom && !this.view.legal) this.view = { ...this.view, legal: this.sentFrom };
    this.sentFrom = null;
  }

  get config(): GameConfig {
    return this.view.state.config;
  }
  get state(): GameState {
    return this.view.state;
  }
  get phase(): PhaseName {
    return this.view.phase;
  }
  get pending(): Side | null {
    return this.view.pending;
  }
  get ended(): boolean {
    return this.view.phase === 'ended';
  }
  get actions(): readonly Action[] {
    return this.view.actions;
  }
  /** Only the server may hash the whole game; this side sees part of it. */
  hash(): string {
    return '';
  }
  legal(): LegalMoves | null {
    return this.view.legal;
  }
  offerProblem(pkg: Package): ReturnType<PlaySession['offerProblem']> {
    return offerProblem(this.scenario, this.view.state, pkg);
  }
  /** Sends the move; the server answers with the next view or with its reason for refusing it. */
  act(action: Action): ActResult {
    if (!this.view.legal || action.side !== this.view.side) return { ok: false, error: t('net.notYourMove') };
    this.send(action);
    // One move per turn: the controls wait for the server's answer.
    this.sentFrom = this.view.legal;
    this.view = { ...this.view, legal: null };
    return { ok: true };
  }
}

/** This page's address with ?match=CODE (its other settings, such as ?lang=, kept): a reload comes back into the seat. */
function matchSearch(code: string): string {
  const params = new URLSearchParams(window.location.search);
  for (const k of [...params.keys()]) if (k !== 'lang') params.delete(k);
  params.set('match', code);
  return `?${params.toString()}`;
}

function rememberSeat(seat: SeatMessage): void {
  try {
    window.localStorage.setItem(TOKEN_KEY + seat.code, JSON.stringify({ token: seat.token, side: seat.side }));
  } catch {
    // No storage (private mode, quota): the seat still works while this tab is open.
  }
}

function seatToken(code: string): string | undefined {
  try {
    const raw = window.localStorage.getItem(TOKEN_KEY + code);
    const parsed = raw ? (JSON.parse(raw) as { token?: unknown }) : null;
    return typeof parsed?.token === 'string' ? parsed.token : undefined;
  } catch {
    return undefined;
  }
}

/** The address another device opens to join: the server's network address, never 127.0.0.1 (a phone cannot reach this computer by it). */
async function joinLink(code: string): Promise<{ link: string; lan: boolean }> {
  const here = new URL(window.location.href);
  const local = here.hostname === '127.0.0.1' || here.hostname === 'localhost' || here.hostname === '::1';
  let base = `${here.origin}/`;
  if (local) {
    try {
      const info = (await (await fetch('/net/info')).json()) as { lan?: unknown };
      const first = Array.isArray(info.lan) ? info.lan.find((u): u is string => typeof u === 'string') : undefined;
      if (first) base = first;
    } catch {
      // No network address known: the link works on this computer only, and the page says so.
    }
  }
  const url = new URL(base);
  url.search = `?match=${code}`;
  return { link: url.toString(), lan: !local || base !== `${here.origin}/` };
}

/** A networked match's footer line: its code and how the friend's seat is (the seed stays secret until the end). */
function statusLine(net: NetMatch): string {
  const other = otherSide(net.side);
  const seat = net.seats?.[other];
  const mine = net.status === 'reconnecting' ? ` · ${t('net.reconnecting')}` : net.status === 'lost' ? ` · ${t('net.lost')}` : '';
  const state = seat?.computer ? '' : !seat?.taken ? t('net.seat.free') : seat.connected ? t('net.seat.connected') : t('net.seat.away');
  const teacher = net.stopped ? ` · ${t('net.stoppedByTeacher')}` : net.paused ? ` · ${t('net.pausedByTeacher')}` : '';
  const who = seat?.computer ? `${sideName(other)} (${t('opponent.computer')})` : seat?.name ? `${sideName(other)} (${seat.name})` : sideName(other);
  return (state ? t('net.status', { code: showCode(net.code), other: who, state }) : `${showCode(net.code)} · ${who}`) + mine + teacher;
}

/** A live match: the room, the seat, and the session once the game is on. */
class Connection {
  private room: Room | null = null;
  private session: RemoteSession | null = null;
  private scenario: Scenario | null = null;
  /** The last whole view, which the next one continues. */
  private last: ViewMessage | null = null;
  private seat: SeatMessage | null = null;
  private leaving = false;
  private retries = 0;

  constructor(private readonly client: Client) {}

  async host(opts: { scenario: string; seed: string; side: Side; difficulty: Difficulty }): Promise<void> {
    this.attach(await this.client.create(MATCH_ROOM, opts));
  }

  async join(code: string): Promise<void> {
    const token = seatToken(code);
    this.attach(await this.client.joinById(code, token ? { token } : {}));
  }

  attach(room: Room): void {
    this.room = room;
    // A new connection starts from a whole view (the server's first one to it always is).
    this.last = null;
    room.onMessage('seat', (seat: SeatMessage) => {
      this.seat = seat;
      rememberSeat(seat);
      // A reload of this tab comes back into the seat (the link carries the code; storage the token).
      window.history.replaceState(null, '', matchSearch(seat.code));
      void joinLink(seat.code).then(({ link, lan }) => {
        const net = store.net;
        if (net && net.code === seat.code) Object.assign(net, { link, lanLink: lan });
        store.netChanged();
      });
      const net: NetMatch = { code: seat.code, side: seat.side, seats: null, paused: false, stopped: false, link: '', lanLink: false, status: 'connected', statusLine: () => statusLine(net), leave: () => this.leave() };
      store.net = net;
      store.netChanged();
    });
    room.onMessage('scenario', (scenario: Scenario) => {
      this.scenario = scenario;
    });
    room.onMessage('view', (view: ViewMessage & { from: Held }) => this.onView(view));
    room.onMessage('refused', (m: unknown) => {
      announce(t('net.refused', { reason: refusalReason(m) }));
      // The move did not count: the controls come back.
      this.session?.refused();
      store.netChanged();
    });
    room.onDrop(() => this.status('reconnecting'));
    room.onReconnect(() => this.status('connected'));
    room.onLeave(() => {
      if (this.leaving) return;
      this.status('reconnecting');
      this.rejoinLater();
    });
  }

  private status(status: NetMatch['status']): void {
    if (!store.net) return;
    store.net.status = status;
    if (status === 'reconnecting') announce(t('net.reconnecting'));
    if (status === 'connected') announce(t('net.reconnected'));
    store.netChanged();
  }

  /** A connection the server closed (it restarted, or the grace ran out): the seat waits, so take it back by its token. */
  private rejoinLater(): void {
    const code = this.seat?.code;
    if (!code || this.retries >= RETRIES) {
      this.status('lost');
      return;
    }
    this.retries += 1;
    window.setTimeout(() => {
      if (this.leaving) return;
      this.join(code).then(
        () => {
          this.retries = 0;
          this.status('connected');
        },
        () => this.rejoinLater(),
      );
    }, RETRY_MS);
  }

  private onView(message: ViewMessage & { from: Held }): void {
    const net = store.net;
    if (!net || !this.scenario) return;
    let view: ViewMessage;
    try {
      view = { ...message, ...applyDelta(this.last, message) };
    } catch {
      // A view that continues one this page does not hold (it cannot happen on one connection): take the seat again for a whole one.
      void this.room?.leave(false);
      return;
    }
    this.last = view;
    const before = net.seats;
    net.seats = view.seats;
    if ((view.paused ?? false) !== (net.paused ?? false)) announce(t(view.paused ? 'net.pausedByTeacher' : 'net.resumedByTeacher'));
    if (view.stopped && !net.stopped) announce(t('net.stoppedByTeacher'));
    net.paused = view.paused ?? false;
    net.stopped = view.stopped ?? false;
    const other = otherSide(view.side);
    if (before && before[other].connected !== view.seats[other].connected) {
      announce(t(view.seats[other].connected ? 'net.friendBack' : 'net.friendAway', { side: sideName(other) }));
    }
    if (view.revealed && view.replay) {
      this.finish(view);
      return;
    }
    if (!this.session) {
      // The game starts once the other seat has been taken.
      if (!view.seats[other].taken) {
        store.netChanged();
        return;
      }
      this.session = new RemoteSession(this.scenario, view, (action) => this.room?.send('act', { action }));
      store.begin(this.scenario, this.session, { remote: true });
      return;
    }
    this.session.update(view);
    store.remoteMoved();
  }

  /**
   * The game has ended and the server has shown both sides everything: this browser
   * plays the moves again itself, checks it reaches the server's very state, and the
   * debrief (and its replay download) is the ordinary one.
   */
  private finish(view: ViewMessage): void {
    const scenario = this.scenario!;
    const replay = view.replay!;
    const local = GameSession.start(scenario, view.state.config);
    for (const action of replay.actions) if (!local.act(action).ok) break;
    if (local.hash() !== replay.final.hash) announce(t('net.mismatch'));
    this.leaving = true;
    void this.room?.leave(true);
    store.endRemote(scenario, local);
  }

  leave(): void {
    this.leaving = true;
    void this.room?.leave(true);
    store.net = null;
    store.quit();
  }
}

/** Hosts a match on this page's server and waits for the friend. */
export async function hostMatch(opts: { scenario: string; seed: string; side: Side; difficulty: Difficulty }): Promise<void> {
  const c = new Connection(new Client(window.location.origin));
  await c.host(opts);
}

const CLASS_KEY = 'unfinished-peace/class/';
const TEACH_KEY = 'unfinished-peace/teach';

function readKey(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}
function writeKey(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // No storage: this tab still plays; coming back needs the code and the name again.
  }
}

/**
 * Joins by a code: a friend's match, or a class (then with the student's name). A seat or
 * a class place this browser held before is taken back by its stored token.
 */
export async function joinMatch(typed: string, name?: string): Promise<void> {
  const code = normaliseCode(typed);
  if (!code) throw new Error(t('net.badCode'));
  const client = new Client(window.location.origin);
  const token = seatToken(code) ?? readKey(CLASS_KEY + code) ?? undefined;
  const room = await client.joinById(code, token ? { token } : name ? { name } : {});
  if (room.name === CLASS_ROOM) attachStudent(client, room);
  else new Connection(client).attach(room);
}

/** A student in a class's lobby: once the teacher seats them, they go to their match with its seat token. */
function attachStudent(client: Client, room: Room): void {
  let leaving = false;
  const lobby: ClassLobby = {
    code: room.roomId,
    name: '',
    status: 'waiting',
    leave: () => {
      leaving = true;
      void room.leave(true);
      writeKey(CLASS_KEY + room.roomId, null);
      store.lobby = null;
      store.quit();
    },
  };
  store.lobby = lobby;
  room.onMessage('student', (m: { code: string; name: string; token: string }) => {
    writeKey(CLASS_KEY + m.code, m.token);
    lobby.name = m.name;
    window.history.replaceState(null, '', matchSearch(m.code));
    store.netChanged();
  });
  room.onMessage('assigned', (a: { code: string; side: Side; token: string }) => {
    rememberSeat({ code: a.code, side: a.side, token: a.token });
    leaving = true;
    void room.leave(true);
    store.lobby = null;
    announce(t('net.seated', { side: sideName(a.side) }));
    void new Connection(client).join(a.code).catch((error: unknown) => {
      store.notice(t('net.joinFailed', { code: a.code, reason: error instanceof Error ? error.message : String(error) }));
      store.quit();
    });
  });
  room.onLeave(() => {
    if (leaving) return;
    lobby.status = 'reconnecting';
    store.netChanged();
    window.setTimeout(() => void joinMatch(lobby.code).catch(() => undefined), RETRY_MS);
  });
}

/** Opens a class as its teacher: the secret that runs it is kept in this browser only. */
export async function openClass(settings: Record<string, unknown>): Promise<TeachingClass> {
  const client = new Client(window.location.origin);
  return attachTeacher(await client.create(CLASS_ROOM, settings));
}

/** The class this browser opened before (after a reload), or null. */
export async function resumeClass(): Promise<TeachingClass | null> {
  const raw = readKey(TEACH_KEY);
  if (!raw) return null;
  try {
    const { code, secret } = JSON.parse(raw) as { code: string; secret: string };
    return await attachTeacher(await new Client(window.location.origin).joinById(code, { teacher: secret }));
  } catch {
    writeKey(TEACH_KEY, null);
    return null;
  }
}

async function attachTeacher(room: Room): Promise<TeachingClass> {
  const listeners = new Set<(d: DashboardView) => void>();
  let pendingReplays: ((list: { match: string; file: string; text: string }[]) => void) | null = null;
  const { link } = await joinLink(room.roomId);
  const teach: TeachingClass = {
    code: room.roomId,
    link,
    dashboard: null,
    command: (c) => room.send('teacher', c),
    onDashboard: (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    replays: () =>
      new Promise((ok) => {
        pendingReplays = ok;
        room.send('teacher', { kind: 'replays' });
      }),
    close: () => {
      void room.leave(true);
      writeKey(TEACH_KEY, null);
      store.teach = null;
    },
  };
  room.onMessage('teacher', (m: { code: string; secret: string }) => writeKey(TEACH_KEY, JSON.stringify(m)));
  room.onMessage('dashboard', (d: DashboardView) => {
    teach.dashboard = d;
    for (const fn of listeners) fn(d);
  });
  room.onMessage('replays', (list: { match: string; file: string; text: string }[]) => {
    pendingReplays?.(list);
    pendingReplays = null;
  });
  room.onMessage('refused', (m: unknown) => announce(t('net.refused', { reason: refusalReason(m) })));
  store.teach = teach;
  return teach;
}

/** Codes whose English is the reason itself (the rules' refusal, a malformed message). */
const AS_SENT = new Set<RefusalCode>(['rules', 'badMessage']);

/**
 * The server's reason for a refusal in this page's language, from its code; the English it
 * sent when the code has no text of its own, is unknown (an older or newer server) or the
 * message is not one (src/net/protocol.ts, Refused).
 */
export function refusalReason(m: unknown): string {
  const r = (typeof m === 'object' && m !== null ? m : {}) as { code?: unknown; error?: unknown; side?: unknown };
  const english = typeof r.error === 'string' ? r.error : '';
  const code = (REFUSALS as readonly unknown[]).includes(r.code) ? (r.code as RefusalCode) : null;
  if (code === null || AS_SENT.has(code)) return english;
  const side = r.side === 'japan' || r.side === 'russia' ? sideName(r.side) : '';
  if ((code === 'wrongSide' || code === 'notYourTurn') && !side) return english;
  return t(`net.refusal.${code}` as Parameters<typeof t>[0], { side });
}
