// Which scene shows the session now: derived from the snapshot and the UI store, never stored.
import type Phaser from 'phaser';
import { store } from './store';
import { wake, watchIdle } from './idle';
import { showSceneFailed } from './scene-failed';

export type SceneKey =
  | 'Title'
  | 'Brief'
  | 'Handover'
  | 'Table'
  | 'Reaction'
  | 'Ratification'
  | 'Debrief'
  | 'ReplayViewer'
  | 'ClassView'
  | 'ChanceLab'
  | 'LinkBuilder'
  | 'TeacherGuide'
  | 'Match'
  | 'Lobby'
  | 'LiveClass';

export function targetScene(): SceneKey {
  const s = store.session;
  // Hosting or joining a match: its code and link until the friend has taken the other seat.
  if (store.net && !s) return 'Match';
  if (store.lobby && !s) return 'Lobby';
  if (store.mode.kind === 'none' || !s) return 'Title';
  if (s.phase === 'ended') return 'Debrief';
  if (store.mode.kind === 'play') {
    const pending = s.pending;
    if (store.hotSeat && pending && store.viewer !== pending) return 'Handover';
    const viewer = store.viewer;
    if (viewer && !store.briefed.has(viewer)) return 'Brief';
  }
  switch (s.phase) {
    case 'ministerTalks':
    case 'summit':
      return 'Table';
    case 'publicReaction':
      return 'Reaction';
    case 'ratification':
      return 'Ratification';
  }
  return 'Title';
}

/**
 * Scenes whose code loads on first use (the classroom's). The page's entry point hands
 * them in, so the router never imports the scenes that import it.
 */
export interface LazyScenes {
  has(key: SceneKey): boolean;
  load(game: Phaser.Game, key: SceneKey): Promise<void>;
}

let game: Phaser.Game | null = null;
let lazy: LazyScenes = { has: () => false, load: () => Promise.resolve() };
let current: SceneKey | null = null;
let requested: SceneKey | null = null;

let renders = 0;

export function currentScene(): string | null {
  return current;
}

/** How many scenes have finished drawing: tests wait on it instead of on the clock. */
export function renderCount(): number {
  return renders;
}

export function attachRouter(g: Phaser.Game, lazyScenes?: LazyScenes): void {
  game = g;
  if (lazyScenes) lazy = lazyScenes;
  watchIdle(g, currentScene);
  store.onChange(() => route());
}

/** Shows `key` (or the scene the state calls for), restarting it if it is already up. */
export function route(key: SceneKey = targetScene()): void {
  if (!game) return;
  requested = key;
  if (lazy.has(key) && !game.scene.getScene(key)) {
    const g = game;
    void lazy.load(g, key).then(() => {
      if (requested === key) route(key);
    });
    return;
  }
  // Let the current DOM event finish before scenes tear their DOM down.
  queueMicrotask(() => {
    if (!game || requested === null) return;
    const next = requested;
    requested = null;
    for (const scene of game.scene.getScenes(true)) {
      const k = scene.sys.settings.key;
      if (k !== next && k !== 'Preloader') game.scene.stop(k);
    }
    current = next;
    game.scene.getScene(next)?.events.once('create', () => {
      renders += 1;
    });
    try {
      game.scene.start(next);
    } catch (error) {
      // Phaser leaves a scene whose create() threw as "creating" and ignores every later start
      // of it: the screen would freeze for good. Stop it, so the next change draws it again, and
      // say so.
      game.scene.stop(next);
      showSceneFailed(error);
    }
    wake(game, currentScene);
  });
}
