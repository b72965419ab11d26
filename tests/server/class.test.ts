// A teacher's class on the server: students join by code and name, the teacher seats them,
// the dashboard follows every match, pause / resume / end reach the matches, and the
// class's replays come from the server and verify.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type Room } from '@colyseus/sdk';
import { roomsServer, until, type TestServer } from './helpers';
import { CLASS_ROOM } from '../../src/net/protocol';
import type { Dashboard } from '../../src/server/class-room';
import type { SideView } from '../../src/net/view';
import { enumerateActions, verifyReplay } from '../../src/sim';
import { bundledScenarios } from '../../src/cli/scenarios';


describe('a teacher’s class', () => {
  let dataDir: string;
  let server: TestServer;
  let url: string;
  let teacher: Room;
  let secret: string;
  const dashboards: Dashboard[] = [];
  const refusals: string[] = [];
  const last = (): Dashboard => dashboards[dashboards.length - 1]!;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'up-class-'));
    server = await roomsServer(dataDir);
    url = server.url;
    teacher = await new Client(url).create(CLASS_ROOM, { scenario: 'moscow-2019', seed: 'class-1', difficulty: 'normal', seating: 'pairs' });
    const got = new Promise<{ secret: string }>((ok) => teacher.onMessage('teacher', ok));
    teacher.onMessage('dashboard', (d: Dashboard) => dashboards.push(d));
    teacher.onMessage('refused', (m: { error: string }) => refusals.push(m.error));
    secret = (await got).secret;
  });

  afterAll(async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seats four students in two pairs, follows their matches, pauses and ends them, and hands back replays that verify', async () => {
    const code = teacher.roomId;
    await expect(new Client(url).joinById(code, {})).rejects.toThrow(/needs your name/);
    await expect(new Client(url).joinById(code, { teacher: 'y'.repeat(24) })).rejects.toThrow(/not the secret/);
    const students = await Promise.all(['Aiko', 'Boris', 'Chiyo', 'Dima'].map(async (name) => {
      const room = await new Client(url).joinById(code, { name });
      const assigned = new Promise<{ code: string; side: 'japan' | 'russia'; token: string }>((ok) => room.onMessage('assigned', ok));
      const student = new Promise<{ token: string }>((ok) => room.onMessage('student', ok));
      const refused: string[] = [];
      room.onMessage('refused', (m: { code: string; error: string }) => refused.push(`${m.code}: ${m.error}`));
      return { name, room, assigned, student, refused };
    }));
    await expect(new Client(url).joinById(code, { name: 'aiko' })).rejects.toThrow(/already in this class/);
    await until(() => last()?.students.length === 4, 'four students on the dashboard');
    // A student cannot run the class.
    students[0]!.room.send('teacher', { kind: 'seat' });
    await until(() => students[0]!.refused.length > 0, 'the refusal');
    expect(students[0]!.refused[0]).toMatch(/^notTeacher: only the teacher/);

    teacher.send('teacher', { kind: 'seat' });
    const seats = await Promise.all(students.map((s) => s.assigned));
    expect(new Set(seats.map((s) => s.code)).size).toBe(2);
    expect(seats.map((s) => s.side)).toEqual(['japan', 'russia', 'japan', 'russia']);
    await until(() => last()?.matches.length === 2, 'two matches on the dashboard');
    expect(last().matches[0]!.seats.japan.name).toBe('Aiko');
    expect(last().matches[0]!.seats.russia.name).toBe('Boris');

    // Each student takes their seat with the token the class handed them; a match of a class takes no stranger.
    const players = await Promise.all(seats.map(async (s) => {
      const room = await new Client(url).joinById(s.code, { token: s.token });
      const views: (SideView & { paused: boolean; stopped: boolean })[] = [];
      const refused: string[] = [];
      room.onMessage('view', (v: SideView & { paused: boolean; stopped: boolean }) => views.push(v));
      room.onMessage('refused', (m: { code: string; error: string }) => refused.push(`${m.code}: ${m.error}`));
      return { room, views, refused, side: s.side };
    }));
    await expect(new Client(url).joinById(seats[0]!.code, {})).rejects.toThrow(/belongs to a class/);
    await until(() => last().matches.every((m) => m.seats.japan.connected && m.seats.russia.connected), 'everyone seated');

    const aiko = players[0]!;
    await until(() => aiko.views.at(-1)?.legal, "aiko's move");
    teacher.send('teacher', { kind: 'pause' });
    await until(() => aiko.views.at(-1)?.paused, 'the pause');
    aiko.room.send('act', { action: enumerateActions(aiko.views.at(-1)!.legal!)[0]! });
    await until(() => aiko.refused.length > 0, 'a refusal while paused');
    expect(aiko.refused[0]).toMatch(/^paused: the teacher has paused/);
    teacher.send('teacher', { kind: 'resume' });
    await until(() => aiko.views.at(-1)?.paused === false, 'the resume');
    aiko.room.send('act', { action: enumerateActions(aiko.views.at(-1)!.legal!)[0]! });
    await until(() => last().matches[0]!.moves === 1, 'the move on the dashboard');

    const second = seats[2]!.code;
    teacher.send('teacher', { kind: 'stop', match: second });
    await until(() => last().matches[1]!.stopped, 'the second match ended by the teacher');
    const chiyo = players[2]!;
    chiyo.room.send('act', { action: enumerateActions(chiyo.views.at(-1)!.legal!)[0]! });
    await until(() => chiyo.refused.length > 0, "chiyo's refusal");
    expect(chiyo.refused[0]).toMatch(/^stopped: the teacher has ended this match/);

    const replays = new Promise<{ match: string; file: string; text: string }[]>((ok) => teacher.onMessage('replays', ok));
    teacher.send('teacher', { kind: 'replays' });
    const list = await replays;
    expect(list.map((r) => r.match).sort()).toEqual([...new Set(seats.map((s) => s.code))].sort());
    expect(list[0]!.file).toMatch(/Aiko-vs-Boris/);
    const scenarios = bundledScenarios();
    for (const r of list) expect(verifyReplay(r.text, r.file, scenarios).ok, r.file).toBe(true);

    // The teacher's browser comes back by its secret and gets the dashboard again.
    const back = await new Client(url).joinById(code, { teacher: secret });
    const again = await new Promise<Dashboard>((ok) => back.onMessage('dashboard', ok));
    expect(again.matches).toHaveLength(2);
    for (const p of players) await p.room.leave(true);
    for (const s of students) await s.room.leave(true).catch(() => undefined);
    await back.leave(true);
  });

  it('seats a student against the computer, who moves by itself', async () => {
    const t2 = await new Client(url).create(CLASS_ROOM, { scenario: 'yamaguchi-2016', difficulty: 'easy', seating: 'computer', side: 'russia' });
    const s = await new Client(url).joinById(t2.roomId, { name: 'Eri' });
    const assigned = new Promise<{ code: string; side: string; token: string }>((ok) => s.onMessage('assigned', ok));
    t2.send('teacher', { kind: 'seat' });
    const a = await assigned;
    expect(a.side).toBe('russia');
    const room = await new Client(url).joinById(a.code, { token: a.token });
    const views: (SideView & { seats: Record<string, { computer: boolean }> })[] = [];
    room.onMessage('view', (v: SideView & { seats: Record<string, { computer: boolean }> }) => views.push(v));
    await until(() => views.at(-1)?.legal, "russia's move");
    expect(views.at(-1)!.seats.japan!.computer).toBe(true);
    // Japan (the computer) has already chosen its agenda; it stays hidden from Russia until Russia chooses.
    expect(views.at(-1)!.pending).toBe('russia');
    await room.leave(true);
    await s.leave(true).catch(() => undefined);
    await t2.leave(true);
  });
});
