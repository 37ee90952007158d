import type { EChartsOption } from 'echarts';
import { SCORE_LEVEL_LABELS, type ScoreLevel } from './scoring';

/**
 * ECharts options of the monitoring charts. Pure functions of the screen figures: the web screen
 * draws them in the browser and the analytical report renders the same options to PNG
 * (src/reports/charts). Each builder returns null when there is nothing to draw.
 */

export const LEVELS: ScoreLevel[] = ['high', 'medium', 'low', 'none'];
export const LEVEL_CHART_COLORS: Record<ScoreLevel, string> = {
  high: '#2f9e44',
  medium: '#f59f00',
  low: '#e03131',
  none: '#adb5bd',
};
const CURRENT = '#1c7ed6';
const PREVIOUS = '#adb5bd';

const round1 = (x: number) => Math.round(x * 10) / 10;
const ru = (x: number) => x.toLocaleString('ru-RU', { maximumFractionDigits: 1 });
const percentLabel = (p: { value?: unknown }) => `${ru(Number(p.value))}%`;
const percentAxis = {
  type: 'value' as const,
  min: 0,
  max: 100,
  axisLabel: { formatter: '{value}%' },
};

/** Number of schools at each score level, in the order of LEVELS. */
export function levelCounts(rows: { level: ScoreLevel }[]): Record<ScoreLevel, number> {
  const counts: Record<ScoreLevel, number> = { high: 0, medium: 0, low: 0, none: 0 };
  for (const r of rows) counts[r.level] += 1;
  return counts;
}

/** Bar chart: how many schools are at each level. */
export function levelDistributionChart(rows: { level: ScoreLevel }[]): EChartsOption | null {
  if (!rows.length) return null;
  const counts = levelCounts(rows);
  return {
    title: { text: 'Распределение ОО по уровням результата', left: 'center' },
    grid: { left: 50, right: 20, top: 70, bottom: 50 },
    xAxis: {
      type: 'category',
      data: LEVELS.map((l) => SCORE_LEVEL_LABELS[l]),
      axisLabel: { interval: 0, width: 130, overflow: 'break' },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        barMaxWidth: 60,
        label: { show: true, position: 'top' },
        data: LEVELS.map((l) => ({
          value: counts[l],
          itemStyle: { color: LEVEL_CHART_COLORS[l] },
        })),
      },
    ],
  };
}

/** Horizontal bars: the average result of the schools in each section of the template. */
export function sectionAverageChart(
  sections: { title: string; percent: number | null }[],
): EChartsOption | null {
  const shown = sections.filter((s): s is { title: string; percent: number } => s.percent !== null);
  if (!shown.length) return null;
  return {
    title: { text: 'Средний результат по разделам, %', left: 'center' },
    grid: { left: 260, right: 50, top: 50, bottom: 30 },
    xAxis: percentAxis,
    yAxis: {
      type: 'category',
      inverse: true,
      data: shown.map((s) => s.title),
      axisLabel: { width: 240, overflow: 'break' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 28,
        itemStyle: { color: CURRENT },
        label: { show: true, position: 'right', formatter: percentLabel },
        data: shown.map((s) => round1(s.percent)),
      },
    ],
  };
}

/**
 * Grouped bars per school: the result now and in the compared run. Null without a compared run
 * or without any school having both results.
 */
export function changeChart(
  rows: { orgName: string; percent: number | null; previousPercent: number | null }[],
  previousTitle: string | null,
): EChartsOption | null {
  if (!previousTitle) return null;
  const both = rows.filter((r) => r.percent !== null && r.previousPercent !== null);
  if (!both.length) return null;
  return {
    title: { text: 'Изменение результата ОО, %', left: 'center' },
    legend: { top: 36, data: ['Сейчас', previousTitle] },
    grid: { left: 50, right: 20, top: 80, bottom: both.length > 15 ? 100 : 80 },
    xAxis: {
      type: 'category',
      data: both.map((r) => r.orgName),
      // Every school named; labels turn and shrink as the district grows (40 schools fit).
      axisLabel: {
        interval: 0,
        rotate: both.length > 15 ? 60 : both.length > 6 ? 30 : 0,
        fontSize: both.length > 15 ? 9 : 12,
      },
    },
    yAxis: percentAxis,
    series: [
      {
        name: 'Сейчас',
        type: 'bar',
        itemStyle: { color: CURRENT },
        data: both.map((r) => round1(r.percent ?? 0)),
      },
      {
        name: previousTitle,
        type: 'bar',
        itemStyle: { color: PREVIOUS },
        data: both.map((r) => round1(r.previousPercent ?? 0)),
      },
    ],
  };
}
