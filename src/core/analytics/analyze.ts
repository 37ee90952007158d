/**
 * The objectivity engine: every indicator for every unit of a dataset, combined per school-year
 * (Šidák-corrected minimum p over all the school's subjects, grades and indicators) and decided
 * across the year's schools by Benjamini–Hochberg. Pure: the input is compact columns.
 */
import { bunching, type Bunching } from './indicators/bunching';
import {
  concordance,
  concordanceRaw,
  concordanceZ,
  type ConcordanceRaw,
} from './indicators/concordance';
import { cutExcessWithClasses } from './indicators/cutExcess';
import { estimateRho } from './indicators/overdispersion';
import { homogeneity, type Homogeneity } from './indicators/homogeneity';
import { itemProfile } from './indicators/itemProfile';
import { misfit } from './indicators/misfit';
import { observerGap } from './indicators/observerGap';
import type { IndicatorResult } from './indicators/result';
import {
  seriesKey,
  yearChange,
  type SchoolYearMean,
  type YearSummary,
} from './indicators/yearChange';
import { expectedScores, expectedTotals } from './expectedScores';
import { buildReference } from './reference';
import { bhAdjust, sidakMinP } from './stats/multiplicity';
import { regionRow, standardTables, type StandardTables } from './standardTables';
import { testKey, unitKey, type Dataset, type RegionAggregate, type TestWorks } from './types';
import { splitUnits } from './unit';

export const ENGINE_VERSION = '1.0.0';

export interface AnalysisOptions {
  /** FDR level for the official list (default 0.05). */
  q: number;
  /** FDR level for the support list (default 0.10). */
  supportQ: number;
}

export const DEFAULT_OPTIONS: AnalysisOptions = { q: 0.05, supportQ: 0.1 };

export interface UnitAnalysis {
  subject: string;
  grade: number;
  year: number;
  works: number;
  observed: boolean | null;
  indicators: IndicatorResult[];
  homogeneity: Homogeneity;
  tables: StandardTables;
  classNames: Record<number, string>;
  /** Expected pupils per primary total 0..max (expectedScores summed over the school's works). */
  expected: number[];
}

export interface SchoolYear {
  school: string;
  year: number;
  /** Combined p (Šidák over all p-values of the school-year); 1 when nothing could be computed. */
  p: number;
  /** −log10 p. */
  score: number;
  /** BH-adjusted p over the year's schools. */
  q: number;
  flagged: boolean;
  /** BH at the support level (0.10 by default). */
  supportList: boolean;
  /** Consecutive years flagged up to this one (0 when not flagged). */
  yearsInRow: number;
  /** Number of p-values combined. */
  tests: number;
  driver: { subject: string; grade: number; indicator: string } | null;
  units: UnitAnalysis[];
}

export interface TestSummary {
  subject: string;
  grade: number;
  year: number;
  cuts: readonly [number, number, number];
  maxTotal: number;
  works: number;
  schools: number;
  reference: { source: 'observed' | 'all'; works: number };
  concordanceRho: number;
  bunching: Bunching | null;
  municipality: StandardTables;
  region: RegionAggregate | { missing: 'нет данных региона' };
}

export interface AnalysisResult {
  engineVersion: string;
  options: AnalysisOptions;
  schools: SchoolYear[];
  tests: TestSummary[];
}

interface PendingUnit {
  school: number;
  test: TestWorks;
  analysis: UnitAnalysis;
  concordanceRaw: ConcordanceRaw;
}

// The collators `localeCompare` would build on every call, made once.
const RU = new Intl.Collator('ru');
const DEFAULT_ORDER = new Intl.Collator();

