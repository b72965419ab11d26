import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadScenario, validateScenario } from '../../src/scenario/load';
import { formatProblem } from '../../src/scenario/problems';
import type { Scenario } from '../../src/scenario/schema';
import { checkQuotes, countSentences, quotedCitations } from '../../src/scenario/quotes';
import { ISSUES, LINE_MOMENTS, SIDES } from '../../src/scenario/vocabulary';
import { attribute, sameSpeaker } from '../../src/scenario/attribution';
import { inWindow } from '../../src/sim/rules/events';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sourcesDir = path.resolve(repoRoot, '../shared/sources');
const scenariosDir = path.join(repoRoot, 'scenarios');

function readArticles(): Map<string, string> {
  if (!fs.existsSync(sourcesDir)) {
    throw new Error(`the source articles are expected in ${sourcesDir} (shared/ cloned beside the repository)`);
  }
  const m = new Map<string, string>();
  for (const name of fs.readdirSync(sourcesDir)) {
    if (name.endsWith('.txt')) m.set(name, fs.readFileSync(path.join(sourcesDir, name), 'utf8'));
  }
  return m;
}

const scenarioFiles = fs
  .readdirSync(scenariosDir)
  .filter((n) => n.endsWith('.json'))
  .sort();

function load(name: string): Scenario {
  const r = loadScenario(fs.readFileSync(path.join(scenariosDir, name), 'utf8'), name);
  if (!r.ok) throw new Error(`${name} does not validate:\n${r.problems.map(formatProblem).join('\n')}`);
  return r.value;
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('scenario files', () => {
  const articles = readArticles();

  it('there are the three historical scenarios', () => {
    expect(scenarioFiles).toEqual(expect.arrayContaining(['moscow-2019.json', 'yamaguchi-2016.json', 'frozen-2025.json']));
  });

  for (const name of scenarioFiles) {
    describe(name, () => {
      it('validates against the schema', () => {
        const r = loadScenario(fs.readFileSync(path.join(scenariosDir, name), 'utf8'), name);
        if (!r.ok) console.error(r.problems.map(formatProblem).join('\n'));
        expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([]);
      });

      it('quotes every source verbatim', () => {
        const problems = checkQuotes(load(name), articles, name);
        if (problems.length > 0) console.error(problems.map(formatProblem).join('\n'));
        expect(problems.map(formatProblem)).toEqual([]);
      });

      it('covers every line moment for each side, with at least 9 events', () => {
        const s = load(name);
        for (const side of SIDES) {
          for (const moment of LINE_MOMENTS) {
            const n = s.lines.filter((l) => l.speaker.startsWith(`${side}.`) && l.on === moment).length;
            expect(n, `${side} lines for ${moment}`).toBeGreaterThanOrEqual(name === 'moscow-2019.json' ? 2 : 1);
          }
        }
        expect(s.events.length).toBeGreaterThanOrEqual(9);
        for (const side of SIDES) {
          expect(s.sides[side].brief.goals.reduce((a, g) => a + g.weight, 0), `${side} goal weights`).toBe(100);
        }
        for (const table of s.issues) expect(table.options.map((o) => o.id).sort()).toEqual([...ISSUES[table.id]].sort());
      });
    });
  }

  it('frozen-2025 locks sanctions relief and every island option beyond "none"', () => {
    const s = load('frozen-2025.json');
    const avail = (issue: string, option: string) =>
      s.issues.find((t) => t.id === issue)?.options.find((o) => o.id === option)?.available;
    expect(avail('sanctions', 'ease')).toBe(false);
    expect(avail('sanctions', 'lift')).toBe(false);
    for (const o of ['habomai', 'two', 'three', 'four']) expect(avail('islands', o)).toBe(false);
    expect(avail('islands', 'none')).toBe(true);
    expect(avail('humanitarian', 'graveVisits')).toBe(true);
    expect(s.variables.dialogue.start).toBe(0);
    expect(s.variables.exchanges.start).toBe(0);
    expect(s.variables.sanctions.start).toBe(2);
  });

  it('the complete example in scenarios/README.md validates and quotes verbatim', () => {
    const readme = fs.readFileSync(path.join(scenariosDir, 'README.md'), 'utf8');
    const block = /<!-- example:start -->\s*```json\n([\s\S]*?)```\s*<!-- example:end -->/.exec(readme);
    expect(block, 'README.md has a ```json block between <!-- example:start --> and <!-- example:end -->').not.toBeNull();
    const r = loadScenario(block![1]!, 'README.md example');
    if (!r.ok) console.error(r.problems.map(formatProblem).join('\n'));
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([]);
    if (r.ok) expect(checkQuotes(r.value, articles, 'README.md example').map(formatProblem)).toEqual([]);
  });
});

describe('the citation checker catches', () => {
  const articles = readArticles();
  const base = load('moscow-2019.json');
  const FILE = 'moscow-2019.json';

  it('an altered quote, naming file, path and where it differs', () => {
    const s = clone(base);
    const cite = s.variables['support.russia'].cite;
    expect('quote' in cite).toBe(true);
    if ('quote' in cite) cite.quote = cite.quote.replace('17 percent', '27 percent');
    const problems = checkQuotes(s, articles, FILE);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe(FILE);
    expect(problems[0]!.path).toBe('variables["support.russia"].cite.quote');
    const line = formatProblem(problems[0]!);
    expect(line).toMatch(/^moscow-2019\.json: variables\["support\.russia"\]\.cite\.quote: quote is not verbatim in 001_8678ed7301d6b549\.txt/);
    expect(line).toContain('27 percent');
  });

  it('a straight apostrophe where the article has a curly one', () => {
    const s = clone(base);
    const c = s.variables.energy.cite;
    if ('quote' in c) c.quote = c.quote.replace('’', "'");
    expect(checkQuotes(s, articles, FILE).map((p) => p.path)).toEqual(['variables.energy.cite.quote']);
  });

  it('but not a quote whose only difference is whitespace', () => {
    const s = clone(base);
    const c = s.variables['oppose.russia'].cite;
    if ('quote' in c) c.quote = `  ${c.quote.replace(/ /g, '\n   ')} `;
    expect(checkQuotes(s, articles, FILE)).toEqual([]);
  });

  it('an unknown source id, both on load and in the checker', () => {
    const raw = JSON.parse(fs.readFileSync(path.join(scenariosDir, FILE), 'utf8'));
    raw.events[0].cite.source = 'nyt-2019';
    const r = validateScenario(raw, FILE);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const hit = r.problems.find((p) => p.path === 'events[0].cite');
      expect(hit?.file).toBe(FILE);
      expect(hit?.message).toContain('"nyt-2019"');
    }
    const s = clone(base);
    const e = s.events[0]!;
    e.cite = { source: 'nyt-2019', quote: 'anything' };
    const problems = checkQuotes(s, articles, FILE);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^moscow-2019\.json: events\[0\]\.cite\.source: cites source "nyt-2019", which is not in the sources registry/),
    ]);
  });

  it('an over-long quote, even when it is verbatim', () => {
    const s = clone(base);
    const longQuote =
      'Fyodor Lukyanov, editor of Russia In Global Affairs, says that Putin\'s statement in Vladivostok was blown out of proportion. In fact, Lukyanov argues, the Russian president was just reiterating a long-held stance. "The Japanese position is the territorial issue first, and then, after having settled that, we can discuss the peace treaty," Lukyanov says.';
    s.rounds[0]!.cite = { source: 'rferl-2019', quote: longQuote, saidBy: 'Fyodor Lukyanov' };
    const problems = checkQuotes(s, articles, FILE);
    expect(problems.length).toBeGreaterThanOrEqual(1);
    for (const p of problems) {
      expect(p.file).toBe(FILE);
      expect(p.path).toBe('rounds[0].cite.quote');
    }
    expect(problems.some((p) => /characters long/.test(p.message))).toBe(true);
    expect(problems.some((p) => /3 sentences/.test(p.message))).toBe(true);
    expect(problems.some((p) => /not verbatim/.test(p.message))).toBe(false);
  });

  it('a source whose file is not in the articles folder', () => {
    const s = clone(base);
    s.sources[0]!.file = '999_missing.txt';
    const problems = checkQuotes(s, articles, FILE);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^moscow-2019\.json: sources\[0\]\.file: source "npr-2019" names the file "999_missing\.txt", which is not in the articles folder/),
    ]);
  });
});

