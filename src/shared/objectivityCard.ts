/**
 * HTTP contract of the school card, the ФИС ОКО standard reports and the regional aggregates
 * (figures from core/objectivity/figures.ts as stored with each analysis run).
 */
import { z } from 'zod';
import { dataEnvelope } from './common';

const pct4 = z.tuple([z.number(), z.number(), z.number(), z.number()]);
const pct3 = z.tuple([z.number(), z.number(), z.number()]);

export const taskRow = z.object({
  task: z.string(),
  level: z.string().nullable(),
  max: z.number(),
  percent: z.number().nullable(),
  achieved: z.boolean().nullable(),
});

export const taskFigures = z.object({
  tasks: z.array(taskRow),
  levels: z.array(
    z.object({ level: z.string(), percent: z.number().nullable(), tasks: z.number() }),
  ),
  hardBeatsEasy: z.boolean().nullable(),
});

export const figures = z.object({
  level: z.enum(['class', 'school', 'municipality']),
  subject: z.string(),
  grade: z.number(),
  year: z.number(),
  marks: z.object({
    participants: z.number(),
    marked: z.number(),
    counts: pct4,
    percent: pct4.nullable(),
    successRate: z.number().nullable(),
    qualityRate: z.number().nullable(),
    meanMark: z.number().nullable(),
  }),
  scores: z.object({
    maxTotal: z.number(),
    cuts: pct3,
    counts: z.array(z.number()),
    percent: z.array(z.number().nullable()),
    expected: z.array(z.number()).nullable(),
  }),
  tasks: taskFigures,
  journal: z.object({
    matrix: z.array(z.array(z.number())),
    pairs: z.number(),
    lowered: z.number(),
    confirmed: z.number(),
    raised: z.number(),
    percent: pct3.nullable(),
    withoutJournal: z.number(),
  }),
});
export type FiguresView = z.infer<typeof figures>;

export const regionFiguresView = z.union([
  z.object({
    level: z.literal('region'),
    participants: z.number(),
    percent: pct4,
    successRate: z.number(),
    qualityRate: z.number(),
    meanMark: z.number(),
    journalPercent: pct3.nullable(),
    tasks: taskFigures,
  }),
  z.object({ missing: z.literal('нет данных региона') }),
]);
export type RegionFiguresView = z.infer<typeof regionFiguresView>;

export const testRef = z.object({
  subject: z.string(),
  subjectName: z.string(),
  grade: z.number().int(),
  year: z.number().int(),
});
export type TestRef = z.infer<typeof testRef>;

export const runRef = z.object({
  id: z.number().int(),
  finishedAt: z.string().nullable(),
  engineVersion: z.string(),
  q: z.number(),
});

export const dynamicsPoint = z.object({
  year: z.number().int(),
  participants: z.number(),
  percent: pct4.nullable(),
  qualityRate: z.number().nullable(),
  successRate: z.number().nullable(),
  meanMark: z.number().nullable(),
  journalPercent: pct3.nullable(),
  municipalityQualityRate: z.number().nullable(),
  municipalityJournalPercent: pct3.nullable(),
});

export const cardEvidence = z.object({
  subject: z.string(),
  grade: z.number(),
  /** The class («5А») of a class-level indicator; null (or absent, runs before engine 1.1) for the whole school. */
  className: z.string().nullable().optional(),
  title: z.string(),
  p: z.number(),
  n: z.number(),
  text: z.string(),
  causes: z.string(),
  sampleNote: z.string().nullable(),
});

export const cardResult = z.object({
  year: z.number().int(),
  p: z.number(),
  q: z.number(),
  flagged: z.boolean(),
  supportList: z.boolean(),
  yearsInRow: z.number().int(),
  summary: z.string(),
  evidence: z.array(cardEvidence),
  caveats: z.array(z.string()),
});

export const schoolCard = z.object({
  school: z.object({
    orgId: z.number().int(),
    name: z.string(),
    fullName: z.string(),
    fisLogin: z.string().nullable(),
    municipalityId: z.number().int(),
  }),
  run: runRef.nullable(),
  tests: z.array(testRef),
  selected: testRef.nullable(),
  current: z
    .object({
      school: figures,
      classes: z.array(z.object({ name: z.string(), figures })),
      municipality: figures.nullable(),
      region: regionFiguresView,
    })
    .nullable(),
  dynamics: z.array(dynamicsPoint),
  results: z.array(cardResult),
});
export type SchoolCard = z.infer<typeof schoolCard>;
export const schoolCardResponse = dataEnvelope(schoolCard);

export const cardQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  subject: z.string().min(1).max(40).optional(),
  grade: z.coerce.number().int().min(1).max(11).optional(),
});
export type CardQuery = z.infer<typeof cardQuery>;

export const reportsQuery = cardQuery.extend({
  orgId: z.coerce.number().int().positive().optional(),
  municipalityId: z.coerce.number().int().positive().optional(),
});
export type ReportsQuery = z.infer<typeof reportsQuery>;

export const standardReports = z.object({
  municipalityId: z.number().int(),
  run: runRef.nullable(),
  tests: z.array(testRef),
  selected: testRef.nullable(),
  schools: z.array(z.object({ orgId: z.number().int(), name: z.string() })),
  /** The municipality level is shown when the caller reaches the whole municipality or a school of it. */
  school: z.object({ orgId: z.number().int(), name: z.string(), figures }).nullable(),
  municipality: figures.nullable(),
  region: regionFiguresView.nullable(),
});
export type StandardReports = z.infer<typeof standardReports>;
export const standardReportsResponse = dataEnvelope(standardReports);

export const regionAggregateView = z.object({
  id: z.number().int(),
  subject: z.string(),
  subjectName: z.string(),
  grade: z.number().int(),
  year: z.number().int(),
  participants: z.number().int(),
  markPercent: pct4,
  journalPercent: pct3.nullable(),
  tasks: z.number().int(),
  fileName: z.string(),
  importedByLogin: z.string(),
  importedAt: z.string(),
});
export type RegionAggregateView = z.infer<typeof regionAggregateView>;
export const regionAggregateListResponse = dataEnvelope(z.array(regionAggregateView));

export const regionImportFields = z.object({
  municipalityId: z.coerce.number().int().positive().optional(),
});
export const regionImportResult = z.object({
  rows: z.number().int(),
  added: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
});
export type RegionImportResult = z.infer<typeof regionImportResult>;
export const regionImportResponse = dataEnvelope(regionImportResult);

export const regionListQuery = z.object({
  municipalityId: z.coerce.number().int().positive().optional(),
  /** The region of this school's municipality (for school users and experts). */
  orgId: z.coerce.number().int().positive().optional(),
});
