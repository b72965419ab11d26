import Phaser from 'phaser';

/** Starts before anything else is loaded: nothing to show yet but the navy ground. */
export class Boot extends Phaser.Scene {
  constructor() {
    super('Boot');
  }

  create(): void {
    performance.mark('up:boot');
    this.scene.start('Preloader');
  }
}
