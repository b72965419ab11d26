// What the room tests share: a Colyseus server with the game's rooms on a free port, in this
// process, and a poll that waits for what a client has received.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { closeRooms, defineRooms, restoreMatches } from '../../src/server/define';
import { MAX_MESSAGE_BYTES } from '../../src/net/protocol';

export const root = join(import.meta.dirname, '..', '..');

export interface TestServer {
  url: string;
  stop(): Promise<void>;
}

/** The game's rooms on 127.0.0.1, keeping their matches in `dataDir` (and bringing back those already there). */
export async function roomsServer(dataDir: string): Promise<TestServer> {
  const transport = new WebSocketTransport({ maxPayload: MAX_MESSAGE_BYTES });
  const gs = new Server({ transport, greet: false });
  defineRooms(gs, { scenariosDir: join(root, 'scenarios'), dataDir });
  await gs.listen(0, '127.0.0.1');
  await restoreMatches();
  const port = (transport.server!.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await gs.gracefullyShutdown(false);
      await closeRooms();
    },
  };
}

/** A server with a data folder of its own for one test, stopped and removed afterwards. */
export async function withRooms(fn: (server: TestServer, dataDir: string) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'up-rooms-'));
  const server = await roomsServer(dataDir);
  try {
    await fn(server, dataDir);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Polls until `get` gives something, or fails naming what it waited for. */
export async function until<T>(get: () => T | undefined | null | false, what: string, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
