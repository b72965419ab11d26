import { scenarioSchema, type Condition, type Scenario, type Citation } from './schema.ts';
import { fromZod, type Problem, type Result } from './problems.ts';
import { readJsonText, SCENARIO_LIMITS, unexpected } from './text.ts';
import { ISSUES, type IssueId } from './vocabulary.ts';

export { SCENARIO_LIMITS };

/**
 * Parses and validates one scenario file's text; every problem is reported at
 * once. The command line and the browser both read scenario files here, and
 * whatever goes wrong comes back as problems naming the file, never as an exception.
 */
export function loadScenario(textIn: string, file: string): Result<Scenario> {
  const parsed = readJsonText(textIn, file, SCENARIO_LIMITS);
  if (!parsed.ok) return parsed;
  try {
    return validateScenario(parsed.value, file);
  } catch (error) {
    return { ok: false, problems: [{ file, path: '', message: unexpected(error) }] };
  }
}

export function validateScenario(data: unknown, file: string): Result<Scenario> {
  const checked = scenarioSchema.safeParse(data, { reportInput: true });
  if (!checked.success) {
    // Report every problem at once: what the schema found, and what the
    // cross-checks can still find in the parts that are well formed.
    const problems = fromZod(checked.error, file);
    const seen = new Set(problems.map((p) => p.path));
    const more = crossCheck(data as Scenario, file).filter((p) => !seen.has(p.path));
    return { ok: false, problems: [...problems, ...more] };
  }
  const problems = crossCheck(checked.data, file);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: checked.data };
}

/**
 * What a schema cannot say: ids that must exist, be unique, and agree with
 * each other. It also runs on files the schema rejected, so each group of
 * checks is guarded: a part too broken to check is the schema's to report.
 */
function crossCheck(s: Scenario, file: string): Problem[] {
  const problems: Problem[] = [];
  const at = (path: string, message: string) => problems.push({ file, path, message });
  for (const group of checkGroups(s, at)) {
    try {
      group();
    } catch {
      // malformed beyond checking; the schema's problems cover it
    }
  }
  return problems;
}

function checkGroups(s: Scenario, at: (path: string, message: string) => void): (() => void)[] {
  return [() => checkIds(s, at), () => checkGoalWeights(s, at), () => checkCitations(s, at), () => checkDates(s, at), () => checkVariables(s, at), () => checkIssues(s, at), () => checkConditions(s, at), () => checkFactions(s, at)];
}

function checkIds(s: Scenario, at: (path: string, message: string) => void): void {
  duplicates(s.sources.map((x) => x.id), 'sources', at);
  duplicates(s.sources.map((x) => x.file), 'sources', at, 'file');
  duplicates(s.rounds.map((x) => x.id), 'rounds', at);
  duplicates(s.events.map((x) => x.id), 'events', at);
  duplicates(s.islands.map((x) => x.id), 'islands', at);
  duplicates(s.issues.map((x) => x.id), 'issues', at);
  duplicates(s.factions.map((x) => x.id), 'factions', at);
  for (const side of ['japan', 'russia'] as const) {
    duplicates(s.sides[side].brief.goals.map((g) => g.id), `sides.${side}.brief.goals`, at);
  }
}

/** scenarios/README.md: each side's goal weights sum to 100, so scores of different scenarios read alike. */
function checkGoalWeights(s: Scenario, at: (path: string, message: string) => void): void {
  for (const side of ['japan', 'russia'] as const) {
    const goals = s.sides[side].brief.goals;
    if (!goals.every((g) => typeof g.weight === 'number' && Number.isFinite(g.weight))) continue;
    const sum = goals.reduce((total, g) => total + g.weight, 0);
    // Weights may be decimals: compare after rounding off floating-point dust.
    if (Math.abs(sum - 100) > 1e-9) {
      at(`sides.${side}.brief.goals`, `the goal weights sum to ${Number(sum.toPrecision(12))}, but each side's weights must sum to 100 (${goals.map((g) => `${g.id} ${g.weight}`).join(', ')})`);
    }
  }
}

/** Citations must name a source in the registry. */
function checkCitations(s: Scenario, at: (path: string, message: string) => void): void {
  const sourceIds = new Set(s.sources.map((src) => src.id));
  walkCitations(s, '', (cite, path) => {
    if (cite.source !== 'designer' && !sourceIds.has(cite.source)) {
      at(path, `cites source "${cite.source}", which is not in the sources registry (known: ${[...sourceIds].join(', ')}, or "designer")`);
    }
  });

}

