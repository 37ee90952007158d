/**
 * The region level of the ФИС ОКО standard tables, from imported regional aggregates
 * (RegionAggregate: participants, % of marks, Понизили / Подтвердили / Повысили %, success % per
 * task). Only shares are known at this level; counts, the score histogram and the mark matrix are
 * not. Absent aggregates give the explicit «нет данных региона».
 */
import { MASTERY, type TaskRow } from '../analytics/standardTables';
import type { RegionAggregate, TestDesign } from '../analytics/types';
import { hardBeatsEasy, type LevelFigure, type TaskFigures } from './figures';

export const NO_REGION = 'нет данных региона' as const;

export interface RegionMissing {
  missing: typeof NO_REGION;
}

export interface RegionFigures {
  level: 'region';
  participants: number;
  /** % of marks 2, 3, 4, 5. */
  percent: [number, number, number, number];
  successRate: number;
  qualityRate: number;
  /** Mean mark from the shares (two decimals). */
  meanMark: number;
  /** Понизили / Подтвердили / Повысили, % (null when the file had no journal columns). */
  journalPercent: [number, number, number] | null;
  /** Task rows in the test's task order; percent null for tasks the file does not give. */
  tasks: TaskFigures;
}

const r1 = (x: number): number => Math.round(x * 10) / 10;

/** Region figures for a test design; «нет данных региона» when nothing was imported. */
export function regionFigures(
  region: RegionAggregate | undefined | null,
  design: Pick<TestDesign, 'itemLabels' | 'itemLevels' | 'itemMax'>,
): RegionFigures | RegionMissing {
  if (!region) return { missing: NO_REGION };
  const [p2, p3, p4, p5] = region.markPercent;
  const share = p2 + p3 + p4 + p5;
  const tasks: TaskRow[] = design.itemLabels.map((task, i) => {
    const level = design.itemLevels[i] ?? null;
    const percent = region.taskPercent?.[task] ?? null;
    const threshold =
      level === 'Б' ? MASTERY.basic : level === 'П' || level === 'В' ? MASTERY.advanced : null;
    return {
      task,
      level,
      max: design.itemMax[i] ?? 1,
      percent,
      achieved: threshold === null || percent === null ? null : percent >= threshold,
    };
  });
  const names = [...new Set(tasks.map((t) => t.level ?? 'не указан'))];
  const levels: LevelFigure[] = names.map((level) => {
    const rows = tasks.filter((t) => (t.level ?? 'не указан') === level && t.percent !== null);
    return {
      level,
      tasks: rows.length,
      percent: rows.length
        ? r1(rows.reduce((a, t) => a + (t.percent as number), 0) / rows.length)
        : null,
    };
  });
  return {
    level: 'region',
    participants: region.participants,
    percent: [p2, p3, p4, p5],
    successRate: r1(100 - p2),
    qualityRate: r1(p4 + p5),
    meanMark: share > 0 ? Math.round((100 * (2 * p2 + 3 * p3 + 4 * p4 + 5 * p5)) / share) / 100 : 0,
    journalPercent: region.journalPercent
      ? [region.journalPercent[0], region.journalPercent[1], region.journalPercent[2]]
      : null,
    tasks: { tasks, levels, hardBeatsEasy: hardBeatsEasy(levels) },
  };
}

export function isRegionMissing(r: RegionFigures | RegionMissing): r is RegionMissing {
  return 'missing' in r;
}
