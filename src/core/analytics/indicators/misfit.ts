/**
 * M2. Class-level person misfit on item steps.
 *
 * Per work: Gnormed.p (Guttman errors over item steps ordered by reference popularity, divided by
 * the largest count possible for the same total). Per class (n ≥ MIN_CLASS) and per school unit:
 * the sum of Gnormed.p minus its reference expectation given each work's total, over the square
 * root of the summed conditional variances (conditional-on-total null: given the total, the
 * response pattern carries no information on ability under the partial-credit model, so honest
 * strong and weak schools have the same null). When the school has two or more classes of
 * MIN_CLASS works, the school's p is the Šidák-corrected minimum over the school and its classes.
 * Effect = mean Gnormed.p above expectation.
 *
 * Edge cases: works with total 0 or the maximum carry no information and are skipped; fewer than
 * MIN_CLASS informative works → p null.
 */
import type { Reference } from '../reference';
import { sidakMinP } from '../stats/multiplicity';
import type { Unit } from '../unit';
import { conditionalSum, type ConditionalSum } from './conditionalSum';
import { notComputed, type IndicatorResult } from './result';

export const MIN_CLASS = 10;
export const MISFIT_FLOOR = 0.05;

export interface GroupFit extends ConditionalSum {
  /** Class index, −1 for the whole school. */
  klass: number;
}

export interface MisfitDetails {
  groups: GroupFit[];
}

export function misfit(
  unit: Unit,
  classes: readonly Unit[],
  ref: Reference,
): IndicatorResult<MisfitDetails> {
  return groupedConditional(
    'misfit',
    unit,
    classes,
    ref.gnormed,
    ref.itemTotal,
    ref.gMoments,
    MISFIT_FLOOR,
  );
}

/** Shared by misfit and the item profile: school unit plus classes, Šidák over the groups tested. */
export function groupedConditional(
  indicator: 'misfit' | 'itemProfile',
  unit: Unit,
  classes: readonly Unit[],
  stat: Float64Array,
  total: Int16Array,
  moments: Reference['gMoments'],
  floor: number,
): IndicatorResult<MisfitDetails> {
  const school = { klass: -1, ...conditionalSum(unit.works, stat, total, moments) };
  const big = classes.filter((c) => c.works.length >= MIN_CLASS);
  const groups: GroupFit[] = [school];
  if (big.length >= 2)
    for (const c of big)
      groups.push({ klass: c.klass, ...conditionalSum(c.works, stat, total, moments) });
  const tested = groups.filter((g) => g.n >= MIN_CLASS && g.p !== null);
  if (!tested.length)
    return notComputed(indicator, school.n, 'мало работ (нужно не меньше 10)', { groups });
  const best = tested.reduce((a, b) => ((a.p as number) <= (b.p as number) ? a : b));
  const effect = (best.observedMean as number) - (best.expectedMean as number);
  return {
    indicator,
    p: sidakMinP(tested.map((g) => g.p)),
    z: school.z,
    n: school.n,
    effect,
    floorMet: effect >= floor,
    note: null,
    details: { groups },
  };
}