describe('the attribution checker catches', () => {
  const articles = readArticles();
  const base = load('moscow-2019.json');
  const FILE = 'moscow-2019.json';
  const lineIndex = (s: Scenario, speaker: string) => s.lines.findIndex((l) => l.speaker === speaker && 'quote' in l.cite);

  it("an analyst's words given to a minister, naming file, path and what the article says", () => {
    const s = clone(base);
    const i = lineIndex(s, 'russia.minister');
    s.lines[i] = {
      speaker: 'russia.minister',
      on: 'stall',
      text: 'Nothing substantive will come out of this meeting.',
      cite: {
        source: 'rferl-2019',
        quote: "I don't think that anything substantive, anything which could be pronounced publicly, will come out of this meeting,",
        saidBy: 'Artyom Lukin',
      },
    };
    const problems = checkQuotes(s, articles, FILE);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(new RegExp(`^moscow-2019\\.json: lines\\[${i}\\]: Sergei Lavrov \\(russia\\.minister\\) says words 001_8678ed7301d6b549\\.txt gives to Artyom Lukin \\(Lukin says\\)`)),
    ]);
    // Marked as the game's paraphrase of the analyst's description, it passes.
    s.lines[i]!.after = 'Artyom Lukin, analyst';
    expect(checkQuotes(s, articles, FILE)).toEqual([]);
    // But the mark must name the person the article gives the words to.
    s.lines[i]!.after = 'Fyodor Lukyanov, editor';
    expect(checkQuotes(s, articles, FILE).map((p) => p.path)).toEqual([`lines[${i}].after`]);
  });

  it('op-ed prose given to a leader, whether or not saidBy is honest', () => {
    const s = clone(base);
    const i = lineIndex(s, 'russia.leader');
    const oped = { source: 'mt-2018', quote: 'He knows by now that U.S. economic sanctions and weaker European restrictions are here to stay' };
    s.lines[i] = { speaker: 'russia.leader', on: 'counter', text: 'Sanctions are here to stay.', cite: { ...oped, saidBy: 'Vladimir Putin' } };
    const lied = checkQuotes(s, articles, FILE).map(formatProblem);
    expect(lied).toEqual([
      `moscow-2019.json: lines[${i}].cite.saidBy: "Vladimir Putin", but 004_6fd47a1f66454894.txt gives these words to Leonid Bershidsky (the article's own prose (its author))`,
      expect.stringMatching(new RegExp(`^moscow-2019\\.json: lines\\[${i}\\]: Vladimir Putin \\(russia\\.leader\\) says words 004_6fd47a1f66454894\\.txt gives to Leonid Bershidsky`)),
    ]);
    s.lines[i]!.cite = { ...oped, saidBy: 'Leonid Bershidsky' };
    expect(checkQuotes(s, articles, FILE).map((p) => p.path)).toEqual([`lines[${i}]`]);
  });

  it("words given to the wrong person anywhere (Kiselyov's broadcast said to be Lavrov's)", () => {
    const s = clone(base);
    const e = s.events.find((x) => x.id === 'kiselyov-broadside')!;
    if ('quote' in e.cite) e.cite.saidBy = 'Sergei Lavrov';
    const i = s.events.indexOf(e);
    expect(checkQuotes(s, articles, FILE).map(formatProblem)).toEqual([
      `moscow-2019.json: events[${i}].cite.saidBy: "Sergei Lavrov", but 001_8678ed7301d6b549.txt gives these words to Dmitry Kiselyov (Dmitry Kiselyov said)`,
    ]);
  });

  it('a quote that says nothing of who said it', () => {
    const s = clone(base);
    const c = s.variables['support.russia'].cite;
    if ('quote' in c) delete c.saidBy;
    const problems = checkQuotes(s, articles, FILE);
    expect(problems.map((p) => p.path)).toEqual(['variables["support.russia"].cite.saidBy']);
    expect(problems[0]!.message).toContain('Matthew Luxmoore');
  });

  it('an event outside its window, and an event with no time at all', () => {
    const raw = JSON.parse(fs.readFileSync(path.join(scenariosDir, FILE), 'utf8'));
    const i = raw.events.findIndex((e: { id: string }) => e.id === 'nationalist-rally');
    raw.events[i].window = { from: '2019-01-01', to: '2019-08-31' };
    const j = raw.events.findIndex((e: { id: string }) => e.id === 'turkstream-landfall');
    raw.events[j].window = { from: '2018-12-01', to: '2018-12-31' };
    const k = raw.events.findIndex((e: { id: string }) => e.id === 'japan-slowdown');
    delete raw.events[k].window;
    const r = validateScenario(raw, FILE);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map(formatProblem)).toEqual([
        expect.stringMatching(new RegExp(`^moscow-2019\\.json: events\\[${i}\\]\\.window\\.to: 2019-08-31 is after the scenario's period 2018-09-01 to 2019-06-30`)),
        expect.stringMatching(new RegExp(`^moscow-2019\\.json: events\\[${j}\\]\\.window: no round falls between 2018-12-01 and 2018-12-31`)),
        expect.stringMatching(new RegExp(`^moscow-2019\\.json: events\\[${k}\\]: event "japan-slowdown" can strike in any round`)),
      ]);
    }
  });

  it('reads attributions as a reader does', () => {
    const rferl = articles.get('001_8678ed7301d6b549.txt')!;
    const fakti = articles.get('003_26a4d8fa4b0bb93f.txt')!;
    const who = (text: string, quote: string) => attribute(text, quote, 'AUTHOR')?.who;
    expect(who(rferl, '"Let\'s sign a peace agreement by the end of the year," he told Abe')).toBe('Putin');
    expect(who(rferl, 'And this, to me, is the only reason why the whole discussion')).toBe('Lukyanov');
    expect(who(rferl, 'Russian state media has helped keep those numbers up.')).toBe('AUTHOR');
    expect(who(fakti, 'relations between the two countries are at their lowest point')).toBe('Corbyn');
    expect(sameSpeaker('Michael Corbin', 'Corbyn')).toBe(true);
    expect(sameSpeaker('Sergei Lavrov', 'Dmitry Kiselyov')).toBe(false);
    expect(sameSpeaker('the Russian Foreign Ministry', 'Foreign Ministry')).toBe(true);
  });
});

