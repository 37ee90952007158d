/**
 * Combining p-values and controlling the false discovery rate.
 *
 * Within a school-year the indicators target different kinds of manipulation, so they are combined
 * by the minimum (Tippett / Šidák, optionally weighted), never by averaging z-scores.
 */

/** Šidák-corrected minimum p: 1 − (1 − min p)^k over the non-null p-values; null when none. */
export function sidakMinP(ps: readonly (number | null)[]): number | null {
  const valid = ps.filter((p): p is number => p !== null && Number.isFinite(p));
  if (!valid.length) return null;
  const minP = Math.min(...valid);
  // 1 − (1 − p)^k computed stably for small p.
  return -Math.expm1(valid.length * Math.log1p(-Math.min(minP, 1 - 1e-16)));
}

/**
 * Weighted Šidák minimum p: each p-value p_j with weight w_j > 0 is adjusted to
 * 1 − (1 − p_j)^(W/w_j), W = Σ w over the non-null p-values, and the smallest adjusted value is
 * the combined p (equal weights give `sidakMinP`). Exact under independence,
 * P(min ≤ α) = 1 − Π (1 − α)^(w_j/W) = α, and conservative for positively dependent tests (Šidák's
 * inequality); the weighted Bonferroni min(p_j·W/w_j) is its bound under any dependence.
 * Returns the combined p and the index of the test that attains it; null when no p is given.
 */
export function weightedSidakMinP(
  ps: readonly (number | null)[],
  weights: readonly number[],
): { p: number; index: number } | null {
  let total = 0;
  for (let j = 0; j < ps.length; j++) {
    const p = ps[j];
    const w = weights[j] ?? 0;
    if (p !== null && p !== undefined && Number.isFinite(p) && w > 0) total += w;
  }
  if (!(total > 0)) return null;
  let best: { p: number; index: number } | null = null;
  for (let j = 0; j < ps.length; j++) {
    const p = ps[j];
    const w = weights[j] ?? 0;
    if (p === null || p === undefined || !Number.isFinite(p) || !(w > 0)) continue;
    // 1 − (1 − p)^k computed stably for small p.
    const adjusted = -Math.expm1((total / w) * Math.log1p(-Math.min(p, 1 - 1e-16)));
    if (!best || adjusted < best.p) best = { p: adjusted, index: j };
  }
  return best;
}

/** Bonferroni-corrected minimum p: min(1, k·min p); null when none. */
export function bonferroniMinP(ps: readonly (number | null)[]): number | null {
  const valid = ps.filter((p): p is number => p !== null && Number.isFinite(p));
  if (!valid.length) return null;
  return Math.min(1, valid.length * Math.min(...valid));
}

/**
 * Benjamini–Hochberg adjusted p-values (R's p.adjust(method = "BH")): sort ascending, p_(i)·m/i,
 * cumulative minimum from the top. Nulls stay null and do not count in m.
 */
export function bhAdjust(ps: readonly (number | null)[]): (number | null)[] {
  const idx = ps
    .map((p, i) => ({ p, i }))
    .filter((x): x is { p: number; i: number } => x.p !== null && Number.isFinite(x.p))
    .sort((a, b) => a.p - b.p);
  const m = idx.length;
  const out: (number | null)[] = ps.map(() => null);
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    const item = idx[r] as { p: number; i: number };
    running = Math.min(running, (item.p * m) / (r + 1));
    out[item.i] = running;
  }
  return out;
}

/** BH decisions at level q: reject when the adjusted p ≤ q. Nulls are never rejected. */
export function bhReject(ps: readonly (number | null)[], q: number): boolean[] {
  return bhAdjust(ps).map((a) => a !== null && a <= q);
}
