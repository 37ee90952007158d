import { z } from 'zod';
import { MAX_PARALLEL, MIN_PARALLEL } from '../core/registry/classes';
import { optionalText } from './common';

export const classView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  academicYearId: z.number().int(),
  academicYearName: z.string(),
  parallel: z.number().int(),
  letter: z.string(),
  name: z.string(),
  profile: z.string().nullable(),
  studentCount: z.number().int().nullable(),
});
export type ClassView = z.infer<typeof classView>;

export const classListQuery = z.object({
  academicYearId: z.coerce.number().int().optional(),
});

const classFields = {
  parallel: z.number().int().min(MIN_PARALLEL).max(MAX_PARALLEL),
  letter: z
    .string()
    .trim()
    .max(5)
    .regex(/^[А-ЯЁA-Zа-яёa-z0-9]*$/, 'Литера класса: буквы или цифры, например А или 1'),
  profile: optionalText(200),
  studentCount: z.number().int().min(0).max(60).nullish(),
};

export const createClassRequest = z.object({
  academicYearId: z.number().int().positive(),
  ...classFields,
});
export type CreateClassRequest = z.infer<typeof createClassRequest>;

export const updateClassRequest = z.object(classFields).partial();
export type UpdateClassRequest = z.infer<typeof updateClassRequest>;

export const classResponse = z.object({ data: classView });
export const classListResponse = z.object({ data: z.array(classView) });
