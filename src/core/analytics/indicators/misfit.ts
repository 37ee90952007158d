/**
 * M2. Person misfit on item steps, per school unit and per class unit (classes are analysed as
 * units of their own, see `classes.ts`).
 *
 * Per work: Gnormed.p (Guttman errors over item steps ordered by reference popularity, divided by
 * the largest count possible for the same total). Per unit: the sum of Gnormed.p minus its
 * reference expectation given each work's total, over the square root of the summed conditional
 * variances (conditional-on-total null: given the total, the response pattern carries no
 * information on ability under the partial-credit model, so honest strong and weak schools have
 * the same null). Effect = mean Gnormed.p above expectation.
 *
 * Edge cases: works with total 0 or the maximum carry no information and are skipped; fewer than
 * MIN_INFORMATIVE informative works → p null.
 */
import type { Reference } from '../reference';
import type { Unit } from '../unit';
import { conditionalSum, type ConditionalSum } from './conditionalSum';
import { notComputed, type IndicatorResult } from './result';

export const MIN_INFORMATIVE = 10;
export const MISFIT_FLOOR = 0.05;

export type MisfitDetails = ConditionalSum;

export function misfit(unit: Unit, ref: Reference): IndicatorResult<MisfitDetails> {
  return conditionalIndicator(
    'misfit',
    unit,
    ref.gnormed,
    ref.itemTotal,
    ref.gMoments,
    MISFIT_FLOOR,
  );
}

/** Shared by misfit and the item profile: the unit's conditional-on-total sum as an indicator. */
export function conditionalIndicator(
  indicator: 'misfit' | 'itemProfile',
  unit: Unit,
  stat: Float64Array,
  total: Int16Array,
  moments: Reference['gMoments'],
  floor: number,
): IndicatorResult<MisfitDetails> {
  const sum = conditionalSum(unit.works, stat, total, moments);
  if (sum.n < MIN_INFORMATIVE || sum.p === null)
    return notComputed(indicator, sum.n, 'мало работ (нужно не меньше 10)', sum);
  const effect = (sum.observedMean as number) - (sum.expectedMean as number);
  return {
    indicator,
    p: sum.p,
    z: sum.z,
    n: sum.n,
    effect,
    floorMet: effect >= floor,
    note: null,
    details: sum,
  };
}
