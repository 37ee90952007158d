/**
 * Figures of the ФИС ОКО standard report tables for one set of works of one test administration
 * (subject × grade × year) at one level (a class, a school, the municipality):
 * «Статистика по отметкам», «Распределение первичных баллов», «Выполнение заданий» (per task and
 * per difficulty level Б/П/В) and «Сравнение отметок с отметками по журналу» (the ВПР mark ×
 * journal mark matrix, Понизили / Подтвердили / Повысили).
 *
 * Every share is the engine's own (core/analytics/standardTables.ts, markFor cut scores,
 * expectedScores for the expected distribution), so the card, the reports and the справка show the
 * numbers the engine computed. Pure; JSON-safe output (stored with each analysis run).
 */
import { standardTables, type TaskRow } from '../analytics/standardTables';
import type { TestWorks } from '../analytics/types';

/** Bump when the stored shape changes. */
export const FIGURES_VERSION = 1;

/** Classes with fewer works are not shown separately (too few pupils for a table). */
export const MIN_CLASS_FIGURES = 5;

export type FiguresLevel = 'class' | 'school' | 'municipality';

export interface MarkFigures {
  /** Works written (absent pupils are not counted). */
  participants: number;
  /** Works with a ВПР mark 2..5. */
  marked: number;
  /** Counts of marks 2, 3, 4, 5. */
  counts: [number, number, number, number];
  /** % of marks 2, 3, 4, 5 over `marked` (null when there are no marks). */
  percent: [number, number, number, number] | null;
  /** Успеваемость: 100 − %«2». */
  successRate: number | null;
  /** Качество: %«4» + %«5». */
  qualityRate: number | null;
  meanMark: number | null;
}

export interface ScoreFigures {
  maxTotal: number;
  /** Lowest primary totals for marks 3, 4, 5. */
  cuts: [number, number, number];
  /** Works at each primary total 0..maxTotal. */
  counts: number[];
  /** % of participants at each total (null when there are no works). */
  percent: (number | null)[];
  /**
   * Expected works at each total (the engine's expectedScores summed over the pupils, two
   * decimals); null when not computed (classes, or figures built without the engine's run).
   */
  expected: number[] | null;
}

export interface LevelFigure {
  /** «Б», «П», «В» or «не указан». */
  level: string;
  /** Mean success % of the level's tasks. */
  percent: number | null;
  tasks: number;
}

export interface TaskFigures {
  tasks: TaskRow[];
  levels: LevelFigure[];
  /**
   * «Трудные лучше лёгких»: the mean success of the advanced (П) or high (В) tasks exceeds that
   * of the basic (Б) tasks. Null when the levels are not both known.
   */
  hardBeatsEasy: boolean | null;
}

export interface JournalFigures {
  /** matrix[v][j]: works with ВПР mark v + 2 and journal mark j + 2. */
  matrix: number[][];
  /** Works with both marks. */
  pairs: number;
  lowered: number;
  confirmed: number;
  raised: number;
  /** Понизили / Подтвердили / Повысили, % of `pairs`. */
  percent: [number, number, number] | null;
  /** Works with a ВПР mark but without a journal mark. */
  withoutJournal: number;
}

export interface Figures {
  level: FiguresLevel;
  subject: string;
  grade: number;
  year: number;
  marks: MarkFigures;
  scores: ScoreFigures;
  tasks: TaskFigures;
  journal: JournalFigures;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Whether harder tasks are done better than basic ones, from level means. */
export function hardBeatsEasy(levels: readonly LevelFigure[]): boolean | null {
  const basic = levels.find((l) => l.level === 'Б')?.percent ?? null;
  const harder = levels
    .filter((l) => (l.level === 'П' || l.level === 'В') && l.percent !== null)
    .map((l) => l.percent as number);
  if (basic === null || !harder.length) return null;
  return Math.max(...harder) > basic;
}

/**
 * The standard tables for `works` (indices into the test arrays). `expected` is the expected
 * count per total 0..maxTotal for the same works, when known.
 */
export function computeFigures(
  test: TestWorks,
  works: ArrayLike<number>,
  level: FiguresLevel,
  expected: ArrayLike<number> | null = null,
): Figures {
  const { design } = test;
  const tables = standardTables(test, works);
  const counts: [number, number, number, number] = [0, 0, 0, 0];
  const matrix = [0, 1, 2, 3].map(() => [0, 0, 0, 0]);
  const totals = new Array<number>(design.maxTotal + 1).fill(0);
  let withoutJournal = 0;
  for (let k = 0; k < works.length; k++) {
    const w = works[k] as number;
    const m = test.mark[w] as number;
    const j = test.journal[w] as number;
    const t = Math.min(design.maxTotal, Math.max(0, test.total[w] as number));
    totals[t] = (totals[t] as number) + 1;
    if (m < 2) continue;
    counts[m - 2] = (counts[m - 2] as number) + 1;
    const row = matrix[m - 2] as number[];
    if (j >= 2) row[j - 2] = (row[j - 2] as number) + 1;
    else withoutJournal += 1;
  }
  return {
    level,
    subject: design.subject,
    grade: design.grade,
    year: design.year,
    marks: {
      participants: tables.marks.participants,
      marked: counts.reduce((a, c) => a + c, 0),
      counts,
      percent: tables.marks.percent,
      successRate: tables.marks.successRate,
      qualityRate: tables.marks.qualityRate,
      meanMark: tables.marks.meanMark,
    },
    scores: {
      maxTotal: design.maxTotal,
      cuts: [design.cuts[0], design.cuts[1], design.cuts[2]],
      counts: totals,
      percent: tables.scoreDistribution,
      expected: expected ? Array.from(expected, round2) : null,
    },
    tasks: {
      tasks: tables.tasks,
      levels: tables.levels,
      hardBeatsEasy: hardBeatsEasy(tables.levels),
    },
    journal: {
      matrix,
      pairs: tables.journal.pairs,
      lowered: tables.journal.lowered,
      confirmed: tables.journal.confirmed,
      raised: tables.journal.raised,
      percent: tables.journal.percent,
      withoutJournal,
    },
  };
}

/** Element-wise sum of expected distributions (e.g. the schools' into the municipality's). */
export function sumExpected(parts: readonly (readonly number[] | null)[]): number[] | null {
  if (!parts.length || parts.some((p) => p === null)) return null;
  const width = Math.max(...parts.map((p) => (p as readonly number[]).length));
  const out = new Array<number>(width).fill(0);
  for (const p of parts as (readonly number[])[])
    p.forEach((x, t) => (out[t] = (out[t] as number) + x));
  return out.map(round2);
}
