import { scenarioSchema, type Condition, type Scenario, type Citation } from './schema.ts';
import { fromZod, problem, type Problem, type Result } from './problems.ts';
import { readJsonText, SCENARIO_LIMITS, unexpectedMsg } from './text.ts';
import { msg, sideMsg, type Msg } from './messages.ts';

/** Reports one problem of the file at a JSON path. */
type At = (path: string, m: Msg) => void;
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
    return { ok: false, problems: [problem(file, '', unexpectedMsg(error))] };
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
  const at: At = (path, m) => problems.push(problem(file, path, m));
  for (const group of checkGroups(s, at)) {
    try {
      group();
    } catch {
      // malformed beyond checking; the schema's problems cover it
    }
  }
  return problems;
}

function checkGroups(s: Scenario, at: At): (() => void)[] {
  return [() => checkIds(s, at), () => checkGoalWeights(s, at), () => checkCitations(s, at), () => checkDates(s, at), () => checkVariables(s, at), () => checkIssues(s, at), () => checkConditions(s, at), () => checkFactions(s, at)];
}

function checkIds(s: Scenario, at: At): void {
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
function checkGoalWeights(s: Scenario, at: At): void {
  for (const side of ['japan', 'russia'] as const) {
    const goals = s.sides[side].brief.goals;
    if (!goals.every((g) => typeof g.weight === 'number' && Number.isFinite(g.weight))) continue;
    const sum = goals.reduce((total, g) => total + g.weight, 0);
    // Weights may be decimals: compare after rounding off floating-point dust.
    if (Math.abs(sum - 100) > 1e-9) {
      at(`sides.${side}.brief.goals`, msg('check.weights', { sum: Number(sum.toPrecision(12)), goals: goals.map((g) => `${g.id} ${g.weight}`).join(', ') }));
    }
  }
}

/** Citations must name a source in the registry. */
function checkCitations(s: Scenario, at: At): void {
  const sourceIds = new Set(s.sources.map((src) => src.id));
  walkCitations(s, '', (cite, path) => {
    if (cite.source !== 'designer' && !sourceIds.has(cite.source)) {
      at(path, msg('check.citation', { source: cite.source, known: [...sourceIds].join(', ') }));
    }
  });

}

function checkDates(s: Scenario, at: At): void {
  if (s.period.start > s.period.end) at('period', msg('check.period', { start: s.period.start, end: s.period.end }));
  s.rounds.forEach((r, i) => {
    const prev = s.rounds[i - 1];
    if (prev && r.date < prev.date) at(`rounds[${i}].date`, msg('check.roundOrder', { round: r.id, date: r.date, previous: prev.id, previousDate: prev.date }));
    if (r.date < s.period.start || r.date > s.period.end) at(`rounds[${i}].date`, msg('check.roundPeriod', { date: r.date, start: s.period.start, end: s.period.end }));
  });
  // A historical moment belongs to its time: a window inside the period, holding at least one round's date.
  s.events.forEach((e, i) => {
    const w = e.window;
    if (w === undefined) {
      if (e.when === undefined) at(`events[${i}]`, msg('check.eventAnyRound', { event: e.id }));
      return;
    }
    const path = `events[${i}].window`;
    if (w.from > w.to) {
      at(path, msg('check.windowOrder', { from: w.from, to: w.to }));
      return;
    }
    if (w.from < s.period.start) at(`${path}.from`, msg('check.windowBefore', { from: w.from, start: s.period.start, end: s.period.end }));
    if (w.to > s.period.end) at(`${path}.to`, msg('check.windowAfter', { to: w.to, start: s.period.start, end: s.period.end }));
    if (w.from >= s.period.start && w.to <= s.period.end && !s.rounds.some((r) => r.date >= w.from && r.date <= w.to)) {
      at(path, msg('check.windowEmpty', { from: w.from, to: w.to, rounds: s.rounds.map((r) => r.date).join(', '), event: e.id }));
    }
  });

}

function checkVariables(s: Scenario, at: At): void {
  for (const [vid, spec] of Object.entries(s.variables)) {
    const path = `variables["${vid}"]`;
    if (spec.min >= spec.max) at(path, msg('check.varRange', { min: spec.min, max: spec.max }));
    else if (spec.start < spec.min || spec.start > spec.max) at(`${path}.start`, msg('check.varStart', { start: spec.start, min: spec.min, max: spec.max }));
    if (spec.levels && spec.levels.length !== spec.max - spec.min + 1) at(`${path}.levels`, msg('check.varLevels', { count: spec.max - spec.min + 1, min: spec.min, max: spec.max, got: spec.levels.length }));
  }

}

function checkIssues(s: Scenario, at: At): void {
  s.issues.forEach((table, i) => {
    const known: readonly string[] = ISSUES[table.id];
    table.options.forEach((o, j) => {
      if (!known.includes(o.id)) at(`issues[${i}].options[${j}].id`, msg('check.notOption', { value: o.id, issue: table.id, known: known.join(', ') }));
    });
    const missing = known.filter((k) => !table.options.some((o) => o.id === k));
    if (missing.length > 0) at(`issues[${i}].options`, msg(missing.length > 1 ? 'check.missingOptions' : 'check.missingOption', { missing: missing.join(', '), issue: table.id }));
    if (!table.options.some((o) => o.available)) at(`issues[${i}].options`, msg('check.noOption', { issue: table.id }));
  });

}

function checkConditions(s: Scenario, at: At): void {
  const checkOption = (issue: IssueId, value: string | undefined, path: string) => {
    if (value !== undefined && !(ISSUES[issue] as readonly string[]).includes(value)) {
      at(path, msg('check.notOption', { value, issue, known: ISSUES[issue].join(', ') }));
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
      at(`${path}.round.gte`, msg('check.noRound', { round: c.round.gte, count: s.rounds.length }));
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

function checkFactionRef(s: Scenario, faction: string, path: string, at: At): void {
  if (!s.factions.some((f) => f.id === faction)) {
    at(path, msg('check.noFaction', { faction, known: s.factions.map((f) => f.id).join(', ') || msg('check.noFactions') }));
  }
}

/** Factions: at most four a side (the home front must fit on one screen), a demand that names real options, and work that moves factions that exist. */
function checkFactions(s: Scenario, at: At): void {
  for (const side of ['japan', 'russia'] as const) {
    const n = s.factions.filter((f) => f.side === side).length;
    if (n > 4) at('factions', msg('check.tooManyFactions', { side: sideMsg(side), count: n }));
  }
  s.factions.forEach((f, i) => {
    const path = `factions[${i}]`;
    for (const bound of ['atLeast', 'atMost'] as const) {
      const value = f.demand[bound];
      if (value !== undefined && !(ISSUES[f.demand.issue] as readonly string[]).includes(value)) {
        at(`${path}.demand.${bound}`, msg('check.notOption', { value, issue: f.demand.issue, known: ISSUES[f.demand.issue].join(', ') }));
      }
    }
    if (f.demand.atLeast === undefined && f.demand.atMost === undefined) at(`${path}.demand`, msg('check.demand'));
    f.work.also.forEach((x, k) => {
      checkFactionRef(s, x.faction, `${path}.work.also[${k}].faction`, at);
      if (x.faction === f.id) at(`${path}.work.also[${k}].faction`, msg('check.selfWork', { faction: f.id }));
    });
  });
}

function duplicates(
  ids: string[],
  path: string,
  at: At,
  field = 'id',
): void {
  const seen = new Map<string, number>();
  ids.forEach((value, i) => {
    const first = seen.get(value);
    if (first !== undefined) at(`${path}[${i}].${field}`, msg('check.duplicate', { field, value, first: `${path}[${first}]` }));
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
