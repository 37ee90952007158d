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
 * The works of a file read by position, so that a million works are checked without a million
 * objects (the importer's column store implements it; `workTable` wraps a list).
 */
export interface WorkTable {
  readonly length: number;
  /** Task scores per work. */
  readonly taskCount: number;
  row(i: number): number;
  schoolLogin(i: number): string | null;
  /** A number per distinct school login (-1 for none): equal numbers, equal logins. */
  schoolId(i: number): number;
  participantCode(i: number): string;
  /**
   * The participant code as a number when it is written as one without leading zeros (so the
   * number stands for exactly one text), else -1.
   */
  codeNumber(i: number): number;
  absent(i: number): boolean;
  score(i: number, task: number): number | null;
  primaryScore(i: number): number | null;
  mark(i: number): Mark | null;
}

/** A list of works as a `WorkTable`. */
export function workTable(works: readonly ParsedWork[]): WorkTable {
  const at = (i: number) => works[i] as ParsedWork;
  const logins = new Map<string | null, number>();
  return {
    length: works.length,
    taskCount: Math.max(0, ...works.map((w) => w.scores.length)),
    row: (i) => at(i).row,
    schoolLogin: (i) => at(i).schoolLogin,
    schoolId(i) {
      const login = at(i).schoolLogin;
      if (login === null) return -1;
      let id = logins.get(login);
      if (id === undefined) logins.set(login, (id = logins.size));
      return id;
    },
    participantCode: (i) => at(i).participantCode,
    codeNumber: () => -1,
    absent: (i) => at(i).absent,
    score: (i, t) => at(i).scores[t] ?? null,
    primaryScore: (i) => at(i).primaryScore,
    mark: (i) => at(i).mark,
  };
}

/**
 * Checks works against the test structure: scores above a task's maximum and duplicate
 * participant codes are errors; totals that differ from the task sum and marks that contradict
 * the catalog scale are warnings (the file's values are kept and the preview says so).
 */
export function checkWorks(
  where: IssueWhere,
  works: WorkTable,
  tasks: readonly TaskDef[],
  taskHeaders: readonly { index: number; header: string }[],
  catalogScale: CutScores | null,
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  // First row of each participant code, per school: codes written as numbers are keyed by the
  // number (no string per work), other codes by their text; the two never stand for one code.
  const seen = new Map<number, Map<number | string, number>>();
  const totalMismatch: string[] = [];
  let totalMismatchCount = 0;
  const markMismatch: string[] = [];
  let markMismatchCount = 0;
  const checked = Math.min(tasks.length, taskHeaders.length);
  for (let i = 0; i < works.length; i++) {
    const row = works.row(i);
    const school = works.schoolId(i);
    let codes = seen.get(school);
    if (!codes) seen.set(school, (codes = new Map()));
    const number = works.codeNumber(i);
    const key = number >= 0 ? number : works.participantCode(i);
    const first = codes.get(key);
    if (first !== undefined) {
      const login = works.schoolLogin(i);
      issues.push(
        issue(
          where,
          'error',
          `Код участника ${works.participantCode(i)} повторяется${login ? ` в ОО ${login}` : ''} (уже был в строке ${first})`,
          row,
        ),
      );
    } else codes.set(key, row);
    if (works.absent(i)) continue;
    let sum = 0;
    for (let t = 0; t < works.taskCount; t++) {
      const score = works.score(i, t);
      if (score === null) continue;
      sum += score;
      const task = tasks[t] as TaskDef;
      if (t < checked && score > task.max) {
        const col = taskHeaders[t] as { index: number; header: string };
        issues.push(
          issue(
            where,
            'error',
            `балл ${score} больше максимума задания ${task.code} (${task.max})`,
            row,
            columnLabel(col.index, col.header),
          ),
        );
      }
    }
    const primary = works.primaryScore(i);
    if (primary !== null && primary !== sum) {
      totalMismatchCount++;
      if (totalMismatch.length < EXAMPLES)
        totalMismatch.push(`строка ${row}: ${primary} при сумме ${sum}`);
    }
    const mark = works.mark(i);
    if (mark === null || catalogScale === null) continue;
    const total = primary ?? (works.taskCount ? sum : null);
    const expected = markFromScore(catalogScale, total);
    if (expected !== null && expected !== mark) {
      markMismatchCount++;
      if (markMismatch.length < EXAMPLES)
        markMismatch.push(
          `строка ${row}: ${total} балл. — в файле «${mark}», по каталогу «${expected}»`,
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