function checkDates(s: Scenario, at: (path: string, message: string) => void): void {
  if (s.period.start > s.period.end) at('period', `start ${s.period.start} is after end ${s.period.end}`);
  s.rounds.forEach((r, i) => {
    const prev = s.rounds[i - 1];
    if (prev && r.date < prev.date) at(`rounds[${i}].date`, `round "${r.id}" on ${r.date} comes before the previous round "${prev.id}" on ${prev.date}: rounds must be in date order`);
    if (r.date < s.period.start || r.date > s.period.end) at(`rounds[${i}].date`, `${r.date} is outside the scenario's period ${s.period.start} to ${s.period.end}`);
  });
  // A historical moment belongs to its time: a window inside the period, holding at least one round's date.
  s.events.forEach((e, i) => {
    const w = e.window;
    if (w === undefined) {
      if (e.when === undefined) at(`events[${i}]`, `event "${e.id}" can strike in any round: give it a "window" of dates ({ "from": "YYYY-MM-DD", "to": "YYYY-MM-DD" }) or a "when" condition that makes its premise true`);
      return;
    }
    const path = `events[${i}].window`;
    if (w.from > w.to) {
      at(path, `window opens on ${w.from}, after it closes on ${w.to}`);
      return;
    }
    if (w.from < s.period.start) at(`${path}.from`, `${w.from} is before the scenario's period ${s.period.start} to ${s.period.end}: what happened before the scenario starts belongs in its starting state`);
    if (w.to > s.period.end) at(`${path}.to`, `${w.to} is after the scenario's period ${s.period.start} to ${s.period.end}`);
    if (w.from >= s.period.start && w.to <= s.period.end && !s.rounds.some((r) => r.date >= w.from && r.date <= w.to)) {
      at(path, `no round falls between ${w.from} and ${w.to} (rounds: ${s.rounds.map((r) => r.date).join(', ')}), so event "${e.id}" can never strike`);
    }
  });

}

function checkVariables(s: Scenario, at: (path: string, message: string) => void): void {
  for (const [vid, spec] of Object.entries(s.variables)) {
    const path = `variables["${vid}"]`;
    if (spec.min >= spec.max) at(path, `min ${spec.min} must be below max ${spec.max}`);
    else if (spec.start < spec.min || spec.start > spec.max) at(`${path}.start`, `start ${spec.start} is outside the variable's own range ${spec.min} to ${spec.max}`);
    if (spec.levels && spec.levels.length !== spec.max - spec.min + 1) at(`${path}.levels`, `expected ${spec.max - spec.min + 1} level names (one per value from ${spec.min} to ${spec.max}), got ${spec.levels.length}`);
  }

}

function checkIssues(s: Scenario, at: (path: string, message: string) => void): void {
  s.issues.forEach((table, i) => {
    const known: readonly string[] = ISSUES[table.id];
    table.options.forEach((o, j) => {
      if (!known.includes(o.id)) at(`issues[${i}].options[${j}].id`, `"${o.id}" is not an option of ${table.id} (expected one of ${known.join(', ')})`);
    });
    const missing = known.filter((k) => !table.options.some((o) => o.id === k));
    if (missing.length > 0) at(`issues[${i}].options`, `missing option${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${table.id}`);
    if (!table.options.some((o) => o.available)) at(`issues[${i}].options`, `at least one option of ${table.id} must be available`);
  });

}

