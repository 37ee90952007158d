import { describe, expect, it } from 'vitest';
import {
  figures,
  observedComparison,
  sumsFromFigures,
  type AdministrationSums,
} from './observedComparison';

const sums = (
  year: number,
  n: number,
  pct: number,
  marks: [number, number, number, number],
  subject = 'math',
  grade = 5,
): AdministrationSums => {
  const [m2, m3, m4, m5] = marks;
  return {
    subject,
    grade,
    year,
    n,
    scorePctSum: pct * n,
    marked: m2 + m3 + m4 + m5,
    markSum: 2 * m2 + 3 * m3 + 4 * m4 + 5 * m5,
    mark2: m2,
    mark45: m4 + m5,
  };
};

describe('observed vs unobserved comparison', () => {
  it('pools works over years and compares each side with the municipality of the same years', () => {
    const school = [
      sums(2022, 20, 50, [4, 8, 6, 2]),
      sums(2023, 30, 80, [0, 3, 12, 15]),
      sums(2024, 10, 70, [0, 2, 5, 3]),
      sums(2024, 25, 60, [2, 10, 10, 3], 'rus', 4),
    ];
    const municipality = [
      sums(2022, 200, 55, [20, 80, 70, 30]),
      sums(2023, 200, 60, [20, 70, 80, 30]),
      sums(2024, 100, 58, [10, 40, 40, 10]),
    ];
    const observed = (_s: string, _g: number, year: number) =>
      year === 2022 ? true : year === 2023 ? false : null;
    const [math, rus] = observedComparison(school, municipality, observed);
    expect(math?.subject).toBe('math');
    expect(math?.observed).toMatchObject({
      years: [2022],
      school: { n: 20, scorePct: 50, meanMark: 3.3, share2: 20, share45: 40 },
      municipality: { n: 200, scorePct: 55 },
      difference: { scorePct: -5 },
    });
    expect(math?.unobserved).toMatchObject({
      years: [2023],
      school: { n: 30, scorePct: 80, share2: 0, share45: 90 },
      difference: { scorePct: 20, share45: 35 },
    });
    expect(math?.unknownYears).toEqual([2024]);
    // 20 points above the municipality without observers, 5 below with them.
    expect(math?.scoreGap).toBe(25);
    expect(rus).toMatchObject({ observed: null, unobserved: null, unknownYears: [2024] });
    expect(rus?.scoreGap).toBeNull();
  });

  it('weights years by their works and leaves empty groups without figures', () => {
    const f = figures([sums(2022, 10, 40, [1, 4, 4, 1]), sums(2023, 30, 80, [0, 0, 10, 20])]);
    expect(f.n).toBe(40);
    expect(f.scorePct).toBe(70);
    expect(f.share2).toBe(2.5);
    expect(figures([])).toEqual({
      n: 0,
      scorePct: null,
      meanMark: null,
      share2: null,
      share45: null,
    });
  });
});

describe('sumsFromFigures', () => {
  it('gives the sums of the works behind a stored histogram and mark counts', () => {
    // Works with totals 0, 2, 2, 4 of 4 and marks 2, 3, 3, 5.
    const sums = sumsFromFigures({
      subject: 'math',
      grade: 5,
      year: 2025,
      marks: { counts: [1, 2, 0, 1] },
      scores: { maxTotal: 4, counts: [1, 0, 2, 0, 1] },
    });
    expect(sums).toEqual({
      subject: 'math',
      grade: 5,
      year: 2025,
      n: 4,
      scorePctSum: 0 + 50 + 50 + 100,
      marked: 4,
      markSum: 2 + 3 + 3 + 5,
      mark2: 1,
      mark45: 1,
    });
  });
});
