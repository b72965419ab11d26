// Autosave: the game is a pure function of scenario + config + actions, so that is all we keep.
// Each game in progress has its own slot, keyed by scenario, seed and sides: starting another
// game never writes over one. Writes say what happened (saved, storage full, forbidden), and
// nothing is removed before its copy has been read back.
import type { Action, GameConfig } from '../../sim';
import { checkStoredSeed } from '../../sim/index';
import { DIFFICULTIES, SIDES, STRATEGIES, type Side } from '../../scenario/vocabulary';
import { isLang, type Lang } from '../../scenario/i18n';
import { readJsonText, SCENARIO_MAX_BYTES, utf8Bytes } from '../../scenario/text';

/** The one save of the first versions, read once and moved into its slot. */
export const SAVE_KEY = 'unfinished-peace/save';
export const BACKUP_KEY = 'unfinished-peace/save-backup';
/** Slots: `unfinished-peace/save/<scenario>/<seed>/<japan>-<russia>`. */
export const SLOT_PREFIX = 'unfinished-peace/save/';
const SLOT_BACKUP_PREFIX = 'unfinished-peace/save-backup/';
export const SAVE_VERSION = 1;
/** A save file carries an own scenario's text (at most 2 MB, more once escaped as JSON) and a few kilobytes of moves. */
export const SAVE_LIMITS = { kind: 'saved game', maxBytes: 2 * SCENARIO_MAX_BYTES + 500_000 } as const;

/** A scenario loaded from a teacher's file: its name, and its text when storage (or the file) had room for it. */
export interface OwnScenarioRef {
  file: string;
  /** Its title, for the list of games in progress before the file is loaded again. */
  title?: string;
  text?: string;
}

export interface SaveFile {
  version: number;
  scenarioId: string;
  config: GameConfig;
  actions: Action[];
  /** When it was last written (the page's clock; the simulation never reads it). */
  savedAt?: number;
  own?: OwnScenarioRef;
  /** Hot seat: the language each side's player reads (absent: the page's language for both). */
  langs?: Partial<Record<Side, Lang>>;
}

/** Why a save was set aside: unreadable, or written by another version of the game. */
export type CorruptReason = 'unreadable' | 'newer' | 'older';
export type ReadResult =
  | { kind: 'none' }
  | { kind: 'ok'; save: SaveFile; key: string }
  | { kind: 'corrupt'; key: string; backupKey: string | null; reason: CorruptReason; raw: string };

export type WriteResult =
  | { ok: true; key: string; droppedScenarioText?: boolean }
  | { ok: false; key: string; reason: 'quota' | 'forbidden' };

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function slotKey(config: GameConfig): string {
  const c = config.controllers;
  return `${SLOT_PREFIX}${encodeURIComponent(config.scenarioId)}/${encodeURIComponent(config.seed)}/${c.japan}-${c.russia}`;
}

export const backupKeyOf = (key: string): string => (key === SAVE_KEY ? BACKUP_KEY : `${SLOT_BACKUP_PREFIX}${key.slice(SLOT_PREFIX.length)}`);

const isQuota = (error: unknown): boolean =>
  error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || error.code === 22);

/** Writes one key and reads it back; the reason when it did not stick. */
function put(s: Storage, key: string, text: string): 'ok' | 'quota' | 'forbidden' {
  try {
    s.setItem(key, text);
    return s.getItem(key) === text ? 'ok' : 'forbidden';
  } catch (error) {
    return isQuota(error) ? 'quota' : 'forbidden';
  }
}

/**
 * Writes a game's save into its own slot. An own scenario's text goes with
 * it; when storage has no room for the text, the save is kept without it
 * (naming the file to load again) and the caller is told.
 */
export function writeSave(save: SaveFile): WriteResult {
  const key = slotKey(save.config);
  const s = storage();
  if (!s) return { ok: false, key, reason: 'forbidden' };
  const full = serialiseSave(save);
  const first = put(s, key, full.text);
  if (first === 'ok') return full.dropped ? { ok: true, key, droppedScenarioText: true } : { ok: true, key };
  if (first === 'quota' && !full.dropped && save.own?.text !== undefined) {
    if (put(s, key, JSON.stringify(withoutText(save))) === 'ok') return { ok: true, key, droppedScenarioText: true };
  }
  return { ok: false, key, reason: first };
}

const withoutText = (save: SaveFile): SaveFile =>
  save.own ? { ...save, own: { file: save.own.file, ...(save.own.title !== undefined ? { title: save.own.title } : {}) } } : save;

/**
 * The save as text its reader accepts: over the reader's size limit (a huge
 * own scenario, escaped), the scenario text is left out and only its file named.
 */
export function serialiseSave(save: SaveFile, indent?: number): { text: string; dropped: boolean } {
  const text = JSON.stringify(save, null, indent);
  if (utf8Bytes(text) <= SAVE_LIMITS.maxBytes || save.own?.text === undefined) return { text, dropped: false };
  return { text: JSON.stringify(withoutText(save), null, indent), dropped: true };
}

/** Clears one game's slot (a finished game): the others stay. */
export function clearSave(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    /* nothing to clear */
  }
}

const CONTROLLERS: readonly string[] = ['human', 'computer'];

/**
 * A save is trusted only when every part of its config is one the game
 * knows: a save with a made-up difficulty or a missing strategy would start
 * a game no replay can describe. Its seed follows the seed rule everywhere else.
 */
