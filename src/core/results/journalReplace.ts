import { periodLabel, type JournalPeriod } from './journalMarks';

/**
 * Which earlier journal-mark imports a new file replaces. Files of one school and academic year
 * overlap when they hold a mark of the same student (same code, or the same linked student) in
 * the same subject for the same period (четверть / триместр / полугодие with its number,
 * промежуточная or итоговая аттестация). A new file replaces every active earlier file it
 * overlaps, as a whole: a corrected export for a class or a period replaces the earlier one, an
 * export of another class or another period does not. Marks of a replaced file that the new
 * file does not repeat stop counting; the preview names how many, never silently. Pure.
 */

export interface MarkKey extends JournalPeriod {
  studentCode: string;
  /** The school's student the code resolved to, when it did. */
  studentId: number | null;
  subjectId: number;
}

export interface EarlierMark extends MarkKey {
  fileId: number;
  subjectName: string;
}

export interface ReplacedFile {
  fileId: number;
  /** Marks of the earlier file the new file gives again (same student, subject, period). */
  overlapping: number;
  /** Marks of the earlier file the new file does not repeat: they stop counting. */
  dropped: number;
  /** A few of the dropped marks, as «код — предмет, период». */
  droppedExamples: string[];
}

const slot = (m: MarkKey) => `${m.subjectId}\u0000${m.kind}\u0000${m.termType}\u0000${m.termNo}`;
const byCode = (m: MarkKey) => `c\u0000${m.studentCode}\u0000${slot(m)}`;
const byStudent = (m: MarkKey) =>
  m.studentId === null ? null : `s\u0000${m.studentId}\u0000${slot(m)}`;

const EXAMPLES = 3;

/** The earlier files (marks of active files only) that the new marks replace, by file id. */
export function findReplacedFiles(
  incoming: readonly MarkKey[],
  earlier: readonly EarlierMark[],
): ReplacedFile[] {
  const keys = new Set<string>();
  for (const m of incoming) {
    keys.add(byCode(m));
    const s = byStudent(m);
    if (s) keys.add(s);
  }
  const covered = (m: MarkKey) => {
    const s = byStudent(m);
    return keys.has(byCode(m)) || (s !== null && keys.has(s));
  };
  const files = new Map<number, ReplacedFile>();
  const fileOf = (id: number) => {
    let f = files.get(id);
    if (!f) {
      f = { fileId: id, overlapping: 0, dropped: 0, droppedExamples: [] };
      files.set(id, f);
    }
    return f;
  };
  const overlapped = new Set<number>();
  for (const m of earlier) if (covered(m)) overlapped.add(m.fileId);
  for (const m of earlier) {
    if (!overlapped.has(m.fileId)) continue;
    const f = fileOf(m.fileId);
    if (covered(m)) {
      f.overlapping++;
    } else {
      f.dropped++;
      if (f.droppedExamples.length < EXAMPLES) {
        f.droppedExamples.push(`${m.studentCode} — ${m.subjectName}, ${periodLabel(m)}`);
      }
    }
  }
  return [...files.values()].sort((a, b) => a.fileId - b.fileId);
}
