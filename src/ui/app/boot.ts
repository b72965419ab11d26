// What the page does on load: a shared link starts its game, a save can be continued,
// a corrupt save is set aside; whatever fails, the player lands on setup with a message.
import type { Scenario } from '../../scenario/schema';
import { otherSide, type Difficulty, type Side } from '../../scenario/vocabulary';
import { GameSession, type GameConfig } from '../../sim';
import { t } from '../i18n/t';
import { parseLink, type LinkGame, type Opponent } from './link';
import { quarantine, readSave, type SaveFile } from './save';
import { route } from './router';
import { store } from './store';
import { findScenario, scenarios } from './catalog';

export { findScenario, scenarios };

/** What setup should show pre-selected (from a partly valid link): the store's, under the name setup reads. */
export const prefill: Partial<LinkGame> = store.prefill;

export function makeConfig(scenario: Scenario, side: Side, opponent: Opponent, difficulty: Difficulty | null, seed: string): GameConfig {
  return {
    scenarioId: scenario.id,
    seed,
    controllers: { [side]: 'human', [otherSide(side)]: opponent === 'human' ? 'human' : 'computer' } as GameConfig['controllers'],
    difficulty: difficulty ?? scenario.defaults.difficulty,
    strategy: { japan: 'grounded', russia: 'grounded' },
  };
}

/** Re-simulates a save; on any failure the save is set aside and the player told. */
export function continueSave(save: SaveFile): boolean {
  const scenario = findScenario(save.scenarioId);
  try {
    if (!scenario) throw new Error(`unknown scenario ${save.scenarioId}`);
    const session = GameSession.start(scenario, save.config);
    for (const action of save.actions) {
      const r = session.act(action);
      if (!r.ok) throw new Error(r.error);
    }
    store.begin(scenario, session, { restored: true });
    return true;
  } catch {
    const key = quarantine();
    store.notice(t('save.corrupt', { key: key ?? '—' }));
    return false;
  }
}

const sameGame = (save: SaveFile, g: LinkGame): boolean =>
  save.scenarioId === g.scenarioId &&
  save.config.seed === g.seed &&
  save.config.controllers[g.side] === 'human' &&
  (save.config.controllers[otherSide(g.side)] === 'human') === (g.opponent === 'human') &&
  (g.difficulty === null || save.config.difficulty === g.difficulty);

export function boot(): void {
  try {
    const saved = readSave();
    if (saved.kind === 'corrupt') {
      const key = saved.reason === 'unreadable' ? 'save.corrupt' : saved.reason === 'newer' ? 'save.newer' : 'save.older';
      store.notice(t(key, { key: saved.backupKey ?? '—' }));
    }
    const link = parseLink(window.location.search, scenarios().map((s) => s.id));
    if (link.kind === 'ok') {
      // Reloading a shared link mid-game continues it rather than starting over.
      if (saved.kind === 'ok' && sameGame(saved.save, link.game) && continueSave(saved.save)) return;
      const scenario = findScenario(link.game.scenarioId)!;
      store.start(scenario, makeConfig(scenario, link.game.side, link.game.opponent, link.game.difficulty, link.game.seed));
      return;
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
