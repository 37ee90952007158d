/**
 * M1. Excess of works exactly at each cut score, adjusted for composition.
 *
 * For each cut c (marks 3, 4, 5) the window is W = {c−2, c−1, c}: lenient scoring adds the points a
 * work lacks for the mark and no more, so works from c−2 and c−1 pile up exactly at c (as in the
 * Regents and Swedish evidence, detection-methods.md §1.1), while c + 1 only adds noise. A pupil
 * whose total falls in W is at c with probability π = P(c)/P(W) under the expected pmf for the
 * pupil's journal mark (leave-one-school-out reference, shifted for the school's context). The
 * count at the cuts, pooled over cuts, is Poisson-binomial under the null (the number of works in
 * the windows is conditioned on, so the school's level does not enter); p is its one-sided mid-p.
 * Effect = observed − expected count at the cuts (works).
 *
 * Edge cases: fewer than MIN_WINDOW works in the windows → p null («мало работ у границ»);
 * no works → null. Windows are clipped to 0..max; a work whose π is 0 or 1 carries no information
 * and is left out.
 */
import { poissonBinomialPmf, upperMidP } from '../stats/distributions';
import { expectedTotals, type ExpectedScores } from '../expectedScores';
import { journalGroup } from '../reference';
import type { Unit } from '../unit';
import { notComputed, type IndicatorResult } from './result';
import { zeros } from '../stats/zeros';

export const MIN_WINDOW = 10;
export const CUT_EXCESS_FLOOR = 2;

export interface CutDetail {
  mark: 3 | 4 | 5;
  cut: number;
  /** Works one or two points below the cut (c − 2, c − 1). */
  below: number;
  /** Works exactly at the cut, and expected there given the works in the window. */
  atCut: number;
  expectedAtCut: number;
  p: number | null;
}

export interface CutExcessDetails {
  cuts: CutDetail[];
  /** Observed and expected number of works at each primary total (data for the histogram). */
  histogram: { total: number; observed: number; expected: number }[];
}

/**
 * `expected`: the unit's expected number of works per total (`expectedTotals`), when the caller
 * already has it.
 */
export function cutExcess(
  unit: Unit,
  exp: ExpectedScores,
  expected: ArrayLike<number> = expectedTotals(unit.test, unit.works, exp),
): IndicatorResult<CutExcessDetails> {
  const { test, works } = unit;
  const max = test.design.maxTotal;
  const observed = zeros(max + 1);
  for (let k = 0; k < works.length; k++) {
    const t = Math.min(max, Math.max(0, test.total[works[k] as number] as number));
    observed[t] = (observed[t] as number) + 1;
  }
  const histogram = Array.from({ length: max + 1 }, (_, t) => ({
    total: t,
    observed: observed[t] as number,
    expected: round3(expected[t] as number),
  }));
  return windows(unit, exp, histogram);
}

/** The test at the cuts; `histogram` is only passed through to the details. */
function windows(
  unit: Unit,
  exp: ExpectedScores,
  histogram: CutExcessDetails['histogram'],
): IndicatorResult<CutExcessDetails> {
  const { test, works } = unit;
  const { cuts } = test.design;
  const details: CutExcessDetails = { cuts: [], histogram };
  if (!works.length) return notComputed('cutExcess', 0, 'нет работ', details);

  // π of every work in a window, cut after cut (a work near two close cuts counts for both).
  const allProbs: number[] = [];
  let m = 0;
  let atAll = 0;
  const groups = exp.rows.length;
  // Whether a window tells anything (0 < π < 1) and π itself depend on the journal group only.
  const usable = zeros(groups);
  const pi = zeros(groups);
  for (let idx = 0; idx < cuts.length; idx++) {
    const c = cuts[idx] as number;
    for (let g = 0; g < groups; g++) {
      const pmf = exp.rows[g] as ArrayLike<number>;
      const pB = at(pmf, c - 2) + at(pmf, c - 1);
      const pC = at(pmf, c);
      // π = 0 or 1: the window cannot tell anything about this pupil.
      usable[g] = pB > 0 && pC > 0 ? 1 : 0;
      pi[g] = pC / (pB + pC);
    }
    const start = m;
    let below = 0;
    let atCut = 0;
    for (let k = 0; k < works.length; k++) {
      const w = works[k] as number;
      const t = test.total[w] as number;
      if (t < c - 2 || t > c) continue;
      const g = journalGroup(test.journal[w] as number);
      if (!usable[g]) continue;
      allProbs.push(pi[g] as number);
      m += 1;
      if (t === c) atCut += 1;
      else below += 1;
    }
    let expectedAtCut = 0;
    for (let k = start; k < m; k++) expectedAtCut += allProbs[k] as number;
    const pCut =
      m - start >= MIN_WINDOW ? upperMidP(poissonBinomialPmf(allProbs, start, m), atCut) : null;
    details.cuts.push({
      mark: (idx + 3) as 3 | 4 | 5,
      cut: c,
      below,
      atCut,
      expectedAtCut: round3(expectedAtCut),
      p: pCut,
    });
    atAll += atCut;
  }
  if (m < MIN_WINDOW) return notComputed('cutExcess', m, 'мало работ у границ отметок', details);
  let e = 0;
  let v = 0;
  for (let k = 0; k < m; k++) {
    const q = allProbs[k] as number;
    e += q;
    v += q * (1 - q);
  }
  const p = upperMidP(poissonBinomialPmf(allProbs), atAll);
  const effect = atAll - e;
  return {
    indicator: 'cutExcess',
    p,
    z: v > 0 ? effect / Math.sqrt(v) : null,
    n: m,
    effect,
    floorMet: effect >= CUT_EXCESS_FLOOR,
    note: null,
    details,
  };
}

function at(pmf: ArrayLike<number>, t: number): number {
  return t >= 0 && t < pmf.length ? (pmf[t] as number) : 0;
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
