/**
 * One-sample Kolmogorov–Smirnov statistic of p-values against the uniform distribution, and its
 * asymptotic critical value c(α)/√n (c = 1.358 at 5 %, 1.628 at 1 %).
 */
export function ksUniform(ps: readonly number[]): number {
  const s = [...ps].sort((a, b) => a - b);
  let d = 0;
  s.forEach((p, i) => {
    d = Math.max(d, (i + 1) / s.length - p, p - i / s.length);
  });
  return d;
}

export function ksCritical(n: number, alpha: 0.05 | 0.01): number {
  return (alpha === 0.05 ? 1.358 : 1.628) / Math.sqrt(n);
}
