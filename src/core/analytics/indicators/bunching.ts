/**
 * Bunching at each cut score over a whole population (municipality or region), Chetty et al.
 * (2011) style: fit log(1 + N_s) = Σ_k β_k s^k on the score bins outside the excluded windows
 * W_c = {c − 2, …, c + 1} of all cuts; exp(polynomial) − 1 is the counterfactual (the log scale
 * follows bell-shaped score distributions into their tails, where a plain polynomial overshoots). Per cut:
 * excess B = Σ_{s∈W, s≥c}(N_s − N̂_s), missing M = Σ_{s∈W, s<c}(N̂_s − N_s), normalised excess
 * b = B / mean counterfactual count per bin in W, and the share of near-cut works inflated
 * M / Σ_{s∈W, s<c} N̂_s. Standard errors by residual bootstrap (seeded).
 *
 * Edge cases: fewer than MIN_WORKS works, or fewer fitting bins than degree + 2 → null. The degree
 * is lowered until the fit has at least 3 spare bins.
 */
import { createRng } from '../../random';
import { leastSquares } from '../stats/leastSquares';
import { variance } from '../stats/robust';

export const MIN_WORKS = 200;
const MAX_DEGREE = 5;
const BOOT = 100;

export interface BunchingCut {
  mark: 3 | 4 | 5;
  cut: number;
  excess: number;
  missing: number;
  normalisedExcess: number | null;
  inflatedShare: number | null;
  excessSe: number | null;
}

export interface Bunching {
  works: number;
  degree: number;
  cuts: BunchingCut[];
  /** Observed and counterfactual counts per total (data for the chart). */
  bins: { total: number; observed: number; counterfactual: number }[];
}

export function bunching(
  counts: ArrayLike<number>,
  cuts: readonly [number, number, number],
  seed = 1,
): Bunching | null {
  const max = counts.length - 1;
  let works = 0;
  for (let s = 0; s <= max; s++) works += counts[s] ?? 0;
  if (works < MIN_WORKS) return null;
  const excluded = new Set<number>();
  for (const c of cuts)
    for (let s = c - 2; s <= c + 1; s++) if (s >= 0 && s <= max) excluded.add(s);
  const fitBins = Array.from({ length: max + 1 }, (_, s) => s).filter((s) => !excluded.has(s));
  let degree = Math.min(MAX_DEGREE, fitBins.length - 4);
  if (degree < 1) return null;
  const scale = (s: number): number => (2 * s) / Math.max(1, max) - 1;
  const design = (s: number, d: number): number[] =>
    Array.from({ length: d + 1 }, (_, k) => scale(s) ** k);
  let beta: number[] | null = null;
  for (; degree >= 1 && !beta; degree--) {
    beta = leastSquares(
      fitBins.map((s) => design(s, degree)),
      fitBins.map((s) => Math.log1p(counts[s] ?? 0)),
    );
    if (beta) break;
  }
  if (!beta) return null;
  const deg = degree;
  // Design rows of the chosen degree, made once (the bootstrap refits on them 100 times).
  const rows = Array.from({ length: max + 1 }, (_, s) => design(s, deg));
  const fitRows = fitBins.map((s) => rows[s] as number[]);
  const logFit = (b: readonly number[], s: number): number =>
    (rows[s] as number[]).reduce((a, x, k) => a + x * (b[k] as number), 0);
  const fitted = (b: readonly number[], s: number): number => Math.max(0, Math.expm1(logFit(b, s)));
  const estimate = (obs: ArrayLike<number>, b: readonly number[]): BunchingCut[] =>
    cuts.map((c, idx) => {
      let excess = 0;
      let missing = 0;
      let cfBelow = 0;
      let cfAll = 0;
      let bins = 0;
      for (let s = c - 2; s <= c + 1; s++) {
        if (s < 0 || s > max) continue;
        const cf = fitted(b, s);
        cfAll += cf;
        bins += 1;
        if (s >= c) excess += (obs[s] ?? 0) - cf;
        else {
          missing += cf - (obs[s] ?? 0);
          cfBelow += cf;
        }
      }
      return {
        mark: (idx + 3) as 3 | 4 | 5,
        cut: c,
        excess,
        missing,
        normalisedExcess: cfAll > 0 ? excess / (cfAll / bins) : null,
        inflatedShare: cfBelow > 0 ? missing / cfBelow : null,
        excessSe: null,
      };
    });
  const result = estimate(counts, beta);
  // Residual bootstrap over the fitting bins.
  const rng = createRng(seed);
  const baseFit = fitBins.map((s) => logFit(beta, s));
  const resid = fitBins.map((s, i) => Math.log1p(counts[s] ?? 0) - (baseFit[i] as number));
  const boots: number[][] = cuts.map(() => []);
  for (let r = 0; r < BOOT; r++) {
    const y = baseFit.map((f) => f + (resid[rng.int(0, resid.length - 1)] as number));
    const b = leastSquares(fitRows, y);
    if (!b) continue;
    const sim = Array.from({ length: max + 1 }, (_, s) =>
      excluded.has(s) ? (counts[s] ?? 0) : fitted(b, s),
    );
    estimate(sim, b).forEach((e, i) => (boots[i] as number[]).push(e.excess));
  }
  result.forEach((c, i) => {
    const v = variance(boots[i] as number[]);
    c.excessSe = v === null ? null : Math.sqrt(v);
  });
  return {
    works,
    degree: deg,
    cuts: result,
    bins: Array.from({ length: max + 1 }, (_, s) => ({
      total: s,
      observed: counts[s] ?? 0,
      counterfactual: Math.round(fitted(beta, s) * 100) / 100,
    })),
  };
}
