// Fixtures are recipes: the bad-input corpus is generated before each run
// (tests/fixtures/setup.ts), so what git holds under tests/fixtures is code,
// each file small, and none of the generated corpus.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/cli/scenarios';
import { manifest } from '../badinput/corpus';

const committed = execFileSync('git', ['ls-files', 'tests/fixtures'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);

describe('fixtures as recipes', () => {
  it('commits no file over 30 KB under tests/fixtures', () => {
    expect(committed.length).toBeGreaterThan(3);
    for (const f of committed) expect(statSync(join(REPO_ROOT, f)).size, f).toBeLessThanOrEqual(30_000);
  });

  it('commits none of the generated corpus: scenarios, replays, saves, links and the manifest come from the recipes', () => {
    for (const f of committed) expect(f, f).not.toMatch(/^tests\/fixtures\/(scenarios|replays|saves)\/|^tests\/fixtures\/(links|manifest)\.json$/);
    // ...and the setup has generated them for this run.
    expect(manifest('scenario').length).toBeGreaterThan(40);
    expect(manifest('replay').length).toBeGreaterThan(20);
  });
});
