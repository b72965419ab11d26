// The shared page furniture every scene draws: paper, a header band, a footer, DOM panels.
import Phaser from 'phaser';
import { BASE, FONTS, PALETTE, TEXT, hex } from '../theme';
import { h } from '../dom/el';
import { store } from '../app/store';
import { t, sx } from '../i18n/t';
import { button } from './button';
import { replayBar } from './replay-bar';
import { announce } from '../a11y/live';
import { downloadText } from '../app/download';
import { saveFileName, saveFileText } from '../app/save';
import { place } from './placed';
import { sideName } from '../app/narrate';
import type { Turn } from '../app/views';
import type { Side } from '../../scenario/vocabulary';

export function paper(scene: Phaser.Scene): void {
  const g = scene.add.graphics();
  g.fillStyle(hex(PALETTE.navy), 1).fillRect(0, 0, BASE.width, BASE.height);
  g.fillStyle(hex(PALETTE.paper), 1).fillRect(12, 12, BASE.width - 24, BASE.height - 52);
  // A faint ruled grid, like a dossier page; it also marks the layout's columns.
  g.lineStyle(1, hex(PALETTE.paperDeep), 1);
  for (let y = 96; y < BASE.height - 48; y += 32) g.lineBetween(24, y, BASE.width - 24, y);
}

export function header(scene: Phaser.Scene, title: string, right = ''): void {
  const g = scene.add.graphics();
  g.fillStyle(hex(PALETTE.navy), 1).fillRect(12, 12, BASE.width - 24, 52);
  g.fillStyle(hex(PALETTE.vermilion), 1).fillRect(12, 64, BASE.width - 24, 3);
  const left = scene.add.text(BASE.margin, 22, sx(title), { ...TEXT.h2, color: PALETTE.paper });
  const info = scene.add
    .text(BASE.width - BASE.margin, 26, sx(right), { fontFamily: FONTS.sans, fontSize: '17px', color: PALETTE.paper })
    .setOrigin(1, 0);
  // A long heading and a long round line (Russian runs longer) must not run into each other:
  // the round line takes the room left, on two lines of 16px if it must (never smaller).
  const room = BASE.width - BASE.margin - (left.x + left.width) - 24;
  if (info.width > room) {
    info.setFontSize(16).setWordWrapWidth(Math.max(room, 200), true).setAlign('right').setLineSpacing(-2);
    info.setY(38 - info.height / 2);
  }
}

/** A DOM panel at game coordinates; Phaser scales it with the canvas and removes it with the scene. */
export function panel(
  scene: Phaser.Scene,
  x: number,
  y: number,
  w: number,
  hgt: number,
  opts: { scroll?: boolean; testid?: string; label?: string } = {},
): HTMLDivElement {
  const div = h('div', { class: opts.scroll ? 'panel scroll' : 'panel', testid: opts.testid, role: opts.label ? 'region' : undefined, 'aria-label': opts.label });
  div.style.width = `${w}px`;
  div.style.height = `${hgt}px`;
  place(scene, x, y, div);
  return div;
}

/** Footer: seed, save status, the log toggle; and the replay controls when replaying. */
function saveStatusText(): string {
  return store.readOnly ? t('replay.readOnly')
      : store.saveStatus === 'unavailable' ? t('save.notSaved')
        : store.saveStatus === 'full' ? t('save.notSavedFull')
          : store.saveStatus === 'conflict' ? t('save.notSavedConflict')
            : t('save.saved');
}

/** Rewrites the footer's status in place (another tab moved the game on): no scene redraw, no lost half-made offer. */
export function refreshFooterStatus(): void {
  const el = document.querySelector('[data-testid="footer-status"]');
  const s = store.session;
  if (el && s && !store.readOnly && !store.net) el.textContent = t('common.footer', { seed: s.state.config.seed, save: saveStatusText() });
}

export function footer(scene: Phaser.Scene): void {
  const s = store.session;
  const status = saveStatusText();
  const div = panel(scene, 24, BASE.height - 39, BASE.width - 48, 36);
  div.classList.add('footer');
  const net = store.net?.statusLine() ?? null;
  const left = h('span', { testid: 'footer-status' }, net ?? (store.readOnly ? status : s ? t('common.footer', { seed: s.state.config.seed, save: status }) : ''));
  const logBtn = button(t('common.log'), () => toggleNarration(), { kind: 'secondary', testid: 'toggle-log' });
  // Phaser sets the DOM element's own display, so the row lays out inside it.
  // When saving fails, the save can still be kept: as a file.
  const keep = !store.readOnly && s && (store.saveStatus === 'full' || store.saveStatus === 'unavailable')
    ? button(t('save.download'), () => downloadCurrentSave(), { kind: 'secondary', testid: 'footer-download-save' })
    : '';
  div.append(h('div', { class: 'footer-row' }, left, replayBar() ?? '', h('span', {}, keep, logBtn)));
}

/** Downloads the game on screen as a save file, and says where it went. */
export function downloadCurrentSave(): void {
  const save = store.currentSave();
  if (!save) return;
  const name = saveFileName(save);
  downloadText(name, saveFileText(save));
  announce(t('save.downloaded', { file: name }));
}

export function toggleNarration(): void {
  const aside = document.getElementById('narration');
  if (!aside) return;
  const open = aside.classList.toggle('open');
  if (open) {
    aside.focus();
    aside.scrollTop = aside.scrollHeight;
  }
}

/** Moves keyboard focus into the scene: the element marked data-autofocus, else the first control. */
export function focusFirst(root: ParentNode = document.getElementById('game') ?? document): void {
  requestAnimationFrame(() => {
    if (document.querySelector('dialog[open]')) return;
    const target =
      root.querySelector<HTMLElement>('[data-autofocus]:not(:disabled)') ??
      root.querySelector<HTMLElement>('.panel button:not(:disabled), .panel select:not(:disabled), .panel input:not(:disabled)');
    target?.focus({ preventScroll: true });
    target?.scrollIntoView({ block: 'nearest' });
  });
}

/** The line under a screen's controls when they are not live: the other side's move, or the viewer's own still on its way to the server. */
export function turnNote(turn: Turn, pending: Side | null): HTMLElement | null {
  if (turn === 'sending') return h('p', { class: 'msg ok', testid: 'turn-note' }, t('table.sending'));
  if (turn === 'theirs' && pending) return h('p', { class: 'msg ok', testid: 'turn-note' }, t('table.waiting', { side: sideName(pending) }));
  return null;
}
