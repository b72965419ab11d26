import { z } from 'zod';
import {
  DIFFICULTIES,
  ENDINGS,
  ISLAND_IDS,
  ISLAND_STATUSES,
  ISSUES,
  LINE_MOMENTS,
  PHASES,
  SEQUENCINGS,
  SIDES,
  SPEAKERS,
  TONES,
  VAR_IDS,
  type IssueId,
} from './vocabulary';

// Every object is strict: a misspelt field is an error, never silently ignored.

const text = z.string().trim().min(1, 'a non-empty text');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lower-case letters, digits and dashes');

/** Evidence from an article, or an honest mark that the game invented it. */
export const citationSchema = z.union([
  z.strictObject({ source: id.refine((s) => s !== 'designer'), quote: text }),
  z.strictObject({ source: z.literal('designer'), reason: text }),
]);
export type Citation = z.infer<typeof citationSchema>;

export const sourceSchema = z.strictObject({
  id,
  file: z.string().regex(/^[\w.-]+\.txt$/, 'a file name like 000_abc.txt'),
  outlet: text,
  author: text,
  title: text,
  date: isoDate,
});

const person = z.strictObject({ name: text, title: text });

const variableSchema = z.strictObject({
  label: text,
  unit: text,
  min: z.number(),
  max: z.number(),
  start: z.number(),
  /** Optional names for integer levels, e.g. sanctions 0..2. */
  levels: z.array(text).optional(),
  cite: citationSchema,
});
export type VariableSpec = z.infer<typeof variableSchema>;

const varId = z.enum(VAR_IDS);
const side = z.enum(SIDES);

const islandSchema = z.strictObject({
  id: z.enum(ISLAND_IDS),
  names: z.strictObject({ ru: text, ja: text }),
  areaKm2: z.number().positive(),
  population: z.number().int().nonnegative(),
  status: z.enum(ISLAND_STATUSES),
  cite: citationSchema,
});

const roundSchema = z.strictObject({
  id,
  date: isoDate,
  place: text,
  label: text,
  note: text.optional(),
  cite: citationSchema,
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
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

const issueOption = z.strictObject({
  issue: z.enum(Object.keys(ISSUES) as [IssueId, ...IssueId[]]),
  atLeast: z.string().optional(),
  atMost: z.string().optional(),
});

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ var: varId, gte: z.number().optional(), lte: z.number().optional() }),
    z.strictObject({ island: z.enum(ISLAND_IDS), status: z.array(z.enum(ISLAND_STATUSES)).min(1) }),
    z.strictObject({ ending: z.array(z.enum(ENDINGS)).min(1) }),
    z.strictObject({ agreed: issueOption }),
    z.strictObject({
      statement: z.strictObject({ side, tone: z.array(z.enum(TONES)).min(1) }),
    }),
    z.strictObject({
      summit: z
        .array(z.enum(['nothing', 'jointStatement', 'interimAgreement', 'treatyText', 'walkOut']))
        .min(1),
    }),
    z.strictObject({
      round: z.strictObject({ gte: z.number().int().optional(), lte: z.number().int().optional() }),
    }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
) as z.ZodType<Condition>;

const effectSchema = z.union([
  z.strictObject({ var: varId, delta: z.number() }),
  z.strictObject({ var: varId, set: z.number() }),
]);
export type Effect = z.infer<typeof effectSchema>;

const eventSchema = z.strictObject({
  id,
  title: text,
  /** The phase after which the event may strike (public reaction by default). */
  phase: z.enum(['ministerTalks', 'publicReaction']).default('publicReaction'),
  when: conditionSchema.optional(),
  probability: z.number().min(0).max(1),
  once: z.boolean().default(true),
  effects: z.array(effectSchema).min(1),
  /** The same event, framed by each country's press. */
  headlines: z.strictObject({ japan: text, russia: text }),
  tags: z.array(id).default([]),
  cite: citationSchema,
});
export type ScenarioEvent = z.infer<typeof eventSchema>;

const lineSchema = z.strictObject({
  speaker: z.enum(SPEAKERS),
  on: z.enum(LINE_MOMENTS),
  text,
  cite: citationSchema,
});

const goalSchema = z.strictObject({
  id,
  label: text,
  weight: z.number().positive(),
  test: conditionSchema,
  cite: citationSchema,
});

const range = z
  .tuple([z.number(), z.number()])
  .refine(([a, b]) => a <= b, 'a range [low, high] with low ≤ high');

const issueWeights = z.strictObject({
  islands: range,
  sovereignty: range,
  usGuarantee: range,
  sanctions: range,
  energy: range,
  investment: range,
  humanitarian: range,
});

const prioritiesSchema = z.strictObject({
  /** How much each issue matters to this side, drawn once per game from [low, high]. */
  weights: issueWeights,
  /** The least value a deal must give before this side will sign, drawn from [low, high]. */
  reservation: range,
  /** Options this side will never accept, whatever its approval. */
  redLines: z.array(z.strictObject({ issue: issueOption.shape.issue, atMost: z.string().optional(), atLeast: z.string().optional(), label: text, cite: citationSchema })).default([]),
  /** Opening stance at the foreign ministers' table. */
  sequencing: z.enum(SEQUENCINGS),
});

const briefSchema = z.strictObject({
  summary: text,
  goals: z.array(goalSchema).min(1),
  redLines: z.array(text).min(1),
});

const sideSchema = z.strictObject({
  leader: person,
  minister: person,
  /** Approval below which this leader falls from office (or loses the mandate to negotiate). */
  leaderOutBelow: z.number().min(0).max(100),
  brief: briefSchema,
  priorities: prioritiesSchema,
});

const issueTableSchema = z.strictObject({
  id: issueOption.shape.issue,
  label: text,
  options: z
    .array(z.strictObject({ id: z.string(), label: text, available: z.boolean().default(true), cite: citationSchema.optional() }))
    .min(1),
  cite: citationSchema,
});

const teachingSchema = z.strictObject({
  history: z.array(z.strictObject({ text, cite: citationSchema })).min(1),
  questions: z.array(text).min(5),
  glossary: z.array(z.strictObject({ term: text, definition: text, cite: citationSchema.optional() })).min(15),
});

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  id,
  title: text,
  summary: text,
  period: z.strictObject({ start: isoDate, end: isoDate }),
  /** Which side proposes first at the first summit; proposer alternates after that. */
  firstProposer: side,
  sources: z.array(sourceSchema).min(1),
  sides: z.strictObject({ japan: sideSchema, russia: sideSchema }),
  variables: z.strictObject(
    Object.fromEntries(VAR_IDS.map((v) => [v, variableSchema])) as Record<
      (typeof VAR_IDS)[number],
      typeof variableSchema
    >,
  ),
  islands: z.array(islandSchema).length(4),
  rounds: z.array(roundSchema).min(1).max(8),
  issues: z.array(issueTableSchema).length(Object.keys(ISSUES).length),
  events: z.array(eventSchema),
  lines: z.array(lineSchema).default([]),
  teaching: teachingSchema,
  defaults: z
    .strictObject({ difficulty: z.enum(DIFFICULTIES).default('normal') })
    .default({ difficulty: 'normal' }),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Goal = z.infer<typeof goalSchema>;
export type Priorities = z.infer<typeof prioritiesSchema>;
export type SideSpec = z.infer<typeof sideSchema>;

export const PHASE_IDS = PHASES;
