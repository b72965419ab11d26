// The class view's pure core: a replay file in, one row of the class table out
// (or the reason it was left out); rows grouped and summed exactly as `npm run sim`
// sums computer games (summarise + spreadOf), so the two always agree.
import { english, msg, type Msg } from '../../scenario/messages';
import type { Scenario } from '../../scenario/schema';
import { ISSUE_IDS, SIDES, type Difficulty, type Ending, type Package, type Side, type Strategy } from '../../scenario/vocabulary';
import { verifyReplay, termsOf } from '../../sim';
import { spreadOf, summarise, type BatchSpread, type GameSummary } from '../../sim/index';
import type { CsvValue } from './csv';
import { escapeText } from '../../scenario/chars';
import type { Placing } from './percentile';

export interface ClassRow {
  file: string;
  scenarioId: string;
  humans: Side[];
  seed: string;
  difficulty: Difficulty;
  /** The strategy of the computer-played side (grounded when both sides were human). */
  strategy: Strategy;
  ending: Ending;
  endingSide: Side | null;
  rounds: number;
  score: Record<Side, number>;
  /** The terms signed (a treaty text) or agreed (an interim package), or null. */
  terms: Package | null;
  termsKind: 'signed' | 'agreed' | null;
  summary: GameSummary;
  /** The replay's final state hash: two files with the same one hold the same game. */
  finalHash: string;
}

/** A file left out of the class view: why in English (`reason`), and by key for the page's language (`reasonMsg`). */
export type Rejected = { file: string; reason: string; reasonMsg?: Msg; step?: number; round?: number };
export type Intake = { ok: true; row: ClassRow } | ({ ok: false } & Rejected);

/** Verifies a replay by re-simulating it and reduces it to a table row. Never throws. */
export function intakeReplay(text: string, file: string, scenarios: readonly Scenario[]): Intake {
  const strip = (msg: string) => (msg.startsWith(`${file}: `) ? msg.slice(file.length + 2) : msg);
  let result: ReturnType<typeof verifyReplay>;
  try {
    result = verifyReplay(text, file, scenarios);
  } catch (err) {
    return { ok: false, file, reason: err instanceof Error ? err.message : String(err) };
  }
  if (!result.ok) {
    const out: Intake = { ok: false, file, reason: strip(result.error), reasonMsg: result.msg };
    if (result.step !== undefined) out.step = result.step;
    if (result.round !== undefined) out.round = result.round;
    return out;
  }
  const { replay, session } = result;
  if (session.phase !== 'ended') {
    const notEnded = msg('replay.notEnded', { phase: session.phase });
    return { ok: false, file, reason: english(notEnded), reasonMsg: notEnded };
  }
  const humans = SIDES.filter((s) => replay.controllers[s] === 'human');
  const computer = SIDES.find((s) => replay.controllers[s] === 'computer');
  const summary = summarise(session, replay.seed);
  const state = session.state;
  const terms = termsOf(state);
  return {
    ok: true,
    row: {
      file,
      scenarioId: replay.scenario.id,
      humans,
      seed: replay.seed,
      difficulty: replay.difficulty,
      strategy: computer ? replay.strategy[computer] : 'grounded',
      ending: summary.ending,
      endingSide: summary.endingSide,
      rounds: summary.rounds,
      score: summary.score,
      terms: terms ? { ...terms } : null,
      termsKind: state.signed ? 'signed' : state.agreed ? 'agreed' : null,
      summary,
      finalHash: replay.final.hash,
    },
  };
}

/** What the teacher should look at twice in a row. */
export interface RowFlags {
  /** The seed with every character but printable ASCII written \u{…}, when that differs from the seed as typed. */
  seedEscaped: string | null;
  /** The class was given another seed than this file's. */
  otherSeed: boolean;
  /** Other files holding the very same game (same final state hash): one game handed in under several names. */
  sameAs: string[];
}

/**
 * Flags for each row: look-alike seeds made visible, seeds other than the
 * class's (when the teacher says which it was given), identical games under different names.
 */
