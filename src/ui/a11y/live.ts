// The screen-reader narration beside the canvas: a polite live region plus a visible,
// scrollable text log of everything that happened, so the story is readable without the canvas.
const MAX_LOG = 200;

function region(): HTMLElement | null {
  return document.getElementById('live');
}

export function announce(text: string): void {
  const live = region();
  if (!live) return;
  const p = document.createElement('p');
  p.textContent = text;
  live.appendChild(p);
  while (live.childElementCount > MAX_LOG) live.firstElementChild?.remove();
}

/** Puts `text` in a status line on screen and reads it out. */
export function setStatus(status: HTMLElement, text: string): void {
  status.textContent = text;
  announce(text);
}

export function announceAll(lines: string[]): void {
  for (const line of lines) announce(line);
}

export function clearNarration(): void {
  const live = region();
  if (live) live.textContent = '';
}
