// The translations: what is missing or stale, per language, for the interface
// and every shipped scenario; and the files a translator fills in.
//
//   npm run i18n -- --check                 report missing and stale texts; exit 1 if any
//   npm run i18n -- --template              add every new key (empty) to each translation file,
//                                           keeping what is translated (and still current)
//   npm run i18n -- --fill <lang> <file>    fill empty texts from a {"English": "translation"} file
//   npm run i18n -- --export <lang>         print the untranslated English as such a file
//
// Translation files: src/ui/i18n/<lang>.json (the interface) and
// scenarios/i18n/<scenario id>.<lang>.json (each scenario). Each entry keeps
// the English it was made from; when the English changes the entry is stale
// and the game shows the English until it is translated again.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allEnglish as en } from '../ui/i18n/english';
import { TRANSLATED_LANGS, isLang, type TranslatedLang } from '../scenario/i18n';
import { checkOverlay, loadOverlay, overlayTemplate, type Overlay } from '../scenario/overlay';
import { formatProblem, type Problem } from '../scenario/problems';
import { readJsonText, SCENARIO_MAX_BYTES } from '../scenario/text';
import { bundledScenarios, REPO_ROOT, SCENARIO_DIR, CliError } from './scenarios';
import type { Scenario } from '../scenario/schema';

const USAGE = 'usage: npm run i18n -- --check | --template | --fill <ja|ru> <file.json> | --export <ja|ru>';
export const OVERLAY_DIR = path.join(SCENARIO_DIR, 'i18n');
export const CATALOGUE_DIR = path.join(REPO_ROOT, 'src/ui/i18n');

export const overlayFile = (scenarioId: string, lang: TranslatedLang, dir = OVERLAY_DIR): string => path.join(dir, `${scenarioId}.${lang}.json`);
export const catalogueFile = (lang: TranslatedLang, dir = CATALOGUE_DIR): string => path.join(dir, `${lang}.json`);

/** The names of a template's {placeholders}, plural blocks by their counted name. */
export function placeholders(template: string): string[] {
  const names = new Set<string>();
  for (const m of template.matchAll(/\{(\w+)(?:\}|, plural,)/g)) names.add(m[1]!);
  return [...names].sort();
}

