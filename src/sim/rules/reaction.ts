import { SIDES, otherSide, type Side, type Tone, type VarId } from '../../scenario/vocabulary';
import type { Draft } from '../draft';
import { landShare, optionIndex } from '../packages';
import { territorialSeverity } from '../worth';
import type { Action, Cause, Draw, Factor, SummitOutcome } from '../types';
import { say } from './lines';
import { strikeEvents } from './events';
import { TUNING } from '../tuning';
import { worldAfterSummit, worldDrift } from './world';

const POLL_SAMPLE = TUNING.reaction.pollSample;
const T = TUNING.reaction;

export function recordStatement(d: Draft, a: Extract<Action, { type: 'statement' }>): void {
  d.state.statements = { ...d.state.statements, [a.side]: a.tone };
}

/**
 * Both publics react at once: each leader's approval, each country's poll on
 * a deal and its hard-liners move with the summit's outcome and with what
 * each leader told the press; then the dice for sampling noise and events.
 */
export function resolveReaction(d: Draft): void {
  const outcome: SummitOutcome = d.state.summit.outcome ?? 'nothing';
  for (const side of SIDES) reactAtHome(d, side, outcome, d.state.statements[side] ?? 'quiet');
  for (const side of SIDES) reactAbroad(d, side, d.state.statements[side] ?? 'quiet');
  worldAfterSummit(d, outcome);
  worldDrift(d);
  for (const side of SIDES) pollNoise(d, side);
  strikeEvents(d, 'publicReaction');
}

function reactAtHome(d: Draft, side: Side, outcome: SummitOutcome, tone: Tone): void {
  const cause: Cause = { kind: 'summit', id: outcome, side };
  const pkg = d.state.signed;
  const walker = outcome === 'walkOut' ? d.state.summit.toMove : null;
  const approval: Factor[] = [];
  const support: Factor[] = [];
  const hard: Factor[] = [];
  const deal = outcome === 'treatyText' || outcome === 'interimAgreement';

  if (outcome === 'treatyText' && pkg) {
    const sev = territorialSeverity(pkg);
    if (side === 'japan') {
      const form = T.sovereigntyForm[optionIndex('sovereignty', pkg.sovereignty)] ?? 0;
      approval.push({ label: 'reaction.treaty.islands', delta: T.treatyBase + T.treatyLand * landShare(d.scenario, pkg) * form + T.treatyForm * form });
      approval.push({ label: 'reaction.treaty.alliance', delta: -T.allianceCost[optionIndex('usGuarantee', pkg.usGuarantee)]! });
      support.push({ label: 'reaction.treaty', delta: form >= 0.6 ? T.treatySupportStrong : T.treatySupportWeak });
      // Settling for less than sovereignty over the larger islands gives up "93 percent of the land".
      if (pkg.sovereignty !== 'transfer') approval.push({ label: 'reaction.treaty.claimsGivenUp', delta: T.claimsGivenUp * (1 - landShare(d.scenario, pkg)) });
      if (pkg.sovereignty !== 'transfer') hard.push({ label: 'reaction.treaty.sovereignty', delta: T.claimsHardliners });
    } else {
      approval.push({ label: 'reaction.treaty.territory', delta: T.territoryApproval * sev });
      approval.push({ label: 'reaction.treaty.normalisation', delta: T.normalisationApproval });
      support.push({ label: 'reaction.treaty.territory', delta: T.territorySupport * sev });
      hard.push({ label: 'reaction.treaty.territory', delta: T.territoryHardliners * sev });
    }
  } else if (outcome === 'interimAgreement') {
    approval.push({ label: 'reaction.interim', delta: T.interimApproval });
    support.push({ label: 'reaction.interim', delta: T.interimSupport });
    hard.push({ label: 'reaction.interim', delta: T.interimHardliners });
  } else if (outcome === 'jointStatement') {
    approval.push({ label: 'reaction.statement', delta: T.statementApproval[side] });
  } else if (outcome === 'nothing') {
    approval.push({ label: 'reaction.nothing', delta: T.nothingApproval[side] });
  } else if (walker) {
    approval.push({ label: walker === side ? 'reaction.walkedOut' : 'reaction.wasLeft', delta: walker === side ? T.walkedOutApproval : T.wasLeftApproval });
  }

  if (tone === 'sell') {
    approval.push({ label: deal ? 'tone.sell' : 'tone.oversold', delta: deal ? T.sellApproval : T.oversoldApproval });
    if (deal) support.push({ label: 'tone.sell', delta: T.sellSupport });
  } else if (tone === 'tough') {
    approval.push({ label: 'tone.tough', delta: T.toughApproval });
    support.push({ label: 'tone.tough', delta: T.toughSupport });
    hard.push({ label: 'tone.tough', delta: T.toughHardliners });
  } else if (tone === 'leak') {
    approval.push({ label: 'tone.leak', delta: T.leakApproval });
    support.push({ label: 'tone.leak', delta: T.leakSupport });
  }
  // Approval drifts back toward where the scenario began: news fades.
  const start = d.scenario.variables[`approval.${side}`].start;
  approval.push({ label: 'drift.approval', delta: -(d.get(`approval.${side}`) - start) * T.approvalDrift });
  const h = d.get(`hardliners.${side}`);
  hard.push({ label: 'drift.hardliners', delta: -(h - 50) * T.hardlinerDrift });

  d.change(`approval.${side}`, approval, cause);
  movePoll(d, side, support, cause);
  d.change(`hardliners.${side}`, hard, cause);
}

