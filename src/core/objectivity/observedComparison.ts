/**
 * Observed vs unobserved administrations of one school: per subject and grade, the years that ran
 * with public observers against the years without them, each beside the municipality's results of
 * the same years. Pure: aggregated counts in, the comparison out.
 */

/** Sums over the present works of one administration (one school, or the whole municipality). */
export interface AdministrationSums {
  subject: string;
  grade: number;
  year: number;
  /** Works with a primary total. */
  n: number;
  /** Sum over those works of total / maximum × 100. */
  scorePctSum: number;
  /** Works with a mark 2–5, the sum of those marks, and how many were 2 and 4 or 5. */
  marked: number;
  markSum: number;
  mark2: number;
  mark45: number;
}

export interface GroupFigures {
  n: number;
  /** Mean primary score, % of the maximum. */
  scorePct: number | null;
  meanMark: number | null;
  /** Shares of marks «2» and «4»+«5», %. */
  share2: number | null;
  share45: number | null;
}

export interface ComparisonSide {
  years: number[];
  school: GroupFigures;
  municipality: GroupFigures;
  /** School minus municipality, the same years (percentage points for % figures). */
  difference: {
    scorePct: number | null;
    meanMark: number | null;
    share2: number | null;
    share45: number | null;
  };
}

export interface ObservedComparisonRow {
  subject: string;
  grade: number;
  observed: ComparisonSide | null;
  unobserved: ComparisonSide | null;
  /** Years with results whose observation status is not known. */
  unknownYears: number[];
  /**
   * How much further above the municipality the school is without observers than with them
   * (difference of differences, percentage points of the primary score); null unless both sides
   * exist.
   */
  scoreGap: number | null;
}

const key = (subject: string, grade: number, year: number) => `${subject}|${grade}|${year}`;

const round = (x: number | null, digits: number): number | null =>
  x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;

export function figures(rows: readonly AdministrationSums[]): GroupFigures {
  const sum = (f: (r: AdministrationSums) => number) => rows.reduce((a, r) => a + f(r), 0);
  const n = sum((r) => r.n);
  const marked = sum((r) => r.marked);
  return {
    n,
    scorePct: n ? round(sum((r) => r.scorePctSum) / n, 1) : null,
    meanMark: marked ? round(sum((r) => r.markSum) / marked, 2) : null,
    share2: marked ? round((sum((r) => r.mark2) / marked) * 100, 1) : null,
    share45: marked ? round((sum((r) => r.mark45) / marked) * 100, 1) : null,
  };
}

const minus = (a: number | null, b: number | null, digits: number) =>
  a === null || b === null ? null : round(a - b, digits);

function side(
  school: readonly AdministrationSums[],
  municipality: ReadonlyMap<string, AdministrationSums>,
): ComparisonSide | null {
  if (!school.length) return null;
  const s = figures(school);
  const m = figures(school.flatMap((r) => municipality.get(key(r.subject, r.grade, r.year)) ?? []));
  return {
    years: school.map((r) => r.year).sort((a, b) => a - b),
    school: s,
    municipality: m,
    difference: {
      scorePct: minus(s.scorePct, m.scorePct, 1),
      meanMark: minus(s.meanMark, m.meanMark, 2),
      share2: minus(s.share2, m.share2, 1),
      share45: minus(s.share45, m.share45, 1),
    },
  };
}

/**
 * `observed(subject, grade, year)` says whether the school's administration was observed (null =
 * not known). Rows come sorted by subject and grade.
 */
export function observedComparison(
  school: readonly AdministrationSums[],
  municipality: readonly AdministrationSums[],
  observed: (subject: string, grade: number, year: number) => boolean | null,
): ObservedComparisonRow[] {
  const muni = new Map(municipality.map((r) => [key(r.subject, r.grade, r.year), r]));
  const series = new Map<string, AdministrationSums[]>();
  for (const r of school) {
    if (!r.n) continue;
    const id = `${r.subject}|${r.grade}`;
    series.set(id, [...(series.get(id) ?? []), r]);
  }
  const rows: ObservedComparisonRow[] = [];
  for (const list of series.values()) {
    const first = list[0] as AdministrationSums;
    const status = (r: AdministrationSums) => observed(r.subject, r.grade, r.year);
    const obs = side(
      list.filter((r) => status(r) === true),
      muni,
    );
    const unobs = side(
      list.filter((r) => status(r) === false),
      muni,
    );
    const gap = obs && unobs ? minus(unobs.difference.scorePct, obs.difference.scorePct, 1) : null;
    rows.push({
      subject: first.subject,
      grade: first.grade,
      observed: obs,
      unobserved: unobs,
      unknownYears: list
        .filter((r) => status(r) === null)
        .map((r) => r.year)
        .sort((a, b) => a - b),
      scoreGap: gap,
    });
  }
  return rows.sort((a, b) => a.subject.localeCompare(b.subject) || a.grade - b.grade);
}

/**
 * The same sums from the ФИС ОКО figures stored with an analysis run (the histogram of primary
 * totals and the counts of marks), so that the municipality side is read, not recomputed.
 */
export function sumsFromFigures(f: {
  subject: string;
  grade: number;
  year: number;
  marks: { counts: readonly number[] };
  scores: { maxTotal: number; counts: readonly number[] };
}): AdministrationSums {
  const [m2 = 0, m3 = 0, m4 = 0, m5 = 0] = f.marks.counts;
  let n = 0;
  let scorePctSum = 0;
  f.scores.counts.forEach((count, total) => {
    n += count;
    if (f.scores.maxTotal > 0) scorePctSum += (count * total * 100) / f.scores.maxTotal;
  });
  return {
    subject: f.subject,
    grade: f.grade,
    year: f.year,
    n,
    scorePctSum,
    marked: m2 + m3 + m4 + m5,
    markSum: 2 * m2 + 3 * m3 + 4 * m4 + 5 * m5,
    mark2: m2,
    mark45: m4 + m5,
  };
}
