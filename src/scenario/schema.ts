import * as z from 'zod/mini';
import {
  DIFFICULTIES,
  ENDINGS,
  ISLAND_IDS,
  ISLAND_STATUSES,
  ISSUES,
  LINE_MOMENTS,
  SEQUENCINGS,
  SIDES,
  SPEAKERS,
  TONES,
  VAR_IDS,
  type IssueId,
} from './vocabulary.ts';
import { isBlank } from './chars.ts';
import { ID_MAX } from './text.ts';
import { english, msg } from './messages.ts';

// Every object is strict: a misspelt field is an error, never silently ignored.

// zod/mini: the same validation as classic zod at a fraction of the bundle (see docs/performance.md).
// A text of zero-width spaces is as empty as one of spaces: both read blank.
const text = z.string().check(
  z.trim(),
  z.minLength(1, english(msg('schema.nonEmpty'))),
  z.refine((s) => s === '' || !isBlank(s), english(msg('schema.invisible'))),
);

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, english(msg('schema.date'))));
const id = z.string().check(
  z.regex(/^[a-z0-9][a-z0-9-]*$/, english(msg('schema.id'))),
  z.maxLength(ID_MAX, english(msg('schema.idMax', { max: ID_MAX }))),
);
const num = (lo?: number, hi?: number) =>
  lo === undefined ? z.number() : hi === undefined ? z.number().check(z.gte(lo)) : z.number().check(z.gte(lo), z.lte(hi));
const list = <T extends z.ZodMiniType>(item: T, min = 0, max?: number) =>
  max === undefined ? z.array(item).check(z.minLength(min)) : z.array(item).check(z.minLength(min), z.maxLength(max));

/** Evidence from an article, or an honest mark that the game invented it. */
export const citationSchema = z.union([
  z.strictObject({
    source: id.check(z.refine((s) => s !== 'designer', english(msg('schema.source')))),
    quote: text,
    /** Who the article gives these words to: the person or outlet it quotes, or its own author for its prose. `npm run cite` checks it. */
    saidBy: z.optional(text),
  }),
  z.strictObject({ source: z.literal('designer'), reason: text }),
]);
export type Citation = z.infer<typeof citationSchema>;

export const sourceSchema = z.strictObject({
  id,
  file: z.string().check(z.regex(/^[\w.-]+\.txt$/, english(msg('schema.sourceFile')))),
  outlet: text,
  author: text,
  title: text,
  date: isoDate,
});

const person = z.strictObject({ name: text, title: text });

const variableSchema = z.strictObject({
  label: text,
  unit: text,
  min: num(),
  max: num(),
  start: num(),
  /** Optional names for integer levels, e.g. sanctions 0..2. */
  levels: z.optional(z.array(text)),
  cite: citationSchema,
});
export type VariableSpec = z.infer<typeof variableSchema>;

const varId = z.enum(VAR_IDS);
const side = z.enum(SIDES);

const islandSchema = z.strictObject({
  id: z.enum(ISLAND_IDS),
  names: z.strictObject({ ru: text, ja: text }),
  areaKm2: z.number().check(z.positive()),
  population: z.int().check(z.nonnegative()),
  status: z.enum(ISLAND_STATUSES),
  cite: citationSchema,
});

const roundSchema = z.strictObject({
  id,
  date: isoDate,
  place: text,
  label: text,
  note: z.optional(text),
  cite: citationSchema,
  /** Whether a treaty text can be on this round's table at all (false: the talks are not that far yet; give a reason). */
  treatyTexts: z._default(z.boolean(), true),
  treatyTextsCite: z.optional(citationSchema),
});

/** A condition over the world, shared by event triggers and goals. */
export type Condition =
  | { var: z.infer<typeof varId>; gte?: number; lte?: number }
  | { island: (typeof ISLAND_IDS)[number]; status: (typeof ISLAND_STATUSES)[number][] }
  | { ending: (typeof ENDINGS)[number][] }
  | { agreed: { issue: IssueId; atLeast?: string; atMost?: string } }
  | { statement: { side: (typeof SIDES)[number]; tone: (typeof TONES)[number][] } }
  | { summit: ('nothing' | 'jointStatement' | 'interimAgreement' | 'treatyText' | 'walkOut')[] }
  | { round: { gte?: number; lte?: number } }
  | { faction: string; gte?: number; lte?: number }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

const issueId = z.enum(Object.keys(ISSUES) as [IssueId, ...IssueId[]]);
const issueOption = z.strictObject({
  issue: issueId,
  atLeast: z.optional(z.string()),
  atMost: z.optional(z.string()),
});

