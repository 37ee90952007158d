import { z } from 'zod';
import { dataEnvelope } from './common';

/** «да» / «нет» / «не известно». */
export const observationValue = z.boolean().nullable();

export const observationsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  subject: z.string().trim().min(1).max(40).optional(),
  grade: z.coerce.number().int().min(1).max(11).optional(),
  orgId: z.coerce.number().int().positive().optional(),
});
export type ObservationsQuery = z.infer<typeof observationsQuery>;

export const observationRow = z.object({
  orgId: z.number().int(),
  orgShortName: z.string(),
  fisLogin: z.string().nullable(),
  year: z.number().int(),
  subject: z.string(),
  subjectName: z.string(),
  grade: z.number().int(),
  works: z.number().int(),
  observed: observationValue,
  /** Whether a mark was ever stored (false: never marked). */
  marked: z.boolean(),
  source: z.string().nullable(),
  setByLogin: z.string().nullable(),
  setAt: z.string().nullable(),
});
export type ObservationRow = z.infer<typeof observationRow>;

/** The marks against the municipality's latest analysis run. */
export const observationRunStatus = z.object({
  municipalityId: z.number().int(),
  lastMarkChange: z.string().nullable(),
  latestRunId: z.number().int().nullable(),
  latestRunStartedAt: z.string().nullable(),
  /** Marks changed after the latest run started: the stored analysis does not use them yet. */
  outdated: z.boolean(),
});
export type ObservationRunStatus = z.infer<typeof observationRunStatus>;

export const observationList = z.object({
  rows: z.array(observationRow),
  canManage: z.boolean(),
  status: z.array(observationRunStatus),
});
export type ObservationList = z.infer<typeof observationList>;
export const observationListResponse = dataEnvelope(observationList);

export const observationItem = z.object({
  orgId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  subject: z.string().trim().min(1).max(40),
  grade: z.number().int().min(1).max(11),
  observed: observationValue,
});
export type ObservationItem = z.infer<typeof observationItem>;

export const setObservationsRequest = z.object({
  items: z.array(observationItem).min(1).max(10000),
});
export type SetObservationsRequest = z.infer<typeof setObservationsRequest>;

export const observationChangeSummary = z.object({
  /** Rows in the request or the file. */
  rows: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
});
export type ObservationChangeSummary = z.infer<typeof observationChangeSummary>;
export const observationChangeResponse = dataEnvelope(observationChangeSummary);

const figures = z.object({
  n: z.number().int(),
  scorePct: z.number().nullable(),
  meanMark: z.number().nullable(),
  share2: z.number().nullable(),
  share45: z.number().nullable(),
});
const side = z.object({
  years: z.array(z.number().int()),
  school: figures,
  municipality: figures,
  difference: z.object({
    scorePct: z.number().nullable(),
    meanMark: z.number().nullable(),
    share2: z.number().nullable(),
    share45: z.number().nullable(),
  }),
});
export const observedGapEvidence = z.object({
  year: z.number().int(),
  p: z.number(),
  n: z.number().int(),
  text: z.string(),
});
export const observedComparisonRow = z.object({
  subject: z.string(),
  subjectName: z.string(),
  grade: z.number().int(),
  observed: side.nullable(),
  unobserved: side.nullable(),
  unknownYears: z.array(z.number().int()),
  scoreGap: z.number().nullable(),
  /** The observerGap evidence of the latest stored run (nominal p ≤ 0,05), by year. */
  evidence: z.array(observedGapEvidence),
});
export type ObservedComparisonView = z.infer<typeof observedComparisonRow>;
export const observedComparison = z.object({
  orgId: z.number().int(),
  orgShortName: z.string(),
  runId: z.number().int().nullable(),
  rows: z.array(observedComparisonRow),
});
export type ObservedComparison = z.infer<typeof observedComparison>;
export const observedComparisonResponse = dataEnvelope(observedComparison);
