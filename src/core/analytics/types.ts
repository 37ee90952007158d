/**
 * Compact column input of the objectivity engine. One `TestWorks` holds every work of one test
 * administration (subject × grade × year) across schools, as typed arrays indexed by work.
 */

/** Marks ВПР uses; 0 stands for «нет отметки». */
export type Mark = 0 | 2 | 3 | 4 | 5;

export interface TestDesign {
  subject: string;
  grade: number;
  year: number;
  /** Maximum score of each task. */
  itemMax: Uint8Array;
  /** Task labels as in the file header, e.g. «9.1». */
  itemLabels: readonly string[];
  /** Difficulty level per task («Б», «П», «В») when the file states it. */
  itemLevels: readonly (string | null)[];
  /** Lowest primary total for marks 3, 4 and 5. */
  cuts: readonly [number, number, number];
  maxTotal: number;
}

export interface TestWorks {
  design: TestDesign;
  /** Number of works (participants who wrote the test). */
  n: number;
  /** Index into `Dataset.schools`. */
  school: Int32Array;
  /** Index into `Dataset.classes`, −1 when the class is unknown. */
  klass: Int32Array;
  /** n × items, row-major; a task not attempted counts 0. */
  scores: Uint8Array;
  /** Primary total per work (the sum of task scores). */
  total: Int16Array;
  /** ВПР mark 2..5, 0 when missing. */
  mark: Int8Array;
  /** Journal mark for the previous term 2..5, 0 when missing. */
  journal: Int8Array;
}

export interface Dataset {
  /** ФИС ОКО logins. */
  schools: readonly string[];
  /** Class names, qualified by school («sch780101 5А»). */
  classes: readonly string[];
  tests: readonly TestWorks[];
  /** Observation status by unit key (`unitKey`); absent = unknown. */
  observed: ReadonlyMap<string, boolean>;
  /** Optional ФИС ОКО regional aggregates per test key (`testKey`); absent → «нет данных региона». */
  region?: ReadonlyMap<string, RegionAggregate>;
}

/** Regional figures imported from ФИС ОКО aggregate tables. */
export interface RegionAggregate {
  participants: number;
  /** Shares in % of marks 2, 3, 4, 5. */
  markPercent: readonly [number, number, number, number];
  /** Понизили / Подтвердили / Повысили, %. */
  journalPercent?: readonly [number, number, number];
  /** Success % per task, keyed by the task label as in the test («1», «9.1»). */
  taskPercent?: Readonly<Record<string, number>>;
}

export function testKey(subject: string, grade: number, year: number): string {
  return `${subject}|${grade}|${year}`;
}

export function unitKey(school: string, subject: string, grade: number, year: number): string {
  return `${school}|${year}|${subject}|${grade}`;
}

/** Mark for a total under the cut scores. */
export function markFor(total: number, cuts: readonly [number, number, number]): Mark {
  if (total >= cuts[2]) return 5;
  if (total >= cuts[1]) return 4;
  if (total >= cuts[0]) return 3;
  return 2;
}

/**
 * Cut scores implied by (total, mark) pairs: the lowest total seen with each mark (3, 4, 5).
 * Returns null when a mark never occurs or the pairs contradict a monotone scale.
 */
export function inferCuts(
  total: ArrayLike<number>,
  mark: ArrayLike<number>,
): [number, number, number] | null {
  const lowest = [Infinity, Infinity, Infinity, Infinity];
  const highest = [-Infinity, -Infinity, -Infinity, -Infinity];
  for (let i = 0; i < total.length; i++) {
    const m = mark[i] ?? 0;
    if (m < 2 || m > 5) continue;
    const t = total[i] ?? 0;
    lowest[m - 2] = Math.min(lowest[m - 2] as number, t);
    highest[m - 2] = Math.max(highest[m - 2] as number, t);
  }
  const cuts: [number, number, number] = [
    lowest[1] as number,
    lowest[2] as number,
    lowest[3] as number,
  ];
  if (!cuts.every(Number.isFinite)) return null;
  for (let k = 0; k < 3; k++) {
    const cut = cuts[k] as number;
    if ((highest[k] as number) >= cut) return null;
    if (k > 0 && cut <= (cuts[k - 1] as number)) return null;
  }
  return cuts;
}