export function isSave(x: unknown): x is SaveFile {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  const c = o.config as Record<string, unknown> | undefined;
  if (o.version !== SAVE_VERSION || typeof o.scenarioId !== 'string' || !Array.isArray(o.actions)) return false;
  if (typeof c !== 'object' || c === null || c.scenarioId !== o.scenarioId) return false;
  if (typeof c.seed !== 'string' || !checkStoredSeed(c.seed).ok) return false;
  if (o.savedAt !== undefined && typeof o.savedAt !== 'number') return false;
  if (o.own !== undefined) {
    const own = o.own as Record<string, unknown> | null;
    if (typeof own !== 'object' || own === null || typeof own.file !== 'string' || (own.text !== undefined && typeof own.text !== 'string') || (own.title !== undefined && typeof own.title !== 'string')) return false;
  }
  if (o.langs !== undefined) {
    const langs = o.langs as Record<string, unknown> | null;
    if (typeof langs !== 'object' || langs === null || Array.isArray(langs) || !Object.entries(langs).every(([k, v]) => (SIDES as readonly string[]).includes(k) && isLang(v))) return false;
  }
  if (!(DIFFICULTIES as readonly unknown[]).includes(c.difficulty)) return false;
  const controllers = c.controllers as Record<string, unknown> | null;
  const strategy = c.strategy as Record<string, unknown> | null;
  return SIDES.every(
    (side) =>
      typeof controllers === 'object' && controllers !== null && CONTROLLERS.includes(controllers[side] as string) &&
      typeof strategy === 'object' && strategy !== null && (STRATEGIES as readonly unknown[]).includes(strategy[side]),
  );
}

/** A save's text, judged: a save, or why not (another version, or unreadable). */
export function parseSave(raw: string, file = 'save'): { ok: true; save: SaveFile } | { ok: false; reason: CorruptReason } {
  const parsed = readJsonText(raw, file, SAVE_LIMITS);
  if (!parsed.ok) return { ok: false, reason: 'unreadable' };
  if (isSave(parsed.value)) return { ok: true, save: parsed.value };
  // Version 1 is the first save format, so there is nothing older to migrate
  // from; a save from another version is kept aside, and the player told why.
  const version = (parsed.value as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version !== SAVE_VERSION) return { ok: false, reason: version > SAVE_VERSION ? 'newer' : 'older' };
  return { ok: false, reason: 'unreadable' };
}

/** Reads one key: a save, nothing, or a corrupt save set aside (or left in place when it could not be). */
export function readKey(key: string): ReadResult {
  const s = storage();
  if (!s) return { kind: 'none' };
  let raw: string | null;
  try {
    raw = s.getItem(key);
  } catch {
    return { kind: 'none' };
  }
  if (raw === null) return { kind: 'none' };
  const judged = parseSave(raw);
  if (judged.ok) return { kind: 'ok', save: judged.save, key };
  return { kind: 'corrupt', key, backupKey: quarantine(key, raw), reason: judged.reason, raw };
}

/** The first versions' single save: read from its old key (a save there is moved into its slot). */
export function readSave(): ReadResult {
  const r = readKey(SAVE_KEY);
  if (r.kind !== 'ok') return r;
  // Moved only once the copy reads back: a full storage leaves it where it was.
  const moved = writeSave(r.save);
  if (moved.ok) {
    clearSave(SAVE_KEY);
    return { ...r, key: moved.key };
  }
  return r;
}

export interface SaveList {
  /** Readable saves, the most recently played first. */
  saves: { key: string; save: SaveFile }[];
  corrupt: Extract<ReadResult, { kind: 'corrupt' }>[];
}

/** Every saved game in this browser (the old single save included), newest first. */
export function listSaves(): SaveList {
  const out: SaveList = { saves: [], corrupt: [] };
  const s = storage();
  if (!s) return out;
  const legacy = readSave();
  if (legacy.kind === 'corrupt') out.corrupt.push(legacy);
  let keys: string[] = [];
  try {
    keys = Array.from({ length: s.length }, (_, i) => s.key(i)).filter((k): k is string => k !== null && k.startsWith(SLOT_PREFIX));
  } catch {
    return out;
  }
  for (const key of keys.sort()) {
    const r = readKey(key);
    if (r.kind === 'ok') out.saves.push({ key, save: r.save });
    else if (r.kind === 'corrupt') out.corrupt.push(r);
  }
  if (legacy.kind === 'ok' && !out.saves.some((x) => x.key === legacy.key)) out.saves.push({ key: legacy.key, save: legacy.save });
  out.saves.sort((a, b) => (b.save.savedAt ?? 0) - (a.save.savedAt ?? 0) || (a.key < b.key ? -1 : 1));
  return out;
}

/**
 * Keeps an unreadable save under a backup key, so nothing the player had is
 * thrown away. The original is removed only once the copy reads back; when
 * the copy fails (storage full), the original stays where it was and null says so.
 */
export function quarantine(key: string, raw?: string): string | null {
  const s = storage();
  if (!s) return null;
  let text: string | null;
  try {
    text = raw ?? s.getItem(key);
  } catch {
    return null;
  }
  if (text === null) return null;
  const backup = backupKeyOf(key);
  if (put(s, backup, text) !== 'ok') return null;
  try {
    s.removeItem(key);
  } catch {
    /* the copy is safe; the original stays too */
  }
  return backup;
}

/** The save as a file the player can keep and load back (the same JSON the slot holds). */
export const saveFileText = (save: SaveFile): string => `${serialiseSave(save, 1).text}\n`;

/** A file name for a save: scenario and seed, with anything a file system dislikes replaced. */
export function saveFileName(save: SaveFile): string {
  const safe = (x: string) => x.normalize('NFC').replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 40);
  return `unfinished-peace-${safe(save.scenarioId)}-${safe(save.config.seed)}.save.json`;
}
