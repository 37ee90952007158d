import type { CutScores, Mark } from './types';

/** One work with both a primary score and a mark, as found in a file. */
export interface ScoredMark {
  score: number;
  mark: Mark;
  /** Source row, for messages. */
  row?: number;
}

/**
 * What a file's marks say about a boundary: the true lowest score for the mark lies in
 * `[from, to]`; `from === to` means the file pins it exactly.
 */
export interface CutBound {
  from: number;
  to: number;
}

export interface DerivedCutScores {
  /** Bounds for the lowest score of «3», «4», «5»; null when the file has no such mark. */
  bounds: { min3: CutBound | null; min4: CutBound | null; min5: CutBound | null };
  /** The scale read off the file (the lowest observed score per mark), when all three exist. */
  scale: CutScores | null;
  /** Whether every boundary is pinned exactly. */
  exact: boolean;
  /** Russian descriptions of rows whose marks cannot come from one scale. */
  conflicts: string[];
}

interface Range {
  lo: number;
  hi: number;
  loRow: number | undefined;
  hiRow: number | undefined;
}

const rowText = (row: number | undefined) => (row === undefined ? '' : ` (строка ${row})`);

/**
 * Derives cut scores from the «Первичный балл» and «Отметка» columns. Marks must rise with the
 * score; when two marks overlap the file contradicts any single scale and the overlap is
 * reported instead of guessed.
 */
export function deriveCutScores(items: readonly ScoredMark[]): DerivedCutScores {
  const ranges = new Map<Mark, Range>();
  for (const { score, mark, row } of items) {
    const r = ranges.get(mark);
    if (!r) ranges.set(mark, { lo: score, hi: score, loRow: row, hiRow: row });
    else {
      if (score < r.lo) Object.assign(r, { lo: score, loRow: row });
      if (score > r.hi) Object.assign(r, { hi: score, hiRow: row });
    }
  }
  const conflicts: string[] = [];
  const marks = ([2, 3, 4, 5] as const).filter((m) => ranges.has(m));
  for (let i = 0; i < marks.length; i++) {
    for (let j = i + 1; j < marks.length; j++) {
      const low = ranges.get(marks[i] as Mark) as Range;
      const high = ranges.get(marks[j] as Mark) as Range;
      if (low.hi >= high.lo) {
        conflicts.push(
          `${low.hi} балл. — отметка «${marks[i]}»${rowText(low.hiRow)}, а ${high.lo} балл. — «${marks[j]}»${rowText(high.loRow)}`,
        );
      }
    }
  }
  const bound = (mark: 3 | 4 | 5): CutBound | null => {
    const r = ranges.get(mark);
    if (!r) return null;
    let from = 0;
    for (const m of [2, 3, 4] as const) {
      const below = ranges.get(m);
      if (m < mark && below) from = Math.max(from, below.hi + 1);
    }
    return { from: Math.min(from, r.lo), to: r.lo };
  };
  const bounds = { min3: bound(3), min4: bound(4), min5: bound(5) };
  const scale =
    bounds.min3 && bounds.min4 && bounds.min5 && !conflicts.length
      ? { min3: bounds.min3.to, min4: bounds.min4.to, min5: bounds.min5.to }
      : null;
  const exact =
    scale !== null && [bounds.min3, bounds.min4, bounds.min5].every((b) => b && b.from === b.to);
  return { bounds, scale, exact, conflicts };
}
