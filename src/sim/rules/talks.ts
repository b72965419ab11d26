import type { Side } from '../../scenario/vocabulary';
import type { Draft } from '../draft';
import type { Action } from '../types';
import { say } from './lines';
import { strikeEvents } from './events';
import { TUNING } from '../tuning';

type AgendaAction = Extract<Action, { type: 'agenda' }>;

export function recordAgenda(d: Draft, a: AgendaAction): void {
  d.state.talks = {
    ...d.state.talks,
    agenda: { ...d.state.talks.agenda, [a.side]: { sequencing: a.sequencing, prepare: a.prepare } },
  };
  say(d, a.side, 'minister', `agenda.${a.sequencing}`);
}

/**
 * The foreign ministers set what the summit can reach. Japan's "territory
 * first" against Russia's "first normalize the relationship" is a clash that
 * keeps territory off the summit's table; a side that yields on sequencing
 * pays at home and earns some trust abroad.
 */
export function resolveTalks(d: Draft): void {
  const j = d.state.talks.agenda.japan;
  const r = d.state.talks.agenda.russia;
  if (!j || !r) return;
  const clash = j.sequencing === 'territoryFirst' && r.sequencing === 'normaliseFirst';
  const early = d.scenario.rounds[d.state.round]?.treatyTexts === false;
  const reach = clash || early || d.get('dialogue') < 2 ? 'interimAgreement' : 'treatyText';
  d.state.talks = { ...d.state.talks, reach };
  const cause = { kind: 'rule' as const, id: 'talks' };
  if (clash) {
    d.change('rapport', [{ label: 'talks.clash', delta: TUNING.talks.clashRapport }], cause);
  }
  yieldOnSequencing(d, 'japan', j.sequencing === 'normaliseFirst');
  yieldOnSequencing(d, 'russia', r.sequencing === 'territoryFirst');
  if (j.prepare === r.prepare) {
    d.change('rapport', [{ label: 'talks.commonGround', delta: TUNING.talks.commonGroundRapport }], cause);
  }
  d.log({ kind: 'talks', round: d.state.round, reach, clash });
  strikeEvents(d, 'ministerTalks');
}

function yieldOnSequencing(d: Draft, side: Side, yielded: boolean): void {
  if (!yielded) return;
  const other: Side = side === 'japan' ? 'russia' : 'japan';
  const cause = { kind: 'rule' as const, id: 'talks.yield', side };
  d.change(`hardliners.${side}`, [{ label: 'talks.yieldedSequencing', delta: TUNING.talks.yieldHardliners }], cause);
  d.change(`approval.${side}`, [{ label: 'talks.yieldedSequencing', delta: TUNING.talks.yieldApproval }], cause);
  d.remember(other, { round: d.state.round, reason: 'goodwill', delta: TUNING.talks.yieldTrust });
  say(d, other, 'minister', 'goodwill');
}
