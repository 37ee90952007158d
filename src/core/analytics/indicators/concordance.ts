/**
 * M4. ВПР vs journal concordance.
 *
 * For pupils with both marks: Понизили (ВПР < journal), Подтвердили (=), Повысили (>). The tested
 * count is «не понизили» (ВПР mark ≥ journal mark): lenient scoring, help and raising results to the
 * journal mark all increase it. Its expectation is Σ P(total ≥ cut of the journal mark) under the
 * expected pmf for each pupil (journal-conditioned, leave-one-school-out, context-shifted). Schools
 * differ in how ability spreads within a journal mark, so a plain binomial is over-dispersed: the
 * variance is inflated by (1 + (m − 1)ρ), ρ estimated robustly across the test's units
 * (`estimateRho`). Pupils with journal «2» cannot be lowered and carry no information.
 * Effect = observed − expected «не понизили» (works). Also reported: the three shares, their
 * expectations, the mean difference and quadratic-weighted κ.
 *
 * Edge cases: fewer than MIN_PAIRS pupils with both marks → p null; κ null when undefined.
 */
import { groupPmf, type ExpectedScores } from '../expectedScores';
import { normalUpperP } from '../stats/distributions';
import type { Unit } from '../unit';
import { notComputed, type IndicatorResult } from './result';
import { zeros } from '../stats/zeros';

export const MIN_PAIRS = 10;
export const CONCORDANCE_FLOOR = 2;

export interface ConcordanceDetails {
  pairs: number;
  lowered: number;
  confirmed: number;
  raised: number;
  expectedLowered: number;
  expectedConfirmed: number;
  expectedRaised: number;
  /** Mean of (journal mark − ВПР mark). */
  meanDifference: number | null;
  kappa: number | null;
  /** Pupils whose marks differ by 2 or more (FIOKO 2026). */
  differByTwo: number;
  rho: number;
}

export interface ConcordanceRaw {
  details: ConcordanceDetails;
  notLowered: number;
  expected: number;
  variance: number;
  informative: number;
}

export function concordanceRaw(unit: Unit, exp: ExpectedScores): ConcordanceRaw {
  const { test, works } = unit;
  const [c3, c4, c5] = test.design.cuts;
  const cutOf = [0, 0, 0, c3, c4, c5];
  const d: ConcordanceDetails = {
    pairs: 0,
    lowered: 0,
    confirmed: 0,
    raised: 0,
    expectedLowered: 0,
    expectedConfirmed: 0,
    expectedRaised: 0,
    meanDifference: null,
    kappa: null,
    differByTwo: 0,
    rho: 0,
  };
  let notLowered = 0;
  let expected = 0;
  let variance = 0;
  let informative = 0;
  let diffSum = 0;
  // Journal × ВПР mark table (marks 2..5) for κ, and the expected shares per journal mark (they
  // depend on the journal mark only: computed once per mark).
  const table = zeros(KAPPA_MARKS * KAPPA_MARKS);
  let outOfScale = false;
  const below = new Array<number>(6).fill(NaN);
  const same = zeros(6);
  for (let k = 0; k < works.length; k++) {
    const w = works[k] as number;
    const j = test.journal[w] as number;
    const m = test.mark[w] as number;
    if (j < 2 || m < 2) continue;
    d.pairs += 1;
    if (m < j) d.lowered += 1;
    else if (m === j) d.confirmed += 1;
    else d.raised += 1;
    if (Math.abs(m - j) >= 2) d.differByTwo += 1;
    diffSum += j - m;
    if (j > 5 || m > 5) outOfScale = true;
    else
      table[(j - 2) * KAPPA_MARKS + (m - 2)] =
        (table[(j - 2) * KAPPA_MARKS + (m - 2)] as number) + 1;
    let pBelow: number;
    let pSame: number;
    if (j <= 5 && !Number.isNaN(below[j])) {
      pBelow = below[j] as number;
      pSame = same[j] as number;
    } else {
      const pmf = groupPmf(exp, j);
      const lo = cutOf[j] as number;
      const hi = j < 5 ? (cutOf[j + 1] as number) : Infinity;
      pBelow = 0;
      pSame = 0;
      for (let t = 0; t < pmf.length; t++) {
        if (t < lo) pBelow += pmf[t] as number;
        else if (t < hi) pSame += pmf[t] as number;
      }
      if (j <= 5) {
        below[j] = pBelow;
        same[j] = pSame;
      }
    }
    const pAbove = Math.max(0, 1 - pBelow - pSame);
    d.expectedLowered += pBelow;
    d.expectedConfirmed += pSame;
    d.expectedRaised += pAbove;
    if (j >= 3) {
      const q = 1 - pBelow;
      informative += 1;
      expected += q;
      variance += q * (1 - q);
      if (m >= j) notLowered += 1;
    }
  }
  if (d.pairs) d.meanDifference = diffSum / d.pairs;
  d.kappa = outOfScale ? null : kappaFromTable(table, KAPPA_MARKS, d.pairs);
  for (const key of ['expectedLowered', 'expectedConfirmed', 'expectedRaised'] as const)
    d[key] = Math.round(d[key] * 1000) / 1000;
  return { details: d, notLowered, expected, variance, informative };
}

