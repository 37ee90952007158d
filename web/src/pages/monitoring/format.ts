import type { ScoreLevel } from '../../../../src/core/monitoring/scoring';

export const formatPercent = (p: number | null) =>
  p === null ? '—' : `${p.toLocaleString('ru-RU', { maximumFractionDigits: 1 })}%`;

export const LEVEL_COLORS: Record<ScoreLevel, string> = {
  high: '#b7e4c7',
  medium: '#ffe8a3',
  low: '#f8b4b4',
  none: '#f1f3f5',
};

/** Heat-map colour of a part 0…1 of an indicator met. */
export const fractionColor = (f: number | null) =>
  f === null
    ? LEVEL_COLORS.none
    : f >= 1
      ? LEVEL_COLORS.high
      : f > 0
        ? LEVEL_COLORS.medium
        : LEVEL_COLORS.low;
