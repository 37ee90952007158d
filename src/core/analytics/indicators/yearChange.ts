/**
 * M5. Anomalous change across years (same subject and grade, successive years; a different cohort
 * of the same school).
 *
 * y_st = school mean total standardised within the test-year (mean and SD over all works). The
 * school's history h_s = the work-weighted mean of y over all its earlier years (more stable than
 * the previous year alone). Gain e_st = y_st − h_s, centred on its median across schools (a
 * district-wide change is not held against a school). The slope on the history is fixed at 1 rather
 * than fitted: a fitted b < 1 predicts regression to the mean, which is right on average but biased
 * against every school that is truly and stably strong (the validation's honest high performers).
 * Noise of e: se² = v_t/n_t + v_h/n_h (v = pooled within-school variance in SD units);
 * the non-persistent school-year variance τ² = max(0, (1.4826·MAD(e))² − median(se²)). Test:
 * z = (e − median e)/√(se² + τ²), upper tail. Effect = residual gain e (school SD units); the
 * reported shrunk gain is λe with λ = τ²/(τ² + se²) (large for big schools, small for small ones).
 * Retrospectively, Jacob–Levitt's spike-then-drop: rank(e_t)² + (1 − rank(e_t+1))².
 *
 * Edge cases: no previous year or fewer than MIN_SCHOOLS schools with both years → p null; a school
 * with fewer than MIN_WORKS works in either year → p null.
 */
import { normalUpperP } from '../stats/distributions';
import { median, scaledMad } from '../stats/robust';
import { notComputed, type IndicatorResult } from './result';

export const MIN_SCHOOLS = 10;
export const MIN_WORKS = 10;
export const YEAR_CHANGE_FLOOR = 0.2;

/** One school's standardised mean in one year of a test series (subject × grade). */
export interface SchoolYearMean {
  school: number;
  year: number;
  n: number;
  /** Standardised mean (SD units of the year's works). */
  y: number;
  /** Mean primary total, points. */
  mean: number;
}

export interface YearSummary {
  /** Pooled within-school variance in SD units. */
  withinVariance: number;
  /** SD of works' totals, points. */
  sd: number;
}

export interface YearChangeDetails {
  previousYear: number | null;
  /** Mean primary total over the school's earlier years (its history). */
  previousMean: number | null;
  currentMean: number | null;
  /** Residual gain e in SD units and in points; shrunk gain λe. */
  residual: number | null;
  residualPoints: number | null;
  shrunk: number | null;
  slope: number | null;
  /** Spike-then-drop score in [0, 2] when the next year is known. */
  spikeThenDrop: number | null;
}

export interface YearChangeModel {
  /** τ² per year (for the observer gap). */
  tau2: Map<number, number>;
  results: Map<string, IndicatorResult<YearChangeDetails>>;
}

export const seriesKey = (school: number, year: number): string => `${school}|${year}`;

