/**
 * M7. Within-class homogeneity (supporting evidence only; never flags on its own — it is known to
 * flag excellent classes).
 *
 * SD of totals against the SD expected from the pupils' journal marks (mixture of the expected
 * pmfs), and the share of pupils whose whole task-score vector is identical to another pupil's.
 *
 * Edge cases: fewer than 2 works → every figure null.
 */
import { groupPmf, type ExpectedScores } from '../expectedScores';
import type { TestWorks } from '../types';
import type { Unit } from '../unit';

export interface Homogeneity {
  n: number;
  sd: number | null;
  expectedSd: number | null;
  /** sd / expectedSd; below 1 = more uniform than expected. */
  ratio: number | null;
  identicalShare: number | null;
}

export function homogeneity(unit: Unit, exp: ExpectedScores): Homogeneity {
  const { test, works } = unit;
  const n = works.length;
  if (n < 2) return { n, sd: null, expectedSd: null, ratio: null, identicalShare: null };
  let s1 = 0;
  let s2 = 0;
  let e1 = 0;
  let e2 = 0;
  for (let k = 0; k < n; k++) {
    const w = works[k] as number;
    const t = test.total[w] as number;
    s1 += t;
    s2 += t * t;
    const pmf = groupPmf(exp, test.journal[w] as number);
    for (let x = 0; x < pmf.length; x++) {
      e1 += x * (pmf[x] as number);
      e2 += x * x * (pmf[x] as number);
    }
  }
  const sd = Math.sqrt(Math.max(0, (s2 - (s1 * s1) / n) / (n - 1)));
  const expectedSd = Math.sqrt(Math.max(0, (e2 / n - (e1 / n) ** 2) * (n / (n - 1))));
  const identical = identicalWorks(test, works);
  return {
    n,
    sd,
    expectedSd,
    ratio: expectedSd > 0 ? sd / expectedSd : null,
    identicalShare: identical / n,
  };
}

/**
 * Number of works whose task-score vector equals another work's: vectors are coded as mixed-radix
 * numbers (exact while the radix product stays below 2^53 and no score exceeds its task's
 * maximum; otherwise the rows are compared by `identicalRows`), sorted, and runs of equal codes longer than one
 * are counted.
 */
export function identicalWorks(test: TestWorks, works: Int32Array): number {
  const { itemMax } = test.design;
  const items = itemMax.length;
  const n = works.length;
  let radix = 1;
  for (let i = 0; i < items && radix <= Number.MAX_SAFE_INTEGER; i++)
    radix *= (itemMax[i] as number) + 1;
  if (radix > Number.MAX_SAFE_INTEGER) return identicalRows(test.scores, items, works);
  const codes = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const off = (works[k] as number) * items;
    let code = 0;
    for (let i = 0; i < items; i++) {
      const x = test.scores[off + i] as number;
      const max = itemMax[i] as number;
      if (x > max) return identicalRows(test.scores, items, works);
      code = code * (max + 1) + x;
    }
    codes[k] = code;
  }
  codes.sort();
  let count = 0;
  for (let k = 0; k < n;) {
    let e = k + 1;
    while (e < n && codes[e] === codes[k]) e++;
    if (e - k > 1) count += e - k;
    k = e;
  }
  return count;
}

/**
 * Number of works whose whole task-score vector equals another work's: the rows sorted
 * lexicographically (no keys built), then the runs of equal rows of length ≥ 2 counted.
 */
export function identicalRows(scores: Uint8Array, items: number, works: Int32Array): number {
  const compare = (a: number, b: number): number => {
    for (let i = 0; i < items; i++) {
      const d = (scores[a * items + i] as number) - (scores[b * items + i] as number);
      if (d !== 0) return d;
    }
    return 0;
  };
  const order = Int32Array.from(works).sort(compare);
  let identical = 0;
  let run = 1;
  for (let k = 1; k <= order.length; k++) {
    if (k < order.length && compare(order[k - 1] as number, order[k] as number) === 0) run += 1;
    else {
      if (run > 1) identical += run;
      run = 1;
    }
  }
  return identical;
}
