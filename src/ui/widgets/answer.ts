// What the player looks at first after a move: the counterpart's answer with its real
// reason (what it presses on, its tone), its in-character words beside it, and on Easy's
// first round a coaching note. Both sit above the scrolling part of a panel, so they are
// in view at 1280×720 whatever the focus scrolled to.
import type { Scenario } from '../../scenario/schema';
import { otherSide, type Side } from '../../scenario/vocabulary';
import { visibleLength, type PlaySession, type LogEntry } from '../../sim';
import { h } from '../dom/el';
import { t, tk, sx } from '../i18n/t';
import { store } from '../app/store';
import { answerText, revealsOdds, speakerName } from '../app/narrate';
import { button } from './button';
import { focusFirst } from './frame';
import { announce } from '../a11y/live';

type ActionEntry = Extract<LogEntry, { kind: 'action' }>;
type LineEntry = Extract<LogEntry, { kind: 'line' }>;

const SUMMIT_MOVES = new Set(['offer', 'accept', 'stall', 'walkOut']);

/** The other side's last summit move this round that the viewer may see, and its last words. */
export function lastAnswer(session: PlaySession, viewer: Side): { action: ActionEntry; line: LineEntry | null } | null {
  const state = session.state;
  const log = state.log.slice(0, visibleLength(state, session.phase, session.pending));
  const other = otherSide(viewer);
  let line: LineEntry | null = null;
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i]!;
    if (e.round !== state.round || e.kind === 'round') break;
    if (e.kind === 'line' && !line && e.speaker.startsWith(`${other}.`)) line = e;
    // After the summit, an answer the viewer has since replied to (by accepting, say) is old news.
    if (e.kind === 'action' && e.action.side === viewer && SUMMIT_MOVES.has(e.action.type) && session.phase !== 'summit') return null;
    if (e.kind === 'action' && e.action.side === other && SUMMIT_MOVES.has(e.action.type)) {
      // Its words said with this move (logged just before or after it).
      if (!line) line = log.slice(i).find((x): x is LineEntry => x.kind === 'line' && x.speaker.startsWith(`${other}.`)) ?? null;
      return { action: e, line };
    }
  }
  return null;
}

/** The top of the table and reaction panels: the answer box and the coaching note. */
export function answerArea(scenario: Scenario, session: PlaySession, viewer: Side, coach: string | null, opts: { answer?: boolean } = {}): HTMLElement {
  const area = h('div', { class: 'answer-area', testid: 'answer-area' });
  const last = opts.answer === false ? null : lastAnswer(session, viewer);
  if (last) {
    const reveal = revealsOdds(session.state, store.readOnly);
    const box = h('div', { class: `answer ${last.action.action.why?.signal ?? ''}`.trim(), testid: 'answer' },
      h('div', { class: 'said' }, h('div', { class: 'who' }, t('table.answer')), h('p', { testid: 'answer-text' }, answerText(scenario, last.action.action, reveal))),
    );
    if (last.line) {
      box.append(h('blockquote', { class: `quote ${otherSide(viewer)}`, testid: 'answer-line' }, h('span', { class: 'who' }, `${speakerName(scenario, last.line.speaker)}: `), `“${sx(last.line.text)}”`));
    }
    area.append(box);
  }
  if (coach) {
    const note = coachNote(coach);
    if (note) area.append(note);
  }
  return area;
}

/**
 * A guided first round on Easy: a short note for each step (talks, summit, reaction,
 * ratification), read in the DOM and dismissible; never at Normal or Hard, never in a replay.
 */
export function coachStep(session: PlaySession, step: 'talks' | 'summit' | 'reaction' | 'ratify'): string | null {
  const s = session.state;
  if (store.readOnly || s.config.difficulty !== 'easy' || s.round !== 0) return null;
  return store.coachDismissed.has(step) ? null : step;
}

function coachNote(step: string): HTMLElement | null {
  const note = h('aside', { class: 'coach', testid: 'coach', 'aria-label': t('coach.heading') },
    h('div', { class: 'who' }, t('coach.heading')),
    h('p', { testid: `coach-${step}` }, tk(`coach.${step}`)),
  );
  const dismiss = button(t('coach.dismiss'), () => {
    store.coachDismissed.add(step);
    note.remove();
    announce(t('coach.dismissed'));
    focusFirst();
  }, { kind: 'secondary', testid: 'coach-dismiss' });
  note.append(dismiss);
  return note;
}

