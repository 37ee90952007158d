/**
 * The objectivity engine: every indicator for every unit of a dataset (school × subject × grade ×
 * year, and its classes of 10+ works), combined per school-year (weighted Šidák minimum p over all
 * the school's subjects, grades, classes and indicators, `combine.ts`) and decided across the
 * year's schools by Benjamini–Hochberg. Pure: the input is compact columns.
 */
import { bunching, type Bunching } from './indicators/bunching';
import {
  concordance,
  concordanceRaw,
  concordanceZ,
  type ConcordanceRaw,
} from './indicators/concordance';
import { cutExcess } from './indicators/cutExcess';
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
import { bhAdjust } from './stats/multiplicity';
import { regionRow, standardTables, type StandardTables } from './standardTables';
import { testKey, unitKey, type Dataset, type RegionAggregate, type TestWorks } from './types';
import { analysedClasses, splitUnits } from './unit';
import {
  analyseClass,
  finishClassConcordance,
  type ClassAnalysis,
  type PendingClass,
} from './classes';
import { combineSchoolYear } from './combine';

export const ENGINE_VERSION = '1.1.0';

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
  /** Classes analysed on their own (two or more classes of 10+ works), else empty. */
  classes: ClassAnalysis[];
  /** Expected pupils per primary total 0..max (expectedScores summed over the school's works). */
  expected: number[];
}

export interface SchoolYear {
  school: string;
  year: number;
  /** Combined p (weighted Šidák over all p-values of the school-year); 1 when nothing could be computed. */
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
  /** The test that attains the combined p; `className` names the class for a class-level test. */
  driver: { subject: string; grade: number; indicator: string; className: string | null } | null;
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
    const classesOf = (school: number) => classes.get(school) ?? [];
    const unitsHere: PendingUnit[] = [];
    const classesHere: { pending: PendingClass; observed: boolean | null }[] = [];
    for (const unit of schools) {
      const exp = expectedScores(unit, ref);
      const raw = concordanceRaw(unit, exp);
      const expected = expectedTotals(test, unit.works, exp);
      const observed = isObserved(unit.school);
      const classes: ClassAnalysis[] = [];
      for (const c of analysedClasses(classesOf(unit.school))) {
        // Class names are stored qualified by the school («sch780101 5А»); the dossier shows «5А».
        const qualified = data.classes[c.klass] ?? String(c.klass);
        const pendingClass = analyseClass(c, ref, qualified.slice(qualified.indexOf(' ') + 1));
        classesHere.push({ pending: pendingClass, observed });
        classes.push(pendingClass.analysis);
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
          observed,
          indicators: [cutExcess(unit, exp, expected), misfit(unit, ref), itemProfile(unit, ref)],
          homogeneity: homogeneity(unit, exp),
          tables: standardTables(test, unit.works),
          classes,
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
    finishClassConcordance(
      classesHere.map((c) => c.pending),
      classesHere.filter((c) => c.observed !== false || !anyObserved).map((c) => c.pending),
    );
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
    const combined = combineSchoolYear(units);
    const best = combined.driver;
    const p = combined.p ?? 1;
    return {
      school: data.schools[school] as string,
      year,
      p,
      score: -Math.log10(Math.max(p, 1e-300)),
      q: 1,
      flagged: false,
      supportList: false,
      yearsInRow: 0,
      tests: combined.tests,
      driver: best
        ? {
            subject: best.unit.subject,
            grade: best.unit.grade,
            indicator: best.indicator.indicator,
            className: best.klass?.name ?? null,
          }
        : null,
      units,
      floorMetInternal: best?.indicator.floorMet ?? false,
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
