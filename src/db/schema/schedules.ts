import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './access';
import { academicYears, municipalities, organisations } from './registry';

/** A school's schedule of assessment procedures for one academic year (one per school and year). */
export const assessmentSchedules = pgTable(
  'assessment_schedules',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    academicYearId: integer('academic_year_id')
      .notNull()
      .references(() => academicYears.id),
    /** The uploaded file the schedule came from, when it was uploaded. */
    sourceFileName: text('source_file_name'),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('assessment_schedules_org_year_uq').on(t.orgId, t.academicYearId)],
);

export const assessmentScheduleEntries = pgTable(
  'assessment_schedule_entries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    scheduleId: integer('schedule_id')
      .notNull()
      .references(() => assessmentSchedules.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    className: text('class_name').notNull(),
    parallel: smallint('parallel').notNull(),
    /** Reference subject code, or `name:<lower-case name>` for subjects outside the reference. */
    subjectCode: text('subject_code').notNull(),
    subjectName: text('subject_name').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    lesson: smallint('lesson').notNull(),
    kind: text('kind').notNull(),
    durationMin: smallint('duration_min').notNull(),
    wholeClass: boolean('whole_class').notNull().default(true),
  },
  (t) => [index('assessment_schedule_entries_schedule_idx').on(t.scheduleId)],
);

/** Curriculum hours (учебный план) the checks need: weekly hours per parallel and subject. */
export const scheduleCurriculum = pgTable(
  'schedule_curriculum',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    scheduleId: integer('schedule_id')
      .notNull()
      .references(() => assessmentSchedules.id, { onDelete: 'cascade' }),
    parallel: smallint('parallel').notNull(),
    subjectCode: text('subject_code').notNull(),
    subjectName: text('subject_name').notNull(),
    weeklyHours: real('weekly_hours').notNull(),
  },
  (t) => [uniqueIndex('schedule_curriculum_uq').on(t.scheduleId, t.parallel, t.subjectCode)],
);

/** Lessons per day of a parallel; weekday 1–6, or null for every day. */
export const scheduleLessonsPerDay = pgTable(
  'schedule_lessons_per_day',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    scheduleId: integer('schedule_id')
      .notNull()
      .references(() => assessmentSchedules.id, { onDelete: 'cascade' }),
    parallel: smallint('parallel').notNull(),
    weekday: smallint('weekday'),
    lessons: smallint('lessons').notNull(),
  },
  (t) => [index('schedule_lessons_per_day_schedule_idx').on(t.scheduleId)],
);
