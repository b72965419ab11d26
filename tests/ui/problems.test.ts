// A teacher checking a scenario in the browser reads why it was refused in the language
// on screen: every problem carries its message by key, the English of that key is what
// the command line prints, and the Japanese and Russian catalogues say the same things.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { english } from '../../src/scenario/messages';
import { readJsonText, SCENARIO_LIMITS } from '../../src/scenario/text';
import type { Problem } from '../../src/scenario/problems';
import { verifyReplay } from '../../src/sim';
import { installLang, setActiveLang, problemText } from '../../src/ui/i18n/t';
import { catalogueOf, type CatalogueFile } from '../../src/ui/i18n/catalogue';
import { formatFor } from '../../src/ui/i18n/format';

const shipped = readFileSync('scenarios/moscow-2019.json', 'utf8');
for (const lang of ['ja', 'ru'] as const) {
  const file = JSON.parse(readFileSync(`src/ui/i18n/${lang}.json`, 'utf8')) as CatalogueFile;
  installLang(lang, { catalogue: catalogueOf(file), texts: new Map(), quotes: new Map(), format: formatFor(lang) });
}
afterAll(() => setActiveLang('en'));

/** A broken copy of the shipped scenario: one problem of each family the checks report. */
function brokenProblems(): Problem[] {
  const s = JSON.parse(shipped) as Record<string, unknown> & { rounds: { date: string }[]; period: { start: string }; factions: { side: string }[]; sources: { id: string }[] };
  s.rounds[1]!.date = '1999-01-01'; // out of order and outside the period
  s.title = ''; // a non-empty text expected
  delete (s as { summary?: unknown }).summary; // a missing field
  (s as { extra?: unknown }).extra = 1; // an unknown field
  s.sources.push({ ...s.sources[0]! }); // a duplicate id
  const r = loadScenario(JSON.stringify(s), 'broken.json');
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.problems;
}

const text = (p: Problem): string => (p.msg ? problemText(p.msg) : p.message);

describe('replay refusals in three languages', () => {
  const refusals = () => {
    const out = [
      verifyReplay('{"format": "something-else"}', 'other.json', []),
      verifyReplay('{"a": 1,}', 'comma.json', []),
      verifyReplay(JSON.stringify({ format: 'unfinished-peace-replay', version: 9 }), 'future.json', []),
    ];
    return out.map((r) => {
      if (r.ok) throw new Error('these files should be refused');
      return r;
    });
  };

  it('each refusal says in English what the command line says, and carries the same by key', () => {
    for (const r of refusals()) expect(r.error).toBe(`${r.error.split(': ')[0]}: ${english(r.msg)}`);
  });

  for (const [lang, script] of [['ja', /[\u3040-\u30ff\u4e00-\u9fff]/], ['ru', /[а-яё]/i]] as const) {
    it(`${lang}: a refused replay is explained in ${lang}`, () => {
      setActiveLang(lang);
      for (const r of refusals()) expect(problemText(r.msg), r.error).toMatch(script);
      setActiveLang('en');
    });
  }
});

describe('scenario problems in three languages', () => {
  it('each problem carries its message by key, and its English is the command line’s', () => {
    const problems = [
      ...brokenProblems(),
      ...(readJsonText('{"a": 1, "a": 2}', 'twice.json', SCENARIO_LIMITS) as { problems: Problem[] }).problems,
      ...(readJsonText('{"a": 1,}', 'comma.json', SCENARIO_LIMITS) as { problems: Problem[] }).problems,
    ];
    expect(problems.length).toBeGreaterThanOrEqual(7);
    for (const p of problems) {
      expect(p.msg, p.message).toBeDefined();
      expect(english(p.msg!)).toBe(p.message);
    }
    setActiveLang('en');
    for (const p of problems) expect(text(p)).toBe(p.message);
  });

  for (const [lang, script] of [['ja', /[\u3040-\u30ff\u4e00-\u9fff]/], ['ru', /[а-яё]/i]] as const) {
    it(`${lang}: every problem reads in ${lang}, with the file's own words and numbers kept`, () => {
      const problems = [...brokenProblems(), ...(readJsonText('{"a": 1,}', 'comma.json', SCENARIO_LIMITS) as { problems: Problem[] }).problems];
      setActiveLang(lang);
      for (const p of problems) {
        const shown = text(p);
        expect(shown, p.message).toMatch(script);
        expect(shown).not.toBe(p.message);
        // No English sentence left: strip the file's quoted values, JSON paths and technical tokens, then no English word of 4+ letters remains.
        const words = shown.replace(/"[^"]*"/g, '').replace(/\w+(\[\d+\]|\.\w+)+/g, '').replace(/\b(JSON|YYYY-MM-DD|null|designer|window|when|atLeast|atMost|file)\b/g, '').match(/\b[a-z]{4,}\b/gi) ?? [];
        expect(words, shown).toEqual([]);
        for (const n of p.message.match(/\d{4}-\d{2}-\d{2}/g) ?? []) expect(shown).toContain(n);
      }
      setActiveLang('en');
    });
  }
});
