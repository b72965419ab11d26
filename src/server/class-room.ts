// A teacher's class: students join with the class code and a display name (nothing else is
// asked or kept), the teacher seats them (in pairs, each against the computer, or half the
// class on each side against it) and follows every match live on a dashboard: who, side,
// round, phase, outcome; pause and resume all; end one; and at the end every game's replay.
// The teacher's controls answer only to the secret the teacher's browser was given.
import { Room, matchMaker, type Client } from '@colyseus/core';
import { SIDES, type Side } from '../scenario/vocabulary';
import { GameSession, normaliseSeed, replayText, toReplay, type GameConfig } from '../sim';
import { CLASS_ROOM, MATCH_ROOM, type Dashboard } from '../net/protocol';

export type { Dashboard };
import { classCommand, createClassOptions, joinClassOptions, type ClassSettings } from '../net/schemas';
import { classTopic, hashToken, matchTopic, MatchRoom, newSeed, newToken, optionProblems, refuse, type MatchCommand, type MatchSpec, type MatchSummary } from './rooms';

const CLASS_FILE_VERSION = 1;

interface Student {
  id: string;
  name: string;
  tokenHash: string;
  /** Where the teacher seated this student, with the seat's own rejoin token (sent to the student again when they come back). */
  match: { code: string; side: Side; token: string } | null;
}

interface ClassFile {
  version: number;
  code: string;
  teacherHash: string;
  settings: ClassSettings;
  students: Student[];
  matches: string[];
  paused: boolean;
}


export class ClassRoom extends Room {
  /** A school's class, its teacher and a tab or two coming back. */
  override maxClients = 120;
  override maxMessagesPerSecond = 30;
  override autoDispose = false;
  private file!: ClassFile;
  private readonly clientsOf = new Map<string, Client>();
  private teachers = new Set<Client>();
  private readonly summaries = new Map<string, MatchSummary>();
  private creating = true;

  override async onCreate(options: unknown): Promise<void> {
    const store = MatchRoom.store;
    if (!store) throw new Error('the rooms were not set up');
    const o = options as { restore?: string; key?: string };
    if (typeof o.restore === 'string' && o.key === store.restoreKey) {
      const text = await store.keeper.read('classes', o.restore);
      if (text === null) throw new Error(`class ${o.restore} is not kept here`);
      this.file = JSON.parse(text) as ClassFile;
      this.roomId = this.file.code;
      this.creating = false;
    } else {
      const parsed = createClassOptions.safeParse(options, { reportInput: true });
      if (!parsed.success) throw new Error(optionProblems(parsed.error, 'class options'));
      const settings = parsed.data;
      if (!store.scenarios.has(settings.scenario)) throw new Error(`class options: scenario: no shipped scenario is called "${settings.scenario}"`);
      if (settings.seed !== undefined && !normaliseSeed(settings.seed).ok) throw new Error('class options: seed: not a seed this game reads');
      const code = await store.freshCode();
      this.roomId = code;
      // No seed given: the server draws the class's one (each match numbers it when seeds are per pair).
      this.file = { version: CLASS_FILE_VERSION, code, teacherHash: '', settings: { ...settings, seed: settings.seed ?? newSeed() }, students: [], matches: [], paused: false };
    }
    void this.presence.subscribe(classTopic(this.roomId), (summary: MatchSummary) => {
      this.summaries.set(summary.code, summary);
      this.sendDashboard();
    });
    // After a restart: each match reports where it stands.
    for (const m of this.file.matches) void this.presence.publish(matchTopic(m), { kind: 'report' } satisfies MatchCommand);
    this.onMessage('teacher', (client, message) => this.teacherCommand(client, message));
    this.onMessage('*', (client, type) => refuse(client, 'badMessage', `unknown message "${String(type)}"`));
  }

