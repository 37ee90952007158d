/**
 * Risk level of a school-year on the district screen, read from the stored engine flags:
 * - `high` («высокий»): the engine flagged the school-year — Benjamini–Hochberg over the year's
 *   schools at the run's q (0.05 by default);
 * - `elevated` («повышенный»): on the support list only — BH at the support level (0.10);
 * - `none` («нет признаков»): analysed, neither of the above;
 * - `nodata` («нет данных»): the school has no stored result in the run for that year.
 */
export type RiskLevel = 'high' | 'elevated' | 'none' | 'nodata';

export const RISK_LABELS: Record<RiskLevel, string> = {
  high: 'высокий',
  elevated: 'повышенный',
  none: 'нет признаков',
  nodata: 'нет данных',
};

/** Sort order: the highest risk first. */
export const RISK_ORDER: Record<RiskLevel, number> = { high: 0, elevated: 1, none: 2, nodata: 3 };

export function riskLevel(result: { flagged: boolean; supportList: boolean } | null): RiskLevel {
  if (!result) return 'nodata';
  if (result.flagged) return 'high';
  if (result.supportList) return 'elevated';
  return 'none';
}
