/**
 * Combination of a school-year's p-values: every indicator of every subject × grade unit and of
 * its analysed classes, by a weighted Šidák minimum (`weightedSidakMinP`; a min-p rule, never an
 * average of z-scores).
 *
 * Weights are declared in advance from the priorities of detection-methods.md §9: the
 * priority-1 indicators (M1 the cut-score excess, M2 person misfit and the item profile) weigh 2,
 * the priority-2 ones (M4 concordance, M5 year change, M6 observer gap) 1. When a unit's classes
 * are analysed, each of the four class-level indicators gives CLASS_SHARE of its weight to the
 * classes (split evenly among them) and keeps the rest for the whole school: a whole-school
 * manipulation is still seen at the school level at twice its weight's cost, and one teacher's
 * class is seen on its own. The validation study compares this with classes as evidence only.
 */
import type { ClassAnalysis } from './classes';
import type { IndicatorId, IndicatorResult } from './indicators/result';
import { weightedSidakMinP } from './stats/multiplicity';

export const INDICATOR_WEIGHTS: Readonly<Record<IndicatorId, number>> = {
  cutExcess: 2,
  misfit: 2,
  itemProfile: 2,
  concordance: 1,
  yearChange: 1,
  observerGap: 1,
};

/** Share of an indicator's weight given to the unit's classes when they are analysed. */
export const CLASS_SHARE = 0.5;

/** What the combination needs of a unit (a subset of `UnitAnalysis`). */
export interface CombinedUnit {
  subject: string;
  grade: number;
  indicators: readonly IndicatorResult[];
  classes: readonly ClassAnalysis[];
}

export interface CombinedTest<U extends CombinedUnit = CombinedUnit> {
  unit: U;
  /** The class the test is about; null for the whole school. */
  klass: ClassAnalysis | null;
  indicator: IndicatorResult;
  weight: number;
}

export interface CombineOptions {
  /** Share of weight given to classes; 0 = classes as evidence only. */
  classShare: number;
}

/** Every test of a school-year with its weight (tests whose p is null included, weight kept). */
export function schoolYearTests<U extends CombinedUnit>(
  units: readonly U[],
  options: CombineOptions = { classShare: CLASS_SHARE },
): CombinedTest<U>[] {
  const out: CombinedTest<U>[] = [];
  for (const unit of units) {
    const classIds = new Set(unit.classes.flatMap((c) => c.indicators.map((i) => i.indicator)));
    const k = unit.classes.length;
    const share = k > 0 ? options.classShare : 0;
    for (const ind of unit.indicators) {
      const w = INDICATOR_WEIGHTS[ind.indicator];
      out.push({
        unit,
        klass: null,
        indicator: ind,
        weight: classIds.has(ind.indicator) ? w * (1 - share) : w,
      });
    }
    if (share > 0)
      for (const c of unit.classes)
        for (const ind of c.indicators)
          out.push({
            unit,
            klass: c,
            indicator: ind,
            weight: (INDICATOR_WEIGHTS[ind.indicator] * share) / k,
          });
  }
  return out;
}

export interface Combined<U extends CombinedUnit = CombinedUnit> {
  /** Combined p; null when no p could be computed. */
  p: number | null;
  /** Number of p-values combined. */
  tests: number;
  /** The test that attains the combined p. */
  driver: CombinedTest<U> | null;
}

export function combineSchoolYear<U extends CombinedUnit>(
  units: readonly U[],
  options?: CombineOptions,
): Combined<U> {
  const tests = schoolYearTests(units, options).filter((t) => t.weight > 0);
  const best = weightedSidakMinP(
    tests.map((t) => t.indicator.p),
    tests.map((t) => t.weight),
  );
  return {
    p: best?.p ?? null,
    tests: tests.filter((t) => t.indicator.p !== null).length,
    driver: best ? (tests[best.index] ?? null) : null,
  };
}
