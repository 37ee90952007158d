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
 * maximum; otherwise they are compared as text), sorted, and runs of equal codes longer than one
 * are counted.
 */
export function identicalWorks(test: TestWorks, works: Int32Array): number {
  const { itemMax } = test.design;
  const items = itemMax.length;
  const n = works.length;
  let radix = 1;
  for (let i = 0; i < items && radix <= Number.MAX_SAFE_INTEGER; i++)
    radix *= (itemMax[i] as number) + 1;
  if (radix > Number.MAX_SAFE_INTEGER) return identicalByText(test, works);
  const codes = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const off = (works[k] as number) * items;
    let code = 0;
    for (let i = 0; i < items; i++) {
      const x = test.scores[off + i] as number;
      const max = itemMax[i] as number;
      if (x > max) return identicalByText(test, works);
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

function identicalByText(test: TestWorks, works: Int32Array): number {
  const items = test.design.itemMax.length;
  const seen = new Map<string, number>();
  for (let k = 0; k < works.length; k++) {
    const w = works[k] as number;
    const key = Array.from(test.scores.subarray(w * items, (w + 1) * items)).join(',');
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  let count = 0;
  for (const c of seen.values()) if (c > 1) count += c;
  return count;
}
