import type Phaser from 'phaser';

/**
 * Files from a file input and from a drop anywhere on the page, handed to
 * `take`. The drop zone is marked while files are dragged over the page;
 * the document listeners go when the scene shuts down.
 */
export function acceptFiles(scene: Phaser.Scene, input: HTMLInputElement, zone: HTMLElement, take: (files: File[]) => void): void {
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length > 0) take(files);
  });
  const over = (e: DragEvent) => {
    e.preventDefault();
    zone.classList.add('over');
  };
  const leave = () => zone.classList.remove('over');
  const drop = (e: DragEvent) => {
    e.preventDefault();
    leave();
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length > 0) take(files);
  };
  document.addEventListener('dragover', over);
  document.addEventListener('dragleave', leave);
  document.addEventListener('drop', drop);
  scene.events.once('shutdown', () => {
    document.removeEventListener('dragover', over);
    document.removeEventListener('dragleave', leave);
    document.removeEventListener('drop', drop);
  });
}
