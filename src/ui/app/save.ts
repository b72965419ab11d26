// Autosave: the game is a pure function of scenario + config + actions, so that is all we keep.
import type { Action, GameConfig } from '../../sim';

export const SAVE_KEY = 'unfinished-peace/save';
export const BACKUP_KEY = 'unfinished-peace/save-backup';
export const SAVE_VERSION = 1;

export interface SaveFile {
  version: number;
  scenarioId: string;
  config: GameConfig;
  actions: Action[];
}

export type ReadResult = { kind: 'none' } | { kind: 'ok'; save: SaveFile } | { kind: 'corrupt'; backupKey: string | null };

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Writes the save; false when storage is full or forbidden (the game goes on regardless). */
export function writeSave(save: SaveFile): boolean {
  const s = storage();
  if (!s) return false;
  try {
    s.setItem(SAVE_KEY, JSON.stringify(save));
    return true;
  } catch {
    return false;
  }
}

export function clearSave(): void {
  try {
    storage()?.removeItem(SAVE_KEY);
  } catch {
    /* nothing to clear */
  }
}

function isSave(x: unknown): x is SaveFile {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  const c = o.config as Record<string, unknown> | undefined;
  return (
    o.version === SAVE_VERSION &&
    typeof o.scenarioId === 'string' &&
    Array.isArray(o.actions) &&
    typeof c === 'object' &&
    c !== null &&
    typeof c.seed === 'string' &&
    typeof c.controllers === 'object'
  );
}

export function readSave(): ReadResult {
  const s = storage();
  if (!s) return { kind: 'none' };
  let raw: string | null;
  try {
    raw = s.getItem(SAVE_KEY);
  } catch {
    return { kind: 'none' };
  }
  if (raw === null) return { kind: 'none' };
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isSave(parsed)) return { kind: 'ok', save: parsed };
  } catch {
    /* fall through: corrupt */
  }
  return { kind: 'corrupt', backupKey: quarantine(raw) };
}

/** Keeps an unreadable save under a backup key, so nothing the player had is thrown away. */
export function quarantine(raw?: string): string | null {
  const s = storage();
  if (!s) return null;
  try {
    const text = raw ?? s.getItem(SAVE_KEY) ?? '';
    s.setItem(BACKUP_KEY, text);
    s.removeItem(SAVE_KEY);
    return BACKUP_KEY;
  } catch {
    try {
      s.removeItem(SAVE_KEY);
    } catch {
      /* storage gone */
    }
    return null;
  }
}
