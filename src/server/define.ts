// The room types of the game's server, and bringing every kept match and class back after a restart.
import { matchMaker, type Server } from '@colyseus/core';
import { CLASS_ROOM, MATCH_ROOM } from '../net/protocol';
import { MatchRoom, MatchStore, type RoomsOptions } from './rooms';
import { ClassRoom } from './class-room';
import { WebSocket as NodeWebSocket } from 'ws';

// Colyseus 0.18 reads the global WebSocket's OPEN constant when a dropped client reconnects
// (Node 22 has that global; these machines' Node 20 does not, and the reconnection then fails
// with a ReferenceError). ws's class has the same constants.
if (typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'undefined') (globalThis as { WebSocket?: unknown }).WebSocket = NodeWebSocket;

/** Defines the room types on a Colyseus server. */
export function defineRooms(gs: Server, opts: RoomsOptions): void {
  MatchRoom.store = new MatchStore(opts);
  gs.define(MATCH_ROOM, MatchRoom);
  gs.define(CLASS_ROOM, ClassRoom);
}

/**
 * Whether this process brings `code` back: not when another process of the same Redis already
 * holds it, nor when another one starting at the same time claimed it first (a claim lasts until the
 * match is back, or a minute).
 */
async function claim(code: string): Promise<boolean> {
  if (await matchMaker.getRoomById(code)) return false;
  return (await matchMaker.presence.hincrbyex('up:restoring', code, 1, 60)) === 1;
}

/** After a restart: every match on disk comes back under its code, move for move. */
export async function restoreMatches(): Promise<string[]> {
  const store = MatchRoom.store;
  if (!store) return [];
  const restored: string[] = [];
  for (const code of await store.codes()) {
    if (!(await claim(code))) continue;
    await matchMaker.createRoom(MATCH_ROOM, { restore: code, key: store.restoreKey });
    await matchMaker.presence.hdel('up:restoring', code);
    restored.push(code);
  }
  // The classes after their matches: each asks its matches where they stand.
  for (const code of await store.keeper.list('classes')) {
    if (!(await claim(code))) continue;
    await matchMaker.createRoom(CLASS_ROOM, { restore: code, key: store.restoreKey });
    await matchMaker.presence.hdel('up:restoring', code);
    restored.push(code);
  }
  return restored;
}

/** Lands every queued write and lets go of Redis (a server that stops loses no move). */
export async function closeRooms(): Promise<void> {
  const store = MatchRoom.store;
  if (!store) return;
  await store.queue.flush();
  await store.keeper.close();
}
