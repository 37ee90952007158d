import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { TaskDef } from '../../core/results/types';
import { users } from './access';
import { municipalities, organisations, students, subjects } from './registry';

/**
 * The test catalog: one row per procedure, year, session, subject, grade and form, with the
 * tasks (code, maximum, level Б/П/В) and the cut scores for marks. Certainty columns say where
 * the facts come from (see core/results/types.ts).
 */
export const assessmentTests = pgTable(
  'assessment_tests',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    procedure: text('procedure').notNull(),
    year: smallint('year').notNull(),
    session: text('session').notNull().default('spring'),
    subjectId: integer('subject_id')
      .notNull()
      .references(() => subjects.id),
    grade: smallint('grade').notNull(),
    /** «базовая» / «углублённая»; empty for the only form. */
    form: text('form').notNull().default(''),
    tasks: jsonb('tasks').$type<TaskDef[]>().notNull().default([]),
    maxTotal: smallint('max_total'),
    min3: smallint('min3'),
    min4: smallint('min4'),
    min5: smallint('min5'),
    structureCertainty: text('structure_certainty'),
    scaleCertainty: text('scale_certainty'),
    source: text('source'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('assessment_tests_key_uq').on(
      t.procedure,
      t.year,
      t.session,
      t.subjectId,
      t.grade,
      t.form,
    ),
  ],
);

/** An imported file: its content hash makes re-importing the same bytes a no-op. */
export const resultFiles = pgTable(
  'result_files',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    /** `individual` or `school_form`. */
    kind: text('kind').notNull(),
    testId: integer('test_id')
      .notNull()
      .references(() => assessmentTests.id),
    /** The original bytes in file storage. */
    storageKey: text('storage_key'),
    importedBy: integer('imported_by').references(() => users.id),
    importedByLogin: text('imported_by_login').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('result_files_sha_idx').on(t.sha256)],
);

/**
 * The works of one school from one file. A later file for the same school and test replaces the
 * active batch (status `replaced`, history kept); undo restores the batch it replaced.
 */
export const resultBatches = pgTable(
  'result_batches',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    fileId: integer('file_id')
      .notNull()
      .references(() => resultFiles.id),
    testId: integer('test_id')
      .notNull()
      .references(() => assessmentTests.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    /** `active`, `replaced` or `undone`. */
    status: text('status').notNull().default('active'),
    replacesId: integer('replaces_id'),
    worksCount: integer('works_count').notNull(),
    absentCount: integer('absent_count').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneByLogin: text('undone_by_login'),
  },
  (t) => [
    index('result_batches_test_org_idx').on(t.testId, t.orgId),
    index('result_batches_file_idx').on(t.fileId),
  ],
);

/**
 * One row per student work; task scores in an array (null = not attempted). Loaded by COPY.
 * No names: the participant code is the only key, linked to students by the school.
 */
export const resultWorks = pgTable(
  'result_works',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /**
     * The batch (result_batches.id). No foreign key and no index of its own, for bulk-load speed:
     * a per-row foreign-key check and a second index made COPY about twice as slow. Works are
     * written only by the import service, by COPY right after their batch is inserted in the
     * same transaction, and batches are never deleted (undo and replace change the status).
     * Reads go through (test_id, org_id).
     */
    batchId: integer('batch_id').notNull(),
    testId: integer('test_id').notNull(),
    orgId: integer('org_id').notNull(),
    participantCode: text('participant_code').notNull(),
    className: text('class_name'),
    parallel: smallint('parallel'),
    variant: smallint('variant'),
    absent: boolean('absent').notNull(),
    scores: smallint('scores').array().notNull(),
    total: smallint('total'),
    /** ОГЭ/ЕГЭ test score. */
    testScore: smallint('test_score'),
    mark: smallint('mark'),
    /** Whether the mark is the file's (true) or computed from the catalog scale (false). */
    markFromFile: boolean('mark_from_file').notNull(),
    journalMark: smallint('journal_mark'),
    gender: text('gender'),
    sourceRow: integer('source_row').notNull(),
  },
  (t) => [index('result_works_test_org_idx').on(t.testId, t.orgId)],
);

/**
 * A school's link from one administration's participant code to its own pseudonymous student
 * (uploaded code list; never names). Lets ВПР, journal marks and ОГЭ/ЕГЭ be compared for the
 * same student; analyses without a link say so instead of guessing.
 */
export const resultCodeLinks = pgTable(
  'result_code_links',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    testId: integer('test_id')
      .notNull()
      .references(() => assessmentTests.id),
    participantCode: text('participant_code').notNull(),
    studentId: integer('student_id')
      .notNull()
      .references(() => students.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('result_code_links_uq').on(t.orgId, t.testId, t.participantCode)],
);
