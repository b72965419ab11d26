// What the page does on load: a shared link starts its game (or continues it), saves can be
// continued, a corrupt save is set aside; whatever fails, the player lands on setup with a message.
import { addOwnScenario } from '../../scenario/registry';
import type { Scenario } from '../../scenario/schema';
import { otherSide, type Difficulty, type Side } from '../../scenario/vocabulary';
import { GameSession, type GameConfig } from '../../sim';
import { t, tk } from '../i18n/t';
import { parseLink, type LinkGame, type Opponent } from './link';
import { listSaves, quarantine, readKey, slotKey, type ReadResult, type SaveFile } from './save';
import { route } from './router';
import { store } from './store';
import { findScenario, scenarios } from './catalog';

export { findScenario, scenarios };

/** What setup should show pre-selected (from a partly valid link): the store's, under the name setup reads. */
export const prefill: Partial<LinkGame> = store.prefill;

export type { SlotClash } from './store';

export function makeConfig(scenario: Scenario, side: Side, opponent: Opponent, difficulty: Difficulty | null, seed: string): GameConfig {
  return {
    scenarioId: scenario.id,
    seed,
    controllers: { [side]: 'human', [otherSide(side)]: opponent === 'human' ? 'human' : 'computer' } as GameConfig['controllers'],
    difficulty: difficulty ?? scenario.defaults.difficulty,
    strategy: { japan: 'grounded', russia: 'grounded' },
  };
}

export type ContinueResult = { kind: 'ok' } | { kind: 'needsFile'; file: string } | { kind: 'corrupt'; backupKey: string | null };

/**
 * The scenario a save was played on. An own scenario's text travels with
 * its save: it is validated again and added, as if the teacher had loaded it.
 */
async function scenarioOf(save: SaveFile): Promise<Scenario | { needsFile: string } | null> {
  const known = findScenario(save.scenarioId);
  if (known) return known;
  if (!save.own) return null;
  if (save.own.text === undefined) return { needsFile: save.own.file };
  const { loadScenario } = await import('../../scenario/load');
  const loaded = loadScenario(save.own.text, save.own.file);
  if (!loaded.ok || loaded.value.id !== save.scenarioId) return { needsFile: save.own.file };
  addOwnScenario(loaded.value, { file: save.own.file, text: save.own.text });
  return loaded.value;
}

/**
 * Re-simulates a save. A save whose own scenario is not loaded is not
 * corrupt: the player is told which file to load. Any other failure sets the
 * save aside (copied first, removed only once the copy is safe) and says so truthfully.
 */
export async function continueSave(key: string, save: SaveFile, fromFile?: string): Promise<ContinueResult> {
  try {
    const scenario = await scenarioOf(save);
    if (scenario && 'needsFile' in scenario) {
      store.notice(t('save.needsFile', { file: scenario.needsFile }), 'warn');
      return { kind: 'needsFile', file: scenario.needsFile };
    }
    if (!scenario) throw new Error(`unknown scenario ${save.scenarioId}`);
    const session = GameSession.start(scenario, save.config);
    for (const action of save.actions) {
      const r = session.act(action);
      if (!r.ok) throw new Error(r.error);
    }
    await store.chooseSideLangs(save.langs ?? {});
    store.begin(scenario, session, { restored: true });
    return { kind: 'ok' };
  } catch (error) {
    if (fromFile !== undefined) {
      // A file the player chose: nothing in storage to set aside; say what is wrong with the file.
      const problem = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      store.notice(t('save.loadProblem', { file: fromFile, problem }), 'warn');
      return { kind: 'corrupt', backupKey: null };
    }
    if (save.own && findScenario(save.scenarioId)) {
      // The own scenario is loaded but its moves no longer fit: another version of the file.
      store.notice(t('save.changedFile', { file: save.own.file }), 'warn');
      return { kind: 'needsFile', file: save.own.file };
    }
    const backupKey = quarantine(key);
    store.notice(backupKey ? t('save.corrupt', { key: backupKey }) : t('save.corruptStuck', { key }), 'warn');
    return { kind: 'corrupt', backupKey };
  }
}