function checkConditions(s: Scenario, at: (path: string, message: string) => void): void {
  const checkOption = (issue: IssueId, value: string | undefined, path: string) => {
    if (value !== undefined && !(ISSUES[issue] as readonly string[]).includes(value)) {
      at(path, `"${value}" is not an option of ${issue} (expected one of ${ISSUES[issue].join(', ')})`);
    }
  };
  const checkCondition = (c: Condition, path: string) => {
    if ('agreed' in c) {
      checkOption(c.agreed.issue, c.agreed.atLeast, `${path}.agreed.atLeast`);
      checkOption(c.agreed.issue, c.agreed.atMost, `${path}.agreed.atMost`);
    } else if ('all' in c) c.all.forEach((x, i) => checkCondition(x, `${path}.all[${i}]`));
    else if ('any' in c) c.any.forEach((x, i) => checkCondition(x, `${path}.any[${i}]`));
    else if ('not' in c) checkCondition(c.not, `${path}.not`);
    else if ('faction' in c) checkFactionRef(s, c.faction, `${path}.faction`, at);
    else if ('round' in c && c.round.gte !== undefined && c.round.gte > s.rounds.length) {
      at(`${path}.round.gte`, `round ${c.round.gte} does not exist: the scenario has ${s.rounds.length} rounds`);
    }
  };
  s.events.forEach((e, i) => e.when && checkCondition(e.when, `events[${i}].when`));
  s.events.forEach((e, i) =>
    e.effects.forEach((x, k) => 'faction' in x && checkFactionRef(s, x.faction, `events[${i}].effects[${k}].faction`, at)),
  );
  for (const side of ['japan', 'russia'] as const) {
    s.sides[side].brief.goals.forEach((g, i) => checkCondition(g.test, `sides.${side}.brief.goals[${i}].test`));
    s.sides[side].priorities.redLines.forEach((r, i) => {
      checkOption(r.issue, r.atMost, `sides.${side}.priorities.redLines[${i}].atMost`);
      checkOption(r.issue, r.atLeast, `sides.${side}.priorities.redLines[${i}].atLeast`);
      r.shifts.forEach((shift, k) => {
        const path = `sides.${side}.priorities.redLines[${i}].shifts[${k}]`;
        checkCondition(shift.when, `${path}.when`);
        checkOption(r.issue, shift.atMost, `${path}.atMost`);
        checkOption(r.issue, shift.atLeast, `${path}.atLeast`);
      });
    });
  }
}

function checkFactionRef(s: Scenario, faction: string, path: string, at: (path: string, message: string) => void): void {
  if (!s.factions.some((f) => f.id === faction)) {
    at(path, `names faction "${faction}", which the scenario does not have (factions: ${s.factions.map((f) => f.id).join(', ') || 'none'})`);
  }
}

/** Factions: at most four a side (the home front must fit on one screen), a demand that names real options, and work that moves factions that exist. */
function checkFactions(s: Scenario, at: (path: string, message: string) => void): void {
  for (const side of ['japan', 'russia'] as const) {
    const n = s.factions.filter((f) => f.side === side).length;
    if (n > 4) at('factions', `${side} has ${n} factions; at most 4 a side fit the home-front panel`);
  }
  s.factions.forEach((f, i) => {
    const path = `factions[${i}]`;
    for (const bound of ['atLeast', 'atMost'] as const) {
      const value = f.demand[bound];
      if (value !== undefined && !(ISSUES[f.demand.issue] as readonly string[]).includes(value)) {
        at(`${path}.demand.${bound}`, `"${value}" is not an option of ${f.demand.issue} (expected one of ${ISSUES[f.demand.issue].join(', ')})`);
      }
    }
    if (f.demand.atLeast === undefined && f.demand.atMost === undefined) at(`${path}.demand`, 'expected "atLeast" or "atMost": a demand bounds one issue');
    f.work.also.forEach((x, k) => {
      checkFactionRef(s, x.faction, `${path}.work.also[${k}].faction`, at);
      if (x.faction === f.id) at(`${path}.work.also[${k}].faction`, `faction "${f.id}" cannot move itself here: its own gain is "work.gain"`);
    });
  });
}

function duplicates(
  ids: string[],
  path: string,
  at: (path: string, message: string) => void,
  field = 'id',
): void {
  const seen = new Map<string, number>();
  ids.forEach((value, i) => {
    const first = seen.get(value);
    if (first !== undefined) at(`${path}[${i}].${field}`, `duplicate ${field} "${value}" (already used at ${path}[${first}])`);
    else seen.set(value, i);
  });
}

function walkCitations(node: unknown, path: string, visit: (c: Citation, path: string) => void): void {
  if (Array.isArray(node)) {
    node.forEach((x, i) => walkCitations(x, `${path}[${i}]`, visit));
  } else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      const p = path === '' ? k : /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}["${k}"]`;
      if (k === 'cite' && v && typeof v === 'object' && 'source' in v) visit(v as Citation, p);
      else walkCitations(v, p, visit);
    }
  }
}

/** Every citation in the scenario with its JSON path, for the citation checker and the debrief. */
export function citationsOf(s: Scenario): { path: string; cite: Citation }[] {
  const out: { path: string; cite: Citation }[] = [];
  walkCitations(s, '', (cite, path) => out.push({ path, cite }));
  return out;
}