  override onJoin(client: Client, options: unknown): void {
    if (this.creating) {
      // The one who opened the class is its teacher: the secret goes to their browser only.
      this.creating = false;
      const secret = newToken();
      this.file.teacherHash = hashToken(secret);
      this.teachers.add(client);
      client.userData = { role: 'teacher' };
      client.send('teacher', { code: this.roomId, secret });
      this.persist();
      this.sendDashboard();
      return;
    }
    const parsed = joinClassOptions.safeParse(options ?? {}, { reportInput: true });
    if (!parsed.success) throw new Error(optionProblems(parsed.error, 'join options'));
    const { teacher, token: given, name } = parsed.data;
    if (teacher !== undefined) {
      if (hashToken(teacher) !== this.file.teacherHash) throw new Error("this is not the secret of this class's teacher");
      this.teachers.add(client);
      client.userData = { role: 'teacher' };
      client.send('teacher', { code: this.roomId, secret: teacher });
      this.sendDashboard();
      return;
    }
    let student = given ? this.file.students.find((s) => s.tokenHash === hashToken(given)) : undefined;
    let secret = given;
    if (!student) {
      if (given) throw new Error('this rejoin token belongs to no student of this class');
      if (!name) throw new Error('a class needs your name: type the name your teacher knows you by');
      const same = this.file.students.find((s) => s.name.toLowerCase() === name.toLowerCase());
      if (same && this.clientsOf.has(same.id)) throw new Error(`someone called "${name}" is already in this class: add an initial`);
      if (same) {
        // The same student on another device (their first tab is gone): they take their place back.
        student = same;
        secret = newToken();
        same.tokenHash = hashToken(secret);
      } else {
        secret = newToken();
        student = { id: `s${this.file.students.length + 1}`, name, tokenHash: hashToken(secret), match: null };
        this.file.students.push(student);
      }
    }
    this.clientsOf.get(student.id)?.leave(4001, 'this student came back from another tab or device');
    this.clientsOf.set(student.id, client);
    client.userData = { role: 'student', id: student.id };
    client.send('student', { code: this.roomId, name: student.name, token: secret });
    if (student.match) client.send('assigned', student.match);
    this.persist();
    this.sendDashboard();
  }

  override onLeave(client: Client): void {
    this.teachers.delete(client);
    const id = (client.userData as { id?: string } | undefined)?.id;
    if (id && this.clientsOf.get(id) === client) this.clientsOf.delete(id);
    this.sendDashboard();
  }

  private async teacherCommand(client: Client, message: unknown): Promise<void> {
    if (!this.teachers.has(client)) {
      refuse(client, 'notTeacher', 'only the teacher may do that');
      return;
    }
    const parsed = classCommand.safeParse(message, { reportInput: true });
    if (!parsed.success) {
      refuse(client, 'badMessage', optionProblems(parsed.error, 'teacher message'));
      return;
    }
    const c = parsed.data;
    if (c.kind === 'seat') await this.seatStudents();
    if (c.kind === 'pause' || c.kind === 'resume') {
      this.file.paused = c.kind === 'pause';
      for (const m of this.file.matches) void this.presence.publish(matchTopic(m), { kind: c.kind } satisfies MatchCommand);
    }
    if (c.kind === 'stop') {
      if (!this.file.matches.includes(c.match)) refuse(client, 'noSuchMatch', `no match ${c.match} in this class`);
      else void this.presence.publish(matchTopic(c.match), { kind: 'stop' } satisfies MatchCommand);
    }
    if (c.kind === 'replays') client.send('replays', await this.replays());
    this.persist();
    this.sendDashboard();
  }

