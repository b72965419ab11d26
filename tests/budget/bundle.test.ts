// Budget: the JavaScript the page loads, other than Phaser, is at most 100 kB gzip,
// and Phaser sits in a chunk of its own. Reads the build the browser tests serve (dist/,
// built once per run with hidden sourcemaps by tests/e2e/setup/global.ts): this file runs
// in the e2e project, so a second build is not paid for.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureBundle, NON_PHASER_BUDGET_BYTES, type BundleReport } from '../../src/cli/bench/bundle';
import { REPO_ROOT } from '../../src/cli/scenarios';

let report: BundleReport | null = null;
const built = (): BundleReport => (report ??= measureBundle(join(REPO_ROOT, 'dist')));

const parts = (r: BundleReport) => r.breakdown.slice(0, 8).map((g) => `${g.group} ${(g.gzipAlone / 1000).toFixed(1)} kB`).join(', ');

describe('bundle budget', () => {
  it('puts Phaser in a chunk of its own', () => {
    const r = built();
    expect(r.chunks.filter((c) => c.phaser)).toHaveLength(1);
    expect(r.phaserChunkOthers).toEqual([]);
    expect(r.phaserOwnChunk).toBe(true);
  });

  it('loads at most 100 kB gzip of JavaScript besides Phaser', () => {
    const r = built();
    expect(r.nonPhaserGzip, `non-Phaser JS is ${(r.nonPhaserGzip / 1000).toFixed(1)} kB gzip; largest parts: ${parts(r)}`).toBeLessThanOrEqual(NON_PHASER_BUDGET_BYTES);
  });
});
