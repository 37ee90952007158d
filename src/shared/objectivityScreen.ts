import { z } from 'zod';
import { dataEnvelope, text } from './common';

/** Filters and sorting of the district screen «Объективность результатов». */
export const SCREEN_SORTS = ['risk', 'name', 'n', 'yearsInRow', 'markers', 'p'] as const;
export const screenQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  procedure: z.string().trim().min(1).max(20).optional(),
  subject: z.string().trim().min(1).max(100).optional(),
  grade: z.coerce.number().int().min(1).max(11).optional(),
  search: z.string().trim().max(100).optional(),
  sort: z.enum(SCREEN_SORTS).optional(),
  desc: z.enum(['true', 'false']).optional(),
  /** Only this school (its row on the card, one-row export). */
  orgId: z.coerce.number().int().positive().optional(),
});
export type ScreenQuery = z.infer<typeof screenQuery>;

export const riskLevelSchema = z.enum(['high', 'elevated', 'none', 'nodata']);
export const dueStatusSchema = z.enum([
  'none',
  'explained',
  'cleared',
  'keep_risk',
  'observers',
  'recheck',
]);

export const screenIndicator = z.object({
  indicator: z.string(),
  title: z.string(),
  /** «Математика, 4 класс: p = 0,003, 54 работы» lines for the tooltip. */
  details: z.array(z.string()),
  minP: z.number(),
});

export const federalMarkers = z.object({
  r4: z.number().int(),
  m4: z.number().int(),
  r5: z.number().int(),
  m5: z.number().int(),
  total: z.number().int(),
});

export const screenRow = z.object({
  orgId: z.number().int(),
  name: z.string(),
  login: z.string().nullable(),
  risk: riskLevelSchema,
  riskLabel: z.string(),
  p: z.number().nullable(),
  q: z.number().nullable(),
  indicators: z.array(screenIndicator),
  /** Works in the year (in the chosen subject / grade); null when not known. */
  n: z.number().int().nullable(),
  yearsInRow: z.number().int(),
  federal: federalMarkers.nullable(),
  shnor: z.object({ note: z.string().nullable() }).nullable(),
  dueStatus: dueStatusSchema,
  dueStatusLabel: z.string(),
});
export type ScreenRow = z.infer<typeof screenRow>;

export const screenView = z.object({
  year: z.number().int().nullable(),
  procedure: z.string(),
  years: z.array(z.number().int()),
  procedures: z.array(z.string()),
  subjects: z.array(z.string()),
  grades: z.array(z.number().int()),
  runIds: z.array(z.number().int()),
  q: z.number().nullable(),
  supportQ: z.number().nullable(),
  rows: z.array(screenRow),
  totals: z.object({
    schools: z.number().int(),
    high: z.number().int(),
    elevated: z.number().int(),
    none: z.number().int(),
    nodata: z.number().int(),
    federal: z.number().int(),
    shnor: z.number().int(),
  }),
});
export type ScreenView = z.infer<typeof screenView>;
export const screenResponse = dataEnvelope(screenView);

// ---- official lists ---------------------------------------------------------------------------

export const officialListKind = z.enum(['federal', 'shnor']);
export const listImportFields = z.object({
  list: officialListKind,
  municipalityId: z.coerce.number().int().positive().optional(),
});

export const listImportView = z.object({
  id: z.number().int(),
  list: officialListKind,
  listLabel: z.string(),
  years: z.array(z.number().int()),
  fileName: z.string(),
  rows: z.number().int(),
  matched: z.number().int(),
  unknownLogins: z.array(z.string()),
  importedByLogin: z.string(),
  importedAt: z.string(),
});

export const listImportResult = z.object({
  changed: z.boolean(),
  message: z.string(),
  import: listImportView.nullable(),
  unknownLogins: z.array(z.string()),
  otherMunicipality: z.array(z.string()),
});
export const listImportResponse = dataEnvelope(listImportResult);

export const listsOverview = z.object({
  counts: z.array(
    z.object({
      list: officialListKind,
      listLabel: z.string(),
      year: z.number().int(),
      schools: z.number().int(),
      markers: z.number().int(),
    }),
  ),
  imports: z.array(listImportView),
});
export const listsQuery = z.object({
  municipalityId: z.coerce.number().int().positive().optional(),
});
export const listsOverviewResponse = dataEnvelope(listsOverview);

export const schoolListEntry = z.object({
  list: officialListKind,
  listLabel: z.string(),
  year: z.number().int(),
  markers: federalMarkers.nullable(),
  note: z.string().nullable(),
});
export const schoolListsResponse = dataEnvelope(z.array(schoolListEntry));

// ---- due process ------------------------------------------------------------------------------

export const orgParams = z.object({ orgId: z.coerce.number().int().positive() });
export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const explanationFields = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  text: text(10_000),
});

export const decisionRequest = z.object({
  year: z.number().int().min(2000).max(2100),
  decision: z.enum(['cleared', 'keep_risk', 'observers', 'recheck']),
  reason: text(5_000),
});
export type DecisionRequest = z.infer<typeof decisionRequest>;

export const dueEvent = z.object({
  kind: z.enum(['explanation', 'decision']),
  id: z.number().int(),
  at: z.string(),
  authorName: z.string(),
  authorLogin: z.string(),
  text: z.string(),
  decision: z.string().nullable(),
  decisionLabel: z.string().nullable(),
  file: z.object({ name: z.string(), sizeBytes: z.number().int() }).nullable(),
});

export const dueProcessView = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  risk: riskLevelSchema,
  riskLabel: z.string(),
  summary: z.string().nullable(),
  evidence: z.array(
    z.object({
      subject: z.string(),
      grade: z.number(),
      /** The class of a class-level indicator; null for the whole school. */
      className: z.string().nullable(),
      indicator: z.string(),
      title: z.string(),
      p: z.number(),
      n: z.number(),
      text: z.string(),
    }),
  ),
  status: dueStatusSchema,
  statusLabel: z.string(),
  events: z.array(dueEvent),
  canExplain: z.boolean(),
  canDecide: z.boolean(),
});
export type DueProcessView = z.infer<typeof dueProcessView>;
export const dueProcessResponse = dataEnvelope(dueProcessView);
