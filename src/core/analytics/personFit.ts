/**
 * Person-fit statistics on item steps (Molenaar 1991; Emons 2008): each task with maximum M is
 * split into steps X_k = 1[x ≥ k], k = 1..M. Steps are ordered by popularity (share of the
 * reference population passing them), most popular first. All functions are pure.
 */

export interface StepModel {
  /** Maximum score per item. */
  itemMax: Uint8Array;
  /** Offset of item i's first step in the step arrays. */
  stepOffset: Int32Array;
  /** 1-based popularity rank of each step (1 = most popular). */
  rank: Int32Array;
  /** logit of each step's popularity (clipped away from 0 and 1). */
  logit: Float64Array;
  /** Number of steps L = Σ itemMax. */
  steps: number;
  /** Largest and smallest attainable Σ rank over passed steps, per total r = 0..L. */
  maxRankSum: Float64Array;
  minRankSum: Float64Array;
  /** Largest and smallest attainable Σ logit over passed steps, per total r. */
  maxLogitSum: Float64Array;
  minLogitSum: Float64Array;
}

/**
 * Build the step model from step popularities (share passing each step, in item order). Ties are
 * broken by item then step, so steps of one item keep their natural order.
 */
export function buildStepModel(
  itemMax: Uint8Array,
  popularity: ArrayLike<number>,
  n: number,
): StepModel {
  const items = itemMax.length;
  const stepOffset = new Int32Array(items + 1);
  for (let i = 0; i < items; i++)
    stepOffset[i + 1] = (stepOffset[i] as number) + (itemMax[i] as number);
  const steps = stepOffset[items] as number;
  if (popularity.length !== steps) throw new Error('popularity per step expected');
  // Within an item a higher step can never be more popular; enforce it against rounding.
  const pop = new Float64Array(steps);
  for (let i = 0; i < items; i++) {
    let prev = Infinity;
    for (let s = stepOffset[i] as number; s < (stepOffset[i + 1] as number); s++) {
      prev = Math.min(prev, popularity[s] ?? 0);
      pop[s] = prev;
    }
  }
  const order = Array.from({ length: steps }, (_, s) => s).sort(
    (a, b) => (pop[b] as number) - (pop[a] as number) || a - b,
  );
  const rank = new Int32Array(steps);
  order.forEach((s, r) => (rank[s] = r + 1));
  const eps = 0.5 / Math.max(1, n);
  const logit = new Float64Array(steps);
  for (let s = 0; s < steps; s++) {
    const p = Math.min(1 - eps, Math.max(eps, pop[s] as number));
    logit[s] = Math.log(p / (1 - p));
  }
  const rankW = new Float64Array(steps);
  for (let s = 0; s < steps; s++) rankW[s] = rank[s] as number;
  return {
    itemMax,
    stepOffset,
    rank,
    logit,
    steps,
    maxRankSum: prefixKnapsack(itemMax, stepOffset, rankW, true),
    minRankSum: prefixKnapsack(itemMax, stepOffset, rankW, false),
    maxLogitSum: prefixKnapsack(itemMax, stepOffset, logit, true),
    minLogitSum: prefixKnapsack(itemMax, stepOffset, logit, false),
  };
}

/**
 * For every total r = 0..L, the largest (or smallest) Σ w over passed steps when each item's passed
 * steps form a prefix (x_i steps of item i) and Σ x_i = r. Dynamic programming over items.
 */
function prefixKnapsack(
  itemMax: Uint8Array,
  stepOffset: Int32Array,
  w: Float64Array,
  maximise: boolean,
): Float64Array {
  const steps = stepOffset[itemMax.length] as number;
  const worst = maximise ? -Infinity : Infinity;
  let best = new Float64Array(steps + 1).fill(worst);
  best[0] = 0;
  let reach = 0;
  for (let i = 0; i < itemMax.length; i++) {
    const m = itemMax[i] as number;
    const gain = new Float64Array(m + 1);
    for (let c = 1; c <= m; c++)
      gain[c] = (gain[c - 1] as number) + (w[(stepOffset[i] as number) + c - 1] as number);
    const next = new Float64Array(steps + 1).fill(worst);
    for (let r = 0; r <= reach; r++) {
      const base = best[r] as number;
      if (base === worst) continue;
      for (let c = 0; c <= m; c++) {
        const v = base + (gain[c] as number);
        const cur = next[r + c] as number;
        if (maximise ? v > cur : v < cur) next[r + c] = v;
      }
    }
    reach += m;
    best = next;
  }
  return best;
}

/** Number of passed steps (= the item-score total) and the sums used by G and U3p. */
function stepSums(
  model: StepModel,
  x: ArrayLike<number>,
): { r: number; rankSum: number; logitSum: number } {
  let r = 0;
  let rankSum = 0;
  let logitSum = 0;
  for (let i = 0; i < model.itemMax.length; i++) {
    const xi = Math.min(x[i] ?? 0, model.itemMax[i] as number);
    const off = model.stepOffset[i] as number;
    for (let k = 0; k < xi; k++) {
      rankSum += model.rank[off + k] as number;
      logitSum += model.logit[off + k] as number;
    }
    r += xi;
  }
  return { r, rankSum, logitSum };
}

