import { describe, expect, it } from 'vitest';
import { flatExpectation, tinyTest, wholeUnit } from '../testing';
import { markFor, inferCuts } from '../types';
import { bunching } from './bunching';
import { concordance, concordanceRaw } from './concordance';
import { conditionalSum } from './conditionalSum';
import { cutExcess } from './cutExcess';
import { homogeneity, identicalRows, identicalWorks } from './homogeneity';
import { observerGap } from './observerGap';
import { estimateRho } from './overdispersion';
import { yearChange, type SchoolYearMean } from './yearChange';

const uniform = Array.from({ length: 11 }, () => 1 / 11);
const choose = (n: number, k: number): number => {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
};

describe('cut-score excess (M1)', () => {
  it('counts works at and just below each cut and tests them against π = ⅓ under a flat pmf', () => {
    // Cuts 3/6/9. Windows: {1,2}|3, {4,5}|6, {7,8}|9; 10 lies in no window.
    const totals = [1, 2, 3, 3, 3, 3, 4, 6, 6, 6, 7, 9, 9, 10];
    const res = cutExcess(
      wholeUnit(tinyTest(totals.map((total) => ({ total })))),
      flatExpectation(uniform),
    );
    expect(res.details.cuts.map((c) => [c.below, c.atCut])).toEqual([
      [2, 4],
      [1, 3],
      [1, 2],
    ]);
    expect(res.n).toBe(13);
    expect(res.effect).toBeCloseTo(9 - 13 / 3, 12);
    // mid-p for 9 of 13 with p = ⅓, by hand: (Σ_{j=10..13} C(13,j)·2^(13−j) + ½·C(13,9)·2⁴) / 3¹³.
    let upper = 0;
    for (let j = 10; j <= 13; j++) upper += choose(13, j) * 2 ** (13 - j);
    const hand = (upper + 0.5 * choose(13, 9) * 2 ** 4) / 3 ** 13;
    expect(res.p).toBeCloseTo(hand, 12);
    expect(res.floorMet).toBe(true);
    // P(at the cut | in the window) = 1/3 for a flat pmf: 6 works × ⅓.
    expect(res.details.cuts[0]?.expectedAtCut).toBeCloseTo(2, 3);
    // A single cut's window holds fewer than 10 works: no per-cut p, only the pooled one.
    expect(res.details.cuts[0]?.p).toBeNull();
  });

  it('leaves out works whose window has no mass below the cut', () => {
    // A pmf with nothing at 1 and 2: pupils at 3 carry no information about cut 3.
    const pmf = [0.2, 0, 0, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1];
    const totals = Array.from({ length: 12 }, (_, i) => [3, 4, 5, 6][i % 4] as number);
    const res = cutExcess(
      wholeUnit(tinyTest(totals.map((total) => ({ total })))),
      flatExpectation(pmf),
    );
    expect(res.details.cuts[0]).toMatchObject({ below: 0, atCut: 0, expectedAtCut: 0 });
    // Cut 6: window {4, 5, 6}, 9 works, π = ⅓ each.
    expect(res.details.cuts[1]).toMatchObject({ below: 6, atCut: 3, expectedAtCut: 3 });
    expect(res.n).toBe(9);
  });

  it('gives no p with fewer than 10 works near the cuts, and handles an empty unit', () => {
    const few = cutExcess(
      wholeUnit(tinyTest([{ total: 3 }, { total: 2 }, { total: 0 }])),
      flatExpectation(uniform),
    );
    expect(few.p).toBeNull();
    expect(few.note).toMatch(/мало работ/);
    const none = cutExcess(wholeUnit(tinyTest([])), flatExpectation(uniform));
    expect(none.p).toBeNull();
    expect(none.n).toBe(0);
  });
});

