/**
 * Assessment tests as data: the procedure, the paper's tasks and the scale that turns a primary
 * score into a mark. Pure types shared by the catalog, the importers, storage and analytics.
 */

export const PROCEDURES = ['vpr', 'rm', 'oge', 'ege', 'internal'] as const;
export type Procedure = (typeof PROCEDURES)[number];

export const PROCEDURE_LABELS: Record<Procedure, string> = {
  vpr: 'ВПР',
  rm: 'Региональный мониторинг',
  oge: 'ОГЭ',
  ege: 'ЕГЭ',
  internal: 'Внутренняя оценка',
};

export const SESSIONS = ['spring', 'autumn'] as const;
export type Session = (typeof SESSIONS)[number];
export const SESSION_LABELS: Record<Session, string> = { spring: 'весна', autumn: 'осень' };

/** Difficulty level of a task: базовый, повышенный, высокий. */
export const TASK_LEVELS = ['Б', 'П', 'В'] as const;
export type TaskLevel = (typeof TASK_LEVELS)[number];

export interface TaskDef {
  /** Task code as printed, e.g. `5.1`. */
  code: string;
  /** Maximum score of the task. */
  max: number;
  /** Difficulty level, when known. */
  level: TaskLevel | null;
  /** What the task checks (optional). */
  skill?: string | null;
}

/**
 * Lowest primary score for marks 3, 4 and 5; anything below `min3` is a 2.
 * Example: ВПР 2026 Russian grade 4 — `{ min3: 10, min4: 16, min5: 21 }`.
 */
export interface CutScores {
  min3: number;
  min4: number;
  min5: number;
}

/**
 * How sure we are of a fact in the catalog:
 * - `S`: stated by a cited source;
 * - `I`: inferred (plausible, unverified);
 * - `file`: derived from an imported file's headers and marks;
 * - `manual`: entered or corrected by an administrator.
 */
export const CERTAINTIES = ['S', 'I', 'file', 'manual'] as const;
export type Certainty = (typeof CERTAINTIES)[number];
export const CERTAINTY_LABELS: Record<Certainty, string> = {
  S: 'по источнику',
  I: 'предположение',
  file: 'выведено из файла',
  manual: 'задано администратором',
};

/** The identity of a test in the catalog. */
export interface TestKey {
  procedure: Procedure;
  /** Calendar year of the administration (ВПР 2024 → 2024). */
  year: number;
  session: Session;
  /** Subject code (src/core/registry/subjects.ts), e.g. `rus`. */
  subjectCode: string;
  grade: number;
  /** Paper form, e.g. «базовая» / «углублённая»; empty for the only form. */
  form: string;
}

export interface TestDef extends TestKey {
  /** Tasks in file order; empty when the structure is unknown. */
  tasks: TaskDef[];
  /** Maximum primary score; null when unknown. */
  maxTotal: number | null;
  cutScores: CutScores | null;
  structureCertainty: Certainty | null;
  scaleCertainty: Certainty | null;
  /** Where the facts come from (URLs, notes). */
  source: string | null;
}

export const MARKS = [2, 3, 4, 5] as const;
export type Mark = (typeof MARKS)[number];

export const isMark = (n: number): n is Mark => n === 2 || n === 3 || n === 4 || n === 5;

/** «ВПР 2024, Русский язык, 5 класс» without the subject name lookup. */
export function describeTestKey(key: TestKey, subjectName: string): string {
  const session = key.session === 'autumn' ? ' (осень)' : '';
  const form = key.form ? `, ${key.form}` : '';
  return `${PROCEDURE_LABELS[key.procedure]} ${key.year}${session}, ${subjectName}, ${key.grade} класс${form}`;
}

/** Sum of task maxima, or null when no tasks are known. */
export function tasksTotal(tasks: readonly TaskDef[]): number | null {
  return tasks.length ? tasks.reduce((s, t) => s + t.max, 0) : null;
}
