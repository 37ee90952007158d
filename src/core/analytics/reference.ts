/**
 * The reference population of one test: which works stand for "objective" results, and the
 * distributions every indicator compares a unit against.
 *
 * Score distributions (M1, M4) come from works of observed administrations when there are at least
 * MIN_OBSERVED_WORKS of them, otherwise from all works of the test (the district's own data, which
 * may contain manipulated units; those indicators then use leave-one-school-out counts). Person-fit
 * and item-profile nulls are conditional on the total, which is robust to a minority of
 * contaminated units, and always use all works: a small observed sample makes their conditional
 * moments too noisy (in the validation study it raised the false-positive rate to 0.07).
 */
import { buildStepModel, gNormedOf, stepRankPrefix, type StepModel } from './personFit';
import { leastSquares } from './stats/leastSquares';
import { mean, variance } from './stats/robust';
import type { TestWorks } from './types';

export const MIN_OBSERVED_WORKS = 1000;
/** Journal groups: index 0 = no journal mark, 1..4 = marks 2..5. */
export const JOURNAL_GROUPS = 5;

export function journalGroup(j: number): number {
  return j >= 2 && j <= 5 ? j - 1 : 0;
}

export interface ConditionalMoments {
  /** Per total r: mean and variance of the statistic over reference works with that total (pooled with neighbours when few). */
  mean: Float64Array;
  variance: Float64Array;
  /** Reference works the moments of each total rest on (after pooling). */
  count: Float64Array;
  /** Third central moment per total (for the skewness correction of the normal tail). */
  third: Float64Array;
}

export interface Reference {
  /** 1 when the work belongs to the reference. */
  inReference: Uint8Array;
  source: 'observed' | 'all';
  size: number;
  steps: StepModel;
  /** Per work: Gnormed.p (NaN when undefined) and the item-profile statistic. */
  gnormed: Float64Array;
  profile: Float64Array;
  /** Centred item difficulty weights d_i used by the profile statistic. */
  difficulty: Float64Array;
  /** Reference mean score of each task as a share of its maximum. */
  itemShare: Float64Array;
  gMoments: ConditionalMoments;
  profileMoments: ConditionalMoments;
  /** Per total r × item: mean item score over reference works with item-sum total r. */
  itemMeanByTotal: Float64Array;
  /** Reference counts of totals per journal group: JOURNAL_GROUPS × (maxTotal + 1). */
  totalCounts: Float64Array;
  /** Contextual shift: expected points per one mark of the school's mean journal mark above the reference mean. */
  contextSlope: number;
  /** The contextual slope per journal group (pupils near the ceiling move less); index as JOURNAL_GROUPS. */
  groupSlope: Float64Array;
  meanJournal: number;
  /** Reference mean total per journal group. */
  groupMean: Float64Array;
  /** Item-sum total per work (used by the conditional nulls). */
  itemTotal: Int16Array;
}