describe('events keep to their time', () => {
  it('every event of the shipped scenarios has a window inside the period or a when condition', () => {
    for (const name of scenarioFiles) {
      const s = load(name);
      for (const e of s.events) {
        expect(e.window !== undefined || e.when !== undefined, `${name}: ${e.id}`).toBe(true);
        if (e.window) expect(s.rounds.some((r) => r.date >= e.window!.from && r.date <= e.window!.to), `${name}: ${e.id}`).toBe(true);
      }
    }
  });

  it('inWindow compares ISO dates', () => {
    expect(inWindow(undefined, '2018-09-12')).toBe(true);
    expect(inWindow({ from: '2019-01-01', to: '2019-01-31' }, '2019-01-22')).toBe(true);
    expect(inWindow({ from: '2019-01-01', to: '2019-01-31' }, '2018-09-12')).toBe(false);
  });
});

describe('countSentences', () => {
  it('counts what a reader counts', () => {
    expect(countSentences('One sentence.')).toBe(1);
    expect(countSentences('No U.S. bases would be built. Russia agrees.')).toBe(2);
    expect(countSentences('"Crimea is ours! The Kuriles are ours!" and "We won\'t return the Kuriles!"')).toBe(2);
    expect(countSentences('We don\'t need anything from Japan.... And how can we?')).toBe(2);
    expect(countSentences('A. B. C.')).toBe(1);
    expect(countSentences('First. Second! Third?')).toBe(3);
  });

  it('every quote in the scenarios is one or two sentences', () => {
    for (const name of scenarioFiles) {
      for (const q of quotedCitations(load(name))) expect(countSentences(q.quote), `${name}: ${q.path}`).toBeLessThanOrEqual(2);
    }
  });
});

