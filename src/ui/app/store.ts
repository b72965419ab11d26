// The UI's one piece of state: which game is on screen and how it is being viewed.
// Game state itself lives only in the session; this holds what is *not* game state
// (who is looking, which briefs were read, the replay step, the save status).
import type Phaser from 'phaser';
import type { Scenario } from '../../scenario/schema';
import { SIDES, type Ending, type Side } from '../../scenario/vocabulary';
import { GameSession, replayPrefix, visibleLength, type Action, type GameConfig, type PlaySession, type ReplayFile } from '../../sim';
import type { Dashboard, SeatInfo } from '../../net/protocol';
import { announce, announceAll } from '../a11y/live';
import { t, setActiveLang, hasLang } from '../i18n/t';
import type { Lang } from '../../scenario/i18n';
import { initialLang, rememberLang } from './lang-choice';
import { scenarios } from './catalog';
import { entryText, revealsOdds } from './narrate';
import { SAVE_VERSION, SLOT_PREFIX, clearSave, parseSave, readKey, slotKey, writeSave, type ReadResult, type SaveFile } from './save';
import { ownSourceOf } from '../../scenario/registry';
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
  /** The seed the teacher gave the class, when they say: files on another seed are flagged. */
  classSeed: string;
  /** Replay files handed over from elsewhere (a live class's server), taken in when the class view opens. */
  incoming: File[];
}

export type Mode =
  | { kind: 'none' }
  | { kind: 'play' }
  | { kind: 'replay'; replay: ReplayFile; file: string; step: number; total: number };

/** A match with a friend on another device that this page takes part in (src/ui/net/remote.ts). */
export interface NetMatch {
  code: string;
  /** The side this browser plays. */
  side: Side;
  seats: Record<Side, SeatInfo> | null;
  /** The address the friend's device opens. */
  link: string;
  /** False when the server knows no network address: the link then works on this computer only. */
  lanLink: boolean;
  status: 'connected' | 'reconnecting' | 'lost';
  /** A class's match the teacher has paused, or ended. */
  paused?: boolean;
  stopped?: boolean;
  /** The footer's line: the code and how the friend's seat is (the seed stays secret until the end). */
  statusLine(): string;
  leave(): void;
}

/** A student waiting in a class's lobby until the teacher seats them (src/ui/net/remote.ts). */
export interface ClassLobby {
  code: string;
  name: string;
  status: 'waiting' | 'reconnecting';
  leave(): void;
}

/** What a teacher's dashboard shows (the server's class room sends it after every change). */
export type DashboardView = Dashboard;

/** A class this page is the teacher of. */
export interface TeachingClass {
  code: string;
  /** The link students open (the server's network address). */
  link: string;
  dashboard: DashboardView | null;
  command(c: { kind: 'seat' | 'pause' | 'resume' | 'replays' } | { kind: 'stop'; match: string }): void;
  /** Called with each new dashboard; returns the unsubscribe. */
  onDashboard(fn: (d: DashboardView) => void): () => void;
  /** Every match's replay file, fetched from the server. */
  replays(): Promise<{ match: string; file: string; text: string }[]>;
  close(): void;
}

/** What the last autosave did: kept, refused for lack of room, refused by the browser, or held back because another tab moved this game on. */
export type SaveStatus = 'idle' | 'saved' | 'full' | 'unavailable' | 'conflict';

/**
 * A game that would go into a slot already holding another: the title asks
 * before anything is replaced (a link, New game with the same scenario, seed
 * and sides, a save file, "continue from here" in a replay).
 */
export interface SlotClash {
  key: string;
  /** The game in progress the slot holds. */
  save: SaveFile;
  from: 'link' | 'setup' | 'file';
  /** What "start over" does once the player has said so. */
  replace: () => Promise<void> | void;
}

/** This tab's game, changed by another tab: how far it got there. */
export interface TabConflict {
  key: string;
  moves: number | null;
  ended: boolean;
}

