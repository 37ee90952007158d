import { z } from 'zod';
import { PROCEDURE_KINDS, RULES } from '../core/schedules/model';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Дата в формате ГГГГ-ММ-ДД');

export const scheduleQuery = z.object({ academicYearId: z.coerce.number().int().positive() });

export const scheduleEntryInput = z.object({
  className: z
    .string()
    .trim()
    .regex(/^(\d|1[01])\s*-?\s*[А-ЯЁA-Zа-яёa-z]?\d*$/, 'Класс вида «5А»'),
  subjectName: z.string().trim().min(1, 'Укажите предмет').max(100),
  date: isoDate,
  lesson: z.number().int().min(1).max(10),
  kind: z.enum(PROCEDURE_KINDS),
  durationMin: z.number().int().min(1).max(300),
  wholeClass: z.boolean().default(true),
});

export const curriculumInput = z.object({
  parallel: z.number().int().min(1).max(11),
  subjectName: z.string().trim().min(1).max(100),
  weeklyHours: z.number().min(0).max(40),
});

export const lessonsInput = z.object({
  parallel: z.number().int().min(1).max(11),
  weekday: z.number().int().min(1).max(6).nullable(),
  lessons: z.number().int().min(1).max(10),
});

export const saveScheduleRequest = z.object({
  academicYearId: z.number().int().positive(),
  entries: z.array(scheduleEntryInput).max(5000),
  curriculum: z.array(curriculumInput).max(1000),
  lessonsPerDay: z.array(lessonsInput).max(200),
});
export type SaveScheduleRequest = z.infer<typeof saveScheduleRequest>;

export const uploadScheduleFields = z.object({
  academicYearId: z.coerce.number().int().positive(),
});

const entryView = z.object({
  className: z.string(),
  parallel: z.number().int(),
  subjectCode: z.string(),
  subjectName: z.string(),
  date: z.string(),
  lesson: z.number().int(),
  kind: z.enum(PROCEDURE_KINDS),
  kindLabel: z.string(),
  durationMin: z.number().int(),
  wholeClass: z.boolean(),
});

export const scheduleCheckView = z.object({
  counted: z.number().int(),
  excluded: z.array(z.object({ entryIndex: z.number().int(), reason: z.string() })),
  violations: z.array(
    z.object({
      rule: z.enum(RULES),
      ruleLabel: z.string(),
      className: z.string(),
      subjectName: z.string().nullable(),
      entryIndexes: z.array(z.number().int()),
      message: z.string(),
    }),
  ),
  missing: z.array(z.object({ rule: z.enum(RULES), message: z.string() })),
  loads: z.array(
    z.object({
      className: z.string(),
      parallel: z.number().int(),
      subjectCode: z.string(),
      subjectName: z.string(),
      procedures: z.number().int(),
      minutes: z.number(),
      annualHours: z.number().nullable(),
      sharePercent: z.number().nullable(),
    }),
  ),
});
export type ScheduleCheckView = z.infer<typeof scheduleCheckView>;

export const scheduleView = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  academicYearId: z.number().int(),
  academicYearName: z.string(),
  exists: z.boolean(),
  sourceFileName: z.string().nullable(),
  updatedAt: z.string().nullable(),
  entries: z.array(entryView),
  curriculum: z.array(
    z.object({
      parallel: z.number().int(),
      subjectCode: z.string(),
      subjectName: z.string(),
      weeklyHours: z.number(),
    }),
  ),
  lessonsPerDay: z.array(lessonsInput),
  check: scheduleCheckView,
});
export type ScheduleView = z.infer<typeof scheduleView>;
export const scheduleResponse = z.object({ data: scheduleView });
