import Phaser from 'phaser';
import { BASE, PALETTE } from './theme';
import { Boot } from './scenes/Boot';
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
  type: Phaser.AUTO,
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
  scene: [Boot, Preloader, Title, Brief, Handover, Table, Reaction, Ratification, Debrief, ReplayViewer],
};
