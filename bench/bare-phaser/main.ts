// The loading baseline for `npm run bench`: the same Phaser chunk and game size as the
// game, one empty scene, nothing of ours. Built by bench/vite.config.ts, never into dist/.
import Phaser from 'phaser';

class Empty extends Phaser.Scene {
  constructor() {
    super('Empty');
  }

  create(): void {
    (window as unknown as { __bare: { created: number } }).__bare = { created: performance.now() };
  }
}

new Phaser.Game({
  type: Phaser.AUTO,
  parent: 'game',
  backgroundColor: '#1b2a41',
  width: 1280,
  height: 720,
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
  dom: { createContainer: true },
  input: { keyboard: false },
  audio: { noAudio: true },
  banner: false,
  scene: [Empty],
});
