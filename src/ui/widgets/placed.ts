// A DOM element at game coordinates, scaled with the canvas and removed with the scene.
import Phaser from 'phaser';

/**
 * Phaser's DOMElement reads the element's clientWidth and clientHeight as it is
 * added, which makes the browser lay out the whole page once per element: with a
 * table's panels and its meters' buttons that was the largest single cost of a
 * scene change (13% of the page's CPU over a campaign, measured with the Chromium
 * profiler). Every element placed here is sized by its inline style, so its size
 * is read from there, and the page is laid out once, when it is drawn.
 */
class PlacedElement extends Phaser.GameObjects.DOMElement {
  override updateSize(): this {
    const style = (this.node as HTMLElement).style;
    // Phaser's typings mark these read-only; its own updateSize writes them just so.
    const size = this as unknown as { width: number; height: number; displayWidth: number; displayHeight: number };
    size.width = Number.parseFloat(style.width) || 0;
    size.height = Number.parseFloat(style.height) || 0;
    size.displayWidth = size.width * this.scaleX;
    size.displayHeight = size.height * this.scaleY;
    return this;
  }
}

/** Places `el` with its top left corner at (x, y) in game coordinates. */
export function place(scene: Phaser.Scene, x: number, y: number, el: HTMLElement): void {
  scene.add.existing(new PlacedElement(scene, x, y, el).setOrigin(0, 0));
}
