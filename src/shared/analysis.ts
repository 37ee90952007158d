import { z } from 'zod';
import { dataEnvelope } from './common';

export const analysisRun = z.object({
  id: z.number().int(),
  municipalityId: z.number().int(),
  procedure: z.string(),
  q: z.number(),
  supportQ: z.number(),
  years: z.array(z.number().int()),
  engineVersion: z.string(),
  trigger: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  error: z.string().nullable(),
  schools: z.number().int(),
  flagged: z.number().int(),
  works: z.number().int(),
  startedByLogin: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type AnalysisRun = z.infer<typeof analysisRun>;

export const analysisEvidence = z.object({
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

export const analysisSchoolResult = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  schoolLogin: z.string(),
  year: z.number().int(),
  p: z.number(),
  score: z.number(),
  q: z.number(),
  flagged: z.boolean(),
  supportList: z.boolean(),
  yearsInRow: z.number().int(),
  tests: z.number().int(),
  summary: z.string(),
  evidence: z.array(analysisEvidence),
  caveats: z.array(z.string()),
});
export type AnalysisSchoolResult = z.infer<typeof analysisSchoolResult>;

export const analysisRunListResponse = dataEnvelope(z.array(analysisRun));
export const analysisRunResponse = dataEnvelope(analysisRun);
export const analysisRunDetailResponse = dataEnvelope(
  z.object({ run: analysisRun, results: z.array(analysisSchoolResult) }),
);

export const startAnalysisRequest = z.object({
  municipalityId: z.number().int().positive().optional(),
  q: z.number().gt(0).lt(1).optional(),
  years: z.array(z.number().int().min(2000).max(2100)).optional(),
});
export type StartAnalysisRequest = z.infer<typeof startAnalysisRequest>;

export const analysisQuery = z.object({ orgId: z.coerce.number().int().positive().optional() });
