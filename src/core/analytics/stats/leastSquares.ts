/**
 * Ordinary least squares by the normal equations with Cholesky, for small designs (a few columns).
 * Returns null when the design is rank-deficient or has fewer rows than columns.
 */
export function leastSquares(
  x: readonly (readonly number[])[],
  y: readonly number[],
  weights?: readonly number[],
): number[] | null {
  const n = y.length;
  const p = x[0]?.length ?? 0;
  if (!p || n < p || x.length !== n) return null;
  const a = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const b = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++) {
    const row = x[i] as readonly number[];
    const w = weights?.[i] ?? 1;
    const yi = y[i] as number;
    for (let j = 0; j < p; j++) {
      const xj = row[j] as number;
      b[j] = (b[j] as number) + w * xj * yi;
      const aj = a[j] as number[];
      for (let k = 0; k <= j; k++) aj[k] = (aj[k] as number) + w * xj * (row[k] as number);
    }
  }
  // Cholesky decomposition of the symmetric matrix (lower triangle filled).
  const l = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) {
    const lj = l[j] as number[];
    let d = (a[j] as number[])[j] as number;
    for (let k = 0; k < j; k++) d -= (lj[k] as number) ** 2;
    if (!(d > 1e-12 * Math.max(1, Math.abs((a[j] as number[])[j] as number)))) return null;
    lj[j] = Math.sqrt(d);
    for (let i = j + 1; i < p; i++) {
      const li = l[i] as number[];
      let s = (a[i] as number[])[j] as number;
      for (let k = 0; k < j; k++) s -= (li[k] as number) * (lj[k] as number);
      li[j] = s / (lj[j] as number);
    }
  }
  const z = new Array<number>(p).fill(0);
  for (let i = 0; i < p; i++) {
    let s = b[i] as number;
    const li = l[i] as number[];
    for (let k = 0; k < i; k++) s -= (li[k] as number) * (z[k] as number);
    z[i] = s / (li[i] as number);
  }
  const beta = new Array<number>(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let s = z[i] as number;
    for (let k = i + 1; k < p; k++) s -= ((l[k] as number[])[i] as number) * (beta[k] as number);
    beta[i] = s / ((l[i] as number[])[i] as number);
  }
  return beta;
}
