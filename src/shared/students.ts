import { z } from 'zod';

/** Pseudonymous student codes: letters, digits, dash; never names. */
export const studentCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-zА-Яа-яЁё0-9_-]+$/, 'Код обучающегося: буквы, цифры, дефис (без пробелов и ФИО)');

export const studentView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  code: z.string(),
  classNames: z.array(z.string()),
  createdAt: z.string(),
});
export type StudentView = z.infer<typeof studentView>;

export const addStudentsRequest = z.object({
  codes: z.array(studentCode).min(1).max(5000),
  classId: z.number().int().positive().nullish(),
});
export type AddStudentsRequest = z.infer<typeof addStudentsRequest>;

export const addStudentsResponse = z.object({
  data: z.object({ created: z.number().int(), existing: z.number().int() }),
});

export const studentListResponse = z.object({
  data: z.object({ items: z.array(studentView), total: z.number().int() }),
});
