import * as z from 'zod/mini';
import { fromZod, problem, type Problem, type Result } from './problems.ts';
import { english, msg } from './messages.ts';
import type { Scenario } from './schema.ts';
import { readJsonText, SCENARIO_LIMITS } from './text.ts';
import { textEntries, TRANSLATED_LANGS, type TranslatedLang } from './i18n.ts';

// The translation file's schema, its reader and its checks against the scenario
// (see i18n.ts for what a translation is keyed by, and scenarios/README.md).

const overlayText = z.string().check(z.maxLength(20_000, english(msg('schema.overlayText'))));
export const overlaySchema = z.strictObject({
  scenario: z.string().check(z.minLength(1, english(msg('schema.overlayScenario')))),
  lang: z.enum(TRANSLATED_LANGS, { error: english(msg('schema.overlayLang')) }),
  /** Who translated it, for the credits; optional. */
  translator: z.optional(z.string()),
  texts: z.record(
    z.string(),
    z.strictObject({
      en: overlayText,
      text: overlayText,
    }),
  ),
});
export type Overlay = z.infer<typeof overlaySchema>;

/** Reads an overlay file with the same reader and limits as a scenario file. */
export function loadOverlay(textIn: string, file: string): Result<Overlay> {
  const parsed = readJsonText(textIn, file, { ...SCENARIO_LIMITS, kind: 'translation' });
  if (!parsed.ok) return parsed;
  const result = z.safeParse(overlaySchema, parsed.value);
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: fromZod(result.error, file) };
}

export interface OverlayReport {
  /** Keys of the scenario with no translation (or an empty one). */
  missing: string[];
  /** Keys whose English changed since they were translated. */
  stale: string[];
  /** Keys the scenario no longer has. */
  unknown: string[];
  /** A file that names another scenario than the one beside it. */
  problems: Problem[];
}

/** What an overlay lacks against its scenario, key by key. */
export function checkOverlay(scenario: Scenario, overlay: Overlay, file: string): OverlayReport {
  const report: OverlayReport = { missing: [], stale: [], unknown: [], problems: [] };
  if (overlay.scenario !== scenario.id) {
    report.problems.push(problem(file, 'scenario', msg('overlay.otherScenario', { id: scenario.id, found: overlay.scenario })));
  }
  const known = new Set<string>();
  for (const entry of textEntries(scenario)) {
    known.add(entry.key);
    const t = overlay.texts[entry.key];
    if (t === undefined || t.text.trim() === '') report.missing.push(entry.key);
    else if (t.en !== entry.en) report.stale.push(entry.key);
  }
  for (const key of Object.keys(overlay.texts)) if (!known.has(key)) report.unknown.push(key);
  return report;
}

/** An overlay with every key of the scenario, current translations kept, the rest empty for a translator to fill. */
export function overlayTemplate(scenario: Scenario, lang: TranslatedLang, existing?: Overlay): Overlay {
  const texts: Overlay['texts'] = {};
  for (const entry of textEntries(scenario)) {
    const had = existing?.texts[entry.key];
    texts[entry.key] = { en: entry.en, text: had && had.en === entry.en ? had.text : '' };
  }
  return { scenario: scenario.id, lang, ...(existing?.translator ? { translator: existing.translator } : {}), texts };
}

