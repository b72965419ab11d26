// The match room: two players on two devices, one authoritative GameSession on the
// server. Clients send moves; the server applies only legal ones by the side to move,
// and sends each client only its own side's view (src/net/view.ts). Every accepted
// move is kept (the replay's actions, on disk or in Redis: keeper.ts), so a restart resumes it.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Room, type Client } from '@colyseus/core';
import { loadScenario } from '../scenario/load';
import { formatProblem, fromZod } from '../scenario/problems';
import type { Scenario } from '../scenario/schema';
import { SIDES, type Side } from '../scenario/vocabulary';
import { GameSession, normaliseSeed, scoreOf, toReplay, type Action, type GameConfig } from '../sim';
import { CODE_ALPHABET, CODE_LENGTH, MATCH_ROOM, type MatchSummary, type Refused, type SeatInfo, type SeatMessage } from '../net/protocol';

export type { MatchSummary };
import { actMessage, createOptions, joinOptions } from '../net/schemas';
import { deltaOf, scenarioFor, viewFor, type Held } from '../net/view';
import { DiskKeeper, RedisKeeper, WriteQueue, type Keeper } from './keeper';

/** The most matches one process opens at a client's request (a school needs a few hundred; each is about 1 MB). */
export const MAX_MATCHES = 5000;

/** How long a dropped player's connection is held before the seat waits for their rejoin token. */
export const GRACE_SECONDS = 30;
const MATCH_FILE_VERSION = 1;

export interface RoomsOptions {
  scenariosDir: string;
  dataDir: string;
  /** Keep matches and classes in Redis rather than on disk (processes on several machines then share them). */
  redisUrl?: string;
}

/** A match as the server keeps it on disk: enough to rebuild it move for move after a restart. */
interface MatchFile {
  version: number;
  code: string;
  scenarioId: string;
  config: GameConfig;
  seats: Record<Side, { name: string | null; tokenHash: string | null }>;
  actions: Action[];
  /** The class this match belongs to (its dashboard follows it), if a teacher seated it. */
  classCode?: string;
  /** Ended by the teacher before the game did: no more moves. */
  stopped?: boolean;
}

/** A match a class seats: its game and who sits where (a computer side has no seat). */
export interface MatchSpec {
  scenarioId: string;
  config: GameConfig;
  seats: Record<Side, { name: string; tokenHash: string } | null>;
  classCode: string;
}

export const classTopic = (classCode: string): string => `class:${classCode}`;
export const matchTopic = (code: string): string => `match:${code}`;
/** What a class sends its matches. */
export type MatchCommand = { kind: 'pause' } | { kind: 'resume' } | { kind: 'stop' } | { kind: 'report' };

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
export const newToken = (): string => randomBytes(24).toString('base64url');
export const newCode = (): string => Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
export const newSeed = (): string => Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('').toLowerCase();

/** What the rooms share in one process: the shipped scenarios and where matches are kept. */
export class MatchStore {
  readonly scenarios = new Map<string, Scenario>();
  /** Known only inside this process: a client cannot ask to "restore" a match it names. */
  readonly restoreKey = randomBytes(16).toString('hex');
  readonly keeper: Keeper;
  readonly queue: WriteQueue;

  constructor(opts: RoomsOptions) {
    for (const f of readdirSync(opts.scenariosDir).filter((f) => f.endsWith('.json')).sort()) {
      const loaded = loadScenario(readFileSync(join(opts.scenariosDir, f), 'utf8'), f);
      if (loaded.ok) this.scenarios.set(loaded.value.id, loaded.value);
      else throw new Error(`${f}: ${loaded.problems.map((p) => p.message).join('; ')}`);
    }
    this.keeper = opts.redisUrl ? new RedisKeeper(opts.redisUrl) : new DiskKeeper(opts.dataDir);
    this.queue = new WriteQueue(this.keeper);
  }

  /** A code no match or class has yet. */
  async freshCode(): Promise<string> {
    for (;;) {
      const code = newCode();
      if (!(await this.keeper.exists('matches', code)) && !(await this.keeper.exists('classes', code))) return code;
    }
  }

  write(file: MatchFile): void {
    void this.queue.write('matches', file.code, JSON.stringify(file));
  }

  async read(code: string): Promise<MatchFile> {
    const text = await this.keeper.read('matches', code);
    if (text === null) throw new Error(`match ${code} is not kept here`);
    return JSON.parse(text) as MatchFile;
  }

  codes(): Promise<string[]> {
    return this.keeper.list('matches');
  }
}

