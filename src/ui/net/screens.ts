import Phaser from 'phaser';
import { DIFFICULTIES, SIDES, otherSide, type Difficulty, type Side } from '../../scenario/vocabulary';
import type { Scenario } from '../../scenario/schema';
import { isOwnScenario } from '../../scenario/registry';
import { BASE, FONTS, PALETTE, SIDE_COLOUR, hex } from '../theme';
import { h } from '../dom/el';
import { t, tk, sx } from '../i18n/t';
import './texts';
import { store, type DashboardView, type TeachingClass } from '../app/store';
import { route } from '../app/router';
import { scenarios } from '../app/catalog';
import { readableSeed } from '../app/link';
import { radios, select } from '../widgets/form';
import { classroomFrame } from '../class/nav';
import { setStatus } from '../a11y/live';
import { fillClassPack } from './pack';
import { sideName } from '../app/narrate';
import { paper, panel, focusFirst } from '../widgets/frame';
import { button } from '../widgets/button';
import { drawQr } from '../widgets/qr';
import { showCode } from '../../net/protocol';

// The screens of matches across devices, loaded only on a page the game's server served
// (a static copy of the game never fetches them).

/** A hosted match before the friend has joined: its code, the link for the other device and its QR code. */
export class Match extends Phaser.Scene {
  constructor() {
    super('Match');
  }

  create(): void {
    const net = store.net;
    if (!net) return;
    const friend = otherSide(net.side);
    paper(this);
    this.add.graphics().fillStyle(hex(SIDE_COLOUR[net.side]), 1).fillRect(BASE.margin + 8, 112, 320, 8);
    this.add.text(BASE.margin + 8, 40, t('net.heading'), { fontFamily: FONTS.serif, fontSize: '36px', color: PALETTE.ink, fontStyle: '600' });
    const root = panel(this, BASE.margin + 8, 136, 1180, 540, { testid: 'match', label: t('net.heading') });
    const canvas = h('canvas', { testid: 'match-qr', role: 'img', 'aria-label': t('net.qr') });
    const link = h('p', { class: 'link-out', testid: 'match-link', tabindex: 0, 'aria-label': t('net.link') }, net.link || '…');
    root.append(
      h('p', {}, t('net.intro', { side: sideName(friend) })),
      h('div', { class: 'qr-wrap' },
        h('div', { style: 'flex: 1 1 560px; min-width: 0' },
          h('h2', {}, t('net.code')),
          h('p', { class: 'match-code', testid: 'match-code', 'aria-label': `${t('net.code')}: ${[...net.code].join(' ')}` }, showCode(net.code)),
          h('h2', {}, t('net.link')),
          link,
          ...(net.link && !net.lanLink ? [h('p', { class: 'msg', testid: 'match-local-only' }, t('net.localOnly'))] : []),
          h('p', { role: 'status', testid: 'match-waiting' }, t('net.waiting', { side: sideName(friend) })),
          button(t('net.leave'), () => net.leave(), { kind: 'secondary', testid: 'match-leave', autofocus: true }),
        ),
        h('div', {}, canvas),
      ),
    );
    if (net.link) void drawQr(canvas, net.link, 280);
    focusFirst();
  }
}

/** Join a friend's match by the code their screen shows (a link or a QR code does the same). */
export function joinSection(say: (report: HTMLElement, text: string) => void): HTMLElement[] {
  const input = h('input', { type: 'text', id: 'join-code', testid: 'join-code', maxlength: 12, autocomplete: 'off', spellcheck: 'false', autocapitalize: 'characters', 'aria-describedby': 'join-help' });
  const name = h('input', { type: 'text', id: 'join-name', testid: 'join-name', maxlength: 40, autocomplete: 'nickname' });
  const report = h('div', { testid: 'join-report', 'aria-live': 'polite' });
  const join = async (): Promise<void> => {
    report.replaceChildren();
    const typed = input.value.trim();
    try {
      const { joinMatch } = await import('./remote');
      say(report, t('net.joining', { code: typed }));
      await joinMatch(typed, name.value.trim() || undefined);
    } catch (error) {
      report.replaceChildren();
      say(report, t('net.joinFailed', { code: typed, reason: error instanceof Error ? error.message : String(error) }));
      input.focus();
    }
  };
  for (const field of [input, name]) field.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') void join(); });
  return [
    h('h2', { class: 'join-h' }, t('net.joinHeading')),
    h('div', { class: 'row' },
      h('div', {}, h('label', { for: 'join-code' }, t('net.joinCode')), input),
      h('div', {}, h('label', { for: 'join-name' }, t('net.joinName')), name),
      button(t('net.join'), () => void join(), { testid: 'join-match', kind: 'secondary' })),
    h('p', { id: 'join-help', class: 'help' }, t('net.joinHelp')),
    report,
  ];
}