/** Braces that do not pair up: a translator's typo that would show raw {…} on screen. */
function bracesBalanced(s: string): boolean {
  let depth = 0;
  for (const c of s) {
    if (c === '{') depth += 1;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

export interface LangReport {
  lang: TranslatedLang;
  /** `<file>: <key>` for each missing, stale or unknown text. */
  missing: string[];
  stale: string[];
  unknown: string[];
  problems: Problem[];
}

type CatalogueFile = { lang: string; texts: Record<string, { en: string; text: string }> };

function readCatalogue(file: string): CatalogueFile | null {
  if (!existsSync(file)) return null;
  const parsed = readJsonText(readFileSync(file, 'utf8'), path.relative(REPO_ROOT, file), { kind: 'translation', maxBytes: SCENARIO_MAX_BYTES });
  if (!parsed.ok) throw new CliError(parsed.problems.map(formatProblem).join('\n'));
  const data = parsed.value as Partial<CatalogueFile> | null;
  if (data === null || typeof data !== 'object' || typeof data.texts !== 'object' || data.texts === null) {
    throw new CliError(`${path.relative(REPO_ROOT, file)}: texts: expected an object of {"en": …, "text": …} entries keyed by message`);
  }
  return data as CatalogueFile;
}

/** The interface catalogue against en.ts: missing, stale, unknown keys and broken placeholders. */
export function checkCatalogue(lang: TranslatedLang, file = catalogueFile(lang)): LangReport {
  const shown = path.relative(REPO_ROOT, file);
  const report: LangReport = { lang, missing: [], stale: [], unknown: [], problems: [] };
  const data = readCatalogue(file);
  const texts = data?.texts ?? {};
  if (data && data.lang !== lang) report.problems.push({ file: shown, path: 'lang', message: `expected "${lang}", found "${String(data.lang)}"` });
  for (const [key, english] of Object.entries(en)) {
    const entry = texts[key];
    if (!entry || entry.text.trim() === '') report.missing.push(`${shown}: ${key}`);
    else if (entry.en !== english) report.stale.push(`${shown}: ${key}`);
    else {
      const want = placeholders(english).join(', ');
      const got = placeholders(entry.text).join(', ');
      if (want !== got) report.problems.push({ file: shown, path: `texts["${key}"].text`, message: `expected the placeholders {${want}}, found {${got}}` });
      else if (!bracesBalanced(entry.text)) report.problems.push({ file: shown, path: `texts["${key}"].text`, message: 'expected every { to be closed by a }' });
    }
  }
  for (const key of Object.keys(texts)) if (!(key in en)) report.unknown.push(`${shown}: ${key}`);
  return report;
}

function readOverlayFile(file: string): Overlay | null {
  if (!existsSync(file)) return null;
  const result = loadOverlay(readFileSync(file, 'utf8'), path.relative(REPO_ROOT, file));
  if (!result.ok) throw new CliError(result.problems.map(formatProblem).join('\n'));
  return result.value;
}

/** Every scenario the game ships (scenarios/*.json). */
export const shippedScenarios = (): Scenario[] => bundledScenarios();

/** One language across the interface and the scenarios. */
export function checkLang(lang: TranslatedLang, scenarios: readonly Scenario[], dirs: { overlays?: string; catalogues?: string } = {}): LangReport {
  const report = checkCatalogue(lang, catalogueFile(lang, dirs.catalogues));
  for (const s of scenarios) {
    const file = overlayFile(s.id, lang, dirs.overlays);
    const shown = path.relative(REPO_ROOT, file);
    const overlay = readOverlayFile(file);
    if (!overlay) {
      report.missing.push(`${shown}: (no file; npm run i18n -- --template writes one)`);
      continue;
    }
    if (overlay.lang !== lang) report.problems.push({ file: shown, path: 'lang', message: `expected "${lang}" (the file's name says so), found "${overlay.lang}"` });
    const r = checkOverlay(s, overlay, shown);
    report.missing.push(...r.missing.map((k) => `${shown}: ${k}`));
    report.stale.push(...r.stale.map((k) => `${shown}: ${k}`));
    report.unknown.push(...r.unknown.map((k) => `${shown}: ${k}`));
    report.problems.push(...r.problems);
  }
  return report;
}

const write = (file: string, data: unknown): void => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
};

/** Brings every translation file up to the current English (new keys empty, stale texts emptied, gone keys dropped). */
export function writeTemplates(scenarios: readonly Scenario[]): string[] {
  const written: string[] = [];
  for (const lang of TRANSLATED_LANGS) {
    const cfile = catalogueFile(lang);
    const had = readCatalogue(cfile)?.texts ?? {};
    const texts: CatalogueFile['texts'] = {};
    for (const [key, english] of Object.entries(en)) texts[key] = { en: english, text: had[key]?.en === english ? had[key]!.text : '' };
    write(cfile, { lang, texts });
    written.push(cfile);
    for (const s of scenarios) {
      const file = overlayFile(s.id, lang);
      write(file, overlayTemplate(s, lang, readOverlayFile(file) ?? undefined));
      written.push(file);
    }
  }
  return written;
}

/** Fills the scenarios' empty texts whose English is a key of `dict` (the interface catalogue is filled in its own file). */
export function fill(lang: TranslatedLang, dict: Record<string, string>, scenarios: readonly Scenario[]): number {
  let filled = 0;
  const take = (entry: { en: string; text: string }): void => {
    const t = dict[entry.en];
    if (entry.text.trim() === '' && typeof t === 'string' && t.trim() !== '') {
      entry.text = t;
      filled += 1;
    }
  };
  for (const s of scenarios) {
    const file = overlayFile(s.id, lang);
    const overlay = overlayTemplate(s, lang, readOverlayFile(file) ?? undefined);
    for (const entry of Object.values(overlay.texts)) take(entry);
    write(file, overlay);
  }
  return filled;
}

/** The untranslated English of the scenarios, as a {"English": ""} file to fill. */
export function exportMissing(lang: TranslatedLang, scenarios: readonly Scenario[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of scenarios) {
    const overlay = overlayTemplate(s, lang, readOverlayFile(overlayFile(s.id, lang)) ?? undefined);
    for (const entry of Object.values(overlay.texts)) if (entry.text.trim() === '') out[entry.en] = '';
  }
  return out;
}

export function formatReport(r: LangReport): string[] {
  const lines: string[] = [];
  for (const m of r.missing) lines.push(`${r.lang}: missing: ${m}`);
  for (const m of r.stale) lines.push(`${r.lang}: stale (the English changed): ${m}`);
  for (const m of r.unknown) lines.push(`${r.lang}: unknown key (no longer in the English): ${m}`);
  for (const p of r.problems) lines.push(`${r.lang}: ${formatProblem(p)}`);
  return lines;
}

export function main(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): number {
  try {
    const [cmd, ...rest] = argv;
    if (cmd === '--check') {
      const scenarios = shippedScenarios();
      let bad = 0;
      for (const lang of TRANSLATED_LANGS) {
        const lines = formatReport(checkLang(lang, scenarios));
        bad += lines.length;
        for (const l of lines) err(l);
        if (lines.length === 0) out(`${lang}: the interface (${Object.keys(en).length} texts) and ${scenarios.length} scenarios are translated and current`);
      }
      return bad === 0 ? 0 : 1;
    }
    if (cmd === '--template') {
      for (const f of writeTemplates(shippedScenarios())) out(`wrote ${path.relative(REPO_ROOT, f)}`);
      return 0;
    }
    if (cmd === '--fill' || cmd === '--export') {
      const lang = rest[0];
      if (!isLang(lang) || lang === 'en') throw new CliError(`${cmd}: expected a language, ${TRANSLATED_LANGS.join(' or ')}; found "${lang ?? ''}"\n${USAGE}`);
      if (cmd === '--export') {
        out(JSON.stringify(exportMissing(lang, shippedScenarios()), null, 2));
        return 0;
      }
      const file = rest[1];
      if (!file) throw new CliError(`--fill: expected a file of translations after the language\n${USAGE}`);
      const read = readJsonText(readFileSync(file, 'utf8'), file, { kind: 'translation list', maxBytes: SCENARIO_MAX_BYTES });
      if (!read.ok) throw new CliError(read.problems.map(formatProblem).join('\n'));
      const dict = read.value;
      if (dict === null || typeof dict !== 'object' || Array.isArray(dict)) throw new CliError(`${file}: expected an object {"English text": "translation", ...}`);
      out(`filled ${fill(lang, dict as Record<string, string>, shippedScenarios())} texts`);
      return 0;
    }
    err(USAGE);
    return 2;
  } catch (error) {
    err(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) process.exitCode = main(process.argv.slice(2));
