import { index, integer, jsonb, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './access';
import { municipalities, organisations, students, subjects } from './registry';

/**
 * A file of marks exported by an electronic journal and imported for one school and academic
 * year, with the column mapping the user chose. Its content hash makes re-importing the same
 * bytes for the same school and year a no-op. A later file whose marks overlap an active file's
 * (same student, subject and period) replaces it (status `replaced`, history kept, the new file
 * lists it in `replaces_ids`); undo restores the files it replaced. Only marks of `active` files
 * count.
 */
export const journalMarkFiles = pgTable(
  'journal_mark_files',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    /** Academic year by its start (2024 = 2024/25). */
    year: smallint('year').notNull(),
    /** Mapping role → 0-based column index, and the sheet used. */
    mapping: jsonb('mapping').$type<Record<string, number | string | null>>().notNull(),
    marksCount: integer('marks_count').notNull(),
    importedBy: integer('imported_by').references(() => users.id),
    importedByLogin: text('imported_by_login').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
    /** `active`, `replaced` or `undone`. */
    status: text('status').notNull().default('active'),
    /** The files this one replaced when it was imported. */
    replacesIds: integer('replaces_ids').array().notNull().default([]),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneByLogin: text('undone_by_login'),
  },
  (t) => [
    index('journal_mark_files_org_sha_idx').on(t.orgId, t.sha256),
    index('journal_mark_files_org_year_idx').on(t.orgId, t.year),
  ],
);

/**
 * One mark of one student in one subject for a term (четверть / триместр / полугодие) or an
 * attestation (промежуточная / итоговая). No names: the student code is the school's
 * pseudonymous student ID (resolved to `student_id` when the school has it) or a ВПР
 * participant code.
 */
export const journalMarks = pgTable(
  'journal_marks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    fileId: integer('file_id')
      .notNull()
      .references(() => journalMarkFiles.id),
    orgId: integer('org_id').notNull(),
    year: smallint('year').notNull(),
    studentCode: text('student_code').notNull(),
    studentId: integer('student_id').references(() => students.id, { onDelete: 'set null' }),
    className: text('class_name'),
    subjectId: integer('subject_id')
      .notNull()
      .references(() => subjects.id),
    /** `term`, `intermediate` (промежуточная аттестация) or `final` (итоговая аттестация). */
    kind: text('kind').notNull(),
    /** For terms: `quarter`, `trimester` or `half`; null for attestations. */
    termType: text('term_type'),
    termNo: smallint('term_no'),
    mark: smallint('mark').notNull(),
    sourceRow: integer('source_row').notNull(),
  },
  (t) => [
    index('journal_marks_org_year_idx').on(t.orgId, t.year),
    index('journal_marks_file_idx').on(t.fileId),
    index('journal_marks_student_idx').on(t.studentId),
  ],
);
