// Autosave: the game is a pure function of scenario + config + actions, so that is all we keep.
import type { Action, GameConfig } from '../../sim';
import { DIFFICULTIES, SIDES, STRATEGIES } from '../../scenario/vocabulary';

export const SAVE_KEY = 'unfinished-peace/save';
export const BACKUP_KEY = 'unfinished-peace/save-backup';
export const SAVE_VERSION = 1;

export interface SaveFile {
  version: number;
  scenarioId: string;
  config: GameConfig;
  actions: Action[];
}

/** Why a save was set aside: unreadable, or written by another version of the game. */
export type CorruptReason = 'unreadable' | 'newer' | 'older';
export type ReadResult =
  | { kind: 'none' }
  | { kind: 'ok'; save: SaveFile }
  | { kind: 'corrupt'; backupKey: string | null; reason: CorruptReason };

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

const CONTROLLERS: readonly string[] = ['human', 'computer'];

/**
 * A save is trusted only when every part of its config is one the game
 * knows: a save with a made-up difficulty or a missing strategy would start
 * a game no replay can describe.
 */
function isSave(x: unknown): x is SaveFile {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  const c = o.config as Record<string, unknown> | undefined;
  if (o.version !== SAVE_VERSION || typeof o.scenarioId !== 'string' || !Array.isArray(o.actions)) return false;
  if (typeof c !== 'object' || c === null || c.scenarioId !== o.scenarioId) return false;
  if (typeof c.seed !== 'string' || [...c.seed].length > 64) return false;
  if (!(DIFFICULTIES as readonly unknown[]).includes(c.difficulty)) return false;
  const controllers = c.controllers as Record<string, unknown> | null;
  const strategy = c.strategy as Record<string, unknown> | null;
  return SIDES.every(
    (side) =>
      typeof controllers === 'object' && controllers !== null && CONTROLLERS.includes(controllers[side] as string) &&
      typeof strategy === 'object' && strategy !== null && (STRATEGIES as readonly unknown[]).includes(strategy[side]),
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
  let reason: CorruptReason = 'unreadable';
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isSave(parsed)) return { kind: 'ok', save: parsed };
    // Version 1 is the first save format, so there is nothing older to migrate
    // from; a save from another version is kept aside, and the player told why.
    const version = (parsed as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && version !== SAVE_VERSION) reason = version > SAVE_VERSION ? 'newer' : 'older';
  } catch {
    /* unreadable */
  }
  return { kind: 'corrupt', backupKey: quarantine(raw), reason };
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
