import { z } from 'zod';
import { dataEnvelope, idSchema, optionalText } from './common';

/** POST /api/objectivity/support-programme: the programme for the chosen schools as a plan. */
export const supportProgrammeRequest = z.object({
  orgIds: z
    .array(z.number().int().positive())
    .min(1, 'Выберите хотя бы одну школу')
    .max(200, 'Не больше 200 школ в одной программе'),
  /** Year of the analysed ВПР (calendar year of the spring administration). */
  year: z.number().int().min(2000).max(2100),
  /** First calendar year of the programme's school year (default: `year`, i.e. year/year+1). */
  startYear: z.number().int().min(2000).max(2100).optional(),
  /** Plan title (default: the seed 001 wording with the schools). */
  title: optionalText(500).optional(),
  /** Responsible person for the analysis items, «Фамилия И.О.» (default: the caller). */
  responsible: optionalText(200).optional(),
});
export type SupportProgrammeRequest = z.input<typeof supportProgrammeRequest>;

export const supportProgrammeResponse = dataEnvelope(
  z.object({
    planId: z.number().int(),
    /** The analysis run whose figures were filled in (null: no finished run). */
    runId: z.number().int().nullable(),
    schools: z.number().int(),
    activities: z.number().int(),
  }),
);
export type SupportProgrammeResult = z.infer<typeof supportProgrammeResponse>['data'];

/** GET /api/objectivity/compare?orgId=&year= */
export const compareQuery = z.object({
  orgId: idSchema,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

const count = z.object({ count: z.number().int(), share: z.number().nullable() });

export const comparisonGroup = z.object({
  procedure: z.string(),
  procedureLabel: z.string(),
  year: z.number().int(),
  subject: z.string(),
  grade: z.number().int(),
  kind: z.enum(['intermediate', 'final']),
  kindLabel: z.string(),
  n: z.number().int(),
  /** counts[external − 2][internal − 2], marks 2..5. */
  table: z.array(z.array(z.number().int())),
  agreement: z.number().nullable(),
  lowered: count,
  confirmed: count,
  raised: count,
  meanExternal: z.number().nullable(),
  meanInternal: z.number().nullable(),
  spearman: z.number().nullable(),
  correlationText: z.string(),
  note: z.string().nullable(),
});
export type ComparisonGroupView = z.infer<typeof comparisonGroup>;

export const compareResponse = dataEnvelope(
  z.object({
    orgId: z.number().int(),
    orgName: z.string(),
    /** The year shown (null: no linked works at all). */
    year: z.number().int().nullable(),
    /** Years with linked external works, newest first. */
    years: z.array(z.number().int()),
    groups: z.array(comparisonGroup),
  }),
);
export type CompareView = z.infer<typeof compareResponse>['data'];
