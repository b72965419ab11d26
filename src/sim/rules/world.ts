import type { Faction, Scenario } from '../../scenario/schema';
import { SIDES, type Side } from '../../scenario/vocabulary';
import type { Draft } from '../draft';
import { optionIndex, toVec } from '../packages';
import { backingOf, factionById, factionRules, judges, meetsVec } from '../factions';
import type { Action, Cause, Factor, GameState, SummitOutcome } from '../types';
import { TUNING } from '../tuning';

// The world beyond the table: Washington, Beijing and the factions at home.
// None of them is a player; the rules move them, and every move goes through
// the ledger with its cause. The numbers are in TUNING (us, china, factions);
// what each scenario sets (who the factions are, what they demand, how much
// Washington minds) is in its file, cited.

const U = TUNING.us;
const C = TUNING.china;
const F = TUNING.factions;


/** A leader works a faction at home: its backing rises, the leader spends approval, and any group it annoys cools. */
export function workFaction(d: Draft, a: Extract<Action, { type: 'homeFront' }>): void {
  const f = factionById(d.scenario, a.faction);
  if (!f) return;
  d.state.worked = { ...d.state.worked, [a.side]: f.id };
  const cause: Cause = { kind: 'action', id: `homeFront.${f.id}`, side: a.side };
  d.changeFaction(f.id, [{ label: `work.${f.id}`, delta: f.work.gain }], cause);
  if (f.work.approval !== 0) d.change(`approval.${a.side}`, [{ label: `work.${f.id}`, delta: f.work.approval }], cause);
  for (const x of f.work.also) d.changeFaction(x.faction, [{ label: `work.${f.id}`, delta: x.delta }], cause);
}

/**
 * The world reacts to the summit's deal: Washington to terms that break G7
 * unity or bind US forces, Moscow's reliance on Beijing to Japanese energy
 * and money, each faction to whether the deal meets its demand.
 */
export function worldAfterSummit(d: Draft, outcome: SummitOutcome): void {
  if (outcome !== 'treatyText' && outcome !== 'interimAgreement') return;
  const pkg = outcome === 'treatyText' ? d.state.signed : d.state.summit.offers[d.state.summit.offers.length - 1]?.package;
  if (!pkg) return;
  const treaty = outcome === 'treatyText';
  const cause: Cause = { kind: 'summit', id: outcome };
  const v = toVec(pkg);
  const interest = d.scenario.actors.us.interest;
  d.change(
    'alliance',
    [
      { label: 'us.sanctions', delta: -U.sanctionsCost * optionIndex('sanctions', pkg.sanctions) * interest },
      { label: 'us.guarantee', delta: -(U.guaranteeCost[optionIndex('usGuarantee', pkg.usGuarantee)] ?? 0) * interest },
    ],
    cause,
  );
  const eased = optionIndex('energy', pkg.energy) + optionIndex('investment', pkg.investment);
  if (eased > 0) d.change('china', [{ label: 'china.counterweight', delta: -C.dealEases * eased }], cause);
  for (const side of SIDES) {
    for (const rule of factionRules(d.scenario)[side]) {
      const f = rule.faction;
      if (!judges(f, treaty)) continue;
      const met = meetsVec(rule, v);
      if (!met && !treaty) continue; // an interim step that leaves its demand alone neither pleases nor wounds it
      d.changeFaction(f.id, [{ label: met ? 'faction.demandMet' : 'faction.demandFailed', delta: met ? F.met : F.failed }], { ...cause, side });
      if (!met) d.log({ kind: 'voice', round: d.state.round, faction: f.id, text: f.voice.text, cite: f.voice.cite, ...(f.voice.after ? { after: f.voice.after } : {}) });
    }
  }
}

/**
 * Every round, after the publics react: the factions' voices pull on their
 * leaders' approval and their backing fades toward where it began;
 * Washington presses Tokyo when its confidence is low; sanctions kept push
 * Moscow toward Beijing, which alarms Japan where the scenario says so.
 */
export function worldDrift(d: Draft): void {
  const s = d.scenario;
  for (const side of SIDES) {
    const pull: Factor[] = [];
    for (const rule of factionRules(s)[side]) {
      const f = rule.faction;
      const backing = backingOf(d.state, f);
      pull.push({ label: `faction.${f.id}`, delta: (f.strength / 100) * (backing - 50) * F.approvalPull });
      d.changeFaction(f.id, [{ label: 'drift.faction', delta: -(backing - f.backing) * F.drift }], { kind: 'drift', id: f.id, side });
    }
    if (pull.length > 0) d.change(`approval.${side}`, pull, { kind: 'rule', id: 'factions', side });
  }
  const us = s.actors.us;
  const alliance = d.get('alliance');
  const usFactors: Factor[] = [{ label: 'drift.us', delta: -(alliance - s.variables.alliance.start) * U.drift }];
  d.change('alliance', usFactors, { kind: 'drift', id: 'alliance' });
  if (d.get('alliance') < us.pressBelow) d.change('approval.japan', [{ label: 'us.presses', delta: U.pressApproval * us.interest }], { kind: 'rule', id: 'us.presses' });
  const china = d.get('china');
  const sanctionsInForce = Math.min(2, Math.max(0, Math.round(d.get('sanctions'))));
  d.change(
    'china',
    [
      { label: 'drift.china', delta: -(china - s.variables.china.start) * C.drift },
      { label: 'china.isolation', delta: C.isolationPush * sanctionsInForce },
    ],
    { kind: 'drift', id: 'china' },
  );
  const threat = s.actors.china.threat;
  if (threat > 0 && d.get('china') > C.threatAbove) {
    d.change('hardliners.japan', [{ label: 'china.threat', delta: C.threatHardliners * threat }], { kind: 'rule', id: 'china.threat' });
  }
}

