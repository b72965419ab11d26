// The class view's pure helpers: CSV, placings, histograms, replay intake, and
// that the class figures are exactly `npm run sim`'s figures for the same games.
import { describe, expect, test } from 'vitest';
import { bundledScenarios } from '../../src/cli/scenarios';

// The browser fetches the bundled scenarios; Node reads the same files from disk.
const BUNDLED_SCENARIOS = bundledScenarios();
import { ENDINGS, SIDES, type Side } from '../../src/scenario/vocabulary';
import { GameSession, toReplay, type Action, type GameConfig } from '../../src/sim';
import { computerConfig, playComputerGame, spreadOf } from '../../src/sim/batch';
import { csvField, parseCsv, toCsv } from '../../src/ui/class/csv';
import { histogram, percentileRank, placing } from '../../src/ui/class/percentile';
import { CSV_COLUMNS, byFileName, classCsvRows, groupRows, intakeReplay, referenceSeeds, type ClassRow } from '../../src/ui/class/intake';
import { markdownTree } from '../../src/ui/class/markdown';

const scenario = BUNDLED_SCENARIOS.find((s) => s.id === 'moscow-2019')!;

/** A plain human policy: accept when possible, else the first calm move. */
function humanMove(session: GameSession): Action {
  const l = session.legal()!;
  const side = l.side;
  const ty = l.types;
  if (ty.includes('accept')) return { type: 'accept', side };
  if (ty.includes('agenda')) return { type: 'agenda', side, sequencing: 'parallel', prepare: 'energy' };
  if (ty.includes('statement')) return { type: 'statement', side, tone: 'quiet' };
  if (ty.includes('ratify')) return { type: 'ratify', side, approach: 'whip' };
  return { type: 'stall', side };
}

function humanGame(seed: string, side: Side): GameSession {
  const config: GameConfig = {
    scenarioId: scenario.id,
    seed,
    controllers: side === 'japan' ? { japan: 'human', russia: 'computer' } : { japan: 'computer', russia: 'human' },
    difficulty: 'normal',
    strategy: { japan: 'grounded', russia: 'grounded' },
  };
  const s = GameSession.start(scenario, config);
  for (let i = 0; s.pending && i < 200; i += 1) expect(s.act(humanMove(s)).ok).toBe(true);
  expect(s.phase).toBe('ended');
  return s;
}

describe('CSV', () => {
  test('quotes commas, quotes, line breaks and outer spaces; leaves plain fields alone', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(42)).toBe('42');
    expect(csvField(-3.5)).toBe('-3.5');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(true)).toBe('true');
    expect(csvField('Ōkubo–Шикотан')).toBe('Ōkubo–Шикотан');
  });

  test('text a spreadsheet would run as a formula is kept as text; numbers are not touched', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+1+2')).toBe("'+1+2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-5')).toBe('-5');
    expect(csvField('+7')).toBe('+7');
  });

  test('records end in CRLF and read back to the same fields', () => {
    const rows = [['file', 'note'], ['a,b.json', 'line\nbreak'], ['q"uote.json', ''], ['x', ' y ']];
    const text = toCsv(rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]).toBe('file,note');
    expect(parseCsv(text)).toEqual(rows);
  });
});

describe('placing and histograms', () => {
  test('per cent strictly below, and equal, rounded', () => {
    const sample = [10, 20, 50, 60];
    expect(placing(50, sample)).toEqual({ below: 50, equal: 25, of: 4 });
    expect(percentileRank(0, sample)).toBe(0);
    expect(percentileRank(100, sample)).toBe(100);
    expect(percentileRank(15, [10, 20, 30])).toBe(33);
    expect(placing(5, [])).toEqual({ below: 0, equal: 0, of: 0 });
    const big = Array.from({ length: 500 }, (_, i) => i % 100);
    expect(percentileRank(83, big)).toBe(83);
  });

  test('equal bins over 0–100, the last one closed', () => {
    const bins = histogram([0, 9, 10, 55, 99, 100, -4, 140], 0, 100, 10);
    expect(bins).toHaveLength(10);
    expect(bins.map((b) => b.count)).toEqual([3, 1, 0, 0, 0, 1, 0, 0, 0, 3]);
    expect(bins[0]).toMatchObject({ from: 0, to: 10 });
    expect(bins.reduce((a, b) => a + b.count, 0)).toBe(8);
  });
});

