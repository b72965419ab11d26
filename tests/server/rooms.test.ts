// The match room, driven by two real SDK clients over WebSocket on a free port:
// who may move, what each browser receives, and a networked game that is an ordinary replay.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchMaker } from '@colyseus/core';
import { roomsServer, until, withRooms } from './helpers';
import { Client, type Room } from '@colyseus/sdk';
import { MatchRoom, MAX_MATCHES } from '../../src/server/rooms';
import { MATCH_ROOM, normaliseCode, type SeatInfo, type SeatMessage } from '../../src/net/protocol';
import type { SideView } from '../../src/net/view';
import { chooser, enumerateActions, pickPackage, replayText, verifyReplay, type ReplayFile } from '../../src/sim';
import type { Scenario } from '../../src/scenario/schema';
import { bundledScenarios } from '../../src/cli/scenarios';

const root = join(import.meta.dirname, '..', '..');
type View = SideView & { seats: Record<'japan' | 'russia', SeatInfo>; replay?: ReplayFile };

interface Player {
  room: Room;
  views: View[];
  refusals: string[];
  seat: Promise<SeatMessage>;
  scenario: Promise<Scenario>;
}

function watch(room: Room): Player {
  const p: Player = {
    room,
    views: [],
    refusals: [],
    seat: new Promise((ok) => room.onMessage('seat', ok)),
    scenario: new Promise((ok) => room.onMessage('scenario', ok)),
  };
  room.onMessage('view', (v: View) => p.views.push(v));
  // Each refusal as `code: English`, the code the player's device says in its language.
  room.onMessage('refused', (m: { code: string; error: string }) => p.refusals.push(`${m.code}: ${m.error}`));
  return p;
}

const last = (p: Player): View => p.views[p.views.length - 1]!;

