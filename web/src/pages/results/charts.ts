import type { ResultSummaryView, TestView } from '../../../../src/shared/results';
import type { ChartOption } from '../../components/EChart';

const MARK_COLORS = ['#e03131', '#f08c00', '#1971c2', '#2f9e44'];

/** Marks 2–5 (and works without a mark) as bars. */
export function markDistributionOption(s: ResultSummaryView): ChartOption {
  const labels = ['«2»', '«3»', '«4»', '«5»', 'нет отметки'];
  const values = [s.marks['2'], s.marks['3'], s.marks['4'], s.marks['5'], s.marks.none];
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', minInterval: 1, name: 'работ' },
    series: [
      {
        type: 'bar',
        data: values.map((value, i) => ({
          value,
          itemStyle: { color: MARK_COLORS[i] ?? '#868e96' },
        })),
        label: { show: true, position: 'top' },
      },
    ],
  };
}

/** Works per primary score, with the cut scores of «3», «4», «5» as vertical lines. */
export function histogramOption(s: ResultSummaryView, test: TestView): ChartOption {
  const cuts = test.cutScores;
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 32, bottom: 40 },
    xAxis: { type: 'category', data: s.histogram.map((_, i) => String(i)), name: 'балл' },
    yAxis: { type: 'value', minInterval: 1, name: 'работ' },
    series: [
      {
        type: 'bar',
        data: s.histogram,
        barCategoryGap: '10%',
        markLine: cuts
          ? {
              symbol: 'none',
              lineStyle: { color: '#c92a2a', type: 'dashed' },
              label: { formatter: '{b}' },
              data: [
                { name: '«3»', xAxis: String(cuts.min3) },
                { name: '«4»', xAxis: String(cuts.min4) },
                { name: '«5»', xAxis: String(cuts.min5) },
              ],
            }
          : undefined,
      },
    ],
  };
}

const LEVEL_COLORS: Record<string, string> = { Б: '#1971c2', П: '#f08c00', В: '#c92a2a' };

/** Share of points scored per task, coloured by level Б/П/В. */
export function taskSuccessOption(s: ResultSummaryView): ChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${Number(v).toFixed(0)} %` },
    grid: { left: 40, right: 16, top: 24, bottom: 32 },
    xAxis: {
      type: 'category',
      data: s.tasks.map((t) => (t.level ? `${t.code} (${t.level})` : t.code)),
    },
    yAxis: { type: 'value', max: 100, name: '%' },
    series: [
      {
        type: 'bar',
        data: s.tasks.map((t) => ({
          value: t.success === null ? null : Math.round(t.success * 1000) / 10,
          itemStyle: { color: (t.level && LEVEL_COLORS[t.level]) || '#868e96' },
        })),
      },
    ],
  };
}
