import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { municipalities, organisations } from './registry';

/** The stored Russian dossier of one school-year (see core/analytics/dossier.ts). */
export interface StoredDossier {
  summary: string;
  evidence: unknown[];
  caveats: string[];
  /** `className` names the class of a class-level driver (runs stored before engine 1.1 lack it). */
  driver: { subject: string; grade: number; indicator: string; className?: string | null } | null;
  /** Works per subject × grade (runs stored before this field lack it); `classes` = the classes analysed on their own. */
  units?: {
    subject: string;
    grade: number;
    works: number;
    classes?: { name: string; works: number }[];
  }[];
}

/**
 * One run of the objectivity engine over a municipality's active works. `status` is `running`,
 * `done` or `failed` (with `error`); `trigger` says who started it: `manual`, `cli`, `import`,
 * `undo` or `demo`.
 */
export const analysisRuns = pgTable(
  'analysis_runs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    procedure: text('procedure').notNull(),
    q: real('q').notNull(),
    supportQ: real('support_q').notNull(),
    /** Years found in the data and analysed. */
    years: smallint('years').array().notNull().default([]),
    engineVersion: text('engine_version').notNull(),
    trigger: text('trigger').notNull(),
    status: text('status').notNull(),
    error: text('error'),
    schools: integer('schools').notNull().default(0),
    flagged: integer('flagged').notNull().default(0),
    works: integer('works').notNull().default(0),
    startedByLogin: text('started_by_login').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('analysis_runs_municipality_idx').on(t.municipalityId, t.id)],
);

/** One school-year of a run: combined p, score, flags and the dossier. */
export const analysisResults = pgTable(
  'analysis_results',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    runId: integer('run_id')
      .notNull()
      .references(() => analysisRuns.id, { onDelete: 'cascade' }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    schoolLogin: text('school_login').notNull(),
    year: smallint('year').notNull(),
    p: doublePrecision('p').notNull(),
    score: doublePrecision('score').notNull(),
    qValue: doublePrecision('q_value').notNull(),
    flagged: boolean('flagged').notNull(),
    supportList: boolean('support_list').notNull(),
    yearsInRow: smallint('years_in_row').notNull(),
    tests: integer('tests').notNull(),
    dossier: jsonb('dossier').$type<StoredDossier>().notNull(),
  },
  (t) => [index('analysis_results_run_idx').on(t.runId, t.orgId)],
);
