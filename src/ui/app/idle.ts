// The game's own screens are still pictures: once drawn, the render loop can sleep, so a
// classroom laptop is not redrawing an unchanged canvas sixty times a second. It wakes for
// every scene change, resize and return to the tab. Screens that animate are left running.
import type Phaser from 'phaser';

// The classroom screens are DOM over a still paper: a running loop there only took a core
// from the chance lab's worker (10,000 games took ~2-3x Node's time on two busy cores).
const STILL = new Set(['Title', 'Brief', 'Handover', 'Table', 'Reaction', 'Ratification', 'Debrief', 'ReplayViewer', 'ClassView', 'ChanceLab', 'LinkBuilder', 'TeacherGuide']);
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