describe('journal concordance (M4)', () => {
  it('counts Понизили / Подтвердили / Повысили and the expected «не понизили»', () => {
    // Flat pmf on 0..10, cuts 3/6/9: P(≥3) = 8/11, P(≥6) = 5/11, P(≥9) = 2/11.
    const pupils = [
      ...Array.from({ length: 4 }, () => ({ total: 4, mark: 3, journal: 3 })),
      ...Array.from({ length: 4 }, () => ({ total: 7, mark: 4, journal: 4 })),
      ...Array.from({ length: 4 }, () => ({ total: 10, mark: 5, journal: 5 })),
      { total: 1, mark: 2, journal: 4 },
      { total: 7, mark: 4, journal: 3 },
    ];
    const raw = concordanceRaw(wholeUnit(tinyTest(pupils)), flatExpectation(uniform));
    expect([raw.details.lowered, raw.details.confirmed, raw.details.raised]).toEqual([1, 12, 1]);
    expect(raw.informative).toBe(14);
    expect(raw.notLowered).toBe(13);
    const expected = 5 * (8 / 11) + 5 * (5 / 11) + 4 * (2 / 11);
    expect(raw.expected).toBeCloseTo(expected, 12);
    expect(raw.details.differByTwo).toBe(1);
    const res = concordance(raw, 0);
    expect(res.effect).toBeCloseTo(13 - expected, 12);
    expect(res.z).toBeCloseTo((13 - expected) / Math.sqrt(raw.variance), 12);
    // Over-dispersion widens the null: same effect, smaller z.
    expect(concordance(raw, 0.1).z as number).toBeLessThan(res.z as number);
  });

  it('needs 10 pupils with both marks', () => {
    const raw = concordanceRaw(
      wholeUnit(
        tinyTest([
          { total: 4, mark: 3, journal: 3 },
          { total: 4, mark: 3 },
        ]),
      ),
      flatExpectation(uniform),
    );
    expect(raw.details.pairs).toBe(1);
    expect(concordance(raw, 0).p).toBeNull();
  });

  it('over-dispersion estimate: 0 for binomial z, positive for inflated z, 0 with few units', () => {
    const z = Array.from({ length: 200 }, (_, i) => [-1.5, -0.67, 0, 0.67, 1.5][i % 5] as number);
    expect(
      estimateRho(
        z,
        z.map(() => 20),
      ),
    ).toBe(0);
    const wide = z.map((x) => x * 2);
    const rho = estimateRho(
      wide,
      wide.map(() => 20),
    );
    expect(rho).toBeGreaterThan(0.05);
    expect(estimateRho([3, 3], [20, 20])).toBe(0);
  });
});

describe('conditional-on-total sum (misfit, item profile)', () => {
  it('standardises the sum against per-total moments, adding the reference estimation error', () => {
    const moments = {
      mean: Float64Array.from([0, 0.2, 0.2, 0]),
      variance: Float64Array.from([0, 0.01, 0.01, 0]),
      count: Float64Array.from([10, 1e9, 1e9, 10]),
      third: new Float64Array(4),
    };
    const stat = Float64Array.from([0.3, 0.3, 0.3, 0.3, Number.NaN, 0.9]);
    const total = Int16Array.from([1, 1, 2, 2, 1, 0]);
    const res = conditionalSum(Int32Array.from([0, 1, 2, 3, 4, 5]), stat, total, moments);
    // Four informative works (NaN skipped, total 0 has no variance): z = 4·0.1 / √(4·0.01).
    expect(res.n).toBe(4);
    expect(res.z).toBeCloseTo(2, 6);
    expect(res.observedMean).toBeCloseTo(0.3, 12);
    // A right-skewed null makes the same z less surprising; the correction stays monotone.
    const skewed = { ...moments, third: Float64Array.from([0, 0.001, 0.001, 0]) };
    const withSkew = conditionalSum(Int32Array.from([0, 1, 2, 3]), stat, total, skewed);
    expect(withSkew.z).toBeCloseTo(2, 6);
    expect(withSkew.p as number).toBeGreaterThan(res.p as number);
    const far = conditionalSum(
      Int32Array.from([0, 1, 2, 3]),
      Float64Array.from([0.9, 0.9, 0.9, 0.9]),
      total,
      skewed,
    );
    expect(far.p as number).toBeLessThan(withSkew.p as number);
    const empty = conditionalSum(new Int32Array(0), stat, total, moments);
    expect(empty.p).toBeNull();
  });
});

describe('year change (M5) and observer gap (M6)', () => {
  const series = (gainSchool: number, gain: number): SchoolYearMean[] => {
    const out: SchoolYearMean[] = [];
    for (let s = 0; s < 30; s++) {
      const level = ((s % 7) - 3) / 10;
      const noise = ((s * 37) % 11) / 100 - 0.05;
      out.push({ school: s, year: 2023, n: 25, y: level, mean: 10 + level * 4 });
      const y = level + noise + (s === gainSchool ? gain : 0);
      out.push({ school: s, year: 2024, n: 25, y, mean: 10 + y * 4 });
    }
    return out;
  };
  const years = new Map([
    [2023, { withinVariance: 0.8, sd: 4 }],
    [2024, { withinVariance: 0.8, sd: 4 }],
  ]);

  it('flags a large residual gain and stays quiet for the rest', () => {
    const model = yearChange(series(5, 1.2), years);
    const flagged = model.results.get('5|2024');
    expect(flagged?.p as number).toBeLessThan(0.001);
    expect(flagged?.details.residualPoints as number).toBeGreaterThan(3);
    const others = [...model.results.entries()].filter(
      ([k]) => k.endsWith('|2024') && k !== '5|2024',
    );
    expect(others.every(([, r]) => (r.p as number) > 0.01)).toBe(true);
    expect(model.results.get('5|2023')?.p).toBeNull();
    expect(model.results.get('5|2023')?.note).toMatch(/предыдущего года/);
  });

  it('needs 10 schools with both years', () => {
    const few = series(0, 1).filter((s) => s.school < 5);
    const model = yearChange(few, years);
    expect([...model.results.values()].every((r) => r.p === null)).toBe(true);
  });

  it('observer gap compares an unobserved year with the observed years of the same school', () => {
    const s = series(3, 1);
    const observed = (school: number, year: number) =>
      year === 2023 ? true : school === 99 ? null : false;
    const gaps = observerGap(s, observed, years, new Map([[2024, 0.01]]));
    expect(gaps.get('3|2024')?.p as number).toBeLessThan(0.001);
    expect(gaps.get('3|2023')?.p).toBeNull();
    expect(gaps.get('3|2023')?.note).toMatch(/наблюдател/);
    expect(gaps.get('3|2024')?.details.observedYears).toEqual([2023]);
  });
});

