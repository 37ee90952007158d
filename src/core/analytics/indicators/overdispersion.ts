/**
 * Over-dispersion of a count statistic across units (beta-binomial-type): under the null,
 * Var = V·(1 + (m − 1)·ρ) with V the binomial (Poisson-binomial) variance and m the unit's count
 * of trials. ρ is estimated robustly from all units of a test: the value that makes the median of
 * z²/(1 + (m − 1)ρ) equal the χ²₁ median 0.4549 (a minority of manipulated units barely moves the
 * median). Returns 0 with fewer than MIN_UNITS units or when the binomial variance already suffices.
 */
import { median } from '../stats/robust';

export const MIN_UNITS = 20;
const CHI2_1_MEDIAN = 0.454936;

export function estimateRho(z: readonly number[], m: readonly number[]): number {
  const pairs = z
    .map((zi, i) => ({ z2: zi * zi, m: m[i] as number }))
    .filter((x) => Number.isFinite(x.z2) && x.m >= 1);
  if (pairs.length < MIN_UNITS) return 0;
  const med = (rho: number): number =>
    median(pairs.map((x) => x.z2 / (1 + (x.m - 1) * rho))) as number;
  if (med(0) <= CHI2_1_MEDIAN) return 0;
  let lo = 0;
  let hi = 1;
  if (med(hi) > CHI2_1_MEDIAN) return hi;
  for (let it = 0; it < 50; it++) {
    const mid = (lo + hi) / 2;
    if (med(mid) > CHI2_1_MEDIAN) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