/** A link with `?match=CODE`: this device joins (or takes back its seat in) that match. */
export async function joinFromLink(code: string): Promise<boolean> {
  try {
    const { joinMatch } = await import('./remote');
    await joinMatch(code);
    return true;
  } catch (error) {
    store.notice(t('net.joinFailed', { code, reason: error instanceof Error ? error.message : String(error) }));
    return false;
  }
}

/** The title's Begin with a friend on another device as the opponent: hosts the match, or says why it cannot. */
export async function hostFromSetup(scenario: Scenario, seed: string, side: Side, difficulty: Difficulty, report: HTMLElement, say: (report: HTMLElement, text: string) => void): Promise<void> {
  report.replaceChildren();
  if (isOwnScenario(scenario)) return say(report, t('net.ownScenario'));
  try {
    const { hostMatch } = await import('./remote');
    await hostMatch({ scenario: scenario.id, seed, side, difficulty });
  } catch (error) {
    say(report, t('net.hostFailed', { reason: error instanceof Error ? error.message : String(error) }));
  }
}

/** A student in a class's lobby: their name, and that the teacher will seat them. */
export class Lobby extends Phaser.Scene {
  constructor() {
    super('Lobby');
  }

  create(): void {
    const lobby = store.lobby;
    if (!lobby) return;
    paper(this);
    this.add.text(BASE.margin + 8, 40, t('net.lobby.heading'), { fontFamily: FONTS.serif, fontSize: '36px', color: PALETTE.ink, fontStyle: '600' });
    const root = panel(this, BASE.margin + 8, 136, 900, 400, { testid: 'lobby', label: t('net.lobby.heading') });
    root.append(
      h('h2', {}, t('net.live.code')),
      h('p', { class: 'match-code', testid: 'lobby-code' }, showCode(lobby.code)),
      h('p', { testid: 'lobby-name' }, lobby.name ? t('net.lobby.you', { name: lobby.name }) : '…'),
      h('p', { role: 'status', testid: 'lobby-status' }, lobby.status === 'reconnecting' ? t('net.reconnecting') : t('net.lobby.waiting')),
      button(t('net.lobby.leave'), () => lobby.leave(), { kind: 'secondary', testid: 'lobby-leave', autofocus: true }),
    );
    focusFirst();
  }
}

const SEATING_KEYS = ['pairs', 'computer', 'halves'] as const;

/**
 * The teacher's live class: open one (scenario, seed, difficulty, how to seat the students),
 * then its code, link and QR code for the students, and the dashboard: every student and every
 * match live, pause and resume all, end one, and the class view of the server's replays.
 */
export class LiveClass extends Phaser.Scene {
  constructor() {
    super('LiveClass');
  }

  create(): void {
    const root = classroomFrame(this, 'LiveClass', t('net.live.heading'), 'live-class');
    const teach = store.teach;
    if (!teach) {
      root.append(h('p', {}, t('net.live.intro')), ...this.openForm(root));
      // A reload keeps the class: this browser holds its secret.
      void import('./remote').then(async (m) => {
        if (!store.teach && (await m.resumeClass())) route('LiveClass');
      });
      focusFirst(root);
      return;
    }
    this.dashboard(root, teach);
    focusFirst(root);
  }

  private openForm(root: HTMLElement): HTMLElement[] {
    const all = scenarios().filter((s) => !isOwnScenario(s));
    const scenario = select(t('setup.scenario'), all.map((s) => ({ value: s.id, label: sx(s.title) })), all[0]?.id ?? '', 'live-scenario');
    const seed = h('input', { type: 'text', id: 'live-seed', testid: 'live-seed', maxlength: 48, autocomplete: 'off', spellcheck: 'false' });
    seed.value = readableSeed();
    const perPair = h('input', { type: 'checkbox', id: 'live-per-pair', testid: 'live-per-pair' });
    const difficulty = select(t('setup.difficulty'), DIFFICULTIES.map((d) => ({ value: d, label: tk(`difficulty.${d}`) })), all[0]?.defaults.difficulty ?? 'normal', 'live-difficulty');
    const seating = radios(t('net.live.seating'), 'live-seating', SEATING_KEYS.map((k) => ({ value: k, label: t(`net.live.seating.${k}`) })), 'pairs', 'live-seating', () => {
      sideRow.style.display = seating.get() === 'computer' ? '' : 'none';
    });
    const side = radios(t('net.live.side'), 'live-side', SIDES.map((x) => ({ value: x, label: sideName(x) })), 'japan', 'live-side');
    const sideRow = h('div', {}, side.wrap);
    sideRow.style.display = 'none';
    const report = h('div', { testid: 'live-report', 'aria-live': 'polite' });
    const open = async (): Promise<void> => {
      report.replaceChildren();
      try {
        const { openClass } = await import('./remote');
        await openClass({ scenario: scenario.el.value, seed: seed.value.trim() || undefined, seedPerPair: perPair.checked, difficulty: difficulty.el.value, seating: seating.get(), side: side.get() });
        // Through the router, which wakes the render loop: a scene restarted on its own waits for a frame that a sleeping loop never draws.
        route('LiveClass');
      } catch (error) {
        const text = t('net.live.openFailed', { reason: error instanceof Error ? error.message : String(error) });
        report.append(h('p', { class: 'msg', role: 'alert' }, text));
      }
    };
    void root;
    return [
      h('div', { class: 'row' }, scenario.wrap, difficulty.wrap),
      h('label', { for: 'live-seed' }, t('setup.seed')),
      h('div', {}, seed),
      h('label', { class: 'check' }, perPair, ` ${t('net.live.perPair')}`),
      seating.wrap,
      sideRow,
      button(t('net.live.open'), () => void open(), { testid: 'live-open', autofocus: true }),
      report,
    ];
  }

