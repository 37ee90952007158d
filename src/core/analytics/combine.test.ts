import { describe, expect, it } from 'vitest';
import { finishClassConcordance, type ClassAnalysis, type PendingClass } from './classes';
import { combineSchoolYear, INDICATOR_WEIGHTS, schoolYearTests } from './combine';
import type { ConcordanceRaw } from './indicators/concordance';
import type { IndicatorId, IndicatorResult } from './indicators/result';
import { tinyTest } from './testing';
import { analysedClasses, MIN_CLASS_WORKS, type Unit } from './unit';

const ind = (indicator: IndicatorId, p: number | null): IndicatorResult => ({
  indicator,
  p,
  z: null,
  n: 20,
  effect: p === null ? null : 3,
  floorMet: p !== null,
  note: null,
  details: {},
});

const cls = (name: string, ps: Partial<Record<IndicatorId, number | null>>): ClassAnalysis => ({
  klass: 0,
  name,
  works: 25,
  indicators: Object.entries(ps).map(([id, p]) => ind(id as IndicatorId, p ?? null)),
  homogeneity: { n: 25, sd: null, expectedSd: null, ratio: null, identicalShare: null },
});

describe('school-year combination', () => {
  it('weights priority-1 indicators 2 and priority-2 ones 1 (detection-methods.md §9)', () => {
    expect(INDICATOR_WEIGHTS).toEqual({
      cutExcess: 2,
      misfit: 2,
      itemProfile: 2,
      concordance: 1,
      yearChange: 1,
      observerGap: 1,
    });
  });

  it('combines one unit without classes by the weighted Šidák minimum', () => {
    const unit = {
      subject: 'math',
      grade: 5,
      indicators: [ind('cutExcess', 0.01), ind('misfit', 0.2), ind('concordance', 0.004)],
      classes: [],
    };
    // W = 2 + 2 + 1 = 5: cut 1 − 0.99^2.5 = 0.0248, concordance 1 − 0.996^5 = 0.0198.
    const r = combineSchoolYear([unit]);
    expect(r.tests).toBe(3);
    expect(r.p).toBeCloseTo(1 - 0.996 ** 5, 12);
    expect(r.driver?.indicator.indicator).toBe('concordance');
    expect(r.driver?.klass).toBeNull();
  });

  it('gives half of a class-level indicator’s weight to the classes, split evenly', () => {
    const a = cls('5А', { cutExcess: 0.001, concordance: 0.5 });
    const b = cls('5Б', { cutExcess: 0.6, concordance: null });
    const unit = {
      subject: 'math',
      grade: 5,
      indicators: [ind('cutExcess', 0.3), ind('concordance', 0.4), ind('yearChange', 0.2)],
      classes: [a, b],
    };
    const tests = schoolYearTests([unit]);
    const weight = (klass: string | null, id: IndicatorId) =>
      tests.find((t) => (t.klass?.name ?? null) === klass && t.indicator.indicator === id)?.weight;
    expect(weight(null, 'cutExcess')).toBe(1);
    expect(weight(null, 'concordance')).toBe(0.5);
    expect(weight(null, 'yearChange')).toBe(1);
    expect(weight('5А', 'cutExcess')).toBe(0.5);
    expect(weight('5Б', 'concordance')).toBe(0.25);
    // The null concordance of 5Б frees its weight: W = 1 + 0.5 + 1 + 0.5 + 0.5 + 0.25 = 3.75.
    const r = combineSchoolYear([unit]);
    expect(r.tests).toBe(6);
    expect(r.p).toBeCloseTo(1 - 0.999 ** (3.75 / 0.5), 12);
    expect(r.driver?.klass?.name).toBe('5А');
    // Classes as evidence only: the school’s own tests with full weights (W = 4): cut 1 − 0.7².
    const school = combineSchoolYear([unit], { classShare: 0 });
    expect(school.tests).toBe(3);
    expect(school.p).toBeCloseTo(1 - 0.7 ** 2, 12);
  });

  it('gives null with no p-value at all', () => {
    const r = combineSchoolYear([
      { subject: 'math', grade: 5, indicators: [ind('misfit', null)], classes: [] },
    ]);
    expect(r).toEqual({ p: null, tests: 0, driver: null });
  });
});

describe('class-level units', () => {
  const test = tinyTest([]);
  const unitOf = (klass: number, n: number): Unit => ({
    test,
    school: 0,
    klass,
    works: new Int32Array(n),
  });

  it('analyses classes of 10+ works when a school has two or more of them', () => {
    expect(MIN_CLASS_WORKS).toBe(10);
    expect(analysedClasses([unitOf(0, 25), unitOf(1, 9)])).toEqual([]);
    expect(
      analysedClasses([unitOf(0, 25), unitOf(1, 10), unitOf(2, 3)]).map((c) => c.klass),
    ).toEqual([0, 1]);
  });

  const pending = (z: number): PendingClass => {
    // 20 informative pupils, expectation 10, binomial variance 5: z = (notLowered − 10)/√5.
    const raw: ConcordanceRaw = {
      details: {
        pairs: 20,
        lowered: 0,
        confirmed: 0,
        raised: 0,
        expectedLowered: 0,
        expectedConfirmed: 0,
        expectedRaised: 0,
        meanDifference: null,
        kappa: null,
        differByTwo: 0,
        rho: 0,
      },
      notLowered: 10 + z * Math.sqrt(5),
      expected: 10,
      variance: 5,
      informative: 20,
    };
    return { analysis: { ...cls('5А', {}), indicators: [] }, concordanceRaw: raw };
  };

  it('estimates the class concordance dispersion across classes, or refuses with few classes', () => {
    const few = Array.from({ length: 19 }, (_, i) => pending([-1, 0, 1][i % 3] as number));
    expect(finishClassConcordance(few, few)).toBeNull();
    expect(few[0]?.analysis.indicators[0]).toMatchObject({ indicator: 'concordance', p: null });
    expect(few[0]?.analysis.indicators[0]?.note).toMatch(/мало классов/);

    // Twice the binomial spread: ρ > 0 and the class z shrinks by √(1 + 19ρ).
    const many = Array.from({ length: 40 }, (_, i) =>
      pending(2 * ([-1.5, -0.67, 0, 0.67, 1.5][i % 5] as number)),
    );
    const rho = finishClassConcordance(many, many) as number;
    expect(rho).toBeGreaterThan(0.05);
    const first = many[4]?.analysis.indicators[0];
    expect(first?.z).toBeCloseTo(3 / Math.sqrt(1 + 19 * rho), 9);
  });
});