describe('a match on two devices', () => {
  let dataDir: string;
  let server: { url: string; stop: () => Promise<void> };
  let japan: Player;
  let russia: Player;
  let scenarios: Scenario[];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'up-rooms-'));
    server = await roomsServer(dataDir);
    scenarios = bundledScenarios();
    japan = watch(await new Client(server.url).create(MATCH_ROOM, { scenario: 'moscow-2019', seed: 'net-1', side: 'japan', name: 'Aiko' }));
    const code = (await japan.seat).code;
    russia = watch(await new Client(server.url).joinById(code, { name: 'Boris' }));
    await until(() => last(russia)?.seats.japan.connected && last(japan)?.seats.russia.connected, 'both seats');
  });

  afterAll(async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives each player a short code, their side and a rejoin token; a third player is turned away', async () => {
    const j = await japan.seat;
    const r = await russia.seat;
    expect(normaliseCode(j.code)).toBe(j.code);
    expect(r.code).toBe(j.code);
    expect([j.side, r.side]).toEqual(['japan', 'russia']);
    expect(j.token).not.toBe(r.token);
    await expect(new Client(server.url).joinById(j.code, { name: 'Cleo' })).rejects.toThrow(/two players/);
    await expect(new Client(server.url).joinById(j.code, { token: 'x'.repeat(20) })).rejects.toThrow(/belongs to no seat/);
  });

  it("keeps the other side's brief, valuation, seed and dice out of each browser", async () => {
    const moscow = scenarios.find((s) => s.id === 'moscow-2019')!;
    const js = await japan.scenario;
    const rs = await russia.scenario;
    expect(js.sides.japan.brief).toEqual(moscow.sides.japan.brief);
    expect(js.sides.russia.brief.summary).toBe('');
    expect(JSON.stringify(js)).not.toContain(moscow.sides.russia.brief.summary);
    expect(JSON.stringify(rs)).not.toContain(moscow.sides.japan.brief.summary);
    const jv = last(japan);
    const rv = last(russia);
    expect(jv.state.config.seed).toBe('');
    expect(Object.values(jv.state.priorities.russia.weights).every((w) => w === 0)).toBe(true);
    expect(Object.values(jv.state.priorities.japan.weights).some((w) => w > 0)).toBe(true);
    expect(Object.values(rv.state.priorities.japan.weights).every((w) => w === 0)).toBe(true);
    expect(JSON.stringify(jv.state.rng)).toBe(JSON.stringify(rv.state.rng));
    expect(Object.values(jv.state.rng).every((r) => r.s0 === 0 && r.s1 === 0)).toBe(true);
    expect(JSON.stringify([jv, rv])).not.toContain('net-1');
  });

  it('refuses out-of-turn, wrong-side, illegal and malformed moves with a reason, and goes on', async () => {
    const jv = last(japan);
    expect(jv.pending).toBe('japan');
    expect(jv.legal?.side).toBe('japan');
    expect(last(russia).legal).toBeNull();
    const agenda = enumerateActions(jv.legal!)[0]!;
    russia.room.send('act', { action: { ...agenda, side: 'russia' } });
    russia.room.send('act', { action: agenda });
    japan.room.send('act', { action: { type: 'accept', side: 'japan' } });
    japan.room.send('act', { action: { type: 'agenda', side: 'japan', sequencing: 'everything', prepare: 'nope' } });
    japan.room.send('act', 'not an object');
    japan.room.send('shout', { hello: 1 });
    await until(() => russia.refusals.length >= 2 && japan.refusals.length >= 4, 'four refusals');
    expect(russia.refusals[0]).toMatch(/^notYourTurn: it is japan's move/);
    expect(russia.refusals[1]).toMatch(/^wrongSide: you play russia/);
    expect(japan.refusals.join('\n')).toMatch(/not a well-formed action|may not|cannot|not/);
    expect(japan.refusals.at(-1)).toMatch(/^badMessage: unknown message "shout"/);
    expect(last(japan).actions).toHaveLength(0);
  });

  it('hides the first side’s simultaneous choice from the side still to choose', async () => {
    const n = russia.views.length;
    japan.room.send('act', { action: enumerateActions(last(japan).legal!)[0]! });
    await until(() => russia.views.length > n && last(russia).pending === 'russia', "russia's turn");
    const rv = last(russia);
    expect(rv.state.talks.agenda.japan).toBeUndefined();
    expect(rv.actions).toHaveLength(0);
    expect(last(japan).actions).toHaveLength(1);
  });

  it('plays to the end; the replay both players get is one `npm run replay` verifies, and the end reveals all', async () => {
    const pick = chooser(7);
    for (let i = 0; i < 400 && !last(japan).revealed; i++) {
      const mover = [japan, russia].find((p) => last(p).legal);
      if (!mover) {
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      const v = last(mover);
      const offers = [pickPackage(v.legal!.options, pick)];
      const moves = enumerateActions(v.legal!, offers).filter((a) => a.type !== 'walkOut');
      const before = mover.views.length + mover.refusals.length;
      mover.room.send('act', { action: moves[pick(moves.length)]! });
      await until(() => mover.views.length + mover.refusals.length > before, `the next view after move ${i} (${JSON.stringify(v.legal!.types)}, open: ${String(mover.room.connection.isOpen)})`);
    }
    const jv = last(japan);
    expect(jv.revealed).toBe(true);
    await until(() => last(russia).revealed, 'russia sees the end');
    expect(jv.state.config.seed).toBe('net-1');
    const replay = jv.replay!;
    const text = replayText(replay);
    expect(text.ok).toBe(true);
    const verified = verifyReplay(text.ok ? text.text : '', 'net.replay.json', scenarios);
    expect(verified.ok).toBe(true);
    expect(replay.actions.length).toBeGreaterThan(4);
    expect(JSON.stringify(last(russia).replay)).toBe(JSON.stringify(replay));
  });

  it('a full server lets the ended match nobody is on leave memory for a new one; its record stays', async () => {
    const code = (await japan.seat).code;
    await japan.room.leave(true);
    await russia.room.leave(true);
    await until(() => [...MatchRoom.idle].some((r) => r.roomId === code), 'the ended match idle');
    const open = MatchRoom.open;
    MatchRoom.open = MAX_MATCHES; // as if a term's matches filled the server
    try {
      const fresh = watch(await new Client(server.url).create(MATCH_ROOM, { scenario: 'moscow-2019', side: 'japan' }));
      expect((await fresh.seat).side).toBe('japan');
      // The ended match left to make room: the count is back at the cap, not over it.
      expect(MatchRoom.open).toBe(MAX_MATCHES);
    } finally {
      MatchRoom.open = MatchRoom.open - MAX_MATCHES + open;
    }
    expect(await matchMaker.getRoomById(code)).toBeFalsy();
    expect(readdirSync(join(dataDir, 'matches'))).toContain(`${code}.json`);
  });
});