  /** Seats every student not yet seated, as the teacher chose; a student left without a partner plays the computer. */
  private async seatStudents(): Promise<void> {
    const waiting = this.file.students.filter((s) => !s.match);
    const { settings } = this.file;
    const groups: { japan: Student | null; russia: Student | null }[] = [];
    if (settings.seating === 'pairs') {
      for (let i = 0; i < waiting.length; i += 2) groups.push({ japan: waiting[i]!, russia: waiting[i + 1] ?? null });
    } else if (settings.seating === 'computer') {
      for (const s of waiting) groups.push(settings.side === 'russia' ? { japan: null, russia: s } : { japan: s, russia: null });
    } else {
      // Half the class on each side, alternating as they joined.
      const offset = this.file.students.filter((s) => s.match).length;
      waiting.forEach((s, i) => groups.push((offset + i) % 2 === 0 ? { japan: s, russia: null } : { japan: null, russia: s }));
    }
    for (const g of groups) {
      const base = settings.seed ?? 'class';
      const seed = settings.seedPerPair ? `${base}-${this.file.matches.length + 1}` : base;
      const controllers = { japan: g.japan ? 'human' : 'computer', russia: g.russia ? 'human' : 'computer' } as GameConfig['controllers'];
      const tokens = { japan: g.japan ? newToken() : null, russia: g.russia ? newToken() : null };
      const spec: MatchSpec = {
        scenarioId: settings.scenario,
        config: { scenarioId: settings.scenario, seed, controllers, difficulty: settings.difficulty, strategy: { japan: 'grounded', russia: 'grounded' } },
        seats: {
          japan: g.japan && tokens.japan ? { name: g.japan.name, tokenHash: hashToken(tokens.japan) } : null,
          russia: g.russia && tokens.russia ? { name: g.russia.name, tokenHash: hashToken(tokens.russia) } : null,
        },
        classCode: this.roomId,
      };
      const room = await matchMaker.createRoom(MATCH_ROOM, { spec, key: MatchRoom.store!.restoreKey });
      this.file.matches.push(room.roomId);
      if (this.file.paused) void this.presence.publish(matchTopic(room.roomId), { kind: 'pause' } satisfies MatchCommand);
      for (const side of SIDES) {
        const student = g[side];
        const t = tokens[side];
        if (!student || !t) continue;
        student.match = { code: room.roomId, side, token: t };
        this.clientsOf.get(student.id)?.send('assigned', student.match);
      }
    }
  }

  /** Every match's replay as the game writes it, rebuilt from the moves the server kept. */
  private async replays(): Promise<{ match: string; file: string; text: string }[]> {
    const store = MatchRoom.store!;
    const out: { match: string; file: string; text: string }[] = [];
    for (const code of this.file.matches) {
      const m = await store.read(code);
      const scenario = store.scenarios.get(m.scenarioId);
      if (!scenario) continue;
      const session = GameSession.start(scenario, m.config);
      for (const a of m.actions) session.act(a);
      const text = replayText(toReplay(session));
      const names = SIDES.map((s) => m.seats[s].name ?? 'computer').join('-vs-');
      if (text.ok) out.push({ match: code, file: `${code}-${names.replace(/[^\p{L}\p{N}_-]+/gu, '_')}.replay.json`, text: text.text });
    }
    return out;
  }

  private sendDashboard(): void {
    if (this.teachers.size === 0) return;
    const d: Dashboard = {
      code: this.roomId,
      settings: this.file.settings,
      paused: this.file.paused,
      // A seated student is connected when their match seat is (they leave the lobby for it).
      students: this.file.students.map((s) => ({
        name: s.name,
        connected: this.clientsOf.has(s.id) || (s.match !== null && this.summaries.get(s.match.code)?.seats[s.match.side].connected === true),
        match: s.match?.code ?? null,
        side: s.match?.side ?? null,
      })),
      matches: this.file.matches.map((m) => this.summaries.get(m)).filter((m): m is MatchSummary => m !== undefined),
    };
    for (const t of this.teachers) t.send('dashboard', d);
  }

  private persist(): void {
    void MatchRoom.store!.queue.write('classes', this.roomId, JSON.stringify(this.file));
  }
}

export { CLASS_ROOM };
