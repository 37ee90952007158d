/**
 * M1. Excess of works just above each cut score, adjusted for composition.
 *
 * For each cut c (marks 3, 4, 5): below window B = {c−2, c−1}, above window A = {c, c+1}. A pupil
 * whose total falls in B ∪ A is above with probability π = P(A)/(P(A) + P(B)) under the expected
 * pmf for the pupil's journal mark (leave-one-school-out reference, shifted for the school's
 * context). The count above, pooled over cuts, is Poisson-binomial under the null; p is its
 * one-sided mid-p. Effect = observed − expected count above (works).
 *
 * Edge cases: fewer than MIN_WINDOW works in the windows → p null («мало работ у границ»);
 * no works → null. Windows are clipped to 0..max.
 */
import { poissonBinomialPmf, upperMidP } from '../stats/distributions';
import { sidakMinP } from '../stats/multiplicity';
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
  /** Works in the two bins below the cut / at the cut and one above. */
  below: number;
  above: number;
  expectedAbove: number;
  /** Works exactly at the cut and expected there. */
  atCut: number;
  expectedAtCut: number;
  p: number | null;
}

export interface CutExcessDetails {
  cuts: CutDetail[];
  /** Observed and expected number of works at each primary total (data for the histogram). */
  histogram: { total: number; observed: number; expected: number }[];
  /** Classes tested separately (when the school has two or more classes of MIN_CLASS works). */
  classes?: { klass: number; n: number; p: number | null; effect: number | null }[];
}

export const MIN_CLASS_WORKS = 10;

/**
 * The school's cut-score excess plus, when it has two or more classes of MIN_CLASS_WORKS works,
 * each class's (manipulation is often one teacher's): p is the Šidák-corrected minimum over the
 * school and its classes; the effect and details stay the school's, the class figures are listed.
 */
export function cutExcessWithClasses(
  unit: Unit,
  classes: readonly Unit[],
  exp: ExpectedScores,
  expected?: ArrayLike<number>,
): IndicatorResult<CutExcessDetails> {
  const school = cutExcess(unit, exp, expected);
  const big = classes.filter((c) => c.works.length >= MIN_CLASS_WORKS);
  if (big.length < 2) return school;
  // A class's histogram is not reported: only its n, p and effect.
  const perClass = big.map((c) => ({ klass: c.klass, result: windows(c, exp, []) }));
  const ps = [school.p, ...perClass.map((c) => c.result.p)];
  const best = perClass.reduce<IndicatorResult<CutExcessDetails> | null>(
    (a, c) => (c.result.p !== null && (a === null || (a.p as number) > c.result.p) ? c.result : a),
    null,
  );
  const p = sidakMinP(ps);
  const driver =
    best && school.p !== null && (best.p as number) < school.p
      ? best
      : school.p === null
        ? best
        : school;
  return {
    ...school,
    p,
    floorMet: driver?.floorMet ?? false,
    note: p === null ? school.note : null,
    details: {
      ...school.details,
      classes: perClass.map((c) => ({
        klass: c.klass,
        n: c.result.n,
        p: c.result.p,
        effect: c.result.effect,
      })),
    },
  };
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
  let aboveAll = 0;
  const groups = exp.rows.length;
  // π and the expected share at the cut depend on the pupil's journal group only.
  const usable = zeros(groups);
  const pi = zeros(groups);
  const piAtCut = zeros(groups);
  for (let idx = 0; idx < cuts.length; idx++) {
    const c = cuts[idx] as number;
    for (let g = 0; g < groups; g++) {
      const pmf = exp.rows[g] as ArrayLike<number>;
      const pB = at(pmf, c - 2) + at(pmf, c - 1);
      const pA = at(pmf, c) + at(pmf, c + 1);
      usable[g] = pA + pB <= 0 ? 0 : 1;
      pi[g] = pA / (pA + pB);
      piAtCut[g] = at(pmf, c) / (pA + pB);
    }
    const start = m;
    let below = 0;
    let above = 0;
    let atCut = 0;
    let expectedAtCut = 0;
    for (let k = 0; k < works.length; k++) {
      const w = works[k] as number;
      const t = test.total[w] as number;
      const inB = t === c - 2 || t === c - 1;
      const inA = t === c || t === c + 1;
      if (!inA && !inB) continue;
      const g = journalGroup(test.journal[w] as number);
      if (!usable[g]) continue;
      allProbs.push(pi[g] as number);
      m += 1;
      expectedAtCut += piAtCut[g] as number;
      if (inA) above += 1;
      else below += 1;
      if (t === c) atCut += 1;
    }
    let expectedAbove = 0;
    for (let k = start; k < m; k++) expectedAbove += allProbs[k] as number;
    const pCut =
      m - start >= MIN_WINDOW ? upperMidP(poissonBinomialPmf(allProbs, start, m), above) : null;
    details.cuts.push({
      mark: (idx + 3) as 3 | 4 | 5,
      cut: c,
      below,
      above,
      expectedAbove: round3(expectedAbove),
      atCut,
      expectedAtCut: round3(expectedAtCut),
      p: pCut,
    });
    aboveAll += above;
  }
  if (m < MIN_WINDOW) return notComputed('cutExcess', m, 'мало работ у границ отметок', details);
  const probs = allProbs;
  let e = 0;
  let v = 0;
  for (let k = 0; k < m; k++) {
    const q = probs[k] as number;
    e += q;
    v += q * (1 - q);
  }
  const p = upperMidP(poissonBinomialPmf(probs), aboveAll);
  const effect = aboveAll - e;
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
