/**
 * The ФИС ОКО standard tables for a set of works (a school, the municipality, or the region):
 * «Статистика по отметкам», «Соответствие отметок за выполненную работу и отметок по журналу»,
 * «Распределение первичных баллов», «Выполнение заданий» by task and difficulty level.
 *
 * Edge cases: an empty set gives zero counts and null percentages; shares of the journal table are
 * taken over pupils with both marks; a task level missing from the file is grouped as «не указан».
 */
import type { RegionAggregate, TestWorks } from './types';
import { zeros } from './stats/zeros';

/** FIOKO 2026 mastery thresholds: basic tasks ≥ 60 %, advanced and high ≥ 30 %. */
export const MASTERY = { basic: 60, advanced: 30 } as const;

export interface MarkStatistics {
  participants: number;
  /** % of marks 2, 3, 4, 5 (null when there are no marks). */
  percent: [number, number, number, number] | null;
  /** 100 − %«2». */
  successRate: number | null;
  /** %«4» + %«5». */
  qualityRate: number | null;
  meanMark: number | null;
}

export interface JournalTable {
  pairs: number;
  lowered: number;
  confirmed: number;
  raised: number;
  percent: [number, number, number] | null;
}

export interface TaskRow {
  task: string;
  level: string | null;
  max: number;
  /** Mean score as % of the maximum. */
  percent: number | null;
  /** Whether the FIOKO threshold for the level is reached (null when the level is unknown). */
  achieved: boolean | null;
}

export interface StandardTables {
  marks: MarkStatistics;
  journal: JournalTable;
  /** % of participants at each primary total 0..max. */
  scoreDistribution: (number | null)[];
  tasks: TaskRow[];
  /** Mean % by difficulty level («Б», «П», «В», «не указан»). */
  levels: { level: string; percent: number | null; tasks: number }[];
}

const pct = (a: number, b: number): number | null =>
  b > 0 ? Math.round((1000 * a) / b) / 10 : null;

/** Counts behind «Статистика по отметкам» and the journal comparison, over a set of works. */
export interface MarkCounts {
  participants: number;
  /** Works with marks 2, 3, 4 and 5. */
  marks: [number, number, number, number];
  /** Works with a mark (2..5). */
  marked: number;
  /** Works with both a ВПР mark and a journal mark, and how they compare. */
  pairs: number;
  lowered: number;
  confirmed: number;
  raised: number;
}

export function markCounts(test: TestWorks, works: ArrayLike<number>): MarkCounts {
  const marks: [number, number, number, number] = [0, 0, 0, 0];
  let marked = 0;
  let pairs = 0;
  let lowered = 0;
  let confirmed = 0;
  let raised = 0;
  for (let k = 0; k < works.length; k++) {
    const w = works[k] as number;
    const m = test.mark[w] as number;
    const jm = test.journal[w] as number;
    if (m >= 2) {
      marks[m - 2] = (marks[m - 2] as number) + 1;
      marked += 1;
    }
    if (m >= 2 && jm >= 2) {
      pairs += 1;
      if (m < jm) lowered += 1;
      else if (m === jm) confirmed += 1;
      else raised += 1;
    }
  }
  return { participants: works.length, marks, marked, pairs, lowered, confirmed, raised };
}

/** «Статистика по отметкам» from the counts. */
export function markStatistics(c: MarkCounts): MarkStatistics {
  const { marked } = c;
  const percent = marked
    ? (c.marks.map((x) => pct(x, marked) as number) as [number, number, number, number])
    : null;
  return {
    participants: c.participants,
    percent,
    successRate: percent ? Math.round((100 - percent[0]) * 10) / 10 : null,
    qualityRate: percent ? Math.round((percent[2] + percent[3]) * 10) / 10 : null,
    meanMark: marked
      ? Math.round((100 * c.marks.reduce((a, x, i) => a + x * (i + 2), 0)) / marked) / 100
      : null,
  };
}

/** «Соответствие отметок … по журналу» (Понизили / Подтвердили / Повысили) from the counts. */
export function journalTable(c: MarkCounts): JournalTable {
  const { pairs, lowered, confirmed, raised } = c;
  return {
    pairs,
    lowered,
    confirmed,
    raised,
    percent: pairs
      ? [
          pct(lowered, pairs) as number,
          pct(confirmed, pairs) as number,
          pct(raised, pairs) as number,
        ]
      : null,
  };
}

export function standardTables(test: TestWorks, works: ArrayLike<number>): StandardTables {
  const { design } = test;
  const items = design.itemMax.length;
  const counts = markCounts(test, works);
  const dist = new Array<number>(design.maxTotal + 1).fill(0);
  const itemSum = zeros(items);
  for (let k = 0; k < works.length; k++) {
    const w = works[k] as number;
    const t = Math.min(design.maxTotal, Math.max(0, test.total[w] as number));
    dist[t] = (dist[t] as number) + 1;
    for (let i = 0; i < items; i++)
      itemSum[i] = (itemSum[i] as number) + (test.scores[w * items + i] as number);
  }
  const n = works.length;
  const tasks: TaskRow[] = Array.from({ length: items }, (_, i) => {
    const level = design.itemLevels[i] ?? null;
    const p = n ? pct(itemSum[i] as number, n * Math.max(1, design.itemMax[i] as number)) : null;
    const threshold =
      level === 'Б' ? MASTERY.basic : level === 'П' || level === 'В' ? MASTERY.advanced : null;
    return {
      task: design.itemLabels[i] ?? String(i + 1),
      level,
      max: design.itemMax[i] as number,
      percent: p,
      achieved: threshold === null || p === null ? null : p >= threshold,
    };
  });
  const levelNames = [...new Set(tasks.map((t) => t.level ?? 'не указан'))];
  return {
    marks: markStatistics(counts),
    journal: journalTable(counts),
    scoreDistribution: dist.map((c) => pct(c, n)),
    tasks,
    levels: levelNames.map((level) => {
      const rows = tasks.filter((t) => (t.level ?? 'не указан') === level && t.percent !== null);
      return {
        level,
        tasks: rows.length,
        percent: rows.length
          ? Math.round((10 * rows.reduce((a, t) => a + (t.percent as number), 0)) / rows.length) /
            10
          : null,
      };
    }),
  };
}

/** The region row: imported ФИС ОКО aggregates, or the explicit «нет данных региона». */
export function regionRow(
  region: RegionAggregate | undefined,
): RegionAggregate | { missing: 'нет данных региона' } {
  return region ?? { missing: 'нет данных региона' };
}
