// Save fixtures through the real reader, src/ui/app/save.ts's readSave, over an
// in-memory localStorage (the only browser API it touches). A save that reads
// is then restored as src/ui/app/boot.ts's continueSave does (start the
// session, act every saved action, any failure sets the save aside); boot.ts
// itself pulls in the renderer, so its dozen lines are mirrored here.
//
// Verdicts: "corrupt (kept as KEY)" when readSave refuses the text,
// "corrupt: REASON" when restoring fails, "restored N moves" when it works,
// "needs file NAME" for an own scenario's save whose text is not with it (issue 14).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_KEY, SAVE_KEY, readSave } from '../../src/ui/app/save';
import { GameSession, type Action } from '../../src/sim';
import { loadScenario } from '../../src/scenario/load';
import { bundledScenarios } from '../../src/cli/scenarios';
import { FIXTURES, manifest, matches } from './corpus';

const entries = manifest('save');
const scenarios = bundledScenarios();
const store = new Map<string, string>();
const localStorage = {
  getItem: (k: string) => store.get(k) ?? null,
  setItem: (k: string, v: string) => void store.set(k, String(v)),
  removeItem: (k: string) => void store.delete(k),
};

beforeAll(() => vi.stubGlobal('window', { localStorage }));
afterAll(() => vi.unstubAllGlobals());

function restore(raw: string): { verdict: string; threw: string | null } {
  store.clear();
  store.set(SAVE_KEY, raw);
  const read = readSave();
  if (read.kind === 'none') return { verdict: 'none', threw: null };
  if (read.kind === 'corrupt') {
    expect(store.get(BACKUP_KEY), 'the unreadable save was not kept aside').toBe(raw);
    return { verdict: `corrupt (kept as ${read.backupKey})`, threw: null };
  }
  const { save } = read;
  let scenario = scenarios.find((s) => s.id === save.scenarioId);
  try {
    // As boot.ts's scenarioOf: an own scenario comes back from the text its save carries.
    if (!scenario && save.own) {
      if (save.own.text === undefined) return { verdict: `needs file ${save.own.file}`, threw: null };
      const loaded = loadScenario(save.own.text, save.own.file);
      if (!loaded.ok) return { verdict: `needs file ${save.own.file}`, threw: null };
      scenario = loaded.value;
    }
    if (!scenario) return { verdict: `corrupt: unknown scenario ${save.scenarioId}`, threw: null };
    const session = GameSession.start(scenario, save.config);
    for (const action of save.actions) {
      const r = session.act(action as Action);
      if (!r.ok) return { verdict: `corrupt: ${r.error}`, threw: null };
    }
    return { verdict: `restored ${session.actions.length} moves`, threw: null };
  } catch (error) {
    // continueSave catches this too, so the player is told; the test still wants a reason, not a TypeError.
    const message = error instanceof Error ? error.message : String(error);
    return { verdict: `corrupt: ${message}`, threw: message };
  }
}

describe('saves: readSave, then restore as continueSave does', () => {
  for (const e of entries) {
    it(`${e.file}: ${e.why}`, () => {
      const { verdict } = restore(readFileSync(join(FIXTURES, e.file), 'utf8'));
      expect(matches(e.expect, verdict), `expected /${e.expect}/i, got: ${verdict}`).toBe(true);
    });
  }
});