/** The page's scenes, by key: the router (src/ui/app/router.ts) shows one at a time. */
export type SceneKey =
  | 'Title'
  | 'Brief'
  | 'Handover'
  | 'Table'
  | 'Reaction'
  | 'Ratification'
  | 'Debrief'
  | 'ReplayViewer'
  | 'ClassView'
  | 'ChanceLab'
  | 'LinkBuilder'
  | 'TeacherGuide'
  | 'Match'
  | 'Lobby'
  | 'LiveClass';

/**
 * Scenes whose code loads on first use (the classroom's). The page's entry point hands
 * them in, so the router never imports the scenes that import it.
 */
export interface LazyScenes {
  has(key: SceneKey): boolean;
  load(game: Phaser.Game, key: SceneKey): Promise<void>;
}

/** What the router drives and where it has got to (src/ui/app/router.ts). */
export interface Screen {
  /** The Phaser game, once the page has one (attachRouter). */
  game: Phaser.Game | null;
  lazy: LazyScenes;
  /** Wakes the game's render loop (src/ui/app/idle.ts). */
  wake: () => void;
  /** The scene on screen, or being started. */
  current: SceneKey | null;
  /** A scene change waiting for the current DOM event to finish. */
  requested: SceneKey | null;
  /** How many scenes have finished drawing: tests wait on it instead of on the clock. */
  renders: number;
}

class AppStore {
  scenario: Scenario | null = null;
  session: PlaySession | null = null;
  /** Set while this page plays a match against a friend on another device: the game lives on the server. */
  net: NetMatch | null = null;
  /** A student in a class's lobby, before the teacher seats them. */
  lobby: ClassLobby | null = null;
  /** The live class this page teaches (kept while the teacher moves between the classroom's tabs). */
  teach: TeachingClass | null = null;
  /** Whether this page was served by the game's own server (npm start), which also holds matches across devices; a static copy has none. */
  netAvailable = false;
  mode: Mode = { kind: 'none' };
  /** Which scene is up, and the game that draws it (kept by src/ui/app/router.ts). */
  readonly screen: Screen = { game: null, lazy: { has: () => false, load: () => Promise.resolve() }, wake: () => undefined, current: null, requested: null, renders: 0 };
  /** The side whose private information is on screen now. */
  viewer: Side | null = null;
  briefed = new Set<Side>();
  /** Coaching notes of the guided first round (Easy) the player has closed. */
  coachDismissed = new Set<string>();
  saveStatus: SaveStatus = 'idle';
  /** What setup shows pre-selected (from a partly valid link); one object for the page's life. */
  readonly prefill: Partial<LinkGame> = {};
  /** The class view's files and comparison runs, kept for the page's life so switching tabs loses nothing. */
  readonly classroom: ClassroomState = { rows: [], rejected: [], refGames: 500, refs: new Map(), classSeed: '', incoming: [] };
  /** The storage key of the game on screen (its save slot). */
  slot: string | null = null;
  /** Set when another tab wrote this game's slot: autosave stops until the player chooses. */
  conflict: TabConflict | null = null;
  private lastWritten: string | null = null;
  private listeningToTabs = false;
  private tabListeners = new Set<(key: string | null) => void>();
  /** A replacement the title must ask about before it happens. */
  clash: SlotClash | null = null;
  /** Messages for the title screen (a bad link, a corrupt save). */
  notices: { text: string; tone: 'warn' | 'ok' }[] = [];
  /** Saves found unreadable (and set aside where they could be) since the title last showed them, each with a download there. */
  setAside: Extract<ReadResult, { kind: 'corrupt' }>[] = [];
  private narrated = 0;
  /** The language the player reads (chosen on the title, by the link, or the browser's). */
  lang: Lang = 'en';
  /** Hot seat: each side's player may read in their own language; absent means `lang`. Set by the title for a new game. */
  sideLangs: Partial<Record<Side, Lang>> = {};

  /** The language a side's player reads. */
  langFor(side: Side | null): Lang {
    return (side && this.sideLangs[side]) || this.lang;
  }

