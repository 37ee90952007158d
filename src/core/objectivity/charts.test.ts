import { describe, expect, it } from 'vitest';
import { tinyTest } from '../analytics/testing';
import {
  dynamicsChart,
  journalComparisonChart,
  levelSuccessChart,
  scoreHistogramChart,
} from './charts';
import { computeFigures } from './figures';

const test = tinyTest(
  [
    { total: 0, mark: 2, journal: 3 },
    { total: 2, mark: 4, journal: 3 },
    { total: 2, mark: 4, journal: 4 },
    { total: 4, mark: 5, journal: 5 },
  ],
  { cuts: [1, 2, 3], maxTotal: 4 },
);

describe('card charts', () => {
  it('marks the cut scores and overlays the expected distribution in % of participants', () => {
    const f = computeFigures(test, [0, 1, 2, 3], 'school', [0.4, 0.8, 1.2, 0.8, 0.8]);
    const option = scoreHistogramChart(f);
    const series = option?.series as {
      type: string;
      data: unknown[];
      markLine?: { data: { xAxis: string }[] };
    }[];
    expect(series[0]?.data.map((d) => (d as { value: number }).value)).toEqual([25, 0, 50, 0, 25]);
    expect(series[0]?.markLine?.data.map((d) => d.xAxis)).toEqual(['1', '2', '3']);
    expect(series[1]).toMatchObject({ type: 'line', data: [10, 20, 30, 20, 20] });
    expect(scoreHistogramChart(computeFigures(test, [], 'class'))).toBeNull();
  });

  it('draws only levels with data', () => {
    const option = journalComparisonChart([
      { name: 'Школа', percent: [0, 66.7, 33.3] },
      { name: 'Регион', percent: null },
    ]);
    expect((option?.series as unknown[]).length).toBe(1);
    expect(journalComparisonChart([{ name: 'Регион', percent: null }])).toBeNull();
    expect(levelSuccessChart([{ name: 'Школа', levels: [] }])).toBeNull();
    expect(dynamicsChart([])).toBeNull();
  });
});
