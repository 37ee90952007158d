import { describe, expect, it } from 'vitest';
import { concordanceChart, markComparisonChart, signCountChart } from './chartsReport';
import {
  districtRecommendations,
  monthEnd,
  nextVprYear,
  schoolRecommendations,
  type SchoolSigns,
} from './recommendations';

const lenient: SchoolSigns = {
  name: 'Школа № 207',
  flagged: true,
  supportList: true,
  signs: [{ indicator: 'cutExcess', subject: 'Математика', grade: 4 }],
};
const weak: SchoolSigns = {
  name: 'Школа № 5',
  flagged: false,
  supportList: true,
  signs: [{ indicator: 'concordance', subject: 'Русский язык', grade: 5 }],
};

describe('report recommendations', () => {
  it('counts deadlines from the report date into the coming school year', () => {
    expect(monthEnd('2026-11-25', 1)).toBe('2026-12-31');
    expect(monthEnd('2026-11-25', 3)).toBe('2027-02-28');
    expect(nextVprYear('2026-11-25')).toBe(2027);
    expect(nextVprYear('2027-02-10')).toBe(2027);
  });

  it('derives district measures from the signs found, naming the schools and tests', () => {
    const recs = districtRecommendations([lenient, weak], 2025, '2026-11-25');
    const texts = recs.map((r) => r.text).join('\n');
    expect(texts).toContain('наблюдателей из других ОО в ОО: Школа № 207');
    expect(texts).toContain('перепроверку работ ВПР 2025');
    expect(texts).toContain('Школа № 207 (математика — 4 кл.)');
    expect(texts).toContain('выборочный контроль проведения ВПР 2027: Школа № 5');
    // The weak school is not flagged: no journal review is asked for it.
    expect(texts).not.toContain('собеседование');
    for (const r of recs) {
      expect(r.responsible).not.toBe('');
      expect(r.deadline > '2026-11-25').toBe(true);
    }
  });

  it('gives a school without signs the standard measures only', () => {
    const recs = schoolRecommendations(
      { name: 'Школа № 1', flagged: false, supportList: false, signs: [] },
      2025,
      '2026-11-25',
    );
    expect(recs.map((r) => r.text).join(' ')).toContain('Сохранить действующий порядок');
    expect(recs.some((r) => r.text.includes('наблюдател'))).toBe(false);
    const flagged = schoolRecommendations(lenient, 2025, '2026-11-25');
    expect(flagged.map((r) => r.text).join(' ')).toContain('перекрёстную проверку');
  });
});

describe('report charts', () => {
  it('leaves out levels without data and keeps the shares', () => {
    const o = markComparisonChart('t', [
      { name: 'ОО', percent: [10, 20, 30, 40] },
      { name: 'Регион', percent: null },
    ]);
    expect((o?.series as { name: string; data: number[] }[]).map((s) => s.name)).toEqual(['ОО']);
    expect(concordanceChart('t', [{ label: 'x', percent: null }])).toBeNull();
    const signs = signCountChart('t', [
      { title: 'a', schools: 0 },
      { title: 'b', schools: 2 },
    ]);
    expect((signs?.series as { data: number[] }[])[0]?.data).toEqual([2]);
  });
});
