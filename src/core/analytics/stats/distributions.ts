import betainc from '@stdlib/math-base-special-betainc';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { zeros } from './zeros';

/** Standard normal CDF Φ(z). */
export function phi(z: number): number {
  return normalCdf(z, 0, 1);
}

/** Upper one-sided normal p-value P(Z ≥ z); null for a non-finite z. */
export function normalUpperP(z: number | null): number | null {
  if (z === null || !Number.isFinite(z)) return null;
  return normalCdf(-z, 0, 1);
}

/** Standard normal quantile Φ⁻¹(p). */
export function phiInv(p: number): number {
  return normalQuantile(p, 0, 1);
}

/**
 * Exact upper binomial tail P(X ≥ k) for X ~ Bin(n, p), computed as the regularised incomplete
 * beta I_p(k, n − k + 1) (no cancellation of 1 − cdf). k ≤ 0 → 1; k > n → 0.
 */
export function binomialUpper(k: number, n: number, p: number): number {
  if (!Number.isInteger(k) || !Number.isInteger(n) || n < 0) throw new Error('integer k and n');
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  return betainc(p, k, n - k + 1);
}

/**
 * Poisson-binomial pmf of the number of successes among independent Bernoulli(p_i), by dynamic
 * programming (exact, O(m²)), over probs[from..to). Empty input → [1].
 */
export function poissonBinomialPmf(
  probs: ArrayLike<number>,
  from = 0,
  to = probs.length,
): number[] {
  const m = to - from;
  const pmf = zeros(m + 1);
  pmf[0] = 1;
  // In place, from the top: pmf'[k] = pmf[k − 1]·p + pmf[k]·(1 − p) (pmf[i + 1] is still 0).
  for (let i = 0; i < m; i++) {
    const p = probs[from + i] ?? 0;
    const q = 1 - p;
    pmf[i + 1] = (pmf[i] as number) * p;
    for (let k = i; k >= 1; k--) pmf[k] = (pmf[k - 1] as number) * p + (pmf[k] as number) * q;
    pmf[0] = (pmf[0] as number) * q;
  }
  return pmf;
}

/**
 * One-sided mid-p value P(X > k) + ½·P(X = k) for X with the given pmf. The mid-p is close to
 * uniform under the null for discrete statistics (the plain P(X ≥ k) is conservative).
 */
export function upperMidP(pmf: ArrayLike<number>, k: number): number {
  let above = 0;
  for (let j = k + 1; j < pmf.length; j++) above += pmf[j] ?? 0;
  const at = k >= 0 && k < pmf.length ? (pmf[k] ?? 0) : 0;
  return Math.min(1, Math.max(0, above + 0.5 * at));
}

/** Plain upper tail P(X ≥ k) for X with the given pmf. */
export function upperTail(pmf: ArrayLike<number>, k: number): number {
  let s = 0;
  for (let j = Math.max(0, k); j < pmf.length; j++) s += pmf[j] ?? 0;
  return Math.min(1, s);
}