  private dashboard(root: HTMLElement, teach: TeachingClass): void {
    const canvas = h('canvas', { testid: 'live-qr', role: 'img', 'aria-label': t('net.qr') });
    const body = h('div', { testid: 'live-dashboard' });
    const status = h('p', { role: 'status', class: 'help', testid: 'live-status' });
    root.append(
      h('div', { class: 'qr-wrap' },
        h('div', { style: 'flex: 1 1 560px; min-width: 0' },
          h('h2', {}, t('net.live.code')),
          h('p', { class: 'match-code', testid: 'live-code' }, showCode(teach.code)),
          h('p', { class: 'link-out', testid: 'live-link', tabindex: 0, 'aria-label': t('net.link') }, teach.link),
          h('p', { class: 'help' }, t('net.live.joinHelp')),
        ),
        h('div', {}, canvas),
      ),
      status,
      body,
    );
    void drawQr(canvas, teach.link, 220);
    // The class's controls are made once and updated in place: the dashboard is redrawn with
    // every student's move, and a teacher on Pause keeps it (and a screen reader is not told
    // the button again). The tables below are rebuilt; keepFocus covers their Stop buttons.
    let current: DashboardView | null = teach.dashboard;
    const controls = dashboardControls(teach, status, () => current);
    const rest = h('div', {});
    body.append(controls.row, rest);
    const render = (d: DashboardView | null): void => {
      current = d;
      controls.update(d);
      keepFocus(rest, () => rest.replaceChildren(...dashboardBody(teach, d)), controls.row);
    };
    render(teach.dashboard);
    const off = teach.onDashboard(render);
    this.events.once('shutdown', off);
  }
}

/**
 * Rebuilds `root` and gives the keyboard back to the control it was on (by its test id): the
 * dashboard is redrawn with every student's move, and a teacher on a match's Stop button must
 * not be sent back to the top of the page. When that control is gone (its match ended) the
 * keyboard goes to the first enabled control of `fallback`, never to another match's Stop,
 * where a second Enter would end a match the teacher did not choose.
 */
function keepFocus(root: HTMLElement, rebuild: () => void, fallback: HTMLElement): void {
  const active = document.activeElement;
  const id = active instanceof HTMLElement && root.contains(active) ? active.dataset.testid : undefined;
  rebuild();
  if (id === undefined) return;
  const same = root.querySelector<HTMLButtonElement>(`[data-testid="${CSS.escape(id)}"]`);
  const target = same && !same.disabled ? same : fallback.querySelector<HTMLButtonElement>('button:not([disabled])');
  target?.focus({ preventScroll: true });
}

interface DashboardControls {
  row: HTMLElement;
  update(d: DashboardView | null): void;
}

function dashboardControls(teach: TeachingClass, status: HTMLElement, now: () => DashboardView | null): DashboardControls {
  const seat = button('', () => teach.command({ kind: 'seat' }), { testid: 'live-seat' });
  const pause = button('', () => {
    const d = now();
    if (d) teach.command({ kind: d.paused ? 'resume' : 'pause' });
  }, { kind: 'secondary', testid: 'live-pause' });
  const classView = button(t('net.live.classView'), () => {
    const d = now();
    if (d) void toClassView(teach, status, d);
  }, { kind: 'secondary', testid: 'live-class-view' });
  const download = button(t('net.live.download'), () => void downloadAll(teach, status), { kind: 'secondary', testid: 'live-download' });
  const pack = button(t('net.pack.print'), () => {
    const d = now();
    if (d) printPack(d);
  }, { kind: 'secondary', testid: 'live-pack' });
  return {
    row: h('div', { class: 'row' }, seat, pause, classView, download, pack),
    update(d) {
      const waiting = d ? d.students.filter((s) => !s.match).length : 0;
      seat.textContent = t('net.live.seat', { count: waiting });
      seat.disabled = waiting === 0;
      pause.textContent = t(d?.paused ? 'net.live.resume' : 'net.live.pause');
      for (const b of [pause, classView, download, pack]) b.disabled = !d || d.matches.length === 0;
    },
  };
}