/** The words for a save set aside, true to what happened to it. */
export function corruptNotice(r: Extract<ReadResult, { kind: 'corrupt' }>): string {
  if (r.backupKey === null) return t('save.corruptStuck', { key: r.key });
  const key = r.reason === 'unreadable' ? 'save.corrupt' : r.reason === 'newer' ? 'save.newer' : 'save.older';
  return t(key, { key: r.backupKey });
}

/** Same slot, same difficulty: the link is this very game, so it continues rather than starting over. */
const sameGame = (save: SaveFile, config: GameConfig): boolean =>
  save.scenarioId === config.scenarioId && save.config.seed === config.seed && save.config.difficulty === config.difficulty &&
  save.config.controllers.japan === config.controllers.japan && save.config.controllers.russia === config.controllers.russia;

/**
 * Starts `config` unless its slot holds another game in progress; then the
 * title asks first (continue it, or start over). True when a game is on.
 */
export async function startOrAsk(scenario: Scenario, config: GameConfig, from: 'link' | 'setup', anyDifficulty = false): Promise<boolean> {
  const key = slotKey(config);
  const existing = readKey(key);
  if (existing.kind === 'ok' && existing.save.actions.length > 0) {
    // A link without a difficulty names the game whatever difficulty it is played on.
    if (from === 'link' && sameGame(existing.save, anyDifficulty ? { ...config, difficulty: existing.save.config.difficulty } : config)) {
      // Reloading a shared link mid-game continues it.
      if ((await continueSave(key, existing.save)).kind === 'ok') return true;
      return false;
    }
    store.clash = { key, save: existing.save, from, replace: () => store.start(scenario, config) };
    return false;
  }
  if (existing.kind === 'corrupt') store.setAside.push(existing);
  store.start(scenario, config);
  return true;
}

/**
 * A save loaded from a file: it continues, unless its slot holds another
 * state of the same game here; then the title asks before replacing it.
 */
export async function continueFromFile(save: SaveFile, file: string): Promise<boolean> {
  const key = slotKey(save.config);
  const existing = readKey(key);
  const same = existing.kind === 'ok' && JSON.stringify(existing.save.actions) === JSON.stringify(save.actions);
  if (existing.kind === 'ok' && existing.save.actions.length > 0 && !same) {
    store.clash = { key, save: existing.save, from: 'file', replace: async () => void (await continueSave(key, save, file)) };
    return false;
  }
  return (await continueSave(key, save, file)).kind === 'ok';
}

export const difficultyWords = (save: SaveFile): string => t('save.existsDifficulty', { difficulty: tk(`difficulty.${save.config.difficulty}`) });

/** The saves found unreadable since the title last showed them (held by the store), handed over once. */
export const takeSetAside = (): Extract<ReadResult, { kind: 'corrupt' }>[] => store.setAside.splice(0);

/** Whether the game's own server served this page (it marks it): it holds matches across devices; a static copy does not. */
const servedWithRooms = (): boolean => document.querySelector('meta[name="up-server"][content="rooms"]') !== null;

export async function boot(): Promise<void> {
  store.netAvailable = servedWithRooms();
  // Its English first: the title offers a friend on another device as an opponent.
  if (store.netAvailable) await import('../net/texts');
  const match = new URLSearchParams(window.location.search).get('match');
  if (match !== null) {
    if (store.netAvailable && (await (await import('../net/screens')).joinFromLink(match))) return;
    if (!store.netAvailable) {
      await import('../net/texts');
      store.notice(t('net.joinFailed', { code: match, reason: t('net.noServer') }));
    }
    route();
    return;
  }
  try {
    // Reading the list moves an old single save into its slot and sets corrupt ones aside.
    store.setAside = listSaves().corrupt;
    const link = parseLink(window.location.search, scenarios().map((s) => s.id));
    if (link.kind === 'ok') {
      const g = link.game;
      const scenario = findScenario(g.scenarioId)!;
      const config = makeConfig(scenario, g.side, g.opponent, g.difficulty, g.seed);
      if (await startOrAsk(scenario, config, 'link', g.difficulty === null)) return;
      Object.assign(store.prefill, g);
    }
    if (link.kind === 'bad') {
      Object.assign(store.prefill, link.partial);
      store.notice(t('link.bad', { problems: link.problems.join('; ') }));
    }
  } catch (err) {
    store.notice(t('app.loadFailed', { error: err instanceof Error ? err.message : String(err) }));
  }
  route();
}