describe('replay intake', () => {
  test('the class figures over replays of computer games equal spreadOf over playComputerGame on the same seeds', () => {
    const seeds = referenceSeeds(40);
    expect(seeds[0]).toBe('1');
    expect(seeds[39]).toBe('40');
    const rows: ClassRow[] = [];
    for (const seed of seeds) {
      const session = GameSession.start(scenario, computerConfig(scenario, seed));
      const text = JSON.stringify(toReplay(session), null, 2);
      const result = intakeReplay(text, `game-${seed}.json`, BUNDLED_SCENARIOS);
      expect(result.ok).toBe(true);
      if (result.ok) rows.push(result.row);
    }
    const groups = groupRows(rows);
    expect(groups).toHaveLength(1);
    const games = seeds.map((seed) => playComputerGame(scenario, seed, 'grounded', { hash: true }));
    const expected = spreadOf(scenario.id, games);
    expect(groups[0]!.spread).toEqual(expected);
    expect(Object.keys(groups[0]!.spread.endings)).toEqual([...ENDINGS]);
    // Row by row: the same ending, scores and state hash as the batch run.
    rows.forEach((r, i) => {
      expect(r.summary).toEqual(games[i]);
      expect(r.humans).toEqual([]);
    });
    // Some variety, or the comparison proves little.
    expect(Object.values(expected.endings).filter((n) => n > 0).length).toBeGreaterThan(1);
  });

  test('a human game becomes a row with its side, terms and scores; placings reach the CSV', () => {
    const s = humanGame('class-1', 'japan');
    const text = JSON.stringify(toReplay(s));
    const result = intakeReplay(text, 'amy.json', BUNDLED_SCENARIOS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = result.row;
    expect(row.humans).toEqual(['japan']);
    expect(row.seed).toBe('class-1');
    expect(row.ending).toBe(s.state.ending!.kind);
    expect(row.strategy).toBe('grounded');
    const terms = s.state.signed ?? s.state.agreed;
    expect(row.terms).toEqual(terms);
    const sample = referenceSeeds(50).map((seed) => playComputerGame(scenario, seed).score.japan);
    const p = placing(row.score.japan, sample);
    const csv = toCsv(classCsvRows([row], new Map([[row.file, { japan: p }]])));
    const [head, line] = parseCsv(csv);
    expect(head).toEqual([...CSV_COLUMNS]);
    const rec = Object.fromEntries(head!.map((k, i) => [k, line![i]]));
    expect(rec.file).toBe('amy.json');
    expect(rec.humans).toBe('japan');
    expect(rec.scoreJapan).toBe(String(row.score.japan));
    expect(rec.betterThanJapan).toBe(String(p.below));
    expect(rec.betterThanRussia).toBe('');
    expect(rec.referenceGames).toBe('50');
    expect(rec.islands).toBe(terms ? terms.islands : '');
  });

  test('a tampered, foreign or broken file is rejected with its reason and never throws', () => {
    const s = humanGame('class-2', 'russia');
    const replay = toReplay(s);
    const tampered = structuredClone(replay);
    tampered.final.hash = '0'.repeat(64);
    const changedSeed = { ...structuredClone(replay), seed: 'other' };
    const foreign = { ...structuredClone(replay), scenario: { id: 'atlantis-1990', hash: replay.scenario.hash } };
    const cases: [string, string, RegExp][] = [
      ['tampered.json', JSON.stringify(tampered), /final state hash/],
      ['seed.json', JSON.stringify(changedSeed), /diverges|not legal/],
      ['foreign.json', JSON.stringify(foreign), /not known here/],
      ['notes.txt', 'Dear teacher, here is my homework', /JSON|line/i],
      ['other.json', JSON.stringify({ format: 'something-else' }), /not an Unfinished Peace replay/],
      ['empty.json', '', /./],
    ];
    for (const [file, text, reason] of cases) {
      const r = intakeReplay(text, file, BUNDLED_SCENARIOS);
      expect(r.ok, file).toBe(false);
      if (!r.ok) {
        expect(r.file).toBe(file);
        expect(r.reason, file).toMatch(reason);
        expect(r.reason.startsWith(`${file}:`)).toBe(false);
      }
    }
  });

  test('an unfinished game is left out', () => {
    const config: GameConfig = { scenarioId: scenario.id, seed: 'half', controllers: { japan: 'human', russia: 'computer' }, difficulty: 'normal', strategy: { japan: 'grounded', russia: 'grounded' } };
    const s = GameSession.start(scenario, config);
    s.act(humanMove(s));
    const r = intakeReplay(JSON.stringify(toReplay(s)), 'half.json', BUNDLED_SCENARIOS);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/not ended/);
  });

  test('rows sort by file name with numbers as numbers', () => {
    const names = ['student-10.json', 'student-2.json', 'Student-1.json'].map((file) => ({ file }));
    expect(names.sort(byFileName).map((n) => n.file)).toEqual(['Student-1.json', 'student-2.json', 'student-10.json']);
  });

  test('groups split by scenario and counterpart strategy', () => {
    const other = BUNDLED_SCENARIOS.find((s) => s.id !== scenario.id)!;
    const mk = (sc: typeof scenario, seed: string) => {
      const r = intakeReplay(JSON.stringify(toReplay(GameSession.start(sc, computerConfig(sc, seed)))), `${sc.id}-${seed}.json`, BUNDLED_SCENARIOS);
      if (!r.ok) throw new Error(r.reason);
      return r.row;
    };
    const groups = groupRows([mk(scenario, '1'), mk(other, '1'), mk(scenario, '2')]);
    expect(groups.map((g) => [g.scenarioId, g.rows.length])).toEqual([[scenario.id, 2], [other.id, 1]]);
    for (const g of groups) expect(g.spread.games).toBe(g.rows.length);
    expect(SIDES.every((side) => typeof groups[0]!.spread.meanScore[side] === 'number')).toBe(true);
  });
});