describe('nothing lost', () => {
  it('a player whose tab closed comes back into the seat by the rejoin token, on a server that restarted in between', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'up-rooms-'));
    let server = await roomsServer(dataDir);
    try {
      const japan = watch(await new Client(server.url).create(MATCH_ROOM, { scenario: 'moscow-2019', seed: 'net-2', side: 'japan' }));
      const seat = await japan.seat;
      const russia = watch(await new Client(server.url).joinById(seat.code, {}));
      const rseat = await russia.seat;
      await until(() => last(japan)?.legal, 'japan to move');
      japan.room.send('act', { action: enumerateActions(last(japan).legal!)[0]! });
      await until(() => last(russia)?.legal, 'russia to move');
      const movesBefore = last(japan).actions.length;
      await japan.room.leave(true);
      await server.stop();
      expect(readdirSync(join(dataDir, 'matches'))).toEqual([`${seat.code}.json`]);

      server = await roomsServer(dataDir);
      const back = watch(await new Client(server.url).joinById(seat.code, { token: seat.token }));
      expect((await back.seat).side).toBe('japan');
      const again = watch(await new Client(server.url).joinById(seat.code, { token: rseat.token }));
      expect((await again.seat).side).toBe('russia');
      await until(() => last(again)?.legal, 'russia to move after the restart');
      expect(last(back).actions).toHaveLength(movesBefore);
      expect(last(again).pending).toBe('russia');
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('a dropped connection comes back by itself within the grace period, to the same seat', async () => {
    await withRooms(async (server) => {
        // The host's difficulty holds for the match.
        const japan = watch(await new Client(server.url).create(MATCH_ROOM, { scenario: 'moscow-2019', seed: 'net-3', side: 'japan', difficulty: 'easy' }));
        const seat = await japan.seat;
        const russia = watch(await new Client(server.url).joinById(seat.code, {}));
        await until(() => last(russia)?.seats.japan.connected, 'japan connected');
        expect(last(russia).state.config.difficulty).toBe('easy');
        let seats = 0;
        japan.room.onMessage('seat', () => (seats += 1));
        let reconnected = false;
        japan.room.onReconnect(() => (reconnected = true));
        // The SDK reconnects by itself only a room that has been up a while (5 s by default); this test does not wait that long.
        japan.room.reconnection.minUptime = 0;
        // The network under Japan's socket breaks (no close handshake), as when a laptop leaves the Wi-Fi.
        const room = matchMaker.getLocalRoomById(seat.code)!;
        const mine = room.clients.find((c) => (c.userData as { side?: string }).side === 'japan')!;
        (mine.ref as unknown as { terminate(): void }).terminate();
        await until(() => !last(russia).seats.japan.connected, 'russia told japan is away');
        await until(() => reconnected, 'the SDK to reconnect');
        await until(() => last(russia).seats.japan.connected, 'russia told japan is back');
        // Back in the same session: no new seat was handed out.
        expect(seats).toBe(0);
        await until(() => last(japan)?.legal, 'japan to move again');
        japan.room.send('act', { action: enumerateActions(last(japan).legal!)[0]! });
        await until(() => last(russia)?.legal, 'russia to move after japan');
    });
  });

  it('a message over the size limit closes only its sender’s connection; the match goes on and the seat waits', async () => {
    await withRooms(async (server) => {
        const japan = watch(await new Client(server.url).create(MATCH_ROOM, { scenario: 'moscow-2019', seed: 'net-4', side: 'japan' }));
        const seat = await japan.seat;
        const russia = watch(await new Client(server.url).joinById(seat.code, {}));
        await until(() => last(japan)?.legal, 'japan to move');
        const russiaLeft = new Promise<number>((ok) => russia.room.onLeave((code) => ok(code)));
        russia.room.reconnection.enabled = false;
        russia.room.send('act', { action: { type: 'stall', side: 'russia', padding: 'x'.repeat(20 * 1024) } });
        expect(await russiaLeft).toBe(1009); // "message too big"
        // Japan plays on; Russia's seat waits for its token.
        japan.room.send('act', { action: enumerateActions(last(japan).legal!)[0]! });
        await until(() => last(japan)?.pending === 'russia', "russia's turn");
        const back = watch(await new Client(server.url).joinById(seat.code, { token: (await russia.seat).token }));
        await until(() => last(back)?.legal, 'russia back and to move');
    });
  });

  it('refuses a match it cannot make, naming the option', async () => {
    await withRooms(async (server) => {
        await expect(new Client(server.url).create(MATCH_ROOM, { scenario: 'atlantis', side: 'japan' })).rejects.toThrow(/scenario: no shipped scenario is called "atlantis"/);
        await expect(new Client(server.url).create(MATCH_ROOM, { scenario: 'moscow-2019', side: 'china' })).rejects.toThrow(/side/);
        await expect(new Client(server.url).create(MATCH_ROOM, { scenario: 'moscow-2019', side: 'japan', restore: 'ABCDEFGH' })).rejects.toThrow(/restore/);
        // A flood of creates stops at the cap (refused creates count for nothing).
        const open = MatchRoom.open;
        MatchRoom.open = MAX_MATCHES;
        // No ended match idle to let go: a full server refuses.
        expect(MatchRoom.idle.size).toBe(0);
        try {
          await expect(new Client(server.url).create(MATCH_ROOM, { scenario: 'moscow-2019', side: 'japan' })).rejects.toThrow(/as many as it takes/);
        } finally {
          MatchRoom.open = open;
        }
        await new Client(server.url).create(MATCH_ROOM, { scenario: 'moscow-2019', side: 'japan' });
        expect(MatchRoom.open).toBe(open + 1);
    });
  });
});