export function buildReference(test: TestWorks, observedWork: Uint8Array | null): Reference {
  const { n, design } = test;
  const items = design.itemMax.length;
  let observedCount = 0;
  if (observedWork) for (let w = 0; w < n; w++) observedCount += observedWork[w] as number;
  const useObserved = observedWork !== null && observedCount >= MIN_OBSERVED_WORKS;
  const inReference = useObserved ? observedWork : new Uint8Array(n).fill(1);
  const size = useObserved ? observedCount : n;

  // One pass over the score matrix for the integer tallies: item-sum totals, item sums, item sums
  // per total, and how many works reach each score of each task (integer sums, so the order of
  // accumulation does not matter).
  const everyWork = new Uint8Array(n).fill(1);
  const { itemMax } = design;
  const steps = itemMax.reduce((a, b) => a + b, 0);
  const itemTotal = new Int16Array(n);
  const itemMean = new Float64Array(items);
  const itemMeanByTotal = new Float64Array((steps + 1) * items);
  const countByTotal = new Float64Array(steps + 1);
  // Works per task and score (clipped to the task's maximum), laid out as the steps plus one.
  const scoreCount = new Float64Array(steps + items);
  const scoreOffset = new Int32Array(items);
  for (let i = 1; i < items; i++)
    scoreOffset[i] = (scoreOffset[i - 1] as number) + (itemMax[i - 1] as number) + 1;
  for (let w = 0; w < n; w++) {
    const row = w * items;
    let r = 0;
    for (let i = 0; i < items; i++) {
      const x = test.scores[row + i] as number;
      r += x;
      itemMean[i] = (itemMean[i] as number) + x;
      const c = (scoreOffset[i] as number) + Math.min(x, itemMax[i] as number);
      scoreCount[c] = (scoreCount[c] as number) + 1;
    }
    itemTotal[w] = r;
    countByTotal[r] = (countByTotal[r] as number) + 1;
    const base = r * items;
    for (let i = 0; i < items; i++)
      itemMeanByTotal[base + i] =
        (itemMeanByTotal[base + i] as number) + (test.scores[row + i] as number);
  }
  // Step k of task i is passed by the works scoring more than k on it.
  const stepPass = new Float64Array(steps);
  let off = 0;
  for (let i = 0; i < items; i++) {
    const max = itemMax[i] as number;
    let passing = 0;
    for (let k = max - 1; k >= 0; k--) {
      passing += scoreCount[(scoreOffset[i] as number) + k + 1] as number;
      stepPass[off + k] = passing;
    }
    off += max;
  }
  for (let s = 0; s < steps; s++) stepPass[s] = (stepPass[s] as number) / Math.max(1, n);
  const stepModel = buildStepModel(itemMax, stepPass, n);

  // Difficulty = 1 − mean share of the maximum, centred over items.
  const difficulty = new Float64Array(items);
  const itemShare = new Float64Array(items);
  let dSum = 0;
  for (let i = 0; i < items; i++) {
    itemShare[i] = (itemMean[i] as number) / Math.max(1, n) / Math.max(1, itemMax[i] as number);
    difficulty[i] = 1 - (itemShare[i] as number);
    dSum += difficulty[i] as number;
  }
  for (let i = 0; i < items; i++)
    difficulty[i] = (difficulty[i] as number) - dSum / Math.max(1, items);

  // Per work: the profile h = Σ d_i·x_i/max_i (terms tabulated per task and score, added in task
  // order) and Gnormed.p from the rank sums of the passed steps (tabulated per task and score).
  const term = new Float64Array(items * 256);
  for (let i = 0; i < items; i++)
    for (let x = 0; x < 256; x++)
      term[i * 256 + x] = ((difficulty[i] as number) * x) / Math.max(1, itemMax[i] as number);
  const rankPrefix = stepRankPrefix(stepModel);
  const gnormed = new Float64Array(n);
  const profile = new Float64Array(n);
  for (let w = 0; w < n; w++) {
    let h = 0;
    let r = 0;
    let rankSum = 0;
    const row = w * items;
    for (let i = 0; i < items; i++) {
      const x = test.scores[row + i] as number;
      h += term[i * 256 + x] as number;
      const xc = Math.min(x, itemMax[i] as number);
      r += xc;
      rankSum += rankPrefix[(scoreOffset[i] as number) + xc] as number;
    }
    gnormed[w] = gNormedOf(stepModel, r, rankSum) ?? NaN;
    profile[w] = h;
  }

  for (let r = 0; r <= steps; r++) {
    const c = countByTotal[r] as number;
    if (c > 0)
      for (let i = 0; i < items; i++)
        itemMeanByTotal[r * items + i] = (itemMeanByTotal[r * items + i] as number) / c;
  }

  const maxTotal = design.maxTotal;
  const totalCounts = new Float64Array(JOURNAL_GROUPS * (maxTotal + 1));
  for (let w = 0; w < n; w++) {
    if (!inReference[w]) continue;
    const t = Math.min(maxTotal, Math.max(0, test.total[w] as number));
    const g = journalGroup(test.journal[w] as number);
    totalCounts[g * (maxTotal + 1) + t] = (totalCounts[g * (maxTotal + 1) + t] as number) + 1;
  }

  const { slope, meanJournal, groupMean, groupSlope } = contextSlope(
    test,
    inReference,
    totalCounts,
  );
  return {
    inReference,
    source: useObserved ? 'observed' : 'all',
    size,
    steps: stepModel,
    gnormed,
    profile,
    difficulty,
    itemShare,
    gMoments: conditionalMoments(gnormed, itemTotal, everyWork, steps),
    profileMoments: conditionalMoments(profile, itemTotal, everyWork, steps),
    itemMeanByTotal,
    totalCounts,
    contextSlope: slope,
    groupSlope,
    meanJournal,
    groupMean,
    itemTotal,
  };
}

const MIN_POOL = 30;
const MIN_RELIABILITY = 0.3;

/**
 * Mean and variance of a per-work statistic among reference works with each total r; totals with
 * fewer than MIN_POOL works borrow from the nearest totals until the pool is large enough.
 * NaN values (statistic undefined) are skipped; a total with no defined values gets variance 0.
 */
export function conditionalMoments(
  stat: Float64Array,
  total: Int16Array,
  inReference: Uint8Array,
  maxTotal: number,
): ConditionalMoments {
  const cnt = new Float64Array(maxTotal + 1);
  const s1 = new Float64Array(maxTotal + 1);
  const s2 = new Float64Array(maxTotal + 1);
  const s3 = new Float64Array(maxTotal + 1);
  for (let w = 0; w < stat.length; w++) {
    const v = stat[w] as number;
    if (!inReference[w] || Number.isNaN(v)) continue;
    const r = total[w] as number;
    cnt[r] = (cnt[r] as number) + 1;
    s1[r] = (s1[r] as number) + v;
    s2[r] = (s2[r] as number) + v * v;
    s3[r] = (s3[r] as number) + v * v * v;
  }
  const mean = new Float64Array(maxTotal + 1);
  const variance = new Float64Array(maxTotal + 1);
  const count = new Float64Array(maxTotal + 1);
  const third = new Float64Array(maxTotal + 1);
  for (let r = 0; r <= maxTotal; r++) {
    let c = cnt[r] as number;
    let a = s1[r] as number;
    let b = s2[r] as number;
    let t = s3[r] as number;
    for (let d = 1; c < MIN_POOL && (r - d >= 0 || r + d <= maxTotal); d++) {
      for (const q of [r - d, r + d]) {
        if (q < 0 || q > maxTotal) continue;
        c += cnt[q] as number;
        a += s1[q] as number;
        b += s2[q] as number;
        t += s3[q] as number;
      }
    }
    if (c < 2) continue;
    const m = a / c;
    mean[r] = m;
    variance[r] = Math.max(0, (b - c * m * m) / (c - 1));
    count[r] = c;
    // E[(X − m)³] = E[X³] − 3m·E[X²] + 2m³.
    third[r] = t / c - 3 * m * (b / c) + 2 * m * m * m;
  }
  return { mean, variance, count, third };
}

