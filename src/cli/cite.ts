// Checks that every quote in the scenarios stands word for word in its article.
//
//   npm run cite -- <articles-dir> [scenario.json ...]
//
// With no scenario files it checks every scenarios/*.json. Prints one line per
// problem ("file: path: message") and exits 1 if there is any; otherwise
// prints how many citations it checked.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../scenario/load';
import { formatProblem, type Problem } from '../scenario/problems';
import { checkQuotes, quotedCitations } from '../scenario/quotes';

const USAGE = 'usage: npm run cite -- <articles-dir> [scenario.json ...]\n  (default: every scenarios/*.json)';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Every .txt article in a folder, by file name. */
export function readArticles(dir: string): Map<string, string> {
  const articles = new Map<string, string>();
  for (const name of fs.readdirSync(dir).sort()) {
    if (name.endsWith('.txt')) articles.set(name, fs.readFileSync(path.join(dir, name), 'utf8'));
  }
  return articles;
}

export function defaultScenarioFiles(): string[] {
  const dir = path.join(repoRoot, 'scenarios');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => path.join(dir, n));
}

export interface CiteReport {
  problems: Problem[];
  checked: number;
  designer: number;
  scenarios: number;
}

/** Loads and checks each scenario file against the articles. */
export function citeFiles(articles: ReadonlyMap<string, string>, files: string[]): CiteReport {
  const report: CiteReport = { problems: [], checked: 0, designer: 0, scenarios: 0 };
  for (const file of files) {
    const shown = file;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      report.problems.push({ file: shown, path: '', message: `cannot read the file: ${(error as Error).message}` });
      continue;
    }
    const loaded = loadScenario(text, shown);
    report.scenarios += 1;
    if (!loaded.ok) {
      report.problems.push(...loaded.problems);
      continue;
    }
    const quoted = quotedCitations(loaded.value);
    report.checked += quoted.length;
    report.designer += countDesigner(loaded.value);
    report.problems.push(...checkQuotes(loaded.value, articles, shown));
  }
  return report;
}

function countDesigner(s: Parameters<typeof quotedCitations>[0]): number {
  let n = 0;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'cite' && v && typeof v === 'object' && (v as { source?: unknown }).source === 'designer') n += 1;
        else walk(v);
      }
    }
  };
  walk(s);
  return n;
}

function main(argv: string[]): number {
  const [dir, ...given] = argv;
  if (dir === undefined || dir === '-h' || dir === '--help') {
    console.error(USAGE);
    return dir === undefined ? 2 : 0;
  }
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    console.error(`${dir}: not a folder of articles\n${USAGE}`);
    return 2;
  }
  const articles = readArticles(dir);
  if (articles.size === 0) {
    console.error(`${dir}: no .txt articles in this folder`);
    return 1;
  }
  const files = given.length > 0 ? given : defaultScenarioFiles().map((f) => path.relative(process.cwd(), f) || f);
  if (files.length === 0) {
    console.error('no scenario files to check (scenarios/*.json is empty)');
    return 1;
  }
  const report = citeFiles(articles, files);
  for (const p of report.problems) console.log(formatProblem(p));
  if (report.problems.length > 0) {
    console.log(
      `${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} in ${report.checked} citations checked in ${report.scenarios} scenario${report.scenarios === 1 ? '' : 's'}`,
    );
    return 1;
  }
  console.log(`${report.checked} citations checked in ${report.scenarios} scenario${report.scenarios === 1 ? '' : 's'}, all verbatim and in the mouths the articles put them`);
  console.log(`(${report.designer} more are marked "designer", each with its reason)`);
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) process.exitCode = main(process.argv.slice(2));
