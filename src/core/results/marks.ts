import type { CutScores, Mark } from './types';

/** The mark for a primary score under a scale; null when the score or scale is missing. */
export function markFromScore(scale: CutScores | null, score: number | null): Mark | null {
  if (!scale || score === null) return null;
  if (score >= scale.min5) return 5;
  if (score >= scale.min4) return 4;
  if (score >= scale.min3) return 3;
  return 2;
}

/** Russian problems with a scale (empty when it is valid for the maximum). */
export function checkCutScores(scale: CutScores, maxTotal: number | null): string[] {
  const problems: string[] = [];
  const { min3, min4, min5 } = scale;
  if (![min3, min4, min5].every((n) => Number.isInteger(n) && n >= 0)) {
    problems.push('Границы отметок должны быть целыми неотрицательными числами');
  }
  if (!(min3 > 0 && min3 < min4 && min4 < min5)) {
    problems.push(
      `Границы отметок должны возрастать: «3» от ${min3}, «4» от ${min4}, «5» от ${min5}`,
    );
  }
  if (maxTotal !== null && min5 > maxTotal) {
    problems.push(`Граница «5» (${min5}) больше максимального балла ${maxTotal}`);
  }
  return problems;
}

/** «2: 0–9, 3: 10–15, 4: 16–20, 5: 21–24». */
export function formatCutScores(scale: CutScores, maxTotal: number | null): string {
  const top = maxTotal === null ? '…' : String(maxTotal);
  return `«2» 0–${scale.min3 - 1}, «3» ${scale.min3}–${scale.min4 - 1}, «4» ${scale.min4}–${scale.min5 - 1}, «5» ${scale.min5}–${top}`;
}