/**
 * The contextual effect of a school's journal marks: regress each school's mean residual
 * (total − reference mean total for the journal mark) on its mean journal mark, across schools,
 * weighted by size. A school whose pupils have high journal marks is expected to score higher even
 * for the same individual journal mark (regression to the school's mean).
 */
function contextSlope(
  test: TestWorks,
  inReference: Uint8Array,
  totalCounts: Float64Array,
): { slope: number; meanJournal: number; groupMean: Float64Array; groupSlope: Float64Array } {
  const maxTotal = test.design.maxTotal;
  const groupMean = new Float64Array(JOURNAL_GROUPS);
  for (let g = 0; g < JOURNAL_GROUPS; g++) {
    let c = 0;
    let s = 0;
    for (let t = 0; t <= maxTotal; t++) {
      const k = totalCounts[g * (maxTotal + 1) + t] as number;
      c += k;
      s += k * t;
    }
    groupMean[g] = c > 0 ? s / c : 0;
  }
  interface SchoolSums {
    n: number;
    resid: number;
    journal: number;
    journal2: number;
    gn: number[];
    gr: number[];
  }
  // Per school, in order of the school's first reference work (the regressions sum in that order).
  const sums: (SchoolSums | undefined)[] = [];
  const bySchool: SchoolSums[] = [];
  let jSum = 0;
  let jN = 0;
  for (let w = 0; w < test.n; w++) {
    if (!inReference[w]) continue;
    const j = test.journal[w] as number;
    if (j < 2) continue;
    const s = test.school[w] as number;
    let acc = sums[s];
    if (!acc) {
      acc = {
        n: 0,
        resid: 0,
        journal: 0,
        journal2: 0,
        gn: new Array<number>(JOURNAL_GROUPS).fill(0),
        gr: new Array<number>(JOURNAL_GROUPS).fill(0),
      };
      sums[s] = acc;
      bySchool.push(acc);
    }
    const g = journalGroup(j);
    const r = (test.total[w] as number) - (groupMean[g] as number);
    acc.n += 1;
    acc.resid += r;
    acc.gn[g] = (acc.gn[g] as number) + 1;
    acc.gr[g] = (acc.gr[g] as number) + r;
    acc.journal += j;
    acc.journal2 += j * j;
    jSum += j;
    jN += 1;
  }
  const meanJournal = jN ? jSum / jN : 0;
  const x: number[][] = [];
  const y: number[] = [];
  const wts: number[] = [];
  const means: number[] = [];
  const sampling: number[] = [];
  for (const acc of bySchool) {
    if (acc.n < 5) continue;
    const m = acc.journal / acc.n;
    x.push([1, m - meanJournal]);
    y.push(acc.resid / acc.n);
    wts.push(acc.n);
    means.push(m);
    sampling.push(Math.max(0, (acc.journal2 - acc.n * m * m) / (acc.n - 1)) / acc.n);
  }
  const beta = x.length >= 10 ? leastSquares(x, y, wts) : null;
  // De-attenuate: a school's mean journal mark is a noisy measure of its level, so the plain slope
  // under-corrects for schools that are truly strong. Dividing by the reliability makes the shift
  // unbiased for each school given its true level (at the price of a little extra noise).
  const observedVar = variance(means) ?? 0;
  const reliability =
    observedVar > 0 ? Math.max(MIN_RELIABILITY, 1 - (mean(sampling) ?? 0) / observedVar) : 1;
  const slope = beta ? Math.max(0, beta[1] as number) / reliability : 0;
  const groupSlope = new Float64Array(JOURNAL_GROUPS).fill(slope);
  for (let g = 1; g < JOURNAL_GROUPS; g++) {
    const gx: number[][] = [];
    const gy: number[] = [];
    const gw: number[] = [];
    for (const acc of bySchool) {
      const k = acc.gn[g] as number;
      if (acc.n < 5 || k < 2) continue;
      gx.push([1, acc.journal / acc.n - meanJournal]);
      gy.push((acc.gr[g] as number) / k);
      gw.push(k);
    }
    const b = gx.length >= 20 ? leastSquares(gx, gy, gw) : null;
    if (b) groupSlope[g] = Math.max(0, b[1] as number) / reliability;
  }
  return { slope, meanJournal, groupMean, groupSlope };
}
