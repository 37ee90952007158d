import type { EChartsOption } from 'echarts';
import { markFor } from '../analytics/types';
import type { Figures, LevelFigure } from './figures';

/**
 * ECharts options of the school card (pure functions of the stored figures). The web card draws
 * them and the аналитическая справка can render the same options to PNG (src/reports/charts).
 * Each builder returns null when there is nothing to draw.
 */

export const MARK_COLORS: Record<2 | 3 | 4 | 5, string> = {
  2: '#e03131',
  3: '#f59f00',
  4: '#74b816',
  5: '#2f9e44',
};
const LEVEL_COLORS = ['#1c7ed6', '#868e96', '#ae3ec9', '#0ca678'];

const ru = (x: number) => x.toLocaleString('ru-RU', { maximumFractionDigits: 1 });
const percentAxis = {
  type: 'value' as const,
  min: 0,
  max: 100,
  axisLabel: { formatter: '{value}%' },
};

/**
 * Primary-score histogram of a school (% of its participants at each total, coloured by mark),
 * the cut scores as vertical lines and the expected distribution (engine) as a line.
 */
export function scoreHistogramChart(f: Figures, title?: string): EChartsOption | null {
  const n = f.marks.participants;
  if (!n) return null;
  const totals = f.scores.counts.map((_, t) => String(t));
  const expected = f.scores.expected;
  return {
    title: { text: title ?? 'Распределение первичных баллов', left: 'center' },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 50, right: 20, top: 60, bottom: 70 },
    xAxis: { type: 'category', data: totals, name: 'балл', nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: 'Доля участников, %',
        type: 'bar',
        barCategoryGap: '10%',
        data: f.scores.counts.map((c, t) => ({
          value: Math.round((1000 * c) / n) / 10,
          itemStyle: { color: MARK_COLORS[markFor(t, f.scores.cuts) as 2 | 3 | 4 | 5] },
        })),
        markLine: {
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#495057' },
          label: { formatter: '{b}' },
          data: f.scores.cuts.map((cut, k) => ({
            name: `«${k + 3}» с ${cut}`,
            xAxis: String(cut),
          })),
        },
      },
      ...(expected
        ? [
            {
              name: 'Ожидаемое распределение, %',
              type: 'line' as const,
              smooth: true,
              symbol: 'none',
              lineStyle: { color: '#1c7ed6', width: 2 },
              data: expected.map((e) => Math.round((1000 * e) / n) / 10),
            },
          ]
        : []),
    ],
  };
}

/** Понизили / Подтвердили / Повысили, % — one series per level (school, municipality, region). */
export function journalComparisonChart(
  rows: { name: string; percent: readonly [number, number, number] | null }[],
): EChartsOption | null {
  const shown = rows.filter((r) => r.percent);
  if (!shown.length) return null;
  return {
    title: { text: 'Сравнение отметок ВПР с отметками по журналу', left: 'center' },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 50, right: 20, top: 60, bottom: 60 },
    xAxis: { type: 'category', data: ['Понизили', 'Подтвердили', 'Повысили'] },
    yAxis: percentAxis,
    series: shown.map((r, i) => ({
      name: r.name,
      type: 'bar' as const,
      itemStyle: { color: LEVEL_COLORS[i % LEVEL_COLORS.length] },
      label: {
        show: true,
        position: 'top' as const,
        formatter: (p: { value?: unknown }) => ru(Number(p.value)),
      },
      data: [...(r.percent as readonly number[])],
    })),
  };
}

/** Mean task success by difficulty level (Б, П, В) per level of comparison. */
export function levelSuccessChart(
  rows: { name: string; levels: readonly LevelFigure[] }[],
): EChartsOption | null {
  const names = ['Б', 'П', 'В'].filter((l) =>
    rows.some((r) => r.levels.some((x) => x.level === l)),
  );
  if (!names.length) return null;
  return {
    title: { text: 'Выполнение заданий по уровням сложности', left: 'center' },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 50, right: 20, top: 60, bottom: 60 },
    xAxis: {
      type: 'category',
      data: names.map((l) => ({ Б: 'базовый (Б)', П: 'повышенный (П)', В: 'высокий (В)' })[l] ?? l),
    },
    yAxis: percentAxis,
    series: rows.map((r, i) => ({
      name: r.name,
      type: 'bar' as const,
      itemStyle: { color: LEVEL_COLORS[i % LEVEL_COLORS.length] },
      data: names.map((l) => r.levels.find((x) => x.level === l)?.percent ?? null),
    })),
  };
}

/** Success % per task, school against the municipality and the region. */
export function taskSuccessChart(
  rows: { name: string; tasks: readonly { task: string; percent: number | null }[] }[],
): EChartsOption | null {
  const first = rows[0];
  if (!first || !first.tasks.length) return null;
  return {
    title: { text: 'Выполнение заданий, %', left: 'center' },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 50, right: 20, top: 60, bottom: 60 },
    xAxis: { type: 'category', data: first.tasks.map((t) => t.task), axisLabel: { interval: 0 } },
    yAxis: percentAxis,
    series: rows.map((r, i) => ({
      name: r.name,
      type: 'bar' as const,
      itemStyle: { color: LEVEL_COLORS[i % LEVEL_COLORS.length] },
      data: first.tasks.map((t) => r.tasks.find((x) => x.task === t.task)?.percent ?? null),
    })),
  };
}

export interface DynamicsRow {
  year: number;
  qualityRate: number | null;
  journalPercent: readonly [number, number, number] | null;
  municipalityQualityRate: number | null;
}

/** Quality rate and the share of raised marks over the years (school and municipality). */
export function dynamicsChart(rows: readonly DynamicsRow[]): EChartsOption | null {
  if (!rows.length) return null;
  const line = (name: string, color: string, data: (number | null)[], dashed = false) => ({
    name,
    type: 'line' as const,
    connectNulls: true,
    lineStyle: { color, type: dashed ? ('dashed' as const) : ('solid' as const) },
    itemStyle: { color },
    data,
  });
  return {
    title: { text: 'Динамика по годам', left: 'center' },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 50, right: 20, top: 60, bottom: 60 },
    xAxis: { type: 'category', data: rows.map((r) => String(r.year)) },
    yAxis: percentAxis,
    series: [
      line(
        'Качество (школа), %',
        '#2f9e44',
        rows.map((r) => r.qualityRate),
      ),
      line(
        'Качество (муниципалитет), %',
        '#2f9e44',
        rows.map((r) => r.municipalityQualityRate),
        true,
      ),
      line(
        'Повысили (школа), %',
        '#e03131',
        rows.map((r) => r.journalPercent?.[2] ?? null),
      ),
      line(
        'Понизили (школа), %',
        '#1c7ed6',
        rows.map((r) => r.journalPercent?.[0] ?? null),
      ),
    ],
  };
}