describe('teacher’s guide markdown', () => {
  test('blocks and inline parts', () => {
    const tree = markdownTree('# Title\n\nSome **bold** and `code`.\n\n- one\n- two\n  more\n\n1. first\n2. second\n\n```sh\nnpm run sim\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>x</script>\n');
    expect(tree.map((b) => b.tag)).toEqual(['h1', 'p', 'ul', 'ol', 'pre', 'table', 'p']);
    expect(tree[1]).toEqual({ tag: 'p', children: ['Some ', { tag: 'strong', children: ['bold'] }, ' and ', { tag: 'code', children: ['code'] }, '.'] });
    expect(tree[2]).toEqual({ tag: 'ul', children: [{ tag: 'li', children: ['one'] }, { tag: 'li', children: ['two\nmore'] }] });
    expect(tree[4]).toEqual({ tag: 'pre', children: [{ tag: 'code', children: ['npm run sim'] }] });
    expect(tree[5]).toEqual({
      tag: 'table',
      children: [
        { tag: 'tr', children: [{ tag: 'th', children: ['a'] }, { tag: 'th', children: ['b'] }] },
        { tag: 'tr', children: [{ tag: 'td', children: ['1'] }, { tag: 'td', children: ['2'] }] },
      ],
    });
    // Raw HTML is shown as text, never parsed.
    expect(tree[6]).toEqual({ tag: 'p', children: ['<script>x</script>\n'] });
    expect(markdownTree('see [the README](scenarios/README.md), [a page](https://example.org/) and *Unfinished Peace*')[0]).toEqual({
      tag: 'p',
      children: ['see ', { tag: 'code', children: ['the README'] }, ', ', { tag: 'a', children: ['a page'], href: 'https://example.org/' }, ' and ', { tag: 'em', children: ['Unfinished Peace'] }],
    });
  });
});
