// Turns the simulation's log records into sentences through the message catalogue.
import type { Scenario } from '../../scenario/schema';
import { ISSUE_IDS, otherSide, type IssueId, type Package, type Side, type Speaker } from '../../scenario/vocabulary';
import type { Action, LogEntry } from '../../sim';
import { t, tk, formatNumber } from '../i18n/t';

export const sideName = (side: Side): string => t(side === 'japan' ? 'side.japan' : 'side.russia');

export function speakerName(scenario: Scenario, speaker: Speaker): string {
  const [side, role] = speaker.split('.') as [Side, 'leader' | 'minister'];
  return scenario.sides[side][role].name;
}

/**
 * Whose description a line paraphrases ("Artyom Lukin, analyst"), when the
 * scenario marks it so; undefined when the line is the speaker's own words
 * or the game's own invention.
 */
export function lineAfter(scenario: Scenario, e: { speaker: Speaker; moment: string; text: string }): string | undefined {
  return scenario.lines.find((l) => l.speaker === e.speaker && l.on === e.moment && l.text === e.text)?.after;
}

export function issueLabel(scenario: Scenario, issue: IssueId): string {
  return scenario.issues.find((i) => i.id === issue)?.label ?? issue;
}

export function optionLabel(scenario: Scenario, issue: IssueId, option: string): string {
  return scenario.issues.find((i) => i.id === issue)?.options.find((o) => o.id === option)?.label ?? option;
}

export function packageText(scenario: Scenario, pkg: Package): string {
  return ISSUE_IDS.map((i) => `${issueLabel(scenario, i)}: ${optionLabel(scenario, i, pkg[i])}`).join('; ');
}

export function eventTitle(scenario: Scenario, id: string): string {
  return scenario.events.find((e) => e.id === id)?.title ?? id;
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
    case 'statement':
      return t('log.statement', { side, tone: tk(`tone.${action.tone}`) });
    case 'ratify':
      return t(`log.ratify.${action.approach}`, { side });
  }
}

export function entryText(scenario: Scenario, e: LogEntry): string {
  switch (e.kind) {
    case 'round': {
      const r = roundInfo(scenario, e.round);
      return t('log.round', { round: e.round + 1, label: r.label, place: r.place, date: r.date });
    }
    case 'action': {
      const text = actionText(scenario, e.action);
      const why = e.action.why;
      // The counterpart's dice, shown as for any other roll: the odds it would accept, and the number rolled.
      if (!why) return text;
      const odds = t('log.decision', { p: formatNumber(why.p * 100), roll: formatNumber(why.roll * 100) });
      return why.redLine ? `${text} ${t('log.decisionRedLine', { line: why.redLine })}` : `${text} ${odds}`;
    }
    case 'line': {
      const after = lineAfter(scenario, e);
      const speaker = speakerName(scenario, e.speaker);
      return after === undefined ? t('log.line', { speaker, text: e.text }) : t('log.lineAfter', { speaker, text: e.text, after });
    }
    case 'summit':
      return t('log.summit', { outcome: tk(`reach.${e.outcome}`) });
    case 'talks':
      return t(e.clash ? 'log.talksClash' : 'log.talks', { reach: tk(`reach.${e.reach}`) });
    case 'event': {
      const ev = scenario.events.find((x) => x.id === e.eventId);
      return ev ? `${t('log.event', { title: ev.title })} ${sideName('japan')}: ${ev.headlines.japan} ${sideName('russia')}: ${ev.headlines.russia}` : t('log.event', { title: e.eventId });
    }
    case 'memory':
      return t('log.memory', {
        side: sideName(e.side),
        other: sideName(otherSide(e.side)),
        moves: t(e.memory.delta >= 0 ? 'log.memory.rises' : 'log.memory.falls'),
        delta: Math.abs(e.memory.delta),
        said: tk(`said.${e.memory.reason}`),
      });
    case 'ratification':
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