export function classFlags(rows: readonly ClassRow[], expectedSeed: string | null): Map<string, RowFlags> {
  const byHash = new Map<string, string[]>();
  for (const r of rows) byHash.set(r.finalHash, [...(byHash.get(r.finalHash) ?? []), r.file]);
  const expected = expectedSeed === null || expectedSeed.trim() === '' ? null : expectedSeed.normalize('NFC');
  const out = new Map<string, RowFlags>();
  for (const r of rows) {
    const escaped = escapeText(r.seed);
    out.set(r.file, {
      seedEscaped: escaped === r.seed ? null : escaped,
      otherSeed: expected !== null && r.seed !== expected,
      sameAs: (byHash.get(r.finalHash) ?? []).filter((f) => f !== r.file),
    });
  }
  return out;
}

/** The distinct seeds of a class with how many files use each, most used first (escaped, so look-alikes differ visibly). */
export function seedCounts(rows: readonly ClassRow[]): { seed: string; escaped: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.seed, (counts.get(r.seed) ?? 0) + 1);
  return [...counts.entries()]
    .map(([seed, count]) => ({ seed, escaped: escapeText(seed), count }))
    .sort((a, b) => b.count - a.count || (a.seed < b.seed ? -1 : a.seed > b.seed ? 1 : 0));
}

export interface ClassGroup {
  key: string;
  scenarioId: string;
  strategy: Strategy;
  rows: ClassRow[];
  /** The same figures `npm run sim` prints, over the students' games. */
  spread: BatchSpread;
}

export const groupKey = (scenarioId: string, strategy: Strategy): string => `${scenarioId}|${strategy}`;

/** Rows grouped by scenario and counterpart strategy, each with its spread; in first-seen order. */
export function groupRows(rows: readonly ClassRow[]): ClassGroup[] {
  const groups = new Map<string, ClassRow[]>();
  for (const r of rows) {
    const k = groupKey(r.scenarioId, r.strategy);
    const list = groups.get(k) ?? [];
    list.push(r);
    groups.set(k, list);
  }
  return [...groups.entries()].map(([key, list]) => ({
    key,
    scenarioId: list[0]!.scenarioId,
    strategy: list[0]!.strategy,
    rows: list,
    spread: spreadOf(list[0]!.scenarioId, list.map((r) => r.summary)),
  }));
}

/** The seeds a reference run plays: "1" … "n", as `npm run sim -- --seeds n` does. */
export const referenceSeeds = (n: number): string[] => Array.from({ length: n }, (_, i) => String(i + 1));

/** Sorts by file name, numbers in names compared as numbers (student-2 before student-10). */
export const byFileName = (a: { file: string }, b: { file: string }): number =>
  a.file.localeCompare(b.file, 'en', { numeric: true, sensitivity: 'base' }) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

export const CSV_COLUMNS = [
  'file',
  'scenario',
  'humans',
  'seed',
  'difficulty',
  'counterpart',
  'ending',
  'endingSide',
  'rounds',
  'scoreJapan',
  'scoreRussia',
  'approvalJapan',
  'approvalRussia',
  'supportJapan',
  'supportRussia',
  'terms',
  ...ISSUE_IDS,
  'betterThanJapan',
  'betterThanRussia',
  'referenceGames',
  'seedEscaped',
  'sameGameAs',
] as const;

/**
 * The class table as CSV records (header first). Values are ids, not labels, so a
 * spreadsheet can sort and count them; placings are "per cent of computer games
 * below", empty for a side no human played or before the reference run ends.
 */
export function classCsvRows(rows: readonly ClassRow[], placings: ReadonlyMap<string, Partial<Record<Side, Placing>>>): CsvValue[][] {
  const out: CsvValue[][] = [[...CSV_COLUMNS]];
  const flags = classFlags(rows, null);
  for (const r of rows) {
    const f = flags.get(r.file);
    const p = placings.get(r.file) ?? {};
    const s = r.summary;
    out.push([
      r.file,
      r.scenarioId,
      r.humans.join(' '),
      r.seed,
      r.difficulty,
      r.strategy,
      r.ending,
      r.endingSide ?? '',
      r.rounds,
      r.score.japan,
      r.score.russia,
      s.approval.japan,
      s.approval.russia,
      s.support.japan,
      s.support.russia,
      r.termsKind ?? '',
      ...ISSUE_IDS.map((i) => r.terms?.[i] ?? ''),
      p.japan?.below ?? '',
      p.russia?.below ?? '',
      p.japan?.of ?? p.russia?.of ?? '',
      escapeText(r.seed),
      f?.sameAs.join(' ') ?? '',
    ]);
  }
  return out;
}
