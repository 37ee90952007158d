/** Median of finite values; null when there are none. */
export function median(values: readonly number[]): number | null {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
}

/** Median absolute deviation scaled by 1.4826 (consistent for the normal SD); null when n < 2. */
export function scaledMad(values: readonly number[]): number | null {
  const finite = values.filter((x) => Number.isFinite(x));
  if (finite.length < 2) return null;
  const m = median(finite) as number;
  const dev = median(finite.map((x) => Math.abs(x - m))) as number;
  return 1.4826 * dev;
}

/** Arithmetic mean; null for an empty input. */
export function mean(values: ArrayLike<number>): number | null {
  if (!values.length) return null;
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] ?? 0;
  return s / values.length;
}

/** Sample variance (n − 1); null when n < 2. */
export function variance(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n < 2) return null;
  const m = mean(values) as number;
  let s = 0;
  for (let i = 0; i < n; i++) s += ((values[i] ?? 0) - m) ** 2;
  return s / (n - 1);
}

/** Empirical quantile (type 7, as R's default); null for an empty input. */
export function quantile(values: readonly number[], q: number): number | null {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const h = (v.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const hi = Math.min(v.length - 1, lo + 1);
  return (v[lo] as number) + (h - lo) * ((v[hi] as number) - (v[lo] as number));
}
