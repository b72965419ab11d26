// The game's own screens are still pictures: once drawn, the render loop can sleep, so a
// classroom laptop is not redrawing an unchanged canvas sixty times a second. It wakes for
// every scene change, resize and return to the tab. Screens that animate are left running.
import type Phaser from 'phaser';

const STILL = new Set(['Title', 'Brief', 'Handover', 'Table', 'Reaction', 'Ratification', 'Debrief', 'ReplayViewer']);
const AWAKE_MS = 700;

let timer: ReturnType<typeof setTimeout> | undefined;

export function wake(game: Phaser.Game, scene: () => string | null): void {
  game.loop.wake();
  clearTimeout(timer);
  timer = setTimeout(() => {
    const key = scene();
    if (key !== null && STILL.has(key)) game.loop.sleep();
  }, AWAKE_MS);
}

export function watchIdle(game: Phaser.Game, scene: () => string | null): void {
  const again = () => wake(game, scene);
  window.addEventListener('resize', again);
  document.addEventListener('visibilitychange', again);
}
