/** Builders of tiny hand-made inputs for the analytics tests. */
import { makeExpected, type ExpectedScores } from './expectedScores';
import { JOURNAL_GROUPS } from './reference';
import type { TestWorks } from './types';
import type { Unit } from './unit';

export interface TinyWork {
  school?: number;
  klass?: number;
  scores?: number[];
  total: number;
  mark?: number;
  journal?: number;
}

export function tinyTest(
  works: readonly TinyWork[],
  opts: { itemMax?: number[]; cuts?: [number, number, number]; maxTotal?: number } = {},
): TestWorks {
  const itemMax = Uint8Array.from(opts.itemMax ?? [1]);
  const items = itemMax.length;
  const n = works.length;
  const scores = new Uint8Array(n * items);
  works.forEach((w, k) => (w.scores ?? []).forEach((x, i) => (scores[k * items + i] = x)));
  return {
    design: {
      subject: 'math',
      grade: 5,
      year: 2024,
      itemMax,
      itemLabels: Array.from(itemMax, (_, i) => String(i + 1)),
      itemLevels: Array.from(itemMax, () => null),
      cuts: opts.cuts ?? [3, 6, 9],
      maxTotal: opts.maxTotal ?? 10,
    },
    n,
    school: Int32Array.from(works.map((w) => w.school ?? 0)),
    klass: Int32Array.from(works.map((w) => w.klass ?? -1)),
    scores,
    total: Int16Array.from(works.map((w) => w.total)),
    mark: Int8Array.from(works.map((w) => w.mark ?? 0)),
    journal: Int8Array.from(works.map((w) => w.journal ?? 0)),
  };
}

export function wholeUnit(test: TestWorks): Unit {
  return { test, school: 0, klass: -1, works: Int32Array.from({ length: test.n }, (_, i) => i) };
}

/** The same pmf for every journal group. */
export function flatExpectation(pmf: readonly number[]): ExpectedScores {
  const width = pmf.length;
  const all = new Float64Array(JOURNAL_GROUPS * width);
  for (let g = 0; g < JOURNAL_GROUPS; g++) all.set(pmf, g * width);
  return makeExpected(all, 0, width - 1);
}