/** What one leader says at home is heard abroad too. */
function reactAbroad(d: Draft, side: Side, tone: Tone): void {
  const other = otherSide(side);
  const cause: Cause = { kind: 'action', id: `tone.${tone}`, side };
  if (tone === 'tough') {
    d.remember(other, { round: d.state.round, reason: 'tough', delta: T.toughTrustAbroad });
    d.change('rapport', [{ label: 'tone.tough', delta: T.toughRapport }], cause);
    d.change(`hardliners.${other}`, [{ label: 'tone.toughAbroad', delta: T.toughHardlinersAbroad }], cause);
    say(d, other, 'leader', 'grievance.tough');
  } else if (tone === 'leak') {
    d.remember(other, { round: d.state.round, reason: 'leak', delta: T.leakTrustAbroad });
    d.change('rapport', [{ label: 'tone.leak', delta: T.leakRapport }], cause);
    d.change(`hardliners.${other}`, [{ label: 'tone.leakAbroad', delta: T.leakHardlinersAbroad }], cause);
    say(d, other, 'minister', 'grievance.leak');
  } else if (tone === 'sell' && d.state.summit.outcome === 'treatyText') {
    d.change(`hardliners.${other}`, [{ label: 'tone.sellAbroad', delta: T.sellTreatyHardlinersAbroad }], cause);
  }
}

/** Support and opposition move together: what one gains, the other mostly loses. */
function movePoll(d: Draft, side: Side, factors: Factor[], cause: Cause, draws: Draw[] = []): void {
  if (factors.length === 0 && draws.length === 0) return;
  d.change(`support.${side}`, factors, cause, draws);
  d.change(
    `oppose.${side}`,
    factors.map((f) => ({ label: f.label, delta: -T.opposeFollows * f.delta })),
    cause,
    draws,
  );
}

function pollNoise(d: Draft, side: Side): void {
  for (const v of [`support.${side}`, `approval.${side}`] as VarId[]) {
    const p = d.get(v) / 100;
    const sd = Math.sqrt((p * (1 - p)) / POLL_SAMPLE) * 100;
    const z = d.dice.normal('polls');
    const delta = Math.round(z * sd * 100) / 100;
    const draw: Draw = { stream: 'polls', what: `noise:${v}`, roll: Math.round(z * 1000) / 1000, outcome: delta };
    d.change(v, [{ label: 'noise.sampling', delta }], { kind: 'noise', id: v }, [draw]);
  }
}
