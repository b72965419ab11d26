// Messages between the classroom scenes and the batch worker (plain, cloneable data).
import type { Strategy } from '../../scenario/vocabulary';
import type { GameSummary } from '../../sim/index';
import type { Intake } from './intake';

export type ToWorker =
  | { type: 'batch'; job: number; scenarioId: string; strategy: Strategy; games: number; progressEvery?: number }
  | { type: 'verify'; job: number; files: { name: string; text: string }[] };

export type FromWorker =
  | { type: 'progress'; job: number; done: number; total: number }
  | { type: 'batchDone'; job: number; games: GameSummary[]; seconds: number }
  | { type: 'verified'; job: number; index: number; result: Intake }
  | { type: 'verifyDone'; job: number }
  | { type: 'error'; job: number; message: string };

export const MAX_GAMES = 10_000;
export const PROGRESS_EVERY = 50;
