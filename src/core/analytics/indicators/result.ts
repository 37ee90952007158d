/** Common shape of an indicator's answer for one unit. */
export type IndicatorId =
  'cutExcess' | 'misfit' | 'itemProfile' | 'concordance' | 'yearChange' | 'observerGap';

export interface IndicatorResult<D = unknown> {
  indicator: IndicatorId;
  /** One-sided p-value under the calibrated null; null when the indicator cannot be computed. */
  p: number | null;
  /** Standardised statistic behind p (for ranking and charts); null with p. */
  z: number | null;
  /** Works the statistic rests on. */
  n: number;
  /** Effect size in the indicator's natural unit (see each indicator). */
  effect: number | null;
  /** True when the effect reaches the floor below which a flag would be trivial. */
  floorMet: boolean;
  /** Why p is null («мало работ», …), in Russian. */
  note: string | null;
  details: D;
}

export function notComputed<D>(
  indicator: IndicatorId,
  n: number,
  note: string,
  details: D,
): IndicatorResult<D> {
  return { indicator, p: null, z: null, n, effect: null, floorMet: false, note, details };
}
