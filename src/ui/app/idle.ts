// The game's own screens are still pictures: once drawn, the render loop can sleep, so a
// classroom laptop is not redrawing an unchanged canvas sixty times a second. It wakes for
// every scene change, resize and return to the tab. Screens that animate are left running.
import Phaser from 'phaser';

// The classroom screens are DOM over a still paper: a running loop there only took a core
// from the chance lab's worker (10,000 games took ~2-3x Node's time on two busy cores).
const STILL = new Set(['Title', 'Brief', 'Handover', 'Table', 'Reaction', 'Ratification', 'Debrief', 'ReplayViewer', 'ClassView', 'ChanceLab', 'LinkBuilder', 'TeacherGuide', 'Match', 'Lobby', 'LiveClass']);
/**
 * Frames drawn after a wake before the loop may sleep. A scene started by the router is
 * created and drawn on the next step; the second frame draws what its create() left to an
 * animation frame (the title's map), since Phaser asks for its next frame after its step.
 * Each frame more redraws the whole canvas, about 6 ms of the page's CPU per move here: the
 * loop used to stay up 700 ms (about 40 redraws of the map per move), then four frames.
 */
const FRAMES_AWAKE = 2;
/** A scene still loading (fonts, a lazy chunk) keeps the loop up; this bounds how long. */
const LONGEST_AWAKE_MS = 2000;

/**
 * Lets `game`'s loop sleep on still screens, waking it on resize and on return to the tab;
 * returns the wake the router calls after each scene change. Its counters belong to this game.
 */
export function watchIdle(game: Phaser.Game, scene: () => string | null): () => void {
  let frames = 0;
  let since = 0;
  game.events.on(Phaser.Core.Events.POST_RENDER, () => {
    frames += 1;
    if (frames < FRAMES_AWAKE) return;
    const key = scene();
    if (key === null || !STILL.has(key)) return;
    // The router has a scene change queued (it wakes again then), or the scene has not drawn yet.
    const active = game.scene.getScene(key)?.sys.settings.active ?? false;
    if (active || performance.now() - since > LONGEST_AWAKE_MS) game.loop.sleep();
  });
  const wake = (): void => {
    frames = 0;
    since = performance.now();
    game.loop.wake();
  };
  window.addEventListener('resize', wake);
  document.addEventListener('visibilitychange', wake);
  return wake;
}
