import Phaser from 'phaser';
import { BASE, PALETTE } from './theme';
import { Preloader } from './scenes/Preloader';
import { Title } from './scenes/Title';
import { Brief } from './scenes/Brief';
import { Handover } from './scenes/Handover';
import { Table } from './scenes/Table';
import { Reaction } from './scenes/Reaction';
import { Ratification } from './scenes/Ratification';
import { Debrief } from './scenes/Debrief';
import { ReplayViewer } from './scenes/ReplayViewer';

export const gameConfig: Phaser.Types.Core.GameConfig = {
  // The canvas renderer: the game draws static 2D pictures (map, charts, meters) and needs no
  // shaders, and on classroom machines without a usable GPU (and in headless tests) software
  // WebGL redraws about seven times slower than Canvas 2D.
  type: Phaser.CANVAS,
  parent: 'game',
  backgroundColor: PALETTE.navy,
  width: BASE.width,
  height: BASE.height,
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
  dom: { createContainer: true },
  // The DOM handles every key, so Phaser must not swallow any.
  input: { keyboard: false },
  audio: { noAudio: true },
  banner: false,
  // The classroom scenes are added on first use (src/ui/class/scenes.ts).
  // The Preloader is the first scene: it waits for the faces and the scenario files, then boots the app.
  scene: [Preloader, Title, Brief, Handover, Table, Reaction, Ratification, Debrief, ReplayViewer],
};
