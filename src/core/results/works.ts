import { columnLabel, issue, type ImportIssue, type IssueWhere } from './issues';
import { markFromScore } from './marks';
import type { CutScores, Mark, TaskDef } from './types';

/** One student's work as read from a file; names are never part of it. */
export interface ParsedWork {
  /** Row number in the sheet or CSV file. */
  row: number;
  /** ФИС ОКО login of the school (`sch…`) when the file has an «ОО» column. */
  schoolLogin: string | null;
  schoolName: string | null;
  municipality: string | null;
  participantCode: string;
  /** Normalised class name, e.g. «5А». */
  className: string | null;
  parallel: number | null;
  variant: number | null;
  /** Absent («отсутствовал»): kept as absent, never as zero scores. */
  absent: boolean;
  /** Score per task column in file order; null = not attempted («X») or empty. */
  scores: (number | null)[];
  /** «Первичный балл» / «Итого баллов» as written, when given. */
  primaryScore: number | null;
  /** ОГЭ/ЕГЭ: the test (scaled) score, when the file has one. */
  testScore: number | null;
  mark: Mark | null;
  journalMark: Mark | null;
  gender: 'М' | 'Ж' | null;
}

export const sumScores = (scores: readonly (number | null)[]): number =>
  scores.reduce<number>((s, x) => s + (x ?? 0), 0);

/** The primary score stored for a work: the file's total if given, otherwise the task sum. */
export const workTotal = (w: ParsedWork): number | null =>
  w.absent ? null : (w.primaryScore ?? (w.scores.length ? sumScores(w.scores) : null));

const EXAMPLES = 3;

/** «в 1 работе», «в 5 работах». */
const inWorks = (n: number) => `В ${n} ${n % 10 === 1 && n % 100 !== 11 ? 'работе' : 'работах'}`;

/**
 * Checks works against the test structure: scores above a task's maximum and duplicate
 * participant codes are errors; totals that differ from the task sum and marks that contradict
 * the catalog scale are warnings (the file's values are kept and the preview says so).
 */
export function checkWorks(
  where: IssueWhere,
  works: Iterable<ParsedWork>,
  tasks: readonly TaskDef[],
  taskHeaders: readonly { index: number; header: string }[],
  catalogScale: CutScores | null,
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const seen = new Map<string, number>();
  const totalMismatch: string[] = [];
  let totalMismatchCount = 0;
  const markMismatch: string[] = [];
  let markMismatchCount = 0;
  for (const w of works) {
    const key = `${w.schoolLogin ?? ''}\u0000${w.participantCode}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push(
        issue(
          where,
          'error',
          `Код участника ${w.participantCode} повторяется${w.schoolLogin ? ` в ОО ${w.schoolLogin}` : ''} (уже был в строке ${first})`,
          w.row,
        ),
      );
    } else seen.set(key, w.row);
    if (w.absent) continue;
    w.scores.forEach((score, i) => {
      const task = tasks[i];
      const col = taskHeaders[i];
      if (score === null || !task || !col) return;
      if (score > task.max) {
        issues.push(
          issue(
            where,
            'error',
            `балл ${score} больше максимума задания ${task.code} (${task.max})`,
            w.row,
            columnLabel(col.index, col.header),
          ),
        );
      }
    });
    const sum = sumScores(w.scores);
    if (w.primaryScore !== null && w.primaryScore !== sum) {
      totalMismatchCount++;
      if (totalMismatch.length < EXAMPLES)
        totalMismatch.push(`строка ${w.row}: ${w.primaryScore} при сумме ${sum}`);
    }
    const expected = markFromScore(catalogScale, workTotal(w));
    if (w.mark !== null && expected !== null && expected !== w.mark) {
      markMismatchCount++;
      if (markMismatch.length < EXAMPLES)
        markMismatch.push(
          `строка ${w.row}: ${workTotal(w)} балл. — в файле «${w.mark}», по каталогу «${expected}»`,
        );
    }
  }
  if (totalMismatchCount) {
    issues.push(
      issue(
        where,
        'warning',
        `${inWorks(totalMismatchCount)} первичный балл не равен сумме баллов за задания (${totalMismatch.join('; ')}). Загружается первичный балл из файла.`,
      ),
    );
  }
  if (markMismatchCount) {
    issues.push(
      issue(
        where,
        'warning',
        `${inWorks(markMismatchCount)} отметка в файле не совпадает со шкалой каталога (${markMismatch.join('; ')}). Загружаются отметки из файла; проверьте шкалу в каталоге.`,
      ),
    );
  }
  return issues;
}
