import { z } from 'zod';

/** The HTTP contract of journal-mark imports (marks from electronic journals). */

const column = z.number().int().min(0).max(200).nullable().optional();

export const journalMapping = z.object({
  studentCode: column,
  className: column,
  subject: column,
  period: column,
  mark: column,
});

export const journalTarget = z.object({
  orgId: z.coerce.number().int().positive(),
  /** Academic year by its start: 2024 = 2024/25. */
  year: z.coerce.number().int().min(2015).max(2100),
});

export const journalPreviewRequest = journalTarget.extend({
  uploadKey: z.string().regex(/^[0-9a-f]{2}\/[0-9a-f-]{36}$/, 'Неверный ключ загрузки'),
  fileName: z.string().trim().min(1).max(300),
  mapping: journalMapping,
});
export type JournalPreviewRequest = z.infer<typeof journalPreviewRequest>;

const issueView = z.object({
  severity: z.enum(['error', 'warning', 'note']),
  file: z.string(),
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});

export const journalMarkView = z.object({
  row: z.number().int(),
  studentCode: z.string(),
  className: z.string().nullable(),
  subjectName: z.string(),
  period: z.string(),
  kind: z.enum(['term', 'intermediate', 'final']),
  mark: z.number().int(),
});

export const journalPreviewView = z.object({
  uploadKey: z.string(),
  fileName: z.string(),
  sheet: z.string().nullable(),
  headers: z.array(z.string()),
  mapping: journalMapping,
  marksCount: z.number().int(),
  /** The first rows as mapped. */
  sample: z.array(journalMarkView),
  /** Student codes found among the school's students. */
  linkedStudents: z.number().int(),
  alreadyImported: z.boolean(),
  /** Earlier active imports of the same school and year this file would replace. */
  replaces: z.array(
    z.object({
      fileId: z.number().int(),
      fileName: z.string(),
      importedAt: z.string(),
      /** Marks of the earlier import given again (same student, subject and period). */
      overlapping: z.number().int(),
      /** Marks of the earlier import the new file lacks: they stop counting. */
      dropped: z.number().int(),
    }),
  ),
  issues: z.array(issueView),
  ok: z.boolean(),
});
export const journalPreviewResponse = z.object({ data: journalPreviewView });

export const journalOutcomeView = z.object({
  status: z.enum(['imported', 'already_imported']),
  fileId: z.number().int().nullable(),
  marks: z.number().int(),
  replacedFileIds: z.array(z.number().int()),
  issues: z.array(issueView),
});
export const journalOutcomeResponse = z.object({ data: journalOutcomeView });

export const JOURNAL_FILE_STATUSES = ['active', 'replaced', 'undone'] as const;
export const JOURNAL_FILE_STATUS_LABELS: Record<(typeof JOURNAL_FILE_STATUSES)[number], string> = {
  active: 'действует',
  replaced: 'заменена исправленным файлом',
  undone: 'отменена',
};

export const journalFileView = z.object({
  id: z.number().int(),
  fileName: z.string(),
  orgId: z.number().int(),
  orgShortName: z.string(),
  municipalityId: z.number().int(),
  year: z.number().int(),
  marksCount: z.number().int(),
  importedByLogin: z.string(),
  importedAt: z.string(),
  status: z.enum(JOURNAL_FILE_STATUSES),
  statusLabel: z.string(),
  /** The imports this one replaced. */
  replacesIds: z.array(z.number().int()),
  undoneAt: z.string().nullable(),
  undoneByLogin: z.string().nullable(),
});
export const journalFileListResponse = z.object({ data: z.array(journalFileView) });
export const journalFileResponse = z.object({ data: journalFileView });

export const journalMarksQuery = z.object({
  orgId: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(2015).max(2100).optional(),
});

export const studentMarkView = z.object({
  studentCode: z.string(),
  linked: z.boolean(),
  className: z.string().nullable(),
  subjectName: z.string(),
  year: z.number().int(),
  period: z.string(),
  kind: z.enum(['term', 'intermediate', 'final']),
  mark: z.number().int(),
});
export const studentMarksResponse = z.object({ data: z.array(studentMarkView) });
