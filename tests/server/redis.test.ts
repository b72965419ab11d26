// Past one process: Debian's redis-server on a free port, two game-server processes sharing
// it (Colyseus's Redis presence and driver), and a client on each meeting in one match.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type Room } from '@colyseus/sdk';
import { MATCH_ROOM, type SeatMessage } from '../../src/net/protocol';
import type { SideView } from '../../src/net/view';
import { enumerateActions } from '../../src/sim';

const root = join(import.meta.dirname, '..', '..');
const REDIS = '/usr/bin/redis-server';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((ok) => s.close(() => ok()));
  return port;
}

/** Starts a process and resolves once its output says `ready`. */
function start(cmd: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, what: string): Promise<ChildProcess> {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => fail(new Error(`${what} did not start in 30 s:\n${out}`)), 30_000);
    const read = (b: Buffer) => {
      out += b.toString();
      if (ready.test(out)) {
        clearTimeout(timer);
        ok(child);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${what} exited (${code}):\n${out}`));
    });
  });
}

const stop = (c: ChildProcess | undefined): Promise<void> =>
  new Promise((ok) => {
    if (!c || c.exitCode !== null) return ok();
    c.once('exit', () => ok());
    c.kill('SIGTERM');
    setTimeout(() => c.kill('SIGKILL'), 5000).unref();
  });

describe('several server processes on one Redis', () => {
  const children: ChildProcess[] = [];
  let dir: string;
  let ports: number[] = [];

  beforeAll(async () => {
    if (!existsSync(REDIS)) throw new Error(`${REDIS} is missing: apt-get install -y redis-server (.ci/run installs it)`);
    dir = mkdtempSync(join(tmpdir(), 'up-redis-'));
    const dist = join(dir, 'dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), '<!doctype html><html><head></head><body>game</body></html>');
    const redisPort = await freePort();
    children.push(await start(REDIS, ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {}, /Ready to accept connections/, 'redis-server'));
    ports = [await freePort(), await freePort()];
    redisUrl = `redis://127.0.0.1:${redisPort}`;
    distDir = dist;
    for (const port of ports) servers.set(port, await gameServer(port));
  }, 90_000);

  let redisUrl = '';
  let distDir = '';
  const servers = new Map<number, ChildProcess>();
  /** A game-server process on `port`, with a data folder of its own: what it keeps, it keeps in Redis. */
  const gameServer = async (port: number): Promise<ChildProcess> => {
    const env = { UP_REDIS_URL: redisUrl, UP_DATA_DIR: join(dir, `data-${port}-${servers.size}`), UP_DIST_DIR: distDir };
    const child = await start(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--prod', '--port', String(port), '--host', '127.0.0.1'], env, /Unfinished Peace: http/, `server on ${port}`);
    children.push(child);
    return child;
  };

  afterAll(async () => {
    for (const c of children.reverse()) await stop(c);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a player on one process and a player on the other meet in one match and see each other move', async () => {
    const [a, b] = ports.map((p) => new Client(`http://127.0.0.1:${p}`));
    const japan: Room = await a!.create(MATCH_ROOM, { scenario: 'moscow-2019', seed: 'redis', side: 'japan' });
    const jViews: SideView[] = [];
    japan.onMessage('view', (v: SideView) => jViews.push(v));
    const seat = await new Promise<SeatMessage>((ok) => japan.onMessage('seat', ok));
    // The second player asks the other process for the code; it sends them to the process holding the match.
    const russia: Room = await b!.joinById(seat.code, {});
    const rViews: SideView[] = [];
    russia.onMessage('view', (v: SideView) => rViews.push(v));
    const rSeat = await new Promise<SeatMessage>((ok) => russia.onMessage('seat', ok));
    expect(rSeat.side).toBe('russia');
    expect(rSeat.code).toBe(seat.code);
    const until = async (pred: () => boolean, what: string) => {
      const end = Date.now() + 5000;
      while (!pred()) {
        if (Date.now() > end) throw new Error(`timed out: ${what}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    await until(() => jViews.at(-1)?.legal != null, "japan's move");
    japan.send('act', { action: enumerateActions(jViews.at(-1)!.legal!)[0]! });
    await until(() => rViews.at(-1)?.legal != null, "russia's move after japan's");
    russia.send('act', { action: enumerateActions(rViews.at(-1)!.legal!)[0]! });
    await until(() => jViews.at(-1)?.phase === 'summit', 'the summit, for both');
    expect(jViews.at(-1)!.actions).toHaveLength(2);
    await japan.leave(true);
    await russia.leave(true);

    // The process holding the match stops and starts again with an empty data folder: the match
    // comes back from Redis, and Japan takes its seat back by its token, both moves kept.
    await stop(servers.get(ports[0]!));
    servers.set(ports[0]!, await gameServer(ports[0]!));
    const back: Room = await new Client(`http://127.0.0.1:${ports[0]}`).joinById(seat.code, { token: seat.token });
    const bViews: SideView[] = [];
    back.onMessage('view', (v: SideView) => bViews.push(v));
    await until(() => bViews.length > 0, 'the view after the restart');
    expect(bViews.at(-1)!.actions).toHaveLength(2);
    expect(bViews.at(-1)!.phase).toBe('summit');
    await back.leave(true);
  });
});
