// The tournament's balance targets ("A game worth playing"), checked on the
// same seeds `npm run tournament` uses, and on the same build of the engine:
// src/sim bundled as `npm run tournament` bundles it (tests/balance/setup.ts).
// One file per scenario, so the three run side by side. Not a test file itself.
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { SIDES, type Side } from '../../src/scenario/vocabulary';
import { TRIVIAL, type PolicyResult } from '../../src/sim/index';
import type { PolicyId } from '../../src/sim/policies';
import { scenarioById } from '../sim/helpers';

type Sim = typeof import('../../src/sim/index');

export const SEEDS = 300;

export interface Targets {
  /** Sides on which no trivial policy may come within 10 points of the best. */
  noTrivialNearBest: readonly Side[];
  /** Sides on which the best policy must be 20 points above random play. */
  skillOverRandom: readonly Side[];
  /** Whether the best Japan and the best Russia must be within 10 points. */
  fair: boolean;
  /** Sides on which skilled play must be the best policy. */
  skilledBest: readonly Side[];
  /** Pacing: the least median number of decisions a skilled campaign asks of a player, and the most games over in round 1 (a share). */
  pacing?: { minDecisions: number; maxRoundOne: number };
}

export function checkTargets(id: string, targets: Targets): void {
  describe(`${id}: the tournament on ${SEEDS} seeds`, () => {
    let rows: PolicyResult[] = [];
    const row = (side: Side, policy: PolicyId) => rows.find((r) => r.side === side && r.policy === policy)!;
    const best = (side: Side) => rows.filter((r) => r.side === side).reduce((a, b) => (b.mean > a.mean ? b : a));
    beforeAll(async () => {
      const sim = (await import(pathToFileURL(inject('simBundle')).href)) as Sim;
      rows = sim.runTournament(scenarioById(id), sim.tournamentSeeds(SEEDS));
    }, 600_000);

    it('plays every policy on every seed for both sides', () => {
      expect(rows).toHaveLength(16);
      for (const r of rows) expect(Object.values(r.endings).reduce((a, b) => a + b, 0), `${r.side} ${r.policy}`).toBe(SEEDS);
    });

    it('the status quo is not a win: always stall scores at most 30 for each side', () => {
      for (const side of SIDES) expect(row(side, 'alwaysStall').mean, side).toBeLessThanOrEqual(30);
    });

    for (const side of targets.skilledBest) {
      it(`${side}: the best policy is skilled play, not a trivial one`, () => {
        expect(best(side).policy).toBe('skilled');
      });
    }

    for (const side of targets.noTrivialNearBest) {
      it(`${side}: no trivial policy within 10 points of the best`, () => {
        const top = best(side).mean;
        for (const p of TRIVIAL) expect(row(side, p).mean, `${side} ${p} vs best ${top}`).toBeLessThanOrEqual(top - 10);
      });
    }

    for (const side of targets.skillOverRandom) {
      it(`${side}: skill beats random play by at least 20 points`, () => {
        expect(best(side).mean - row(side, 'random').mean).toBeGreaterThanOrEqual(20);
      });
    }

    const pacing = targets.pacing;
    if (pacing) {
      it(`pacing: a skilled campaign asks at least ${pacing.minDecisions} decisions on the median seed, and at most ${pacing.maxRoundOne * 100}% of games end in round 1`, () => {
        for (const side of SIDES) {
          expect(row(side, 'skilled').medianDecisions, side).toBeGreaterThanOrEqual(pacing.minDecisions);
          expect(row(side, 'skilled').endedInRoundOne, side).toBeLessThanOrEqual(pacing.maxRoundOne);
        }
      });
    }

    if (targets.fair) {
      it('fairness: the best Japan and the best Russia within 10 points', () => {
        expect(Math.abs(best('japan').mean - best('russia').mean)).toBeLessThanOrEqual(10);
      });
    }
  });
}
