import type { Priorities, Scenario } from '../../scenario/schema';
import { ISSUE_IDS, type IssueId, type Package, type Side } from '../../scenario/vocabulary';
import { isTreaty, optionIndex } from '../packages';
import type { GameState, SidePriorities } from '../types';

// How much each option gives each side, from -1 (costs it dearly) to +1.
// These are the game's design, read off the articles: Japan wants the islands
// under its sovereignty and pays for them with guarantees, sanctions relief
// and investment; Russia "prefers lease or joint governance to a transfer",
// wants "firm guarantees that the U.S. will keep away", investment and energy.
const GAIN: Record<Side, { [I in IssueId]: number[] }> = {
  japan: {
    islands: [0, 0.25, 0.5, 0.8, 1],
    sovereignty: [-0.6, -0.25, 0.1, 1],
    usGuarantee: [0, -0.15, -0.4, -0.8],
    sanctions: [0, -0.3, -0.8],
    energy: [0, 0.3, 0.5],
    investment: [0, -0.1, -0.3],
    humanitarian: [0, 0.5, 0.8],
  },
  russia: {
    islands: [0, -0.15, -0.35, -0.8, -1],
    sovereignty: [0.4, 0.3, 0.2, -0.5],
    usGuarantee: [-0.8, -0.4, 0.2, 0.6],
    sanctions: [0, 0.5, 1],
    energy: [0, 0.4, 0.8],
    investment: [0, 0.5, 1],
    humanitarian: [0, -0.05, -0.15],
  },
};

/** The worth of simply having a signed text: Abe's legacy, Putin's counterweight to China. */
const DEAL_BONUS: Record<Side, { treaty: number; interim: number }> = {
  japan: { treaty: 8, interim: 3 },
  russia: { treaty: 6, interim: 3 },
};

/** Sovereignty and guarantees only matter when islands change hands. */
const TREATY_ONLY: ReadonlySet<IssueId> = new Set(['sovereignty']);

export function gain(side: Side, issue: IssueId, pkg: Package): number {
  if (TREATY_ONLY.has(issue) && !isTreaty(pkg)) return 0;
  const g = GAIN[side][issue][optionIndex(issue, pkg[issue])] ?? 0;
  // Without islands at stake Russia barely minds the absence of a guarantee.
  if (issue === 'usGuarantee' && side === 'russia' && !isTreaty(pkg)) return Math.max(g, 0) * 0.5;
  return g;
}

/** A package's worth to one side on a 0–100 scale; the status quo is 50. */
export function packageWorth(side: Side, pkg: Package, weights: Record<IssueId, number>): number {
  let sum = 0;
  let total = 0;
  for (const issue of ISSUE_IDS) {
    const w = weights[issue];
    sum += w * gain(side, issue, pkg);
    total += w;
  }
  const base = total === 0 ? 50 : 50 + (50 * sum) / total;
  const agreed = ISSUE_IDS.some((i) => optionIndex(i, pkg[i]) > 0);
  const bonus = isTreaty(pkg) ? DEAL_BONUS[side].treaty : agreed ? DEAL_BONUS[side].interim : 0;
  return base + bonus;
}

/** How heavily a territorial change weighs on a leader at home (0 when no island moves). */
export function territorialSeverity(pkg: Package): number {
  const islands = [0, 0.4, 0.7, 1.2, 1.5][optionIndex('islands', pkg.islands)] ?? 0;
  const form = [0.3, 0.6, 0.7, 1.2][optionIndex('sovereignty', pkg.sovereignty)] ?? 1;
  return islands * form;
}

/**
 * The home front's pull on what a leader can sign. "Any territorial
 * concession ... to make it, a leadership should be in a strong position":
 * opposition in the polls and hard-liners raise the bar for Russia's leader,
 * strength at home lowers it. Japan's leader pays for giving up on
 * sovereignty over "inherent" territory and for straining the US alliance.
 */
export function domesticPressure(side: Side, pkg: Package, state: GameState): number {
  const v = state.world.vars;
  if (side === 'russia') {
    const sev = territorialSeverity(pkg);
    const against = v['oppose.russia'] / 100;
    const hard = v['hardliners.russia'] / 100;
    const strength = (v['approval.russia'] - 50) / 50;
    return sev * (against * 20 + hard * 10 - strength * 8);
  }
  const hard = v['hardliners.japan'] / 100;
  const sovereigntyShortfall = isTreaty(pkg) ? [0.8, 0.6, 0.4, 0][optionIndex('sovereignty', pkg.sovereignty)] ?? 0 : 0;
  const alliance = [0, 0, 0.3, 0.7][optionIndex('usGuarantee', pkg.usGuarantee)] ?? 0;
  const strength = (v['approval.japan'] - 45) / 50;
  return (sovereigntyShortfall * 10 + alliance * 4) * (0.5 + hard) - strength * 3;
}

/** Red lines apply to treaty texts, where islands change hands. */
export function redLineBreached(priorities: Priorities, pkg: Package): string | null {
  if (!isTreaty(pkg)) return null;
  for (const line of priorities.redLines) {
    const r = optionIndex(line.issue, pkg[line.issue]);
    if (line.atLeast !== undefined && r < optionIndex(line.issue, line.atLeast)) return line.label;
    if (line.atMost !== undefined && r > optionIndex(line.issue, line.atMost)) return line.label;
  }
  return null;
}

/** Middle-of-the-range priorities: what a side can guess of the other's private brief. */
export function guessedPriorities(scenario: Scenario, side: Side): SidePriorities {
  const p = scenario.sides[side].priorities;
  const weights = {} as Record<IssueId, number>;
  for (const issue of ISSUE_IDS) weights[issue] = (p.weights[issue][0] + p.weights[issue][1]) / 2;
  return { weights, reservation: (p.reservation[0] + p.reservation[1]) / 2 };
}
