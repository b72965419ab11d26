import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BACKUP_KEY, SAVE_KEY, readSave, writeSave, type SaveFile } from '../../src/ui/app/save';

// The save reader over an in-memory localStorage: a save from another
// version of the game is set aside with the reason, so the player is told
// what to do rather than only that it was unreadable.
const store = new Map<string, string>();
beforeAll(() =>
  vi.stubGlobal('window', {
    localStorage: {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, String(v)),
      removeItem: (k: string) => void store.delete(k),
    },
  }),
);
afterAll(() => vi.unstubAllGlobals());

const good: SaveFile = {
  version: 1,
  scenarioId: 'moscow-2019',
  config: { scenarioId: 'moscow-2019', seed: 'class-7b', controllers: { japan: 'human', russia: 'computer' }, difficulty: 'normal', strategy: { japan: 'grounded', russia: 'grounded' } },
  actions: [],
};

function read(raw: string) {
  store.clear();
  store.set(SAVE_KEY, raw);
  return readSave();
}

describe('saves from other versions', () => {
  it('reads back what it wrote', () => {
    store.clear();
    expect(writeSave(good)).toBe(true);
    expect(readSave()).toEqual({ kind: 'ok', save: good });
  });

  it('names a newer version, an older one, and plain corruption, and keeps each aside', () => {
    for (const [raw, reason] of [
      [JSON.stringify({ ...good, version: 2 }), 'newer'],
      [JSON.stringify({ ...good, version: 0 }), 'older'],
      ['{"version": 1, "scenarioId": ', 'unreadable'],
      [JSON.stringify({ ...good, config: { ...good.config, difficulty: 'impossible' } }), 'unreadable'],
    ] as const) {
      expect(read(raw)).toEqual({ kind: 'corrupt', backupKey: BACKUP_KEY, reason });
      expect(store.get(BACKUP_KEY)).toBe(raw);
      expect(store.has(SAVE_KEY)).toBe(false);
    }
  });
});