export function yearChange(
  series: readonly SchoolYearMean[],
  years: ReadonlyMap<number, YearSummary>,
): YearChangeModel {
  const byKey = new Map(series.map((s) => [seriesKey(s.school, s.year), s]));
  const results = new Map<string, IndicatorResult<YearChangeDetails>>();
  const tau2 = new Map<number, number>();
  /** Residuals per year, by school, in the order computed. */
  const residuals = new Map<number, { school: number; v: number }[]>();
  const empty = (prev: number | null, cur: SchoolYearMean): YearChangeDetails => ({
    previousYear: prev,
    previousMean: null,
    currentMean: cur.mean,
    residual: null,
    residualPoints: null,
    shrunk: null,
    slope: null,
    spikeThenDrop: null,
  });
  const allYears = [...new Set(series.map((s) => s.year))].sort((a, b) => a - b);
  for (const year of allYears) {
    const current = series.filter((s) => s.year === year);
    const prevYear = year - 1;
    const sumNow = years.get(year);
    const sumPrev = years.get(prevYear);
    const pairs = current
      .map((cur) => ({ cur, prev: history(byKey, cur.school, year, allYears, years) }))
      .filter(
        (x): x is { cur: SchoolYearMean; prev: History } =>
          !!x.prev && x.cur.n >= MIN_WORKS && x.prev.n >= MIN_WORKS,
      );
    if (!sumNow || !sumPrev || pairs.length < MIN_SCHOOLS) {
      const note = !sumPrev ? 'нет данных предыдущего года' : 'мало школ с данными за оба года';
      for (const cur of current)
        results.set(
          seriesKey(cur.school, year),
          notComputed('yearChange', cur.n, note, empty(sumPrev ? prevYear : null, cur)),
        );
      continue;
    }
    // Gain against the school's own history with slope 1: for every school whose level is stable
    // the expected gain is 0, whatever that level (a regression slope b < 1 would predict a fall
    // for persistently strong schools and flag honest ones when they stay strong).
    const b = 1;
    const e = pairs.map((x) => x.cur.y - x.prev.y);
    const se2 = pairs.map(
      (x) => sumNow.withinVariance / x.cur.n + (b * b * x.prev.withinVariance) / x.prev.n,
    );
    const centre = median(e) as number;
    // The school-year variance beyond sampling noise (year-to-year changes of honest schools).
    const mad = scaledMad(e) ?? 0;
    const t2 = Math.max(0, mad * mad - (median(se2) as number));
    tau2.set(year, t2);
    pairs.forEach((x, i) => {
      const ei = (e[i] as number) - centre;
      const v = (se2[i] as number) + t2;
      const z = ei / Math.sqrt(v);
      const key = seriesKey(x.cur.school, year);
      const list = residuals.get(year) ?? [];
      list.push({ school: x.cur.school, v: ei });
      residuals.set(year, list);
      results.set(key, {
        indicator: 'yearChange',
        p: normalUpperP(z),
        z,
        n: x.cur.n,
        effect: ei,
        floorMet: ei >= YEAR_CHANGE_FLOOR,
        note: null,
        details: {
          previousYear: prevYear,
          previousMean: x.prev.mean,
          currentMean: x.cur.mean,
          residual: ei,
          residualPoints: ei * sumNow.sd,
          shrunk: (t2 / (t2 + (se2[i] as number))) * ei,
          slope: b,
          spikeThenDrop: null,
        },
      });
    });
    for (const cur of current) {
      const key = seriesKey(cur.school, year);
      if (!results.has(key))
        results.set(
          key,
          notComputed(
            'yearChange',
            cur.n,
            'нет данных школы за предыдущий год или мало работ',
            empty(prevYear, cur),
          ),
        );
    }
  }
  // Spike then drop: needs residuals in year t and t + 1.
  for (const year of allYears) {
    const now = rankMap(residuals, year);
    const next = rankMap(residuals, year + 1);
    for (const [school, r] of now) {
      const rn = next.get(school);
      const res = results.get(seriesKey(school, year));
      if (rn !== undefined && res)
        (res.details as YearChangeDetails).spikeThenDrop = r * r + (1 - rn) ** 2;
    }
  }
  return { tau2, results };
}

interface History {
  y: number;
  n: number;
  mean: number;
  withinVariance: number;
}

/** Work-weighted mean of the school's standardised results over all earlier years. */
function history(
  byKey: ReadonlyMap<string, SchoolYearMean>,
  school: number,
  year: number,
  allYears: readonly number[],
  years: ReadonlyMap<number, YearSummary>,
): History | null {
  let n = 0;
  let y = 0;
  let mean = 0;
  let v = 0;
  for (const t of allYears) {
    if (t >= year) continue;
    const s = byKey.get(seriesKey(school, t));
    if (!s) continue;
    n += s.n;
    y += s.y * s.n;
    mean += s.mean * s.n;
    v += (years.get(t)?.withinVariance ?? 1) * s.n;
  }
  return n ? { n, y: y / n, mean: mean / n, withinVariance: v / n } : null;
}

/** Percentile ranks (0..1) of the residuals of one year, by school. */
function rankMap(
  residuals: ReadonlyMap<number, readonly { school: number; v: number }[]>,
  year: number,
): Map<number, number> {
  const list = [...(residuals.get(year) ?? [])].sort((a, b) => a.v - b.v);
  const out = new Map<number, number>();
  list.forEach((x, i) => out.set(x.school, list.length > 1 ? i / (list.length - 1) : 0.5));
  return out;
}