/**
 * Guttman errors on item steps, Gp: pairs (a, b) with a more popular than b, a failed, b passed.
 * With passed set S of size r: Gp = Σ_{b∈S} rank(b) − r(r+1)/2.
 */
export function guttmanErrors(model: StepModel, x: ArrayLike<number>): number {
  const { r, rankSum } = stepSums(model, x);
  return rankSum - (r * (r + 1)) / 2;
}

/**
 * Normalised Guttman errors Gnormed.p = Gp / max Gp(r), the maximum over score vectors with the
 * same total (steps of one item taken in order). Null when the maximum is 0 (r = 0 or r = L):
 * such a vector cannot misfit.
 */
export function gNormed(model: StepModel, x: ArrayLike<number>): number | null {
  const { r, rankSum } = stepSums(model, x);
  const maxG = (model.maxRankSum[r] as number) - (r * (r + 1)) / 2;
  if (!(maxG > 0)) return null;
  return (rankSum - (r * (r + 1)) / 2) / maxG;
}

/**
 * gNormed for the work whose task scores start at `offset` in a row-major score matrix, with the
 * rank sums tabulated by `stepRankPrefix` (the reference computes it for every work without
 * copying rows). Same value as `gNormed`.
 */
export function gNormedAt(
  model: StepModel,
  prefix: Float64Array,
  scores: Uint8Array,
  offset: number,
): number | null {
  let r = 0;
  let rankSum = 0;
  for (let i = 0; i < model.itemMax.length; i++) {
    const xi = Math.min(scores[offset + i] as number, model.itemMax[i] as number);
    rankSum += prefix[(model.stepOffset[i] as number) + i + xi] as number;
    r += xi;
  }
  return gNormedOf(model, r, rankSum);
}

/** gNormed from the number of passed steps r and the sum of their popularity ranks. */
export function gNormedOf(model: StepModel, r: number, rankSum: number): number | null {
  const maxG = (model.maxRankSum[r] as number) - (r * (r + 1)) / 2;
  if (!(maxG > 0)) return null;
  return (rankSum - (r * (r + 1)) / 2) / maxG;
}

/**
 * Σ rank over the first c steps of task i, for c = 0..itemMax[i], at index
 * stepOffset[i] + i + c (each task's block holds its maximum plus one entries).
 */
export function stepRankPrefix(model: StepModel): Float64Array {
  const items = model.itemMax.length;
  const out = new Float64Array(model.steps + items);
  for (let i = 0; i < items; i++) {
    const off = model.stepOffset[i] as number;
    let sum = 0;
    for (let c = 1; c <= (model.itemMax[i] as number); c++) {
      sum += model.rank[off + c - 1] as number;
      out[off + i + c] = sum;
    }
  }
  return out;
}

/**
 * U3p = (maxW(r) − W)/(maxW(r) − minW(r)), W = Σ logit(popularity) over passed steps.
 * 0 = perfect Guttman pattern, 1 = the most reversed one. Null when max = min (r = 0 or L).
 */
export function u3p(model: StepModel, x: ArrayLike<number>): number | null {
  const { r, logitSum } = stepSums(model, x);
  const hi = model.maxLogitSum[r] as number;
  const lo = model.minLogitSum[r] as number;
  if (!(hi - lo > 1e-12)) return null;
  return (hi - logitSum) / (hi - lo);
}

/**
 * lz for dichotomous items (Drasgow, Levine & Williams 1985) given each item's probability of a
 * correct answer at the person's ability. Negative = misfit. Null when the variance is 0.
 */
export function lz(x: ArrayLike<number>, p: ArrayLike<number>): number | null {
  let l0 = 0;
  let e = 0;
  let v = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i] as number;
    if (!(pi > 0 && pi < 1)) continue;
    const qi = 1 - pi;
    l0 += (x[i] ?? 0) ? Math.log(pi) : Math.log(qi);
    e += pi * Math.log(pi) + qi * Math.log(qi);
    v += pi * qi * Math.log(pi / qi) ** 2;
  }
  return v > 0 ? (l0 - e) / Math.sqrt(v) : null;
}

/**
 * lzp for polytomous items (Drasgow et al.; PerFit lzpoly): probs[i][c] = P(x_i = c) at the
 * person's ability. log 0 is taken as 0, as PerFit does. Null when the variance is 0.
 */
export function lzp(x: ArrayLike<number>, probs: readonly (readonly number[])[]): number | null {
  let l0 = 0;
  let e = 0;
  let v = 0;
  const ln = (p: number): number => (p > 0 ? Math.log(p) : 0);
  for (let i = 0; i < probs.length; i++) {
    const pc = probs[i] as readonly number[];
    const xi = x[i] ?? 0;
    l0 += ln(pc[xi] ?? 0);
    let ei = 0;
    let e2 = 0;
    for (const p of pc) {
      ei += p * ln(p);
      e2 += p * ln(p) ** 2;
    }
    e += ei;
    v += e2 - ei * ei;
  }
  return v > 1e-15 ? (l0 - e) / Math.sqrt(v) : null;
}
