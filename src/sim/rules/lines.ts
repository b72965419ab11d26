import type { LineMoment, Side, Speaker } from '../../scenario/vocabulary';
import type { Draft } from '../draft';

/**
 * Has a leader or minister say a line from the scenario for this moment.
 * The choice is a pure function of where the game is, not a draw, so that
 * narration can be switched off for batch runs without moving any dice.
 */
export function say(d: Draft, side: Side, role: 'leader' | 'minister', moment: LineMoment, topic?: 'territory' | 'cooperation'): void {
  if (!d.state.ledgerOn) return;
  const speaker = `${side}.${role}` as Speaker;
  // A line about the islands must not be said over a package that leaves them alone, nor the reverse.
  const fits = (l: (typeof d.scenario.lines)[number]) => l.on === moment && (l.topic === undefined || l.topic === topic);
  let pool = d.scenario.lines.filter((l) => l.speaker === speaker && fits(l));
  if (pool.length === 0) pool = d.scenario.lines.filter((l) => l.speaker.startsWith(`${side}.`) && fits(l));
  if (pool.length === 0) return;
  const pick = pool[(d.state.round * 7 + d.state.summit.offers.length * 3 + d.state.log.length) % pool.length];
  if (!pick) return;
  d.log({ kind: 'line', round: d.state.round, speaker: pick.speaker, moment, text: pick.text, cite: pick.cite });
}
