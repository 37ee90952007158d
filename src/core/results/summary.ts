import type { TaskDef, TaskLevel } from './types';

export interface SummaryWork {
  absent: boolean;
  scores: readonly (number | null)[];
  total: number | null;
  mark: number | null;
}

export interface ResultSummary {
  participants: number;
  present: number;
  absent: number;
  marks: { '2': number; '3': number; '4': number; '5': number; none: number };
  /** Works per primary score 0..max (max = test maximum, or the highest score seen). */
  histogram: number[];
  meanTotal: number | null;
  tasks: { code: string; level: TaskLevel | null; max: number; success: number | null }[];
  levels: { level: TaskLevel; success: number | null }[];
}

/**
 * Mark distribution, primary-score histogram and task success rates (points scored over points
 * possible, among present participants; «X» counts as 0 points). Absent works count only as
 * absent. Empty input gives nulls, never NaN.
 */
export function summariseWorks(
  works: readonly SummaryWork[],
  tasks: readonly TaskDef[],
  maxTotal: number | null,
): ResultSummary {
  const present = works.filter((w) => !w.absent);
  const marks = { '2': 0, '3': 0, '4': 0, '5': 0, none: 0 };
  let top = maxTotal ?? 0;
  let sum = 0;
  let counted = 0;
  for (const w of present) {
    const key =
      w.mark === 2 || w.mark === 3 || w.mark === 4 || w.mark === 5 ? String(w.mark) : 'none';
    marks[key as keyof typeof marks]++;
    if (w.total !== null) {
      top = Math.max(top, w.total);
      sum += w.total;
      counted++;
    }
  }
  const histogram = Array.from({ length: top + 1 }, () => 0);
  for (const w of present)
    if (w.total !== null && w.total >= 0) histogram[w.total] = (histogram[w.total] ?? 0) + 1;
  const taskStats = tasks.map((t, i) => {
    let points = 0;
    for (const w of present) points += w.scores[i] ?? 0;
    return {
      code: t.code,
      level: t.level,
      max: t.max,
      points,
      possible: t.max * present.length,
      success: present.length && t.max ? points / (t.max * present.length) : null,
    };
  });
  const levels = (['Б', 'П', 'В'] as const).flatMap((level) => {
    const of = taskStats.filter((t) => t.level === level);
    if (!of.length) return [];
    const possible = of.reduce((s, t) => s + t.possible, 0);
    return [{ level, success: possible ? of.reduce((s, t) => s + t.points, 0) / possible : null }];
  });
  return {
    participants: works.length,
    present: present.length,
    absent: works.length - present.length,
    marks,
    histogram,
    meanTotal: counted ? sum / counted : null,
    tasks: taskStats.map(({ code, level, max, success }) => ({ code, level, max, success })),
    levels,
  };
}
