import {
  boolean,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { municipalities, organisations, subjects } from './registry';

/**
 * Whether one administration (school × year × subject × grade) ran with public observers
 * («общественное наблюдение»), as district staff marked it in the UI or imported it as CSV.
 * `observed` null = marked «не известно» (kept so that the time of the change is known); no row =
 * never marked. Every change is written to the audit log with before → after.
 */
export const observationMarks = pgTable(
  'observation_marks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    year: smallint('year').notNull(),
    subjectId: integer('subject_id')
      .notNull()
      .references(() => subjects.id),
    grade: smallint('grade').notNull(),
    observed: boolean('observed'),
    /** `ui`, `csv` or `demo`. */
    source: text('source').notNull(),
    setByLogin: text('set_by_login').notNull(),
    setAt: timestamp('set_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('observation_marks_unit_uq').on(t.orgId, t.year, t.subjectId, t.grade),
    index('observation_marks_municipality_idx').on(t.municipalityId),
  ],
);
