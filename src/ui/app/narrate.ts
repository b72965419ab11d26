// Turns the simulation's log records into sentences through the message catalogue.
import type { Scenario } from '../../scenario/schema';
import { ISSUE_IDS, otherSide, type IssueId, type Package, type Side, type Speaker } from '../../scenario/vocabulary';
import { factionById, type Action, type Decision, type GameState, type LogEntry, type PackageProblem } from '../../sim';
import { t, tk, formatNumber, formatDate, sx } from '../i18n/t';

export const sideName = (side: Side): string => t(side === 'japan' ? 'side.japan' : 'side.russia');

export function speakerName(scenario: Scenario, speaker: Speaker): string {
  const [side, role] = speaker.split('.') as [Side, 'leader' | 'minister'];
  return sx(scenario.sides[side][role].name);
}

export function issueLabel(scenario: Scenario, issue: IssueId): string {
  return sx(scenario.issues.find((i) => i.id === issue)?.label ?? issue);
}

export function optionLabel(scenario: Scenario, issue: IssueId, option: string): string {
  return sx(scenario.issues.find((i) => i.id === issue)?.options.find((o) => o.id === option)?.label ?? option);
}

export function packageText(scenario: Scenario, pkg: Package): string {
  return ISSUE_IDS.map((i) => `${issueLabel(scenario, i)}: ${optionLabel(scenario, i, pkg[i])}`).join('; ');
}

export function eventTitle(scenario: Scenario, id: string): string {
  return sx(scenario.events.find((e) => e.id === id)?.title ?? id);
}

export function roundInfo(scenario: Scenario, round: number) {
  // The state counts rounds from 0; clamp so a closing "after the last round" still has a label.
  const r = scenario.rounds[Math.min(Math.max(round, 0), scenario.rounds.length - 1)]!;
  return r;
}

export function actionText(scenario: Scenario, action: Action): string {
  const side = sideName(action.side);
  switch (action.type) {
    case 'agenda':
      return t('log.agenda', { side, sequencing: tk(`seq.${action.sequencing}`), issue: issueLabel(scenario, action.prepare) });
    case 'offer':
      return t('log.offer', { side, package: packageText(scenario, action.package) });
    case 'accept':
      return t('log.accept', { side });
    case 'stall':
      return t('log.stall', { side });
    case 'walkOut':
      return t('log.walkOut', { side });
    case 'homeFront': {
      const f = factionById(scenario, action.faction);
      return t('log.homeFront', { side, work: f?.work.label ?? action.faction, faction: f?.name ?? action.faction });
    }
    case 'statement':
      return t('log.statement', { side, tone: tk(`tone.${action.tone}`) });
    case 'ratify':
      return t(`log.ratify.${action.approach}`, { side });
  }
}

/**
 * A log record as a sentence. `reveal` shows the counterpart's private reckoning
 * (worth, bar, odds, roll): on Easy during play, and always once the game is over.
 */
