import type { EChartsOption } from 'echarts';
import { MARK_COLORS as CARD_MARK_COLORS } from './charts';

/**
 * ECharts options of the objectivity charts shared by the web pages and the analytical report
 * (the report renders the same options to PNG with src/reports/charts/png.ts), beside the school
 * card's own charts in ./charts.ts (same colours). Pure functions of
 * the shares of the figures (core/objectivity/figures*.ts); each builder returns null when there is nothing to draw.
 */

export const MARK_LABELS = ['«2»', '«3»', '«4»', '«5»'];
/** The card's mark colours, in the order «2»..«5». */
export const MARK_COLORS = ([2, 3, 4, 5] as const).map((m) => CARD_MARK_COLORS[m]);
export const CONCORDANCE_LABELS = ['Понизили', 'Подтвердили', 'Повысили'];
const CONCORDANCE_COLORS = ['#e03131', '#2f9e44', '#1971c2'];
const LEVEL_COLORS = ['#1c7ed6', '#868e96', '#ae3ec9'];

const ru = (x: number) => x.toLocaleString('ru-RU', { maximumFractionDigits: 1 });
const percentLabel = (p: { value?: unknown }) => `${ru(Number(p.value))}%`;

/** Shares in percent, or null where there is nothing to show (no works, no data). */
type Shares = readonly number[] | null;

/**
 * Grouped bars: the share of each mark for the school, the municipality and the region (the
 * levels given, in order); levels without works are left out.
 */
export function markComparisonChart(
  title: string,
  levels: { name: string; percent: Shares }[],
): EChartsOption | null {
  const shown = levels.flatMap((l) => (l.percent ? [{ name: l.name, shares: l.percent }] : []));
  if (!shown.length) return null;
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    legend: { top: 36, data: shown.map((l) => l.name) },
    grid: { left: 50, right: 20, top: 80, bottom: 30 },
    xAxis: { type: 'category', data: MARK_LABELS },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: shown.map((l, i) => ({
      name: l.name,
      type: 'bar' as const,
      barMaxWidth: 40,
      itemStyle: { color: LEVEL_COLORS[i % LEVEL_COLORS.length] },
      label: { show: true, position: 'top' as const, formatter: percentLabel, fontSize: 10 },
      data: [...l.shares],
    })),
  };
}

/** One 100 % stacked horizontal bar per row, one stacked series per category. */
function shareStackChart(
  title: string,
  rows: { label: string; percent: Shares }[],
  stack: string,
  labels: readonly string[],
  colors: readonly string[],
): EChartsOption | null {
  const shown = rows.flatMap((r) => (r.percent ? [{ label: r.label, shares: r.percent }] : []));
  if (!shown.length) return null;
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    legend: { top: 36, data: [...labels] },
    grid: { left: 200, right: 30, top: 72, bottom: 30 },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: shown.map((r) => r.label),
      axisLabel: { width: 190, overflow: 'break' },
    },
    series: labels.map((name, i) => ({
      name,
      type: 'bar' as const,
      stack,
      barMaxWidth: 26,
      itemStyle: { color: colors[i] },
      label: { show: true, formatter: percentLabel, fontSize: 9 },
      data: shown.map((r) => r.shares[i] ?? 0),
    })),
  };
}

/** One 100 % stacked horizontal bar per row (a test or a level): the shares of marks «2»..«5». */
export function markStackChart(
  title: string,
  rows: { label: string; percent: Shares }[],
): EChartsOption | null {
  return shareStackChart(title, rows, 'marks', MARK_LABELS, MARK_COLORS);
}

/** One 100 % stacked horizontal bar per row: Понизили / Подтвердили / Повысили. */
export function concordanceChart(
  title: string,
  rows: { label: string; percent: Shares }[],
): EChartsOption | null {
  return shareStackChart(title, rows, 'concordance', CONCORDANCE_LABELS, CONCORDANCE_COLORS);
}

/** Bars: how many schools show each sign (indicator). */
export function signCountChart(
  title: string,
  rows: { title: string; schools: number }[],
): EChartsOption | null {
  const shown = rows.filter((r) => r.schools > 0);
  if (!shown.length) return null;
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    grid: { left: 280, right: 40, top: 44, bottom: 30 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: shown.map((r) => r.title),
      axisLabel: { width: 270, overflow: 'break' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 26,
        itemStyle: { color: '#c92a2a' },
        label: { show: true, position: 'right' },
        data: shown.map((r) => r.schools),
      },
    ],
  };
}
