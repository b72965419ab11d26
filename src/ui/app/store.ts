// The UI's one piece of state: which game is on screen and how it is being viewed.
// Game state itself lives only in the session; this holds what is *not* game state
// (who is looking, which briefs were read, the replay step, the save status).
import type { Scenario } from '../../scenario/schema';
import { SIDES, type Ending, type Side } from '../../scenario/vocabulary';
import { GameSession, replayPrefix, type Action, type GameConfig, type ReplayFile } from '../../sim';
import { announce, announceAll } from '../a11y/live';
import { t } from '../i18n/t';
import { entryText, revealsOdds } from './narrate';
import { visibleLength } from './views';
import { SAVE_VERSION, writeSave, clearSave } from './save';
import type { LinkGame } from './link';
import type { ClassRow, Rejected } from '../class/intake';

/** The simulated games one group of students is placed against. */
export interface Reference {
  games: number;
  scores: Record<Side, number[]>;
  endings: Record<Ending, number>;
}

export interface ClassroomState {
  rows: ClassRow[];
  rejected: Rejected[];
  refGames: number;
  refs: Map<string, Reference>;
}

export type Mode =
  | { kind: 'none' }
  | { kind: 'play' }
  | { kind: 'replay'; replay: ReplayFile; file: string; step: number; total: number };

export type SaveStatus = 'idle' | 'saved' | 'unavailable';

class AppStore {
  scenario: Scenario | null = null;
  session: GameSession | null = null;
  mode: Mode = { kind: 'none' };
  /** The side whose private information is on screen now. */
  viewer: Side | null = null;
  briefed = new Set<Side>();
  /** Coaching notes of the guided first round (Easy) the player has closed. */
  coachDismissed = new Set<string>();
  saveStatus: SaveStatus = 'idle';
  /** What setup shows pre-selected (from a partly valid link); one object for the page's life. */
  readonly prefill: Partial<LinkGame> = {};
  /** The class view's files and comparison runs, kept for the page's life so switching tabs loses nothing. */
  readonly classroom: ClassroomState = { rows: [], rejected: [], refGames: 500, refs: new Map() };
  /** Messages for the title screen (a bad link, a corrupt save). */
  notices: { text: string; tone: 'warn' | 'ok' }[] = [];
  private narrated = 0;

  /** A message for the title screen; the store, not its callers, owns the list. */
  notice(text: string, tone: 'warn' | 'ok' = 'warn'): void {
    this.notices.push({ text, tone });
  }
  private listeners = new Set<() => void>();

  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed(): void {
    for (const fn of this.listeners) fn();
  }

  humanSides(): Side[] {
    const c = this.session?.state.config.controllers;
    return c ? SIDES.filter((s) => c[s] === 'human') : [];
  }

  get hotSeat(): boolean {
    return this.humanSides().length === 2;
  }

  get readOnly(): boolean {
    return this.mode.kind === 'replay';
  }

  /** A new game, or one re-simulated from saved actions. */
  begin(scenario: Scenario, session: GameSession, opts: { restored?: boolean } = {}): void {
    this.scenario = scenario;
    this.session = session;
    this.mode = { kind: 'play' };
    const humans = this.humanSides();
    this.viewer = humans.length === 1 ? humans[0]! : null;
    this.briefed = new Set(opts.restored ? humans : []);
    this.coachDismissed = new Set();
    this.narrated = 0;
    this.narrate();
    if (opts.restored) announce(t('save.restored', { moves: session.actions.length }));
    this.autosave();
    this.changed();
  }

  start(scenario: Scenario, config: GameConfig): void {
    this.begin(scenario, GameSession.start(scenario, config));
  }

  act(action: Action): { ok: true } | { ok: false; error: string } {
    if (!this.session || this.readOnly) return { ok: false, error: 'no game' };
    const result = this.session.act(action);
    if (result.ok) {
      this.narrate();
      this.autosave();
      this.changed();
    } else announce(result.error);
    return result;
  }

  markBriefed(side: Side): void {
    this.briefed.add(side);
    this.changed();
  }

  setViewer(side: Side): void {
    this.viewer = side;
    this.changed();
  }

  enterReplay(scenario: Scenario, replay: ReplayFile, file: string): void {
    this.scenario = scenario;
    this.mode = { kind: 'replay', replay, file, step: replay.actions.length, total: replay.actions.length };
    this.showStep(replay.actions.length);
  }

  showStep(step: number): void {
    if (this.mode.kind !== 'replay' || !this.scenario) return;
    const clamped = Math.max(0, Math.min(this.mode.total, step));
    this.mode = { ...this.mode, step: clamped };
    this.session = replayPrefix(this.scenario, this.mode.replay, clamped);
    const pending = this.session.pending;
    this.viewer = pending ?? this.humanSidesOf(this.session)[0] ?? 'japan';
    announce(t('replay.step', { step: clamped, total: this.mode.total }));
    this.changed();
  }

  /** "Continue from here": the replay's game, forked at this step, becomes a live game. */
  fork(): void {
    if (this.mode.kind !== 'replay' || !this.scenario || !this.session) return;
    const forked = replayPrefix(this.scenario, this.mode.replay, this.mode.step);
    this.begin(this.scenario, forked, { restored: true });
  }

  quit(): void {
    this.session = null;
    this.scenario = null;
    this.mode = { kind: 'none' };
    this.viewer = null;
    this.changed();
  }

  private humanSidesOf(session: GameSession): Side[] {
    const c = session.state.config.controllers;
    return SIDES.filter((s) => c[s] === 'human');
  }

  /** Reads every new log record aloud (politely) and into the visible narration. */
  private narrate(): void {
    if (!this.session || !this.scenario) return;
    const s = this.session;
    const upTo = visibleLength(s.state, s.phase, s.pending);
    if (upTo <= this.narrated) return;
    const fresh = s.state.log.slice(this.narrated, upTo).map((e) => entryText(this.scenario!, e, revealsOdds(s.state, this.readOnly)));
    this.narrated = upTo;
    announceAll(fresh);
  }

  private autosave(): void {
    if (!this.session || !this.scenario || this.readOnly) return;
    if (this.session.phase === 'ended') {
      clearSave();
      return;
    }
    const ok = writeSave({
      version: SAVE_VERSION,
      scenarioId: this.scenario.id,
      config: this.session.state.config,
      actions: [...this.session.actions],
    });
    const was = this.saveStatus;
    this.saveStatus = ok ? 'saved' : 'unavailable';
    if (!ok && was !== 'unavailable') announce(t('save.unavailable'));
  }
}

export const store = new AppStore();
