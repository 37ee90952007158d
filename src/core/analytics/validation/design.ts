/**
 * The simulated test of the validation study (detection-methods.md §10.3): 15 tasks — 10
 * dichotomous Rasch items with b evenly spaced from −1.5 to 1.5 and 5 two-point partial-credit
 * items with steps b ± 0.5, b evenly spaced from −0.5 to 1.5. Maximum 20; cuts 5 / 10 / 14.
 */
export interface SimItem {
  /** Step difficulties δ_1..δ_M. */
  steps: number[];
}

export const SIM_CUTS: readonly [number, number, number] = [5, 10, 14];

export function simItems(): SimItem[] {
  const items: SimItem[] = [];
  for (let i = 0; i < 10; i++) items.push({ steps: [-1.5 + (3 * i) / 9] });
  for (let i = 0; i < 5; i++) {
    const b = -0.5 + (2 * i) / 4;
    items.push({ steps: [b - 0.5, b + 0.5] });
  }
  return items;
}

/** Category probabilities of a partial-credit item at ability θ: P(x = c) ∝ exp Σ_{k≤c}(θ − δ_k). */
export function pcmProbabilities(item: SimItem, theta: number): number[] {
  const logits = [0];
  for (const d of item.steps) logits.push((logits[logits.length - 1] as number) + theta - d);
  const top = Math.max(...logits);
  const ex = logits.map((l) => Math.exp(l - top));
  const sum = ex.reduce((a, b) => a + b, 0);
  return ex.map((e) => e / sum);
}

/** Draw a category by inverse CDF from a uniform u ∈ [0, 1). */
export function drawCategory(probs: readonly number[], u: number): number {
  let acc = 0;
  for (let c = 0; c < probs.length; c++) {
    acc += probs[c] as number;
    if (u < acc) return c;
  }
  return probs.length - 1;
}

/**
 * `drawCategory(pcmProbabilities(item, θ), u)` without allocating (the same arithmetic in the same
 * order, so the same category): the simulator draws one per task and pupil.
 */
export function drawPcm(item: SimItem, theta: number, u: number): number {
  const m = item.steps.length;
  const logits = scratch(m + 1);
  logits[0] = 0;
  let top = 0;
  for (let k = 1; k <= m; k++) {
    logits[k] = (logits[k - 1] as number) + theta - (item.steps[k - 1] as number);
    top = Math.max(top, logits[k] as number);
  }
  let sum = 0;
  for (let c = 0; c <= m; c++) {
    logits[c] = Math.exp((logits[c] as number) - top);
    sum += logits[c] as number;
  }
  let acc = 0;
  for (let c = 0; c <= m; c++) {
    acc += (logits[c] as number) / sum;
    if (u < acc) return c;
  }
  return m;
}

let buffer: number[] = [];
function scratch(n: number): number[] {
  if (buffer.length < n) buffer = new Array<number>(n).fill(0);
  return buffer;
}

/** Journal-mark cut points on θ + N(0, 0.6²): the population's 5 / 40 / 80 % quantiles. */
export function journalCuts(sigmaSchool: number, sigmaJournal: number): [number, number, number] {
  const sd = Math.sqrt(sigmaSchool ** 2 + 1 + sigmaJournal ** 2);
  return [-1.6449 * sd, -0.2533 * sd, 0.8416 * sd];
}
