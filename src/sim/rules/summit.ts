import { otherSide, type IssueId, type Package, type Side } from '../../scenario/vocabulary';
import type { Draft } from '../draft';
import { classify, islandsOf, isTreaty, mergeTerms, optionIndex, samePackage } from '../packages';
import { packageWorth } from '../worth';
import type { Action, Cause } from '../types';
import { say } from './lines';
import { TUNING } from '../tuning';

/** Offers and counter-offers one summit allows before someone must accept, stall or walk out. */
export const MAX_OFFERS = TUNING.summit.maxOffers;

export function proposerOf(d: { scenario: Draft['scenario'] }, round: number): Side {
  const first = d.scenario.firstProposer;
  return round % 2 === 0 ? first : otherSide(first);
}

export function recordOffer(d: Draft, a: Extract<Action, { type: 'offer' }>): void {
  const offers = d.state.summit.offers;
  const receiver = otherSide(a.side);
  const previous = [...offers].reverse().find((o) => o.side === a.side);
  d.state.summit = {
    ...d.state.summit,
    offers: [...offers, { side: a.side, package: a.package }],
    toMove: receiver,
  };
  say(d, a.side, 'leader', offers.length === 0 ? 'offer' : 'counter', a.package.islands !== 'none' ? 'territory' : 'cooperation', a.why?.asks);
  // The receiver judges the offer by its own lights, and remembers.
  const weights = d.state.priorities[receiver].weights;
  const worth = packageWorth(receiver, a.package, weights);
  if (previous && worth - packageWorth(receiver, previous.package, weights) >= TUNING.summit.concessionStep) {
    d.remember(receiver, { round: d.state.round, reason: 'concession', delta: TUNING.summit.concessionTrust });
  } else if (worth < TUNING.summit.hardOfferBelow) {
    d.remember(receiver, { round: d.state.round, reason: 'hardOffer', delta: TUNING.summit.hardOfferTrust });
  }
}

export function acceptOffer(d: Draft, a: Extract<Action, { type: 'accept' }>): void {
  const last = d.state.summit.offers[d.state.summit.offers.length - 1];
  if (!last) return;
  const merged = mergeTerms(d.state.agreed, last.package);
  const reaffirmed = d.state.agreed !== null && !isTreaty(last.package) && samePackage(merged, d.state.agreed);
  const outcome = reaffirmed ? 'jointStatement' : classify(last.package);
  d.state.summit = { ...d.state.summit, outcome };
  // A line about settling the dispute is for a treaty text, not for an interim step or a reaffirmation.
  say(d, a.side, 'leader', 'accept', isTreaty(last.package) ? 'territory' : 'cooperation');
  const cause: Cause = { kind: 'summit', id: outcome };
  d.change('rapport', [{ label: 'summit.agreement', delta: TUNING.summit.agreementRapport }], cause);
  d.remember('japan', { round: d.state.round, reason: 'agreement', delta: TUNING.summit.agreementTrust });
  d.remember('russia', { round: d.state.round, reason: 'agreement', delta: TUNING.summit.agreementTrust });
  if (outcome === 'treatyText') {
    d.state.signed = last.package;
    d.state.signedRound = d.state.round;
  }
  else if (outcome === 'interimAgreement') {
    applyTerms(d, last.package, cause);
    d.state.agreed = mergeTerms(d.state.agreed, last.package);
    d.change('dialogue', [{ label: 'summit.reopened', delta: 1 }], cause);
  }
  d.log({ kind: 'summit', round: d.state.round, outcome, package: last.package });
}

/**
 * "Kick the can down the road". An opener who stalls before any offer
 * passes the floor: the other side may still propose, so each side moves
 * at every summit. Otherwise the summit ends with nothing agreed: talk
 * without terms is not a joint statement.
 */
