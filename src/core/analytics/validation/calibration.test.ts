import { describe, expect, it } from 'vitest';
import { ksCritical, ksUniform } from './ks';
import { DEFAULT_SIMULATION } from './simulate';
import { runScenario } from './study';

/**
 * Calibration: on clean simulated districts (no manipulation; honest high performers included),
 * each indicator's p-values must be uniform (KS test at 1 %) and its false-positive rate at a
 * nominal 5 % must stay within 0.02–0.08 (Monte-Carlo error included). Seeded, so deterministic.
 */
describe('calibration of the indicators on clean data', () => {
  const records = runScenario({
    ...DEFAULT_SIMULATION,
    seed: 20240601,
    schools: 200,
    years: [2021, 2022, 2023],
    sizes: [10, 15, 20, 25, 30, 40],
    manipulation: null,
  });

  for (const id of ['cutExcess', 'misfit', 'itemProfile', 'concordance', 'yearChange'] as const) {
    it(`${id}: uniform p-values`, () => {
      const ps = records.map((r) => r.p[id]).filter((p): p is number => p !== undefined);
      expect(ps.length).toBeGreaterThan(300);
      expect(ksUniform(ps)).toBeLessThan(ksCritical(ps.length, 0.01));
      const fpr = ps.filter((p) => p <= 0.05).length / ps.length;
      expect(fpr).toBeGreaterThan(0.02);
      expect(fpr).toBeLessThan(0.08);
    });
  }

  it('combined school-year p does not exceed the nominal level', () => {
    const fpr = records.filter((r) => r.combined <= 0.05).length / records.length;
    expect(fpr).toBeLessThan(0.07);
    expect(records.filter((r) => r.flagged).length / records.length).toBeLessThan(0.01);
  });

  it('the KS check rejects p-values that are not uniform', () => {
    const skewed = Array.from({ length: 500 }, (_, i) => ((i + 0.5) / 500) ** 1.3);
    expect(ksUniform(skewed)).toBeGreaterThan(ksCritical(500, 0.01));
    const uniform = Array.from({ length: 500 }, (_, i) => (i + 0.5) / 500);
    expect(ksUniform(uniform)).toBeLessThan(ksCritical(500, 0.05));
  });
});

/**
 * The same for class-level units: schools of two or three classes whose levels differ (class
 * effects σ = 0.3), every class of 10+ works tested on its own against the same nulls.
 */
describe('calibration of the class-level indicators on clean data', () => {
  const records = runScenario({
    ...DEFAULT_SIMULATION,
    seed: 20240602,
    schools: 120,
    years: [2021, 2022, 2023],
    sizes: [50, 75],
    sigmaClass: 0.3,
    manipulation: null,
  });

  for (const id of ['cutExcess', 'misfit', 'itemProfile', 'concordance'] as const) {
    it(`${id} per class: uniform p-values`, () => {
      const ps = records.flatMap((r) => r.classP[id] ?? []);
      expect(ps.length).toBeGreaterThan(700);
      expect(ksUniform(ps)).toBeLessThan(ksCritical(ps.length, 0.01));
      const fpr = ps.filter((p) => p <= 0.05).length / ps.length;
      expect(fpr).toBeGreaterThan(0.02);
      expect(fpr).toBeLessThan(0.08);
    });
  }

  it('combined school-year p with classes in the family does not exceed the nominal level', () => {
    const fpr = records.filter((r) => r.combined <= 0.05).length / records.length;
    expect(fpr).toBeLessThan(0.07);
  });
});
