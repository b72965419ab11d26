// The one Node process of a hosted game: the game's pages (Vite's dev server, or the built
// dist/ with --prod) and the Colyseus rooms, on one port. `npm start` runs it in development,
// `npm run serve` builds the game and runs it with --prod.
//
//   tsx src/server/main.ts [--prod] [--port N] [--host ADDRESS]
//
// --port defaults to $PORT, else 5173 (development) or 4173 (--prod); --host to 0.0.0.0, so
// phones and laptops on the same network can reach it. Matches are kept in $UP_DATA_DIR,
// else <repo>/.data. $UP_REDIS_URL (redis://host:port) lets several processes share the rooms
// ($UP_PUBLIC_ADDRESS: where clients reach this one); $UP_DIST_DIR serves another build.
import { createServer } from 'node:http';
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import type { ViteDevServer } from 'vite';
import { closeRooms, defineRooms, restoreMatches } from './define';
import { MAX_MESSAGE_BYTES } from '../net/protocol';
import { createViteDev, isViteSocket, lanUrls, mountGame, secureEveryResponse } from './http';

const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export interface StartOptions {
  /** 0 picks a free port. Default 5173 (dev) or 4173 (prod). */
  port?: number;
  /** The address to listen on. Default 0.0.0.0 (every IPv4 interface). */
  host?: string;
  /** 'dev': Vite's dev server in middleware mode; 'prod': the built `distDir`. */
  mode: 'dev' | 'prod';
  /** The built game. Default <repo>/dist. */
  distDir?: string;
  /** Where the rooms keep their matches. Default <repo>/.data. */
  dataDir?: string;
  /** The scenarios the rooms offer. Default <repo>/scenarios. */
  scenariosDir?: string;
  /** No start-up lines, and only Vite's errors. */
  quiet?: boolean;
  /**
   * Redis (e.g. redis://127.0.0.1:6379): several processes then share the rooms through Colyseus's
   * Redis presence and driver; a client that asks one process for a match another holds is sent on
   * to that one (at `publicAddress`). Without it one process holds everything (a school fits).
   */
  redisUrl?: string;
  /** Where clients reach this very process ("host:port", or behind a proxy "example.org/p1"). Default: this host and port. */
  publicAddress?: string;
  /** The rooms to define (tests inject their own). Default: src/server/rooms.ts, whose saved matches are restored after start. */
  defineRooms?: typeof defineRooms;
}

export interface RunningServer {
  /** Where this machine opens the game. */
  url: string;
  port: number;
  /** Where other devices on the network open it (empty when listening on loopback only). */
  lan: string[];
  /** Stops the rooms, Vite and the HTTP server; resolves once the port is free. */
  close(): Promise<void>;
}

const WILDCARD = new Set(['0.0.0.0', '::', '']);
const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || host.startsWith('127.');
const hostInUrl = (host: string): string => (host.includes(':') ? `[${host}]` : host);