export function stallSummit(d: Draft, a: Extract<Action, { type: 'stall' }>): void {
  const summit = d.state.summit;
  const other = otherSide(a.side);
  if (summit.offers.length === 0 && !summit.floorPassed) {
    d.state.summit = { ...summit, floorPassed: true, toMove: other };
    d.log({ kind: 'floorPassed', round: d.state.round, side: a.side });
    return;
  }
  const exchanged = summit.offers.length > 0;
  d.state.summit = { ...summit, outcome: 'nothing' };
  say(d, a.side, 'leader', 'stall', undefined, exchanged ? concernOf(d, a.side) : undefined);
  if (exchanged) d.remember(other, { round: d.state.round, reason: 'stall', delta: TUNING.summit.stallTrust });
  d.change('rapport', [{ label: 'summit.stall', delta: TUNING.summit.stallRapport }], { kind: 'summit', id: 'nothing', side: a.side });
  d.log({ kind: 'summit', round: d.state.round, outcome: 'nothing', package: null });
}

/** The issue a computer side last pressed on, so what its leader says at a stall fits its reason. */
function concernOf(d: Draft, side: Side): IssueId | undefined {
  for (let k = d.state.log.length - 1; k >= 0; k -= 1) {
    const e = d.state.log[k]!;
    if (e.kind === 'round') return undefined;
    if (e.kind === 'action' && e.action.side === side && e.action.why?.asks) return e.action.why.asks;
  }
  return undefined;
}

export function walkOut(d: Draft, a: Extract<Action, { type: 'walkOut' }>): void {
  d.state.summit = { ...d.state.summit, outcome: 'walkOut' };
  d.state.walkOuts += 1;
  say(d, a.side, 'leader', 'walkOut');
  const cause: Cause = { kind: 'summit', id: 'walkOut', side: a.side };
  d.change('rapport', [{ label: 'summit.walkOut', delta: TUNING.summit.walkOutRapport }], cause);
  // Leaders who walk out of a summit leave the next round to their ministers.
  d.change('dialogue', [{ label: 'summit.walkOut', delta: TUNING.summit.walkOutDialogue }], cause);
  d.remember(otherSide(a.side), { round: d.state.round, reason: 'walkOut', delta: TUNING.summit.walkOutTrust });
  say(d, otherSide(a.side), 'leader', 'grievance.walkOut');
  d.log({ kind: 'summit', round: d.state.round, outcome: 'walkOut', package: null });
}

/** What agreed terms change in the world once they take effect. */
export function applyTerms(d: Draft, pkg: Package, cause: Cause): void {
  if (pkg.sovereignty === 'jointActivity' && pkg.islands !== 'none') {
    // Joint economic activity on islands that stay Russian: the 2016 formula.
    const islands = { ...d.state.world.islands };
    for (const id of islandsOf(pkg)) if (islands[id] === 'russian') islands[id] = 'jointActivity';
    d.state.world = { ...d.state.world, islands };
  }
  const exchanges = optionIndex('humanitarian', pkg.humanitarian);
  if (exchanges > d.get('exchanges')) d.set('exchanges', exchanges, cause, `terms.humanitarian.${pkg.humanitarian}`);
  const energy = TUNING.summit.termEnergy[optionIndex('energy', pkg.energy)] ?? 0;
  if (energy > 0) d.change('energy', [{ label: `terms.energy.${pkg.energy}`, delta: energy }], cause);
  const invest = TUNING.summit.termInvestment[optionIndex('investment', pkg.investment)] ?? 0;
  if (invest > 0) d.change('investment', [{ label: `terms.investment.${pkg.investment}`, delta: invest }], cause);
  if (pkg.sanctions === 'ease') d.change('sanctions', [{ label: 'terms.sanctions.ease', delta: -1 }], cause);
  if (pkg.sanctions === 'lift') d.set('sanctions', 0, cause, 'terms.sanctions.lift');
  const guarantee = optionIndex('usGuarantee', pkg.usGuarantee);
  if (guarantee > d.get('usGuarantee')) d.set('usGuarantee', guarantee, cause, `terms.usGuarantee.${pkg.usGuarantee}`);
  if (isTreaty(pkg)) d.set('dialogue', 2, cause, 'terms.treaty');
}