interface Seat {
  name: string | null;
  tokenHash: string | null;
  client: Client | null;
  /** Set while a dropped connection may still come back by itself. */
  reconnecting: { reject: () => void } | null;
}

export class MatchRoom extends Room {
  /** Two seats; room for a tab coming back while its old connection still times out (the seats are checked on join). */
  override maxClients = 4;
  /** A flood guard, far above any person's pace (a scripted client moves as fast as the server answers). */
  override maxMessagesPerSecond = 100;
  override autoDispose = false;
  private store!: MatchStore;
  private scenario!: Scenario;
  private session!: GameSession;
  private seats!: Record<Side, Seat>;
  /** The side the creating player asked for; taken by the first join. */
  private creatorSide: Side | null = null;
  private creatorName: string | null = null;
  private readonly revealedTo = new WeakSet<Client>();
  private counted = false;
  /** How much of its view's lists each connection already holds. */
  private readonly held = new WeakMap<Client, Held>();
  private classCode: string | null = null;
  private paused = false;
  private stopped = false;

  static store: MatchStore | null = null;
  /** Matches open in this process; creating more than MAX_MATCHES is refused (a flood of creates cannot fill the memory). */
  static open = 0;
  /**
   * Ended matches nobody is connected to, longest idle first. Rooms are never disposed on their
   * own (a seat waits for its player), so a school's server would fill to MAX_MATCHES over a
   * term and then refuse every new match; when it is full, the match idle longest leaves memory
   * instead. Its record stays kept (the class's replays read it) and comes back on a restart.
   */
  static readonly idle = new Set<MatchRoom>();

  override async onCreate(options: unknown): Promise<void> {
    const store = MatchRoom.store;
    if (!store) throw new Error('the match rooms were not set up');
    this.store = store;
    const o = options as { restore?: string; spec?: MatchSpec; key?: string };
    if (MatchRoom.open >= MAX_MATCHES && o.key !== store.restoreKey) {
      const oldest = MatchRoom.idle.values().next().value;
      if (!oldest) throw new Error(`this server holds ${MAX_MATCHES} matches, as many as it takes: try again later`);
      MatchRoom.idle.delete(oldest);
      await oldest.disconnect();
    }
    if (typeof o.restore === 'string' && o.key === store.restoreKey) {
      this.restore(await store.read(o.restore));
    } else if (o.spec && o.key === store.restoreKey) {
      await this.seatClassMatch(o.spec);
    } else {
      const parsed = createOptions.safeParse(options, { reportInput: true });
      if (!parsed.success) throw new Error(optionProblems(parsed.error, 'match options'));
      const { scenario: id, side, name } = parsed.data;
      const scenario = store.scenarios.get(id);
      if (!scenario) throw new Error(`match options: scenario: no shipped scenario is called "${id}" (there are ${[...store.scenarios.keys()].join(', ')})`);
      const seed = normaliseSeed(parsed.data.seed ?? newSeed());
      if (!seed.ok) throw new Error(`match options: seed: not a seed this game reads`);
      this.roomId = await store.freshCode();
      this.scenario = scenario;
      const config: GameConfig = {
        scenarioId: scenario.id,
        seed: seed.seed,
        controllers: { japan: 'human', russia: 'human' },
        difficulty: parsed.data.difficulty ?? scenario.defaults.difficulty,
        strategy: { japan: 'grounded', russia: 'grounded' },
      };
      this.session = GameSession.start(scenario, config);
      this.seats = { japan: emptySeat(), russia: emptySeat() };
      this.creatorSide = side;
      this.creatorName = name ?? null;
      this.persist();
    }
    this.onMessage('act', (client, message) => this.act(client, message));
    this.onMessage('*', (client, type) => refuse(client, 'badMessage', `unknown message "${String(type)}"`));
    // The class's teacher may pause, resume or end it, from whichever process holds the class.
    void this.presence.subscribe(matchTopic(this.roomId), (command: MatchCommand) => this.command(command));
    MatchRoom.open += 1;
    this.counted = true;
    this.publish();
  }

  /** A match the class seated: its players' seats are theirs already (their tokens came with the class). */
  private async seatClassMatch(spec: MatchSpec): Promise<void> {
    const scenario = this.store.scenarios.get(spec.scenarioId);
    if (!scenario) throw new Error(`class match: scenario: no shipped scenario is called "${spec.scenarioId}"`);
    this.roomId = await this.store.freshCode();
    this.scenario = scenario;
    this.classCode = spec.classCode;
    this.session = GameSession.start(scenario, spec.config);
    const seat = (s: Side): Seat => ({ ...emptySeat(), ...(spec.seats[s] ?? {}) });
    this.seats = { japan: seat('japan'), russia: seat('russia') };
    this.persist();
  }

