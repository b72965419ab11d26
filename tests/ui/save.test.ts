import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_KEY, SAVE_KEY, listSaves, quarantine, readKey, readSave, slotKey, writeSave, type SaveFile } from '../../src/ui/app/save';
import { MemoryStorage } from './storage-stub';

// The save slots over an in-memory localStorage (issue 14): one slot per
// game, newest first; nothing removed before its copy reads back; a full
// storage reported as full; a save from another version set aside with the reason.
const ls = new MemoryStorage();
beforeAll(() => vi.stubGlobal('window', { localStorage: ls }));
afterAll(() => vi.unstubAllGlobals());
beforeEach(() => {
  ls.clear();
  ls.quota = Infinity;
  ls.full.clear();
});

const config = (seed: string): SaveFile['config'] => ({ scenarioId: 'moscow-2019', seed, controllers: { japan: 'human', russia: 'computer' }, difficulty: 'normal', strategy: { japan: 'grounded', russia: 'grounded' } });
const good: SaveFile = { version: 1, scenarioId: 'moscow-2019', config: config('class-7b'), actions: [] };
const game = (seed: string, savedAt: number): SaveFile => ({ ...good, config: config(seed), savedAt, actions: [{ type: 'agenda', side: 'japan', sequencing: 'parallel' } as never] });

describe('save slots', () => {
  it('reads back what it wrote, under the game’s own slot', () => {
    const w = writeSave(good);
    expect(w).toEqual({ ok: true, key: slotKey(good.config) });
    expect(readKey(w.key)).toEqual({ kind: 'ok', save: good, key: w.key });
  });

  it('keeps a hot-seat game’s reading language per side, and refuses a save naming a language or side it does not know', () => {
    const hot: SaveFile = { ...good, config: { ...good.config, controllers: { japan: 'human', russia: 'human' } }, langs: { japan: 'ja', russia: 'ru' } };
    const w = writeSave(hot);
    expect(readKey(w.key)).toEqual({ kind: 'ok', save: hot, key: w.key });
    ls.setItem(w.key, JSON.stringify({ ...hot, langs: { japan: 'fr' } }));
    expect(readKey(w.key)).toMatchObject({ kind: 'corrupt', reason: 'unreadable' });
    ls.setItem(w.key, JSON.stringify({ ...hot, langs: { china: 'ja' } }));
    expect(readKey(w.key)).toMatchObject({ kind: 'corrupt', reason: 'unreadable' });
  });

  it('keeps each game in its own slot and lists them newest first', () => {
    writeSave(game('game-A', 1000));
    writeSave(game('game-B', 3000));
    writeSave(game('game-C', 2000));
    const seeds = listSaves().saves.map((x) => x.save.config.seed);
    expect(seeds).toEqual(['game-B', 'game-C', 'game-A']);
    // The same seed on the other side is another game, with another slot.
    expect(slotKey({ ...config('game-A'), controllers: { japan: 'computer', russia: 'human' } })).not.toBe(slotKey(config('game-A')));
  });

  it('moves the first versions’ single save into its slot, removing the old key only once the copy is there', () => {
    ls.setItem(SAVE_KEY, JSON.stringify(good));
    const r = readSave();
    expect(r.kind).toBe('ok');
    expect(ls.getItem(slotKey(good.config))).toBe(JSON.stringify(good));
    expect(ls.getItem(SAVE_KEY)).toBeNull();
    // Storage full: the old save stays where it was, and still reads.
    ls.clear();
    ls.setItem(SAVE_KEY, JSON.stringify(good));
    ls.full.add(slotKey(good.config));
    expect(readSave().kind).toBe('ok');
    expect(ls.getItem(SAVE_KEY)).toBe(JSON.stringify(good));
  });

  it('says storage is full when it is, rather than "saved"', () => {
    ls.quota = 10;
    expect(writeSave(good)).toEqual({ ok: false, key: slotKey(good.config), reason: 'quota' });
  });

  it('keeps an own scenario’s text with its save, or, when there is no room, the file name alone', () => {
    const own: SaveFile = { ...good, scenarioId: 'mine', config: { ...good.config, scenarioId: 'mine' }, own: { file: 'mine.json', text: 'x'.repeat(5000) } };
    expect(writeSave(own)).toEqual({ ok: true, key: slotKey(own.config) });
    ls.clear();
    ls.quota = 2000;
    expect(writeSave(own)).toEqual({ ok: true, key: slotKey(own.config), droppedScenarioText: true });
    const back = readKey(slotKey(own.config));
    expect(back.kind === 'ok' && back.save.own).toEqual({ file: 'mine.json' });
  });

  it('never writes a save its reader would refuse: an own scenario too large once escaped goes without its text', async () => {
    const { SAVE_LIMITS, parseSave, saveFileText } = await import('../../src/ui/app/save');
    const huge = '"'.repeat(Math.ceil(SAVE_LIMITS.maxBytes / 2) + 10); // each quote is two bytes in JSON
    const own: SaveFile = { ...good, scenarioId: 'mine', config: { ...good.config, scenarioId: 'mine' }, own: { file: 'mine.json', title: 'Mine', text: huge } };
    const text = saveFileText(own);
    const back = parseSave(text);
    expect(back.ok && back.save.own).toEqual({ file: 'mine.json', title: 'Mine' });
    expect(writeSave(own)).toEqual({ ok: true, key: slotKey(own.config), droppedScenarioText: true });
  });

  it('names a newer version, an older one, and plain corruption, and keeps each aside', () => {
    for (const [raw, reason] of [
      [JSON.stringify({ ...good, version: 2 }), 'newer'],
      [JSON.stringify({ ...good, version: 0 }), 'older'],
      ['{"version": 1, "scenarioId": ', 'unreadable'],
      [JSON.stringify({ ...good, config: { ...good.config, difficulty: 'impossible' } }), 'unreadable'],
      [JSON.stringify({ ...good, config: { ...good.config, seed: 'class-7b\u200D' } }), 'unreadable'],
    ] as const) {
      ls.clear();
      ls.setItem(SAVE_KEY, raw);
      expect(readSave()).toEqual({ kind: 'corrupt', key: SAVE_KEY, backupKey: BACKUP_KEY, reason, raw });
      expect(ls.getItem(BACKUP_KEY)).toBe(raw);
      expect(ls.getItem(SAVE_KEY)).toBeNull();
    }
  });

  it('never deletes a save whose backup copy failed, and says no backup was made', () => {
    const key = slotKey(good.config);
    ls.setItem(key, 'not json');
    ls.full.add('unfinished-peace/save-backup/moscow-2019/class-7b/human-computer');
    expect(quarantine(key)).toBeNull();
    expect(ls.getItem(key)).toBe('not json');
    const r = readKey(key);
    expect(r).toEqual({ kind: 'corrupt', key, backupKey: null, reason: 'unreadable', raw: 'not json' });
    expect(ls.getItem(key)).toBe('not json');
  });
});
