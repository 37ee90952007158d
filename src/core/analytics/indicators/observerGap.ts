/**
 * M6. Observer gap: a school's result when not observed against its own observed administrations
 * of the same test series (subject × grade, other years).
 *
 * d = y_unobserved − mean(y_observed) in SD units of each year's works. Null variance
 * v/n_u + v/n_obs + τ² (τ² the non-persistent school-year variance from the year-change model);
 * centred on the median d over all schools with such a comparison when there are at least
 * MIN_COMPARISONS of them (the region-wide observer effect is then not held against a school).
 * Effect = d (SD units); floor 0.2.
 *
 * Edge cases: the unit itself observed, or no observed year of the school → p null.
 */
import { normalUpperP } from '../stats/distributions';
import { median } from '../stats/robust';
import { notComputed, type IndicatorResult } from './result';
import { seriesKey, type SchoolYearMean, type YearSummary } from './yearChange';

export const MIN_COMPARISONS = 10;
export const OBSERVER_FLOOR = 0.2;

export interface ObserverGapDetails {
  observedYears: number[];
  observedMean: number | null;
  currentMean: number | null;
  gapPoints: number | null;
}

export function observerGap(
  series: readonly SchoolYearMean[],
  observed: (school: number, year: number) => boolean | null,
  years: ReadonlyMap<number, YearSummary>,
  tau2: ReadonlyMap<number, number>,
): Map<string, IndicatorResult<ObserverGapDetails>> {
  const bySchool = new Map<number, SchoolYearMean[]>();
  for (const s of series) bySchool.set(s.school, [...(bySchool.get(s.school) ?? []), s]);
  const tauAll = median([...tau2.values()]) ?? 0;
  const raw: { key: string; d: number; v: number; n: number; details: ObserverGapDetails }[] = [];
  const out = new Map<string, IndicatorResult<ObserverGapDetails>>();
  for (const s of series) {
    const key = seriesKey(s.school, s.year);
    const none: ObserverGapDetails = {
      observedYears: [],
      observedMean: null,
      currentMean: s.mean,
      gapPoints: null,
    };
    if (observed(s.school, s.year) !== false) {
      out.set(
        key,
        notComputed(
          'observerGap',
          s.n,
          observed(s.school, s.year)
            ? 'работа проходила с наблюдателем'
            : 'нет сведений о наблюдении',
          none,
        ),
      );
      continue;
    }
    const obs = (bySchool.get(s.school) ?? []).filter(
      (o) => o.year !== s.year && observed(o.school, o.year) === true,
    );
    if (!obs.length) {
      out.set(key, notComputed('observerGap', s.n, 'у школы нет лет с наблюдателем', none));
      continue;
    }
    const nObs = obs.reduce((a, o) => a + o.n, 0);
    const yObs = obs.reduce((a, o) => a + o.y * o.n, 0) / nObs;
    const vNow = years.get(s.year)?.withinVariance ?? 1;
    const vObs = obs.reduce((a, o) => a + (years.get(o.year)?.withinVariance ?? 1) * o.n, 0) / nObs;
    const t2 = tau2.get(s.year) ?? tauAll;
    const sd = years.get(s.year)?.sd ?? 1;
    raw.push({
      key,
      d: s.y - yObs,
      v: vNow / s.n + vObs / nObs + t2 * (1 + 1 / obs.length),
      n: s.n,
      details: {
        observedYears: obs.map((o) => o.year).sort((a, b) => a - b),
        observedMean: obs.reduce((a, o) => a + o.mean * o.n, 0) / nObs,
        currentMean: s.mean,
        gapPoints: (s.y - yObs) * sd,
      },
    });
  }
  const centre = raw.length >= MIN_COMPARISONS ? (median(raw.map((r) => r.d)) as number) : 0;
  for (const r of raw) {
    const d = r.d - centre;
    const z = d / Math.sqrt(r.v);
    out.set(r.key, {
      indicator: 'observerGap',
      p: normalUpperP(z),
      z,
      n: r.n,
      effect: d,
      floorMet: d >= OBSERVER_FLOOR,
      note: null,
      details: r.details,
    });
  }
  return out;
}