describe('npm run cite', () => {
  const cli = path.join(repoRoot, 'src/cli/cite.ts');
  const run = (args: string[]) => {
    try {
      return { code: 0, out: execFileSync(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: repoRoot, encoding: 'utf8' }) };
    } catch (error) {
      const e = error as { status: number; stdout: string };
      return { code: e.status, out: e.stdout };
    }
  };

  it('passes on the shipped scenarios', () => {
    const { code, out } = run([sourcesDir]);
    expect(code).toBe(0);
    expect(out).toMatch(/^\d+ citations checked in \d+ scenarios, all verbatim and in the mouths the articles put them$/m);
  });

  it('fails with one line per problem on a doctored file', () => {
    const raw = JSON.parse(fs.readFileSync(path.join(scenariosDir, 'moscow-2019.json'), 'utf8'));
    raw.variables['oppose.russia'].cite.quote = '84 percent of Russians are against a transfer of territory';
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cite-'));
    const file = path.join(dir, 'doctored.json');
    fs.writeFileSync(file, JSON.stringify(raw));
    try {
      const { code, out } = run([sourcesDir, file]);
      expect(code).toBe(1);
      expect(out).toContain('doctored.json: variables["oppose.russia"].cite.quote: quote is not verbatim in 000_8c339c9b56f273fc.txt');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