/** Raw z for over-dispersion estimation; null when not computable. */
export function concordanceZ(raw: ConcordanceRaw): number | null {
  return raw.informative >= MIN_PAIRS && raw.variance > 0
    ? (raw.notLowered - raw.expected) / Math.sqrt(raw.variance)
    : null;
}

export function concordance(raw: ConcordanceRaw, rho: number): IndicatorResult<ConcordanceDetails> {
  const details = { ...raw.details, rho };
  const z0 = concordanceZ(raw);
  if (z0 === null)
    return notComputed('concordance', raw.informative, 'мало учеников с обеими отметками', details);
  const z = z0 / Math.sqrt(1 + (raw.informative - 1) * rho);
  const effect = raw.notLowered - raw.expected;
  return {
    indicator: 'concordance',
    p: normalUpperP(z),
    z,
    n: raw.informative,
    effect,
    floorMet: effect >= CONCORDANCE_FLOOR,
    note: null,
    details,
  };
}

/**
 * Quadratic-weighted Cohen's κ for two ratings on the integer scale lo..hi (weights
 * 1 − d²/(K − 1)², as irr::kappa2(weight = "squared")). Null for fewer than 2 pairs or when the
 * expected disagreement is 0.
 */
export function weightedKappa(
  a: readonly number[],
  b: readonly number[],
  lo: number,
  hi: number,
): number | null {
  const n = a.length;
  const k = hi - lo + 1;
  if (n < 2 || b.length !== n || k < 2) return null;
  const table = zeros(k * k);
  for (let i = 0; i < n; i++) {
    const x = (a[i] as number) - lo;
    const y = (b[i] as number) - lo;
    if (x < 0 || x >= k || y < 0 || y >= k) return null;
    table[x * k + y] = (table[x * k + y] as number) + 1;
  }
  return kappaFromTable(table, k, n);
}

/** Marks 2..5: the scale of the journal × ВПР table. */
const KAPPA_MARKS = 4;

/** Quadratic-weighted κ from a k × k table of counts (row-major) over n pairs. */
function kappaFromTable(table: readonly number[], k: number, n: number): number | null {
  if (n < 2 || k < 2) return null;
  const ra = new Array<number>(k).fill(0);
  const rb = new Array<number>(k).fill(0);
  for (let x = 0; x < k; x++)
    for (let y = 0; y < k; y++) {
      ra[x] = (ra[x] as number) + (table[x * k + y] as number);
      rb[y] = (rb[y] as number) + (table[x * k + y] as number);
    }
  let po = 0;
  let pe = 0;
  for (let x = 0; x < k; x++)
    for (let y = 0; y < k; y++) {
      const wgt = ((x - y) * (x - y)) / ((k - 1) * (k - 1));
      po += wgt * (table[x * k + y] as number);
      pe += (wgt * (ra[x] as number) * (rb[y] as number)) / n;
    }
  if (!(pe > 0)) return null;
  return 1 - po / pe;
}