  private command(c: MatchCommand): void {
    if (c.kind === 'pause' || c.kind === 'resume') this.paused = c.kind === 'pause';
    if (c.kind === 'stop' && !this.session.ended) this.stopped = true;
    if (c.kind === 'stop') this.persist();
    this.publish();
  }

  private restore(file: MatchFile): void {
    const scenario = this.store.scenarios.get(file.scenarioId);
    if (!scenario) throw new Error(`${file.code}.json: scenarioId: no shipped scenario is called "${file.scenarioId}"`);
    this.roomId = file.code;
    this.scenario = scenario;
    this.session = GameSession.start(scenario, file.config);
    for (const [i, action] of file.actions.entries()) {
      const r = this.session.act(action);
      if (!r.ok) throw new Error(`${file.code}.json: actions[${i}]: ${r.error}`);
    }
    this.seats = { japan: { ...emptySeat(), ...file.seats.japan }, russia: { ...emptySeat(), ...file.seats.russia } };
    this.classCode = file.classCode ?? null;
    this.stopped = file.stopped ?? false;
  }

  override onDispose(): void {
    if (this.counted) MatchRoom.open -= 1;
    MatchRoom.idle.delete(this);
  }

  override onJoin(client: Client, options: unknown): void {
    let side: Side;
    let token: string | null = null;
    if (this.creatorSide) {
      side = this.creatorSide;
      this.seats[side].name = this.creatorName;
      this.creatorSide = null;
    } else {
      const parsed = joinOptions.safeParse(options ?? {}, { reportInput: true });
      if (!parsed.success) throw new Error(optionProblems(parsed.error, 'join options'));
      const { token: given, name } = parsed.data;
      const back = given ? SIDES.find((s) => this.seats[s].tokenHash === hashToken(given)) : undefined;
      if (back) {
        side = back;
        token = given!;
        const seat = this.seats[side];
        // A tab that closed and came back before its old connection timed out: the new one takes the seat.
        seat.reconnecting?.reject();
        seat.reconnecting = null;
        if (seat.client && seat.client !== client) seat.client.leave(4001, 'this seat was taken back from another tab or device');
      } else {
        const free = this.classCode ? undefined : SIDES.find((s) => this.seats[s].tokenHash === null && this.session.config.controllers[s] === 'human');
        if (!free) throw new Error(given ? 'this rejoin token belongs to no seat of this match' : this.classCode ? 'this match belongs to a class: join the class with its code' : 'this match already has two players');
        side = free;
        if (name) this.seats[side].name = name;
      }
    }
    const seat = this.seats[side];
    if (!token) {
      token = newToken();
      seat.tokenHash = hashToken(token);
    }
    seat.client = client;
    client.userData = { side };
    const msg: SeatMessage = { code: this.roomId, side, token };
    client.send('seat', msg);
    client.send('scenario', this.session.ended ? this.scenario : scenarioFor(this.scenario, side));
    if (this.session.ended) this.revealedTo.add(client);
    this.persist();
    this.publish();
  }

  override async onDrop(client: Client): Promise<void> {
    const side = sideOf(client);
    if (!side) return;
    const seat = this.seats[side];
    const held = this.allowReconnection(client, GRACE_SECONDS);
    seat.reconnecting = { reject: () => held.reject(new Error('taken back')) };
    this.publish();
    try {
      await held;
    } catch {
      // The grace ran out or the seat was taken back: onLeave follows.
    }
  }

  override onReconnect(client: Client): void {
    const side = sideOf(client);
    if (!side) return;
    this.seats[side].reconnecting = null;
    this.seats[side].client = client;
    this.publish();
  }

  override onLeave(client: Client): void {
    const side = sideOf(client);
    if (!side) return;
    const seat = this.seats[side];
    if (seat.client === client) seat.client = null;
    seat.reconnecting = null;
    this.publish();
  }

  private act(client: Client, message: unknown): void {
    const side = sideOf(client);
    const parsed = actMessage.safeParse(message, { reportInput: true });
    if (!side || !parsed.success) {
      if (side) refuse(client, 'notAMove', 'not a move: send { action: { type, side, … } }');
      else refuse(client, 'noSeat', 'you hold no seat in this match');
      return;
    }
    const action = parsed.data.action as Action;
    if (action.side !== side) {
      refuse(client, 'wrongSide', `you play ${side}; this move is for ${String(action.side)}`, side);
      return;
    }
    if (this.stopped || this.paused) {
      if (this.stopped) refuse(client, 'stopped', 'the teacher has ended this match');
      else refuse(client, 'paused', 'the teacher has paused the class');
      return;
    }
    if (this.session.pending !== side) {
      const pending = this.session.pending;
      if (this.session.ended || !pending) refuse(client, 'ended', 'the game has ended');
      else refuse(client, 'notYourTurn', `it is ${pending}'s move`, pending);
      return;
    }
    const result = this.session.act(action);
    if (!result.ok) {
      refuse(client, 'rules', result.error);
      return;
    }
    this.persist();
    this.publish();
  }

