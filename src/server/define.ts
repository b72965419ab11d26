// The room types of the game's server, and bringing every kept match and class back after a restart.
import { matchMaker, type Server } from '@colyseus/core';
import { CLASS_ROOM, MATCH_ROOM } from '../net/protocol';
import { MatchRoom, MatchStore, type RoomsOptions } from './rooms';
import { ClassRoom, classCodes } from './class-room';

/** Defines the room types on a Colyseus server. */
export function defineRooms(gs: Server, opts: RoomsOptions): void {
  MatchRoom.store = new MatchStore(opts);
  gs.define(MATCH_ROOM, MatchRoom);
  gs.define(CLASS_ROOM, ClassRoom);
  dataDir = opts.dataDir;
}

let dataDir = '';

/** After a restart: every match on disk comes back under its code, move for move. */
export async function restoreMatches(): Promise<string[]> {
  const store = MatchRoom.store;
  if (!store) return [];
  const restored: string[] = [];
  for (const code of store.codes()) {
    await matchMaker.createRoom(MATCH_ROOM, { restore: code, key: store.restoreKey });
    restored.push(code);
  }
  // The classes after their matches: each asks its matches where they stand.
  for (const code of classCodes(dataDir)) {
    await matchMaker.createRoom(CLASS_ROOM, { restore: code, key: store.restoreKey });
    restored.push(code);
  }
  return restored;
}
