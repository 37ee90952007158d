/**
 * A simulated region for the speed benchmark: several test series (subject × grade) over the same
 * schools and years, each simulated by `simulate` with its own seed and its own kind of
 * manipulation (the strong settings of the validation study, in turn), merged into one dataset.
 * School i has the same login in every series; classes are kept apart per series.
 */
import type { Dataset, TestWorks } from '../types';
import { DEFAULT_SIMULATION, simulate, type Manipulation } from './simulate';

export interface RegionConfig {
  seed: number;
  schools: number;
  years: readonly number[];
  /** Pupils per school and test: drawn from this list (±10 % per year). */
  sizes: readonly number[];
  series: readonly { subject: string; grade: number }[];
}

/** Strong manipulations of the validation study, assigned to the series in turn. */
export const REGION_MANIPULATIONS: readonly Manipulation[] = [
  { kind: 'lenient', strength: 0.6 },
  { kind: 'help', strength: 0.5, h: 0.6, k: 4 },
  { kind: 'toJournal', strength: 1 },
  { kind: 'flatGain', strength: 3 },
];

/** Russian and Mathematics in grades 4–7: eight series, as a region's ВПР of one spring. */
export const REGION_SERIES: readonly { subject: string; grade: number }[] = [4, 5, 6, 7].flatMap(
  (grade) => [
    { subject: 'rus', grade },
    { subject: 'math', grade },
  ],
);

/** Schools needed for about `works` works per year with the given sizes and series. */
export function regionSchools(
  works: number,
  sizes: readonly number[],
  series = REGION_SERIES.length,
): number {
  const mean = sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length);
  return Math.max(10, Math.round(works / (mean * Math.max(1, series))));
}

export function simulateRegion(config: RegionConfig): {
  data: Dataset;
  /** Keys `${school login}|${year}` of school-years manipulated in at least one series. */
  manipulated: Set<string>;
} {
  const tests: TestWorks[] = [];
  const classes: string[] = [];
  const observed = new Map<string, boolean>();
  const manipulated = new Set<string>();
  let schools: readonly string[] = [];
  config.series.forEach(({ subject, grade }, k) => {
    const { data, truth } = simulate({
      ...DEFAULT_SIMULATION,
      seed: config.seed + 1000 * k,
      schools: config.schools,
      years: config.years,
      sizes: config.sizes,
      subject,
      grade,
      manipulation: REGION_MANIPULATIONS[k % REGION_MANIPULATIONS.length] ?? null,
    });
    schools = data.schools;
    const offset = classes.length;
    classes.push(...data.classes);
    for (const test of data.tests) {
      const klass = new Int32Array(test.n);
      for (let w = 0; w < test.n; w++) {
        const c = test.klass[w] as number;
        klass[w] = c < 0 ? c : c + offset;
      }
      tests.push({ ...test, klass });
    }
    for (const [key, value] of data.observed) observed.set(key, value);
    for (const key of truth.manipulated) manipulated.add(key);
  });
  return { data: { schools, classes, tests, observed }, manipulated };
}