  private file(): MatchFile {
    const seat = (s: Side) => ({ name: this.seats[s].name, tokenHash: this.seats[s].tokenHash });
    return {
      version: MATCH_FILE_VERSION,
      code: this.roomId,
      scenarioId: this.scenario.id,
      config: this.session.config,
      seats: { japan: seat('japan'), russia: seat('russia') },
      actions: [...this.session.actions],
      ...(this.classCode ? { classCode: this.classCode } : {}),
      ...(this.stopped ? { stopped: true } : {}),
    };
  }

  private persist(): void {
    this.store.write(this.file());
  }

  seatInfo(): Record<Side, SeatInfo> {
    const info = (s: Side): SeatInfo => ({
      name: this.seats[s].name,
      taken: this.seats[s].tokenHash !== null || this.session.config.controllers[s] === 'computer',
      connected: this.seats[s].client !== null && this.seats[s].reconnecting === null,
      computer: this.session.config.controllers[s] === 'computer',
    });
    return { japan: info('japan'), russia: info('russia') };
  }

  /** Every seated client gets its own side's view; the room's listing gets what a lobby may know. */
  private publish(): void {
    const s = this.session;
    // Every change of seats or game publishes: here the idle list follows them (a match joins its
    // end when it becomes idle, and keeps its place while it stays so).
    const idle = s.ended && SIDES.every((side) => this.seats[side].client === null && !this.seats[side].reconnecting);
    if (!idle) MatchRoom.idle.delete(this);
    else if (!MatchRoom.idle.has(this)) MatchRoom.idle.add(this);
    const seats = this.seatInfo();
    for (const side of SIDES) {
      const client = this.seats[side].client;
      if (!client || this.seats[side].reconnecting) continue;
      const view = viewFor({ state: s.state, phase: s.phase, pending: s.pending, actions: s.actions, legal: s.legal() }, side);
      // At the end both sides read everything: the whole scenario comes before the view that reveals the game.
      if (view.revealed && !this.revealedTo.has(client)) {
        this.revealedTo.add(client);
        client.send('scenario', this.scenario);
      }
      // Only what is new of the log and the ledger (the whole game once, when it is revealed).
      const { delta, now } = deltaOf(view, view.revealed ? undefined : this.held.get(client));
      this.held.set(client, now);
      client.send('view', { ...delta, seats, paused: this.paused, stopped: this.stopped, ...(view.revealed ? { replay: toReplay(s) } : {}) });
    }
    void this.setMetadata({ scenario: this.scenario.id, round: s.state.round, phase: s.phase, ending: s.state.ending?.kind ?? null, seats });
    if (this.classCode) void this.presence.publish(classTopic(this.classCode), this.summary());
  }

  summary(): MatchSummary {
    const s = this.session;
    const score = s.ended ? scoreOf(this.scenario, s.state) : null;
    return {
      code: this.roomId,
      seed: s.config.seed,
      seats: this.seatInfo(),
      round: s.state.round,
      phase: s.phase,
      ending: s.state.ending?.kind ?? null,
      scores: score ? { japan: score.japan.total, russia: score.russia.total } : null,
      paused: this.paused,
      stopped: this.stopped,
      moves: s.actions.length,
    };
  }

  /** The match's replay (for the server's own use: tests, a teacher's download). */
  replay(): ReturnType<typeof toReplay> {
    return toReplay(this.session);
  }
}

/** Refuses a client's message: a code its device says in its language, and the English. */
export function refuse(client: Client, code: Refused['code'], error: string, side?: Side): void {
  const message: Refused = side ? { code, error, side } : { code, error };
  client.send('refused', message);
}

/** A client's options that do not fit, in the words the scenario checks use ("match options: side: expected one of …"). */
export function optionProblems(error: Parameters<typeof fromZod>[0], what: string): string {
  return fromZod(error, what).map(formatProblem).join('; ');
}

function emptySeat(): Seat {
  return { name: null, tokenHash: null, client: null, reconnecting: null };
}

function sideOf(client: Client): Side | null {
  const side = (client.userData as { side?: Side } | undefined)?.side;
  return side === 'japan' || side === 'russia' ? side : null;
}
