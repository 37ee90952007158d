import { describe, expect, it } from 'vitest';
import {
  binomialUpper,
  normalUpperP,
  poissonBinomialPmf,
  upperMidP,
  upperTail,
} from './distributions';
import { leastSquares } from './leastSquares';
import { bhAdjust, bhReject, bonferroniMinP, sidakMinP, weightedSidakMinP } from './multiplicity';
import { median, quantile, scaledMad, variance } from './robust';

describe('distributions', () => {
  it('Poisson-binomial reduces to the binomial for equal probabilities', () => {
    const pmf = poissonBinomialPmf([0.5, 0.5, 0.5]);
    expect(Array.from(pmf)).toEqual([0.125, 0.375, 0.375, 0.125]);
    expect(Array.from(poissonBinomialPmf([]))).toEqual([1]);
    // Two different coins by hand: P(0) = 0.9·0.5, P(2) = 0.1·0.5.
    const two = poissonBinomialPmf([0.1, 0.5]);
    expect(two[0]).toBeCloseTo(0.45, 15);
    expect(two[1]).toBeCloseTo(0.5, 15);
    expect(two[2]).toBeCloseTo(0.05, 15);
  });

  it('mid-p and plain upper tails', () => {
    const pmf = [0.125, 0.375, 0.375, 0.125];
    expect(upperTail(pmf, 2)).toBeCloseTo(0.5, 15);
    expect(upperMidP(pmf, 2)).toBeCloseTo(0.125 + 0.375 / 2, 15);
    expect(upperMidP(pmf, 3)).toBeCloseTo(0.0625, 15);
    expect(upperMidP(pmf, 0)).toBeCloseTo(1 - 0.0625, 15);
  });

  it('binomial tail edge cases', () => {
    expect(binomialUpper(0, 10, 0.3)).toBe(1);
    expect(binomialUpper(11, 10, 0.3)).toBe(0);
    expect(binomialUpper(3, 10, 0)).toBe(0);
    expect(binomialUpper(3, 10, 1)).toBe(1);
    // A tail far below 1e-10 stays positive (no rounding as in jStat).
    expect(binomialUpper(50, 50, 0.1)).toBeCloseTo(1e-50, 60);
    expect(binomialUpper(50, 50, 0.1)).toBeGreaterThan(0);
  });

  it('normal upper p', () => {
    expect(normalUpperP(0)).toBeCloseTo(0.5, 15);
    expect(normalUpperP(1.6448536269514722)).toBeCloseTo(0.05, 12);
    expect(normalUpperP(null)).toBeNull();
    expect(normalUpperP(Number.NaN)).toBeNull();
  });
});

describe('multiplicity', () => {
  it('Šidák and Bonferroni min-p skip nulls', () => {
    expect(sidakMinP([0.01, null, 0.5])).toBeCloseTo(1 - 0.99 ** 2, 15);
    expect(bonferroniMinP([0.01, null, 0.5])).toBeCloseTo(0.02, 15);
    expect(sidakMinP([null])).toBeNull();
    expect(sidakMinP([])).toBeNull();
    expect(sidakMinP([1e-20, 0.3])).toBeCloseTo(2e-20, 30);
  });

  it('weighted Šidák: exponent W/w per test, nulls and zero weights left out', () => {
    // Weights 2, 1, 1 (W = 4): 0.01 → 1 − 0.99² = 0.0199, 0.006 → 1 − 0.994⁴ = 0.0238.
    const r = weightedSidakMinP([0.01, 0.006, 0.5], [2, 1, 1]);
    expect(r?.index).toBe(0);
    expect(r?.p).toBeCloseTo(1 - 0.99 ** 2, 15);
    expect(weightedSidakMinP([0.01, 0.004, 0.5], [1, 1, 1])?.p).toBeCloseTo(1 - 0.996 ** 3, 15);
    // Equal weights reduce to the plain Šidák minimum.
    expect(weightedSidakMinP([0.03, null, 0.2], [5, 5, 5])?.p).toBeCloseTo(
      sidakMinP([0.03, null, 0.2]) as number,
      15,
    );
    // A null p frees its weight: W = 3 here, not 4.
    expect(weightedSidakMinP([0.01, null, 0.5], [2, 1, 1])?.p).toBeCloseTo(1 - 0.99 ** 1.5, 15);
    expect(weightedSidakMinP([0.01, 0.5], [0, 1])?.p).toBeCloseTo(0.5, 15);
    expect(weightedSidakMinP([null], [1])).toBeNull();
    expect(weightedSidakMinP([0.2], [0])).toBeNull();
    expect(weightedSidakMinP([1e-20, 0.3], [1, 3])?.p).toBeCloseTo(4e-20, 30);
  });

  it('BH: nulls stay null and are not counted', () => {
    expect(bhAdjust([0.01, null, 0.04])).toEqual([0.02, null, 0.04]);
    expect(bhReject([0.01, null, 0.04, 0.9], 0.05)).toEqual([true, false, false, false]);
    expect(bhReject([0.01, null, 0.04, 0.9], 0.1)).toEqual([true, false, true, false]);
  });
});

describe('robust summaries and least squares', () => {
  it('median, MAD, quantile, variance', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(scaledMad([1, 2, 3, 4, 100])).toBeCloseTo(1.4826, 10);
    expect(scaledMad([1])).toBeNull();
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(variance([1, 2, 3])).toBe(1);
    expect(variance([1])).toBeNull();
  });

  it('fits a line exactly and refuses a singular design', () => {
    const beta = leastSquares(
      [
        [1, 0],
        [1, 1],
        [1, 2],
      ],
      [1, 3, 5],
    ) as number[];
    expect(beta[0]).toBeCloseTo(1, 12);
    expect(beta[1]).toBeCloseTo(2, 12);
    expect(
      leastSquares(
        [
          [1, 1],
          [1, 1],
        ],
        [1, 2],
      ),
    ).toBeNull();
    expect(leastSquares([], [])).toBeNull();
  });
});
