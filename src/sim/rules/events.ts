import type { Draft } from '../draft';
import { holds } from '../conditions';
import type { DateWindow } from '../../scenario/schema';
import { TUNING } from '../tuning';

/** True when the event has no window, or the round's date (ISO, so strings compare as dates) lies inside it. */
export const inWindow = (w: DateWindow | undefined, date: string | undefined): boolean =>
  w === undefined || (date !== undefined && date >= w.from && date <= w.to);

const MAX_PER_PHASE = TUNING.events.maxPerPhase;

/**
 * Draws the scenario's events that may strike now. Each eligible event gets
 * its own roll against its probability, in an order rotated by one draw so
 * no event is favoured by its place in the file.
 */
export function strikeEvents(d: Draft, phase: 'ministerTalks' | 'publicReaction'): void {
  // A historical moment strikes only in its own months: the round's date must lie in the event's window.
  const date = d.scenario.rounds[Math.min(d.state.round, d.scenario.rounds.length - 1)]?.date;
  const eligible = d.scenario.events.filter(
    (e) =>
      e.phase === phase &&
      !(e.once && d.state.firedEvents.includes(e.id)) &&
      inWindow(e.window, date) &&
      (e.when === undefined || holds(e.when, d.state)),
  );
  if (eligible.length === 0) return;
  const start = Math.floor(d.dice.next('events') * eligible.length);
  let struck = 0;
  for (let k = 0; k < eligible.length && struck < MAX_PER_PHASE; k += 1) {
    const event = eligible[(start + k) % eligible.length];
    if (!event) continue;
    const { roll, yes } = d.dice.chance('events', event.probability);
    if (!yes) continue;
    struck += 1;
    const draw = { stream: 'events' as const, what: `event:${event.id}`, p: event.probability, roll, outcome: true };
    const cause = { kind: 'event' as const, id: event.id };
    for (const effect of event.effects) {
      if ('faction' in effect) d.changeFaction(effect.faction, [{ label: `event:${event.id}`, delta: effect.delta }], cause, [draw]);
      else if ('delta' in effect) d.change(effect.var, [{ label: `event:${event.id}`, delta: effect.delta }], cause, [draw]);
      else d.set(effect.var, effect.set, cause, `event:${event.id}`);
    }
    d.state.firedEvents = [...d.state.firedEvents, event.id];
    d.state.roundEvents = [...d.state.roundEvents, event.id];
    d.log({ kind: 'event', round: d.state.round, eventId: event.id });
  }
}
