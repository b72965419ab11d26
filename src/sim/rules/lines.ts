import type { IssueId, LineMoment, Side, Speaker } from '../../scenario/vocabulary';
import type { Draft } from '../draft';

type Line = Draft['scenario']['lines'][number];

/**
 * Has a leader or minister say a line from the scenario for this moment.
 * When the speaker has a reason (the issue it presses on), a line about
 * that issue is chosen; failing one, a line about no issue in particular,
 * never one about another issue. The choice is a pure function of where
 * the game is, not a draw, so that narration can be switched off for
 * batch runs without moving any dice.
 */
export function say(
  d: Draft,
  side: Side,
  role: 'leader' | 'minister',
  moment: LineMoment,
  topic?: 'territory' | 'cooperation',
  about?: IssueId,
): void {
  if (!d.state.ledgerOn) return;
  const speaker = `${side}.${role}` as Speaker;
  // A line about the islands must not be said over a package that leaves them alone, nor the reverse.
  const fits = (l: Line) => l.on === moment && (l.topic === undefined || l.topic === topic);
  const mine = d.scenario.lines.filter((l) => l.speaker === speaker && fits(l));
  const sides = d.scenario.lines.filter((l) => l.speaker.startsWith(`${side}.`) && fits(l));
  const onPoint = (pool: Line[]) => (about ? pool.filter((l) => l.about?.includes(about)) : []);
  const general = (pool: Line[]) => pool.filter((l) => l.about === undefined);
  const pool = [onPoint(mine), onPoint(sides), general(mine), general(sides), about ? [] : mine].find((p) => p.length > 0);
  if (!pool) return;
  const pick = pool[(d.state.round * 7 + d.state.summit.offers.length * 3 + d.state.log.length) % pool.length];
  if (!pick) return;
  d.log({ kind: 'line', round: d.state.round, speaker: pick.speaker, moment, text: pick.text, cite: pick.cite, ...(pick.after ? { after: pick.after } : {}) });
}
