// Which scene shows the session now: derived from the snapshot and the UI store, never stored.
import type Phaser from 'phaser';
import { store, type LazyScenes, type SceneKey } from './store';
import { watchIdle } from './idle';
import { showSceneFailed } from './scene-failed';

export type { SceneKey, LazyScenes } from './store';

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

const screen = store.screen;

export function currentScene(): string | null {
  return screen.current;
}

/** How many scenes have finished drawing: tests wait on it instead of on the clock. */
export function renderCount(): number {
  return screen.renders;
}

export function attachRouter(g: Phaser.Game, lazyScenes?: LazyScenes): void {
  screen.game = g;
  if (lazyScenes) screen.lazy = lazyScenes;
  screen.wake = watchIdle(g, currentScene);
  store.onChange(() => route());
}

/** Shows `key` (or the scene the state calls for), restarting it if it is already up. */
export function route(key: SceneKey = targetScene()): void {
  const game = screen.game;
  if (!game) return;
  screen.requested = key;
  if (screen.lazy.has(key) && !game.scene.getScene(key)) {
    void screen.lazy.load(game, key).then(() => {
      if (screen.requested === key) route(key);
    });
    return;
  }
  // Let the current DOM event finish before scenes tear their DOM down.
  queueMicrotask(() => {
    const next = screen.requested;
    if (next === null) return;
    screen.requested = null;
    for (const scene of game.scene.getScenes(true)) {
      const k = scene.sys.settings.key;
      if (k !== next && k !== 'Preloader') game.scene.stop(k);
    }
    screen.current = next;
    game.scene.getScene(next)?.events.once('create', () => {
      screen.renders += 1;
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
    screen.wake();
  });
}