export function entryText(scenario: Scenario, e: LogEntry, reveal = false): string {
  switch (e.kind) {
    case 'round': {
      const r = roundInfo(scenario, e.round);
      return t('log.round', { round: e.round + 1, label: r.label, place: r.place, date: formatDate(r.date) });
    }
    case 'action': {
      const text = actionText(scenario, e.action);
      const why = e.action.why;
      if (!why) return text;
      // The counterpart's reason, what it presses on and its tone are public; its worth,
      // bar, odds and roll are private during play except on Easy (and in the debrief).
      const parts = [text, t('answer.why', { reason: reasonClause(scenario, why) }), `${t('reason.tone', { signal: tk(`signal.${why.signal}`) })}.`];
      if (reveal) parts.push(oddsText(why));
      return parts.join(' ');
    }
    case 'line': {
      const speaker = speakerName(scenario, e.speaker);
      return e.after === undefined ? t('log.line', { speaker, text: e.text }) : t('log.lineAfter', { speaker, text: e.text, after: e.after });
    }
    case 'summit':
      return t('log.summit', { outcome: tk(`reach.${e.outcome}`) });
    case 'talks':
      return t(e.clash ? 'log.talksClash' : 'log.talks', { reach: tk(`reach.${e.reach}`) });
    case 'event': {
      const ev = scenario.events.find((x) => x.id === e.eventId);
      return ev ? `${t('log.event', { title: ev.title })} ${sideName('japan')}: ${sx(ev.headlines.japan)} ${sideName('russia')}: ${sx(ev.headlines.russia)}` : t('log.event', { title: e.eventId });
    }
    case 'memory':
      return t('log.memory', {
        side: sideName(e.side),
        other: sideName(otherSide(e.side)),
        moves: t(e.memory.delta >= 0 ? 'log.memory.rises' : 'log.memory.falls'),
        delta: Math.abs(e.memory.delta),
        said: tk(`said.${e.memory.reason}`),
      });
    case 'voice': {
      const f = factionById(scenario, e.faction);
      const name = f?.name ?? e.faction;
      return e.after === undefined ? t('log.voice', { faction: name, text: e.text }) : t('log.voiceAfter', { faction: name, text: e.text, after: e.after });
    }
    case 'ratification':
      if (e.blockedBy) return t('log.blocked', { side: sideName(e.side), faction: factionById(scenario, e.blockedBy)?.name ?? e.blockedBy });
      return t(e.passed ? 'log.ratified' : 'log.rejected', {
        side: sideName(e.side),
        p: formatNumber(e.p * 100),
        roll: formatNumber(e.roll * 100),
      });
    case 'ending':
      return t('log.ending', { ending: endingText(e.ending, e.side) });
    case 'ratificationDelayed':
      return t('log.ratificationDelayed', { side: sideName(e.side) });
    case 'textReturned':
      return t('log.textReturned', { side: sideName(e.side) });
    case 'floorPassed':
      return t('log.floorPassed', { side: sideName(e.side), other: sideName(otherSide(e.side)) });
  }
}

export function endingText(ending: string, side?: Side): string {
  if (ending === 'leaderOut' && side) return t('ending.leaderOutSide', { side: sideName(side) });
  return tk(`ending.${ending}`);
}

/** Whether the counterpart's private reckoning may be shown: Easy, a finished game, or a replay. */
export function revealsOdds(state: GameState, readOnly: boolean): boolean {
  return readOnly || state.config.difficulty === 'easy' || state.ending !== null;
}

/** Why the counterpart answered as it did, in words: its reason and the issue it presses on. */
export function reasonClause(scenario: Scenario, why: Decision): string {
  const reason = why.reason === 'redLine' ? t('reason.redLine', { line: why.redLine ?? '' }) : tk(`reason.${why.reason}`);
  return why.asks && why.reason !== 'redLine' ? `${reason}; ${t('reason.asks', { issue: issueLabel(scenario, why.asks) })}` : reason;
}

export function oddsText(why: Decision): string {
  return t('answer.odds', { p: formatNumber(why.p * 100), roll: formatNumber(why.roll * 100), worth: formatNumber(why.worth, 1), bar: formatNumber(why.bar, 1) });
}

/** The counterpart's answer to the last offer as the top of the table shows it. */
export function answerText(scenario: Scenario, action: Action, reveal: boolean): string {
  const side = sideName(action.side);
  const why = action.why;
  if (!why) {
    // Without a reckoning the counterpart moved first: it opened, or had nothing to propose and passed the floor.
    if (action.type === 'offer') return t('table.theyOpen', { side });
    if (action.type === 'stall') return t('table.theyPass', { side, other: sideName(otherSide(action.side)) });
    return actionText(scenario, action);
  }
  const verb = tk(`answer.${action.type}`, { side });
  if (action.type === 'accept') return reveal ? `${verb}. ${oddsText(why)}` : `${verb}.`;
  const parts = [t('answer.sentence', { verb, reason: reasonClause(scenario, why) }), `${t('reason.tone', { signal: tk(`signal.${why.signal}`) })}.`];
  if (reveal) parts.push(oddsText(why));
  return parts.join(' ');
}

/** Why a package cannot be offered now, in the catalogue's words; null when it may be sent. */
export function refusalWords(scenario: Scenario, problem: PackageProblem | { reason: 'unchanged' } | null): string | null {
  if (!problem) return null;
  if (!('issue' in problem)) return t('refuse.same');
  return t('refuse.package', { issue: issueLabel(scenario, problem.issue), reason: tk(`blocked.${problem.reason}`) });
}
