// Shared links (tests/fixtures/links.json) through src/ui/app/link.ts's parseLink, which is DOM-free.
// Verdict: "ok", "none", or the problems joined with "; " as the title screen shows them.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLink } from '../../src/ui/app/link';
import { bundledScenarios } from '../../src/cli/scenarios';
import { FIXTURES, matches } from './corpus';

const links = JSON.parse(readFileSync(join(FIXTURES, 'links.json'), 'utf8')) as { query: string; expect: string; why: string }[];
const ids = bundledScenarios().map((s) => s.id);

describe('shared links: parseLink', () => {
  for (const l of links) {
    it(`${l.why}: ${l.query.length > 60 ? `${l.query.slice(0, 60)}…` : l.query}`, () => {
      const r = parseLink(l.query, ids);
      const verdict = r.kind === 'bad' ? r.problems.join('; ') : r.kind;
      expect(matches(l.expect, verdict), `expected /${l.expect}/i, got: ${verdict}`).toBe(true);
    });
  }
});