  /** Puts the screen in the language of whoever looks at it now (the viewer in hot seat, else the player). */
  private applyLang(side: Side | null = this.hotSeat ? this.viewer : null): void {
    const want = this.langFor(side);
    setActiveLang(hasLang(want) ? want : 'en');
  }

  /** The screen in `side`'s language before that side is the viewer (the hand-over asks the next player). */
  speakTo(side: Side): void {
    this.applyLang(side);
  }

  /**
   * Loads a language (its pack is fetched once) and makes it the player's, or
   * one hot-seat side's; remembered for the next visit. Redraws the screen.
   */
  async chooseLang(lang: Lang, opts: { remember?: boolean; redraw?: boolean } = {}): Promise<void> {
    await ensureLang(lang);
    this.lang = lang;
    if (opts.remember !== false) rememberLang(lang);
    this.applyLang();
    if (opts.redraw !== false) this.changed();
  }

  /** Hot seat: the language each side's player reads, loaded before the game starts. */
  async chooseSideLangs(langs: Partial<Record<Side, Lang>>): Promise<void> {
    await Promise.all(Object.values(langs).map(ensureLang));
    this.sideLangs = { ...langs };
  }

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

  /** Called when another tab changes any save (the title lists them; a game in progress checks its own). */
  onTabChange(fn: (key: string | null) => void): () => void {
    this.tabListeners.add(fn);
    return () => this.tabListeners.delete(fn);
  }

  /** Starts listening to other tabs' `storage` events (once; the page calls it at start). */
  listenToTabs(): void {
    if (this.listeningToTabs || typeof window === 'undefined' || typeof window.addEventListener !== 'function') return;
    this.listeningToTabs = true;
    window.addEventListener('storage', (e) => this.storageChanged(e.key, e.newValue));
  }

  /** A `storage` event: another tab of this game wrote (or cleared) a key. */
  storageChanged(key: string | null, value: string | null): void {
    if (key !== null && !key.startsWith(SLOT_PREFIX) && key !== 'unfinished-peace/save') return;
    for (const fn of this.tabListeners) fn(key);
    if (this.mode.kind !== 'play' || !this.session || this.slot === null) return;
    if (key !== null && key !== this.slot) return;
    if (value !== null && value === this.lastWritten) return;
    const theirs = value === null ? null : parseSave(value);
    const moves = theirs?.ok ? theirs.save.actions.length : null;
    // Same moves as here (e.g. the other tab reloaded this game): nothing was lost either way.
    if (theirs?.ok && moves === this.session.actions.length && JSON.stringify(theirs.save.actions) === JSON.stringify(this.session.actions)) return;
    this.conflict = { key: this.slot, moves, ended: value === null };
    this.saveStatus = 'conflict';
    announce(value === null ? t('tabs.endedElsewhere') : t('tabs.movedElsewhere', { theirs: moves ?? 0, ours: this.session.actions.length }));
    for (const fn of this.tabListeners) fn(this.slot);
  }

  /** "Keep playing here": this tab's game is written over the other tab's, because the player said so. */
  keepThisTab(): void {
    this.conflict = null;
    this.saveStatus = 'idle';
    this.autosave();
    for (const fn of this.tabListeners) fn(this.slot);
  }

  humanSides(): Side[] {
    if (this.net) return [this.net.side];
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
  begin(scenario: Scenario, session: PlaySession, opts: { restored?: boolean; remote?: boolean } = {}): void {
    this.scenario = scenario;
    this.session = session;
    this.mode = { kind: 'play' };
    // A networked match is kept by the server, not in this browser's save slots.
    this.slot = opts.remote ? null : slotKey(session.state.config);
    this.conflict = null;
    this.lastWritten = null;
    this.saveStatus = 'idle';
    this.listenToTabs();
    const humans = this.humanSides();
    this.viewer = humans.length === 1 ? humans[0]! : null;
    this.briefed = new Set(opts.restored ? humans : []);
    this.applyLang();
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
      // A networked move is only sent: the server's answer moves the game (remoteMoved).
      if (!this.net) {
        this.narrate();
        this.autosave();
      }
      this.changed();
    } else announce(result.error);
    return result;
  }

