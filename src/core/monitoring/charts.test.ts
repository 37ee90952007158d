import { describe, expect, it } from 'vitest';
import { changeChart, levelCounts, levelDistributionChart, sectionAverageChart } from './charts';

type Series = { data: unknown[]; name?: string }[];
const seriesOf = (o: { series?: unknown } | null) => (o?.series ?? []) as Series;

describe('monitoring charts', () => {
  it('counts schools by level and draws one bar per level', () => {
    const rows = [{ level: 'high' as const }, { level: 'low' as const }, { level: 'low' as const }];
    expect(levelCounts(rows)).toEqual({ high: 1, medium: 0, low: 2, none: 0 });
    const data = seriesOf(levelDistributionChart(rows))[0]?.data as { value: number }[];
    expect(data.map((d) => d.value)).toEqual([1, 0, 2, 0]);
    expect(levelDistributionChart([])).toBeNull();
  });

  it('leaves out sections without a result and rounds to 0.1', () => {
    const o = sectionAverageChart([
      { title: 'Документы', percent: 66.666 },
      { title: 'Сайт', percent: null },
    ]);
    expect(seriesOf(o)[0]?.data).toEqual([66.7]);
    expect(sectionAverageChart([{ title: 'Сайт', percent: null }])).toBeNull();
  });

  it('compares with the previous run only for schools with both results', () => {
    const rows = [
      { orgName: 'Школа № 1', percent: 80, previousPercent: 60 },
      { orgName: 'Школа № 2', percent: 50, previousPercent: null },
    ];
    const o = changeChart(rows, 'Мониторинг 2024');
    expect(seriesOf(o).map((s) => [s.name, s.data])).toEqual([
      ['Сейчас', [80]],
      ['Мониторинг 2024', [60]],
    ]);
    expect(changeChart(rows, null)).toBeNull();
  });
});
