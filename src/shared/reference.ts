import { z } from 'zod';

export const municipalityView = z.object({
  id: z.number().int(),
  name: z.string(),
  regionId: z.number().int(),
  regionName: z.string(),
});
export type MunicipalityView = z.infer<typeof municipalityView>;

export const academicYearView = z.object({
  id: z.number().int(),
  startYear: z.number().int(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  isCurrent: z.boolean(),
});
export type AcademicYearView = z.infer<typeof academicYearView>;

export const createAcademicYearRequest = z.object({
  startYear: z.number().int().min(2000).max(2100),
  isCurrent: z.boolean().default(false),
});
export type CreateAcademicYearRequest = z.infer<typeof createAcademicYearRequest>;

export const subjectView = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  fisCode: z.string().nullable(),
});
export type SubjectView = z.infer<typeof subjectView>;

export const referenceResponse = z.object({
  data: z.object({
    municipalities: z.array(municipalityView),
    academicYears: z.array(academicYearView),
    subjects: z.array(subjectView),
  }),
});
export type ReferenceData = z.infer<typeof referenceResponse>['data'];

export const academicYearResponse = z.object({ data: academicYearView });
