import { normalUpperP } from '../stats/distributions';
import type { ConditionalMoments } from '../reference';
import { zeros } from '../stats/zeros';

export interface ConditionalSum {
  /** Works with a defined statistic and a non-degenerate null (0 < total < max). */
  n: number;
  observedMean: number | null;
  expectedMean: number | null;
  z: number | null;
  p: number | null;
}

/**
 * Sum over works of (s_w − E[s | total_w]) divided by √Σ Var[s | total_w], with moments from the
 * reference works of the same total. Under the null (the unit's score vectors given their totals
 * look like the reference's), the sum is approximately normal; p is the upper tail after a
 * Cornish–Fisher skewness correction.
 */
export function conditionalSum(
  works: Int32Array,
  stat: Float64Array,
  total: Int16Array,
  moments: ConditionalMoments,
): ConditionalSum {
  let n = 0;
  let obs = 0;
  let ex = 0;
  let v = 0;
  let k3 = 0;
  // Works per total in the unit: the reference means are estimates shared by all works with the
  // same total, so their error adds Σ_r k_r² σ_r² / N_r to the variance (summed over totals in
  // order of first appearance).
  const perTotal = zeros(moments.variance.length);
  const order: number[] = [];
  for (let k = 0; k < works.length; k++) {
    const w = works[k] as number;
    const s = stat[w] as number;
    if (Number.isNaN(s)) continue;
    const r = total[w] as number;
    const vr = moments.variance[r] as number;
    if (!(vr > 0)) continue;
    n += 1;
    obs += s;
    ex += moments.mean[r] as number;
    v += vr;
    k3 += moments.third[r] as number;
    if (perTotal[r] === 0) order.push(r);
    perTotal[r] = (perTotal[r] as number) + 1;
  }
  for (const r of order) {
    const k = perTotal[r] as number;
    v += (k * k * (moments.variance[r] as number)) / Math.max(1, moments.count[r] as number);
  }
  if (!n || !(v > 0)) return { n, observedMean: null, expectedMean: null, z: null, p: null };
  const z = (obs - ex) / Math.sqrt(v);
  // Cornish–Fisher correction for the skewness of the sum (Gnormed.p is right-skewed): the normal
  // tail alone is too light far out, where the BH thresholds for a whole district lie.
  // The term is capped where it would stop being monotone in z (|skew·z| > 1.5).
  const skew = k3 / v ** 1.5;
  const z0 = skew === 0 ? z : Math.sign(z) * Math.min(Math.abs(z), 1.5 / Math.abs(skew));
  const zc = z - (skew * (z0 * z0 - 1)) / 6;
  return { n, observedMean: obs / n, expectedMean: ex / n, z, p: normalUpperP(zc) };
}
