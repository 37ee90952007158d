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
import { groupPmf, type ExpectedScores } from '../expectedScores';
import type { Unit } from '../unit';
import { notComputed, type IndicatorResult } from './result';

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

export function cutExcess(unit: Unit, exp: ExpectedScores): IndicatorResult<CutExcessDetails> {
  const { test, works } = unit;
  const { cuts } = test.design;
  const max = test.design.maxTotal;
  const observed = new Float64Array(max + 1);
  const expected = new Float64Array(max + 1);
  for (let k = 0; k < works.length; k++) {
    const w = works[k] as number;
    const t = Math.min(max, Math.max(0, test.total[w] as number));
    observed[t] = (observed[t] as number) + 1;
    const pmf = groupPmf(exp, test.journal[w] as number);
    for (let s = 0; s <= max; s++) expected[s] = (expected[s] as number) + (pmf[s] as number);
  }
  const histogram = Array.from({ length: max + 1 }, (_, t) => ({
    total: t,
    observed: observed[t] as number,
    expected: round3(expected[t] as number),
  }));
  const details: CutExcessDetails = { cuts: [], histogram };
  if (!works.length) return notComputed('cutExcess', 0, 'нет работ', details);

  const allProbs: number[] = [];
  let atAll = 0;
  (cuts as readonly number[]).forEach((c, idx) => {
    const probs: number[] = [];
    let below = 0;
    let atCut = 0;
    for (let k = 0; k < works.length; k++) {
      const w = works[k] as number;
      const t = test.total[w] as number;
      if (t < c - 2 || t > c) continue;
      const pmf = groupPmf(exp, test.journal[w] as number);
      const pB = at(pmf, c - 2) + at(pmf, c - 1);
      const pC = at(pmf, c);
      // π = 0 or 1: the window cannot tell anything about this pupil.
      if (!(pB > 0 && pC > 0)) continue;
      probs.push(pC / (pB + pC));
      if (t === c) atCut += 1;
      else below += 1;
    }
    const expectedAtCut = probs.reduce((a, b) => a + b, 0);
    const pCut = probs.length >= MIN_WINDOW ? upperMidP(poissonBinomialPmf(probs), atCut) : null;
    details.cuts.push({
      mark: (idx + 3) as 3 | 4 | 5,
      cut: c,
      below,
      atCut,
      expectedAtCut: round3(expectedAtCut),
      p: pCut,
    });
    allProbs.push(...probs);
    atAll += atCut;
  });
  const m = allProbs.length;
  if (m < MIN_WINDOW) return notComputed('cutExcess', m, 'мало работ у границ отметок', details);
  const e = allProbs.reduce((a, b) => a + b, 0);
  const v = allProbs.reduce((a, p) => a + p * (1 - p), 0);
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

function at(pmf: Float64Array, t: number): number {
  return t >= 0 && t < pmf.length ? (pmf[t] as number) : 0;
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