function allWorks(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

export function analyze(data: Dataset, options: AnalysisOptions = DEFAULT_OPTIONS): AnalysisResult {
  const tests: TestSummary[] = [];
  const pending: PendingUnit[] = [];
  const seriesByTest = new Map<
    string,
    { series: SchoolYearMean[]; years: Map<number, YearSummary>; units: PendingUnit[] }
  >();

  const ordered = [...data.tests].sort((a, b) => a.design.year - b.design.year);
  for (const test of ordered) {
    const { subject, grade, year } = test.design;
    // Observation status per school of this test (looked up once per school, not per work).
    const status: (boolean | null | undefined)[] = [];
    const isObserved = (school: number): boolean | null => {
      let v = status[school];
      if (v === undefined) {
        v =
          data.observed.get(unitKey(data.schools[school] as string, subject, grade, year)) ?? null;
        status[school] = v;
      }
      return v;
    };
    const observedWork = new Uint8Array(test.n);
    let anyObserved = false;
    for (let w = 0; w < test.n; w++) {
      if (isObserved(test.school[w] as number) === true) {
        observedWork[w] = 1;
        anyObserved = true;
      }
    }
    const ref = buildReference(test, anyObserved ? observedWork : null);
    const { schools, classes } = splitUnits(test);
    const unitsHere: PendingUnit[] = [];
    for (const unit of schools) {
      const exp = expectedScores(unit, ref);
      const cls = classes.get(unit.school) ?? [];
      const raw = concordanceRaw(unit, exp);
      const expected = expectedTotals(test, unit.works, exp);
      const classNames: Record<number, string> = {};
      for (const c of cls) {
        // Class names are stored qualified by the school («sch780101 5А»); the dossier shows «5А».
        const name = data.classes[c.klass] ?? String(c.klass);
        classNames[c.klass] = name.slice(name.indexOf(' ') + 1);
      }
      unitsHere.push({
        school: unit.school,
        test,
        concordanceRaw: raw,
        analysis: {
          subject,
          grade,
          year,
          works: unit.works.length,
          observed: isObserved(unit.school),
          indicators: [
            cutExcessWithClasses(unit, cls, exp, expected),
            misfit(unit, cls, ref),
            itemProfile(unit, cls, ref),
          ],
          homogeneity: homogeneity(unit, exp),
          tables: standardTables(test, unit.works),
          classNames,
          expected,
        },
      });
    }
    const rhoUnits = unitsHere.filter((u) => u.analysis.observed !== false || !anyObserved);
    const zs: number[] = [];
    const ms: number[] = [];
    for (const u of rhoUnits) {
      const z = concordanceZ(u.concordanceRaw);
      if (z !== null) {
        zs.push(z);
        ms.push(u.concordanceRaw.informative);
      }
    }
    const rho = estimateRho(zs, ms);
    for (const u of unitsHere) u.analysis.indicators.push(concordance(u.concordanceRaw, rho));
    pending.push(...unitsHere);

    // Year series for this subject × grade.
    const seriesId = `${subject}|${grade}`;
    const entry = seriesByTest.get(seriesId) ?? {
      series: [],
      years: new Map<number, YearSummary>(),
      units: [],
    };
    seriesByTest.set(seriesId, entry);
    entry.units.push(...unitsHere);
    let s1 = 0;
    let s2 = 0;
    for (let w = 0; w < test.n; w++) {
      s1 += test.total[w] as number;
      s2 += (test.total[w] as number) ** 2;
    }
    const mu = test.n ? s1 / test.n : 0;
    const sd = test.n > 1 ? Math.sqrt(Math.max(1e-9, (s2 - test.n * mu * mu) / (test.n - 1))) : 1;
    let within = 0;
    let dof = 0;
    for (const unit of schools) {
      let a = 0;
      let b = 0;
      for (const w of unit.works) {
        a += test.total[w] as number;
        b += (test.total[w] as number) ** 2;
      }
      const n = unit.works.length;
      if (n > 1) {
        within += b - (a * a) / n;
        dof += n - 1;
      }
      if (n) entry.series.push({ school: unit.school, year, n, y: (a / n - mu) / sd, mean: a / n });
    }
    entry.years.set(year, { withinVariance: dof ? within / dof / (sd * sd) : 1, sd });

    const municipalCounts = new Float64Array(test.design.maxTotal + 1);
    for (let w = 0; w < test.n; w++) {
      const t = Math.min(test.design.maxTotal, Math.max(0, test.total[w] as number));
      municipalCounts[t] = (municipalCounts[t] as number) + 1;
    }
    tests.push({
      subject,
      grade,
      year,
      cuts: test.design.cuts,
      maxTotal: test.design.maxTotal,
      works: test.n,
      schools: schools.length,
      reference: { source: ref.source, works: ref.size },
      concordanceRho: rho,
      bunching: bunching(municipalCounts, test.design.cuts, 20240601 + year),
      municipality: standardTables(test, allWorks(test.n)),
      region: regionRow(data.region?.get(testKey(subject, grade, year))),
    });
  }

  // Across-year indicators per subject × grade series.
  for (const [seriesId, { series, years, units }] of seriesByTest) {
    const [subject, gradeText] = seriesId.split('|') as [string, string];
    const grade = Number(gradeText);
    const model = yearChange(series, years);
    const gaps = observerGap(
      series,
      (school, year) =>
        data.observed.get(unitKey(data.schools[school] as string, subject, grade, year)) ?? null,
      years,
      model.tau2,
    );
    for (const u of units) {
      const key = seriesKey(u.school, u.analysis.year);
      const yc = model.results.get(key);
      const og = gaps.get(key);
      if (yc) u.analysis.indicators.push(yc);
      if (og) u.analysis.indicators.push(og);
    }
  }

  // Combine per school-year.
  const bySchoolYear = new Map<string, { school: number; year: number; units: UnitAnalysis[] }>();
  for (const u of pending) {
    const key = seriesKey(u.school, u.analysis.year);
    const entry = bySchoolYear.get(key) ?? { school: u.school, year: u.analysis.year, units: [] };
    entry.units.push(u.analysis);
    bySchoolYear.set(key, entry);
  }
  type Pending = SchoolYear & { floorMetInternal: boolean };
  const schoolYears: Pending[] = [...bySchoolYear.values()].map(({ school, year, units }) => {
    units.sort((a, b) => RU.compare(a.subject, b.subject) || a.grade - b.grade);
    const all = units.flatMap((u) => u.indicators.map((ind) => ({ u, ind })));
    const ps = all.map((x) => x.ind.p);
    const combined = sidakMinP(ps);
    const valid = all.filter((x) => x.ind.p !== null);
    const best = valid.length
      ? valid.reduce((a, b) => ((a.ind.p as number) <= (b.ind.p as number) ? a : b))
      : null;
    const p = combined ?? 1;
    return {
      school: data.schools[school] as string,
      year,
      p,
      score: -Math.log10(Math.max(p, 1e-300)),
      q: 1,
      flagged: false,
      supportList: false,
      yearsInRow: 0,
      tests: valid.length,
      driver: best
        ? { subject: best.u.subject, grade: best.u.grade, indicator: best.ind.indicator }
        : null,
      units,
      floorMetInternal: best?.ind.floorMet ?? false,
    };
  });

  const years = [...new Set(schoolYears.map((s) => s.year))];
  for (const year of years) {
    const list = schoolYears.filter((s) => s.year === year);
    const adjusted = bhAdjust(list.map((s) => (s.tests ? s.p : null)));
    list.forEach((s, i) => {
      const a = adjusted[i] ?? null;
      s.q = a ?? 1;
      s.flagged = a !== null && a <= options.q && s.floorMetInternal;
      s.supportList = a !== null && a <= options.supportQ && s.floorMetInternal;
    });
  }
  const flaggedSet = new Set(
    schoolYears.filter((s) => s.flagged).map((s) => `${s.school}|${s.year}`),
  );
  const result: SchoolYear[] = schoolYears
    .map(({ floorMetInternal: _unused, ...s }) => {
      let run = 0;
      if (s.flagged) for (let y = s.year; flaggedSet.has(`${s.school}|${y}`); y--) run += 1;
      return { ...s, yearsInRow: run };
    })
    .sort((a, b) => a.year - b.year || a.p - b.p || DEFAULT_ORDER.compare(a.school, b.school));
  tests.sort((a, b) => a.year - b.year || RU.compare(a.subject, b.subject) || a.grade - b.grade);
  return { engineVersion: ENGINE_VERSION, options, schools: result, tests };
}
