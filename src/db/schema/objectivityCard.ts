import {
  index,
  integer,
  json,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { ClassFigures } from '../../core/objectivity/figuresRun';
import type { Figures } from '../../core/objectivity/figures';
import { analysisRuns } from './analysis';
import { municipalities, organisations, regions } from './registry';

/** Stored figures of one level: a school (with its classes) or the whole municipality. */
export interface StoredFigures {
  figures: Figures;
  classes: ClassFigures[];
}

/**
 * The ФИС ОКО standard tables of one test administration computed with an analysis run, per school
 * (`org_id`) and for the municipality (`org_id` null). Read by the school card and the reports
 * page instead of recomputing from works.
 */
export const objectivityFigures = pgTable(
  'objectivity_figures',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    runId: integer('run_id')
      .notNull()
      .references(() => analysisRuns.id, { onDelete: 'cascade' }),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    orgId: integer('org_id').references(() => organisations.id),
    /** Subject code as the run names it (`rus`, or `code:form`). */
    subject: text('subject').notNull(),
    grade: smallint('grade').notNull(),
    year: smallint('year').notNull(),
    works: integer('works').notNull(),
    figures: json('figures').$type<StoredFigures>().notNull(),
  },
  (t) => [
    index('objectivity_figures_run_org_idx').on(t.runId, t.orgId),
    index('objectivity_figures_run_test_idx').on(t.runId, t.subject, t.grade, t.year),
  ],
);

/**
 * Region-level ФИС ОКО figures of one test, imported from the regional aggregate table. One row
 * per region × procedure × subject × grade × year; a re-import replaces changed rows only.
 */
export const regionAggregates = pgTable(
  'region_aggregates',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    procedure: text('procedure').notNull(),
    subject: text('subject').notNull(),
    grade: smallint('grade').notNull(),
    year: smallint('year').notNull(),
    participants: integer('participants').notNull(),
    /** % of marks 2, 3, 4, 5. */
    markPercent: jsonb('mark_percent').$type<[number, number, number, number]>().notNull(),
    /** Понизили / Подтвердили / Повысили, %; null when the file has no such columns. */
    journalPercent: jsonb('journal_percent').$type<[number, number, number] | null>(),
    /** Success % per task label. */
    taskPercent: jsonb('task_percent').$type<Record<string, number>>().notNull(),
    fileName: text('file_name').notNull(),
    importedByLogin: text('imported_by_login').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('region_aggregates_test_uq').on(
      t.regionId,
      t.procedure,
      t.subject,
      t.grade,
      t.year,
    ),
  ],
);