function dashboardBody(teach: TeachingClass, d: DashboardView | null): HTMLElement[] {
  if (!d) return [h('p', {}, '…')];
  const seatWord = (m: DashboardView['matches'][number], side: Side): string => {
    const seat = m.seats[side];
    if (seat.computer) return t('opponent.computer');
    // Once a match is over its players leave it: "away" would only be noise.
    return `${seat.name ?? '—'}${seat.connected || m.ending || m.stopped ? '' : ` (${t('net.seat.away')})`}`;
  };
  const ended = d.matches.filter((m) => m.ending !== null || m.stopped).length;
  const over = new Set(d.matches.filter((m) => m.ending || m.stopped).map((m) => m.code));
  const students = h('ul', { testid: 'live-students' }, ...d.students.map((s) => {
    const where = s.side ? ` · ${sideName(s.side)}, ${showCode(s.match ?? '')}` : ` · ${t('net.live.notSeated')}`;
    const state = s.match && over.has(s.match) ? t('net.live.finished') : s.connected ? t('net.seat.connected') : t('net.seat.away');
    return h('li', {}, `${s.name}: ${state}${where}`);
  }));
  const head = h('tr', {}, ...['net.live.col.match', 'net.live.col.japan', 'net.live.col.russia', 'net.live.col.round', 'net.live.col.phase', 'net.live.col.outcome', 'net.live.col.end'].map((k) => h('th', { scope: 'col' }, t(k as Parameters<typeof t>[0]))));
  const rows = d.matches.map((m) =>
    h('tr', { testid: `live-match-${m.code}` },
      h('td', {}, showCode(m.code)),
      h('td', {}, seatWord(m, 'japan')),
      h('td', {}, seatWord(m, 'russia')),
      h('td', {}, String(m.round + 1)),
      h('td', {}, m.stopped ? t('net.live.stopped') : m.paused ? t('net.live.paused') : tk(`phase.${m.phase}`)),
      h('td', {}, m.ending ? `${tk(`ending.${m.ending}`)}${m.scores ? ` (${sideName('japan')} ${m.scores.japan}, ${sideName('russia')} ${m.scores.russia})` : ''}` : '—'),
      h('td', {}, m.ending || m.stopped ? '' : button(t('net.live.stop'), () => teach.command({ kind: 'stop', match: m.code }), { kind: 'danger', testid: `live-stop-${m.code}` })),
    ),
  );
  return [
    h('p', { class: 'help', testid: 'live-summary' }, t('net.live.summary', { students: d.students.length, matches: d.matches.length, ended })),
    h('h2', {}, t('net.live.matches')),
    h('table', { class: 'class-table', testid: 'live-matches' }, h('thead', {}, head), h('tbody', {}, ...rows)),
    h('h2', {}, t('net.live.students')),
    students,
  ];
}

function printPack(d: DashboardView): void {
  const scenario = scenarios().find((s) => s.id === d.settings.scenario);
  if (!scenario) return;
  fillClassPack(scenario, d);
  window.print();
}

async function toClassView(teach: TeachingClass, status: HTMLElement, d: DashboardView): Promise<void> {
  status.textContent = t('net.live.fetching');
  const list = await teach.replays();
  const cls = store.classroom;
  cls.incoming = list.map((r) => new File([r.text], r.file, { type: 'application/json' }));
  if (!d.settings.seedPerPair && d.settings.seed) cls.classSeed = d.settings.seed;
  route('ClassView');
}

async function downloadAll(teach: TeachingClass, status: HTMLElement): Promise<void> {
  status.textContent = t('net.live.fetching');
  const list = await teach.replays();
  const { zipSync, strToU8 } = await import('fflate');
  const zip = zipSync(Object.fromEntries(list.map((r) => [r.file, strToU8(r.text)])));
  const url = URL.createObjectURL(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  const a = h('a', { href: url, download: `unfinished-peace-class-${teach.code}.zip` });
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  setStatus(status, t('net.live.downloaded', { count: list.length }));
}

export const NET_SCENES = { Match, Lobby, LiveClass };