  /** The match's server sent the next view (or a seat changed). */
  remoteMoved(): void {
    this.narrate();
    this.changed();
  }

  /** The match's connection or seats changed: the screen shows it. */
  netChanged(): void {
    this.changed();
  }

  /**
   * A networked match has ended: its whole game, played again in this browser, is
   * an ordinary finished game from here on (its debrief, its replay), seen from this side.
   */
  endRemote(scenario: Scenario, local: GameSession): void {
    const side = this.net?.side ?? null;
    this.net = null;
    this.begin(scenario, local, { restored: true });
    this.viewer = side;
    this.changed();
  }

  markBriefed(side: Side): void {
    this.briefed.add(side);
    this.changed();
  }

  setViewer(side: Side): void {
    this.viewer = side;
    this.applyLang();
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

  /**
   * "Continue from here": the replay's game, forked at this step, becomes a
   * live game in its slot; a different game in progress there is not replaced
   * without asking (the title asks).
   */
  fork(): void {
    if (this.mode.kind !== 'replay' || !this.scenario || !this.session) return;
    const scenario = this.scenario;
    const forked = replayPrefix(scenario, this.mode.replay, this.mode.step);
    const key = slotKey(forked.state.config);
    const existing = readKey(key);
    const same = existing.kind === 'ok' && JSON.stringify(existing.save.actions) === JSON.stringify(forked.actions);
    if (existing.kind === 'ok' && existing.save.actions.length > 0 && !same) {
      this.clash = { key, save: existing.save, from: 'file', replace: () => this.begin(scenario, forked, { restored: true }) };
      this.quit();
      return;
    }
    this.begin(scenario, forked, { restored: true });
  }

  quit(): void {
    this.slot = null;
    this.conflict = null;
    this.session = null;
    this.scenario = null;
    this.net = null;
    this.mode = { kind: 'none' };
    this.viewer = null;
    this.applyLang(null);
    this.changed();
  }

  private humanSidesOf(session: PlaySession): Side[] {
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

  /** The save of the game on screen, as it would be written now. */
  currentSave(): SaveFile | null {
    if (!this.session || !this.scenario) return null;
    const source = ownSourceOf(this.scenario);
    return {
      version: SAVE_VERSION,
      scenarioId: this.scenario.id,
      config: this.session.state.config,
      actions: [...this.session.actions],
      savedAt: Date.now(),
      // Hot seat: each side's reading language comes back with the game.
      ...(Object.keys(this.sideLangs).length > 0 ? { langs: { ...this.sideLangs } } : {}),
      ...(source ? { own: { file: source.file, title: this.scenario.title, ...(source.text === '' ? {} : { text: source.text }) } } : {}),
    };
  }

  private autosave(): void {
    if (!this.session || !this.scenario || this.readOnly || this.slot === null) return;
    // Another tab moved this game on: writing now would throw its moves away.
    if (this.conflict) return;
    if (this.session.phase === 'ended') {
      // Finishing a game clears its own slot, and only that one.
      clearSave(this.slot);
      this.lastWritten = null;
      return;
    }
    const save = this.currentSave()!;
    const result = writeSave(save);
    const was = this.saveStatus;
    if (result.ok) {
      this.lastWritten = window.localStorage.getItem(result.key);
      this.saveStatus = 'saved';
      if (result.droppedScenarioText && was !== 'saved') announce(t('save.noRoomForScenario', { file: save.own?.file ?? '' }));
      return;
    }
    this.saveStatus = result.reason === 'quota' ? 'full' : 'unavailable';
    if (was !== this.saveStatus) announce(t(result.reason === 'quota' ? 'save.full' : 'save.unavailable'));
  }
}

/** Fetches a language's pack once (the loader itself is loaded only for a language other than English). */
export async function ensureLang(lang: Lang): Promise<void> {
  if (lang === 'en' || hasLang(lang)) return;
  const { loadLang } = await import('../i18n/load');
  await loadLang(lang, scenarios());
}

export { initialLang };

export const store = new AppStore();
