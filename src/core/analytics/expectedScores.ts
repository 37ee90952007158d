/**
 * Expected primary-score distributions for a unit's pupils: the reference pmf of the total given
 * each pupil's journal mark, leave-one-school-out, shifted by the school's contextual effect
 * (its mean journal mark against the reference mean).
 * Information other than the tested score is used, so bunching and mark inflation remain visible.
 */
import { JOURNAL_GROUPS, journalGroup, type Reference } from './reference';
import type { TestWorks } from './types';
import type { Unit } from './unit';
import { zeros } from './stats/zeros';

export interface ExpectedScores {
  /** pmf per journal group: JOURNAL_GROUPS × (maxTotal + 1). */
  pmf: Float64Array;
  /** Contextual shift applied, in points. */
  shift: number;
  maxTotal: number;
  /** Views of `pmf`, one per journal group (made once: the indicators read them per work). */
  rows: readonly Float64Array[];
}

export function makeExpected(pmf: Float64Array, shift: number, maxTotal: number): ExpectedScores {
  const width = maxTotal + 1;
  const rows = Array.from({ length: JOURNAL_GROUPS }, (_, g) =>
    pmf.subarray(g * width, (g + 1) * width),
  );
  return { pmf, shift, maxTotal, rows };
}

export function expectedScores(unit: Unit, ref: Reference): ExpectedScores {
  const { test, works } = unit;
  const maxTotal = test.design.maxTotal;
  const width = maxTotal + 1;
  const counts = Array.from(ref.totalCounts);
  for (let k = 0; k < works.length; k++) {
    const w = works[k] as number;
    const j = test.journal[w] as number;
    if (!ref.inReference[w]) continue;
    const t = Math.min(maxTotal, Math.max(0, test.total[w] as number));
    const idx = journalGroup(j) * width + t;
    counts[idx] = Math.max(0, (counts[idx] as number) - 1);
  }
  // Marginal over all groups, used to smooth sparse groups and for pupils without a journal mark.
  const marginal = zeros(width);
  let all = 0;
  for (let g = 0; g < JOURNAL_GROUPS; g++)
    for (let t = 0; t < width; t++) {
      marginal[t] = (marginal[t] as number) + (counts[g * width + t] as number);
      all += counts[g * width + t] as number;
    }
  for (let t = 0; t < width; t++) marginal[t] = all > 0 ? (marginal[t] as number) / all : 1 / width;
  const shift = contextShift(unit, ref);
  const pmf = new Float64Array(JOURNAL_GROUPS * width);
  const raw = zeros(width);
  for (let g = 0; g < JOURNAL_GROUPS; g++) {
    let ng = 0;
    for (let t = 0; t < width; t++) ng += counts[g * width + t] as number;
    for (let t = 0; t < width; t++) {
      raw[t] =
        g === 0
          ? (marginal[t] as number)
          : ((counts[g * width + t] as number) + (marginal[t] as number)) / (ng + 1);
    }
    // Each journal group moves by its own slope (pupils near the ceiling move less).
    const groupShift =
      ref.contextSlope > 0 ? (shift * (ref.groupSlope[g] as number)) / ref.contextSlope : 0;
    shiftPmfInto(raw, groupShift, pmf, g * width);
  }
  return makeExpected(pmf, shift, maxTotal);
}

/** The contextual shift in points: slope × (school's mean journal mark − reference mean). */
export function contextShift(unit: Unit, ref: Reference): number {
  let jSum = 0;
  let jN = 0;
  for (let k = 0; k < unit.works.length; k++) {
    const j = unit.test.journal[unit.works[k] as number] as number;
    if (j >= 2) {
      jSum += j;
      jN += 1;
    }
  }
  return jN > 0 ? ref.contextSlope * (jSum / jN - ref.meanJournal) : 0;
}

/** Shift a pmf on 0..max by δ points (fractional: a mix of ⌊δ⌋ and ⌈δ⌉); mass piles at the ends. */
export function shiftPmf(pmf: Float64Array, delta: number): Float64Array {
  const out = new Float64Array(pmf.length);
  shiftPmfInto(pmf, delta, out, 0);
  return out;
}

/** `shiftPmf` written into `out` from `offset` (that range of `out` must hold zeros). */
function shiftPmfInto(
  pmf: ArrayLike<number>,
  delta: number,
  out: Float64Array,
  offset: number,
): void {
  const max = pmf.length - 1;
  if (delta === 0 || !Number.isFinite(delta)) {
    out.set(pmf, offset);
    return;
  }
  const a = Math.floor(delta);
  const f = delta - a;
  for (let t = 0; t <= max; t++) {
    const p = pmf[t] as number;
    const t0 = offset + Math.min(max, Math.max(0, t + a));
    const t1 = offset + Math.min(max, Math.max(0, t + a + 1));
    out[t0] = (out[t0] as number) + p * (1 - f);
    out[t1] = (out[t1] as number) + p * f;
  }
}

/** pmf row of one journal group. */
export function groupPmf(exp: ExpectedScores, journal: number): Float64Array {
  return exp.rows[journalGroup(journal)] as Float64Array;
}

/**
 * Expected number of the unit's pupils at each primary total 0..max: the pmf of each pupil's
 * journal group summed over the unit's works (the histogram overlay of the school card).
 */
export function expectedTotals(
  test: TestWorks,
  works: ArrayLike<number>,
  exp: ExpectedScores,
): number[] {
  const width = exp.maxTotal + 1;
  const out = zeros(width);
  for (let k = 0; k < works.length; k++) {
    const row = groupPmf(exp, test.journal[works[k] as number] as number);
    for (let t = 0; t < width; t++) out[t] = (out[t] as number) + (row[t] as number);
  }
  return out;
}