export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const { mode, quiet = false } = opts;
  const host = opts.host ?? '0.0.0.0';
  const distDir = resolve(opts.distDir ?? join(REPO_ROOT, 'dist'));
  const dataDir = resolve(opts.dataDir ?? join(REPO_ROOT, '.data'));
  const scenariosDir = resolve(opts.scenariosDir ?? join(REPO_ROOT, 'scenarios'));
  if (mode === 'prod' && !existsSync(join(distDir, 'index.html'))) {
    throw new Error(`${join(distDir, 'index.html')} is missing: run npm run build first (npm run serve builds and serves).`);
  }
  mkdirSync(dataDir, { recursive: true });

  // One HTTP server for everything. Colyseus's transport is attached to it rather than creating
  // its own, so that its WebSocket upgrades can leave Vite's HMR socket (same port) to Vite.
  const httpServer = createServer();
  let vite: ViteDevServer | undefined;
  if (mode === 'dev') vite = await createViteDev(REPO_ROOT, httpServer, quiet);
  const transport = new WebSocketTransport({ maxPayload: MAX_MESSAGE_BYTES, noServer: true });
  transport.attachToServer(httpServer, { filter: (req) => !isViteSocket(req) });

  let port = 0;
  const wanted = opts.port ?? (mode === 'dev' ? 5173 : 4173);
  // With Redis, other processes send clients here by address, so the port must be known now.
  const fixedPort = opts.redisUrl && wanted === 0 ? await freePort(host) : wanted;
  const scale = opts.redisUrl ? await redisScale(opts.redisUrl) : {};
  const lan = (): string[] => (WILDCARD.has(host) ? lanUrls(port) : isLoopback(host) ? [] : [`http://${hostInUrl(host)}:${port}/`]);
  const gs = new Server({
    transport,
    greet: false,
    // The signals are ours (below): Colyseus's own handlers would exit before Vite is closed.
    gracefullyShutdown: false,
    express: (app) => mountGame(app, { distDir, vite, lan }),
    ...scale,
    ...(opts.redisUrl ? { publicAddress: opts.publicAddress ?? `${WILDCARD.has(host) ? '127.0.0.1' : hostInUrl(host)}:${fixedPort}` } : {}),
  });

  const closed = new Promise<void>((ok) => httpServer.once('close', () => ok()));
  let closing: Promise<void> | undefined;
  // Colyseus's matchmaker is set up while the server listens; shutting it down before then would race that set-up.
  let matchmakerStarted = false;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      if (matchmakerStarted) await gs.gracefullyShutdown(false); // disposes the rooms, closes their sockets
      else transport.shutdown();
      // Every move kept lands before the process goes (and Redis is let go).
      if (!opts.defineRooms) await closeRooms();
      await vite?.close();
      httpServer.close();
      httpServer.closeIdleConnections();
      const force = setTimeout(() => httpServer.closeAllConnections(), 2000);
      await closed;
      clearTimeout(force);
    })());

  try {
    (opts.defineRooms ?? defineRooms)(gs, { scenariosDir, dataDir, ...(opts.redisUrl ? { redisUrl: opts.redisUrl } : {}) });
    // gs.listen never settles when the port cannot be bound: the server's 'error' event says why.
    const failed = new Promise<never>((_ok, fail) => httpServer.once('error', fail));
    matchmakerStarted = true;
    await Promise.race([gs.listen(fixedPort, host), failed]);
  } catch (error) {
    await close().catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`port ${wanted} on ${host} is in use (is the game already running? --port N picks another)`);
    if (code === 'EADDRNOTAVAIL') throw new Error(`${host} is not an address of this machine (--host)`);
    throw error;
  }
  // After Colyseus has installed its request listener, so this one runs first: /matchmake is answered
  // by Colyseus's router before express, and gets the security headers here.
  secureEveryResponse(httpServer);
  port = (httpServer.address() as AddressInfo).port;
  // The matches on disk come back under their codes (only with the real rooms, not a test's own).
  if (!opts.defineRooms) await restoreMatches().catch(async (error: unknown) => {
    await close().catch(() => undefined);
    throw error;
  });

  const url = `http://${WILDCARD.has(host) ? '127.0.0.1' : hostInUrl(host === 'localhost' ? '127.0.0.1' : host)}:${port}/`;
  const running: RunningServer = { url, port, lan: lan(), close };
  if (!quiet) {
    console.log(`Unfinished Peace: ${url}`);
    for (const other of running.lan) console.log(`On another device: ${other}`);
  }
  return running;
}

interface Cli {
  mode: 'dev' | 'prod';
  port: number;
  host: string;
  dataDir: string;
  redisUrl?: string;
  publicAddress?: string;
  distDir?: string;
}

/** Colyseus's Redis presence and driver (loaded only when Redis is configured). */
async function redisScale(url: string): Promise<Pick<ConstructorParameters<typeof Server>[0] & object, 'presence' | 'driver'>> {
  const [{ RedisPresence }, { RedisDriver }] = await Promise.all([import('@colyseus/redis-presence'), import('@colyseus/redis-driver')]);
  return { presence: new RedisPresence(url), driver: new RedisDriver(url) };
}

/** A port free on `host` now (the OS picks it). */
async function freePort(host: string): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok, fail) => probe.once('error', fail).listen(0, host, ok));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((ok) => probe.close(() => ok()));
  return port;
}

/** The command line and environment, or a message saying what is wrong with them. */
export function parseCli(argv: string[], env: NodeJS.ProcessEnv): Cli | string {
  let values: { prod?: boolean; port?: string; host?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { prod: { type: 'boolean' }, port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return (error as Error).message;
  }
  if (values.help) return 'usage: tsx src/server/main.ts [--prod] [--port N] [--host ADDRESS]';
  const mode = values.prod ? 'prod' : 'dev';
  const portText = values.port ?? env.PORT ?? (mode === 'dev' ? '5173' : '4173');
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) return `--port (or PORT): "${portText}" is not a port number (0–65535)`;
  const host = values.host ?? '0.0.0.0';
  const dataDir = resolve(env.UP_DATA_DIR || join(REPO_ROOT, '.data'));
  const redisUrl = env.UP_REDIS_URL || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) return `UP_REDIS_URL: "${redisUrl}" is not a redis:// or rediss:// URL`;
  return { mode, port, host, dataDir, ...(env.UP_DIST_DIR ? { distDir: resolve(env.UP_DIST_DIR) } : {}), ...(redisUrl ? { redisUrl } : {}), ...(env.UP_PUBLIC_ADDRESS ? { publicAddress: env.UP_PUBLIC_ADDRESS } : {}) };
}

async function main(argv: string[]): Promise<void> {
  const cli = parseCli(argv, process.env);
  if (typeof cli === 'string') {
    console.error(cli);
    process.exitCode = cli.startsWith('usage:') ? 0 : 2;
    return;
  }
  let server: RunningServer;
  try {
    server = await startServer(cli);
  } catch (error) {
    console.error(`Unfinished Peace could not start: ${(error as Error).message}`);
    process.exitCode = 1;
    return;
  }
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1); // a second Ctrl+C does not wait
    stopping = true;
    console.log(`\n${signal}: closing the rooms and the server…`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) void main(process.argv.slice(2));