describe('bunching at cuts, homogeneity, cut inference', () => {
  it('recovers an excess planted on a smooth distribution', () => {
    // A 0..45 scale with cuts 18 / 29 / 39 (ВПР Russian grade 5 before 2025).
    const counts = Array.from({ length: 46 }, (_, s) =>
      Math.round(1000 * Math.exp(-((s - 24) ** 2) / 120)),
    );
    counts[39] = (counts[39] as number) + 150;
    counts[38] = (counts[38] as number) - 150;
    const res = bunching(counts, [18, 29, 39]);
    const five = res?.cuts[2];
    expect(five?.excess as number).toBeGreaterThan(140);
    expect(five?.excess as number).toBeLessThan(160);
    expect(five?.missing as number).toBeGreaterThan(140);
    expect(Math.abs(res?.cuts[0]?.excess as number)).toBeLessThan(10);
    expect(Math.abs(res?.cuts[1]?.excess as number)).toBeLessThan(10);
    expect(bunching([1, 2, 3], [1, 2, 3])).toBeNull();
  });

  it('homogeneity: identical vectors and SD ratio', () => {
    const t = tinyTest(
      [
        { total: 2, scores: [1, 1] },
        { total: 2, scores: [1, 1] },
        { total: 1, scores: [1, 0] },
      ],
      { itemMax: [1, 1], maxTotal: 2, cuts: [1, 2, 3] },
    );
    const h = homogeneity(wholeUnit(t), flatExpectation([1 / 3, 1 / 3, 1 / 3]));
    expect(h.identicalShare).toBeCloseTo(2 / 3, 12);
    expect(h.sd).toBeCloseTo(Math.sqrt(1 / 3), 12);
    expect(
      homogeneity(wholeUnit(tinyTest([{ total: 1 }])), flatExpectation(uniform)).ratio,
    ).toBeNull();
    // Rows a, b, a, c, b, b (two tasks): a twice and b three times → 5 works share a vector;
    // only the works listed count.
    const scores = Uint8Array.from([1, 0, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1]);
    expect(identicalRows(scores, 2, Int32Array.from([0, 1, 2, 3, 4, 5]))).toBe(5);
    expect(identicalRows(scores, 2, Int32Array.from([0, 1, 3, 4]))).toBe(2);
    expect(identicalRows(scores, 2, Int32Array.from([]))).toBe(0);
  });

  it('identical score vectors: numeric codes and the row-comparison fallback agree', () => {
    const rows = [
      [1, 2, 0],
      [0, 2, 1],
      [1, 2, 0],
      [2, 0, 1],
      [0, 2, 1],
      [1, 2, 0],
      [0, 0, 0],
    ];
    const make = (itemMax: number[]) =>
      tinyTest(
        rows.map((scores) => ({ total: scores.reduce((a, b) => a + b, 0), scores })),
        { itemMax },
      );
    // Rows 0, 2, 5 and 1, 4 repeat: five works of seven.
    expect(identicalWorks(make([2, 2, 2]), wholeUnit(make([2, 2, 2])).works)).toBe(5);
    // A score above its task's maximum cannot be coded in the radix: rows compared, same count.
    expect(identicalWorks(make([1, 1, 1]), wholeUnit(make([1, 1, 1])).works)).toBe(5);
    // Many tasks (radix product above 2^53): rows compared.
    const wide = tinyTest([{ total: 0 }, { total: 0 }, { total: 1, scores: [1] }], {
      itemMax: Array.from({ length: 60 }, () => 2),
    });
    expect(identicalWorks(wide, wholeUnit(wide).works)).toBe(2);
    expect(identicalWorks(wide, Int32Array.from([0, 2]))).toBe(0);
  });

  it('infers cut scores from totals and marks', () => {
    const totals = [0, 4, 5, 9, 10, 13, 14, 20];
    const cuts: [number, number, number] = [5, 10, 14];
    expect(
      inferCuts(
        totals,
        totals.map((t) => markFor(t, cuts)),
      ),
    ).toEqual(cuts);
    expect(inferCuts([1, 2], [3, 4])).toBeNull();
    expect(inferCuts([5, 4, 10, 14], [3, 3, 4, 5])).toEqual([4, 10, 14]);
    expect(inferCuts([6, 5, 10, 14], [2, 3, 4, 5])).toBeNull();
  });
});
