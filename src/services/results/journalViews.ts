import type { ImportIssue } from '../../core/results/issues';
import { JOURNAL_FILE_STATUS_LABELS, type JOURNAL_FILE_STATUSES } from '../../shared/journalMarks';

export interface JournalOutcome {
  status: 'imported' | 'already_imported';
  fileId: number | null;
  marks: number;
  /** Earlier imports this one replaced. */
  replacedFileIds: number[];
  /** Warnings and notes of the file (errors refuse it instead). */
  issues: ImportIssue[];
}

type JournalFileStatus = (typeof JOURNAL_FILE_STATUSES)[number];

/** A journal import as the history shows it. */
export const fileView = (r: {
  id: number;
  fileName: string;
  orgId: number;
  orgShortName: string;
  municipalityId: number;
  year: number;
  marksCount: number;
  importedByLogin: string;
  importedAt: Date;
  status: string;
  replacesIds: number[];
  undoneAt: Date | null;
  undoneByLogin: string | null;
}) => ({
  id: r.id,
  fileName: r.fileName,
  orgId: r.orgId,
  orgShortName: r.orgShortName,
  municipalityId: r.municipalityId,
  year: r.year,
  marksCount: r.marksCount,
  importedByLogin: r.importedByLogin,
  importedAt: r.importedAt.toISOString(),
  status: r.status as JournalFileStatus,
  statusLabel: JOURNAL_FILE_STATUS_LABELS[r.status as JournalFileStatus] ?? r.status,
  replacesIds: r.replacesIds,
  undoneAt: r.undoneAt?.toISOString() ?? null,
  undoneByLogin: r.undoneByLogin,
});