export const conditionSchema: z.ZodMiniType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ var: varId, gte: z.optional(num()), lte: z.optional(num()) }),
    z.strictObject({ island: z.enum(ISLAND_IDS), status: list(z.enum(ISLAND_STATUSES), 1) }),
    z.strictObject({ ending: list(z.enum(ENDINGS), 1) }),
    z.strictObject({ agreed: issueOption }),
    z.strictObject({
      statement: z.strictObject({ side, tone: list(z.enum(TONES), 1) }),
    }),
    z.strictObject({
      summit: list(z.enum(['nothing', 'jointStatement', 'interimAgreement', 'treatyText', 'walkOut']), 1),
    }),
    z.strictObject({
      round: z.strictObject({ gte: z.optional(z.int()), lte: z.optional(z.int()) }),
    }),
    z.strictObject({ faction: id, gte: z.optional(num()), lte: z.optional(num()) }),
    z.strictObject({ all: list(conditionSchema, 1) }),
    z.strictObject({ any: list(conditionSchema, 1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
) as unknown as z.ZodMiniType<Condition>;

const effectSchema = z.union([
  z.strictObject({ var: varId, delta: num() }),
  z.strictObject({ var: varId, set: num() }),
  /** Moves a faction's backing of its leader (0–100). */
  z.strictObject({ faction: id, delta: num() }),
]);
export type Effect = z.infer<typeof effectSchema>;

/** The dates (inclusive) between which a historical moment can happen; checked against the current round's date. */
const windowSchema = z.strictObject({ from: isoDate, to: isoDate });
export type DateWindow = z.infer<typeof windowSchema>;

const eventSchema = z.strictObject({
  id,
  title: text,
  /** When the event can strike: only in a round whose date lies inside. An event needs a window, a `when`, or both. */
  window: z.optional(windowSchema),
  /** The phase after which the event may strike (public reaction by default). */
  phase: z._default(z.enum(['ministerTalks', 'publicReaction']), 'publicReaction'),
  when: z.optional(conditionSchema),
  probability: num(0, 1),
  once: z._default(z.boolean(), true),
  effects: list(effectSchema, 1),
  /** The same event, framed by each country's press. */
  headlines: z.strictObject({ japan: text, russia: text }),
  tags: z._default(z.array(id), []),
  cite: citationSchema,
});
export type ScenarioEvent = z.infer<typeof eventSchema>;

const lineSchema = z.strictObject({
  speaker: z.enum(SPEAKERS),
  on: z.enum(LINE_MOMENTS),
  /** For offers and counters: said of a package that moves territory, or of one that does not. Untagged lines fit both. */
  topic: z.optional(z.enum(['territory', 'cooperation'])),
  /** The issues the line speaks to: when the counterpart refuses or asks over one, a line about it is chosen. */
  about: z.optional(z.array(issueId).check(z.minLength(1))),
  text,
  /**
   * The game's paraphrase of a named person's description, shown as "after …":
   * the person and what they are (e.g. "Artyom Lukin, analyst"). Without it, a
   * quoted citation must hold the speaker's own reported words.
   */
  after: z.optional(text),
  cite: citationSchema,
});

const goalSchema = z.strictObject({
  id,
  label: text,
  weight: z.number().check(z.positive()),
  test: conditionSchema,
  cite: citationSchema,
});

const range = z.tuple([num(), num()]).check(z.refine(([a, b]) => a <= b, english(msg('schema.range'))));

const issueWeights = z.strictObject({
  islands: range,
  sovereignty: range,
  usGuarantee: range,
  sanctions: range,
  energy: range,
  investment: range,
  humanitarian: range,
});

/** A red line's bound on one issue, with the words the brief gives it and its evidence. */
const redLineBound = {
  atMost: z.optional(z.string()),
  atLeast: z.optional(z.string()),
  label: text,
  cite: citationSchema,
};

const prioritiesSchema = z.strictObject({
  /** How much each issue matters to this side, drawn once per game from [low, high]. */
  weights: issueWeights,
  /** The least value a deal must give before this side will sign, drawn from [low, high]. */
  reservation: range,
  /**
   * Options this side will not accept. A line may move with the leader's
   * strength at home: the first of its `shifts` whose condition holds
   * replaces its bound ("to make it, a leadership should be in a strong position").
   */
  redLines: z._default(
    z.array(
      z.strictObject({
        issue: issueId,
        ...redLineBound,
        shifts: z._default(z.array(z.strictObject({ when: conditionSchema, ...redLineBound })), []),
      }),
    ),
    [],
  ),
  /** Opening stance at the foreign ministers' table. */
  sequencing: z.enum(SEQUENCINGS),
});

const briefSchema = z.strictObject({
  summary: text,
  goals: list(goalSchema, 1),
  redLines: list(text, 1),
});

const sideSchema = z.strictObject({
  leader: person,
  minister: person,
  /** Approval below which this leader falls from office (or loses the mandate to negotiate). */
  leaderOutBelow: num(0, 100),
  brief: briefSchema,
  priorities: prioritiesSchema,
});

/**
 * A group at home with its own demand: how strongly it counts (strength),
 * how far it backs its leader's line now (backing, 0–100, moving in play),
 * what it demands of a deal, what it says in the press, and how a leader
 * can work it. A strong faction whose demand a treaty text fails, and whose
 * backing has fallen low, blocks ratification (see TUNING.factions).
 */
const factionSchema = z.strictObject({
  id,
  side,
  name: text,
  /** One line: who they are and why they matter, as the article describes them. */
  who: text,
  /** Its weight at home, in points of a 100-point home front. */
  strength: num(1, 60),
  /** Its backing of the leader's line at the start (50: neither for nor against). */
  backing: num(0, 100),
  /** What a deal must give it: a bound on one issue, in words. */
  demand: z.strictObject({
    issue: issueId,
    atLeast: z.optional(z.string()),
    atMost: z.optional(z.string()),
    label: text,
    /** Only treaty texts are judged on it (a demand about the islands means nothing to an interim step). Default: every deal. */
    treatyOnly: z._default(z.boolean(), false),
  }),
  /** What it says in the press when a deal fails its demand, in its own (or its described) words. */
  voice: z.strictObject({ text, after: z.optional(text), cite: citationSchema }),
  /** Working this faction at home: what the leader does, what it gains in backing, what it costs. */
  work: z.strictObject({
    label: text,
    gain: num(1, 40),
    /** The leader's approval spent (political capital), 0 or less. */
    approval: num(-10, 0),
    /** Other factions it moves (courting one group annoys another). */
    also: z._default(z.array(z.strictObject({ faction: id, delta: num(-40, 40) })), []),
    cite: citationSchema,
  }),
  cite: citationSchema,
});
export type Faction = z.infer<typeof factionSchema>;

/**
 * The third powers: not players, but actors the rules move. Washington's
 * confidence in the alliance (variable `alliance`) falls with terms that
 * break G7 unity or bind US forces; below `pressBelow` it presses Tokyo;
 * a treaty clause on US forces needs it at `clauseNeeds`. Moscow's reliance
 * on Beijing (variable `china`) makes Japanese money worth more to Russia
 * (the counterweight motive) and, where `threat` is set, alarms Japan.
 */
const actorsSchema = z.strictObject({
  us: z.strictObject({
    name: text,
    /** Its stance in this scenario, in a sentence, with its evidence. */
    stance: text,
    /** How much Washington minds (1: as much as the rules say; 0.5: half). */
    interest: num(0, 2),
    pressBelow: num(0, 100),
    clauseNeeds: num(0, 100),
    cite: citationSchema,
  }),
  china: z.strictObject({
    name: text,
    stance: text,
    /** How strongly Russia values Japanese money and energy deals as a counterweight to China (0 none, 1 as the rules say). */
    counterweight: num(0, 2),
    /** How much Japan reads Russia–China military ties as a threat (0 none). */
    threat: num(0, 2),
    cite: citationSchema,
  }),
});

/** How long each leader has: shown as the pressure of the calendar. */
const horizonSchema = z.strictObject({ text, cite: citationSchema });

const issueTableSchema = z.strictObject({
  id: issueId,
  label: text,
  options: list(z.strictObject({ id: z.string(), label: text, available: z._default(z.boolean(), true), cite: z.optional(citationSchema) }), 1),
  cite: citationSchema,
});

const teachingSchema = z.strictObject({
  history: list(z.strictObject({ text, cite: citationSchema }), 1),
  questions: list(text, 5),
  glossary: list(z.strictObject({ term: text, definition: text, cite: z.optional(citationSchema) }), 15),
});

export const scenarioSchema = z.strictObject({
  $schema: z.optional(z.string()),
  id,
  title: text,
  summary: text,
  period: z.strictObject({ start: isoDate, end: isoDate }),
  /** Which side proposes first at the first summit; proposer alternates after that. */
  firstProposer: side,
  sources: list(sourceSchema, 1),
  sides: z.strictObject({ japan: sideSchema, russia: sideSchema }),
  variables: z.strictObject(
    Object.fromEntries(VAR_IDS.map((v) => [v, variableSchema])) as Record<
      (typeof VAR_IDS)[number],
      typeof variableSchema
    >,
  ),
  islands: z.array(islandSchema).check(z.length(4)),
  rounds: list(roundSchema, 1, 8),
  issues: z.array(issueTableSchema).check(z.length(Object.keys(ISSUES).length)),
  events: z.array(eventSchema),
  actors: actorsSchema,
  /** Two to four a side is the design; a scenario may hold none. */
  factions: z._default(list(factionSchema, 0, 16), []),
  horizons: z.strictObject({ japan: horizonSchema, russia: horizonSchema }),
  lines: z._default(z.array(lineSchema), []),
  teaching: teachingSchema,
  defaults: z._default(z.strictObject({ difficulty: z._default(z.enum(DIFFICULTIES), 'normal') }), { difficulty: 'normal' }),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Goal = z.infer<typeof goalSchema>;
export type Priorities = z.infer<typeof prioritiesSchema>;
export type SideSpec = z.infer<typeof sideSchema>;
