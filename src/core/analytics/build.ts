/**
 * Builds the engine's compact columns from imported works (one entry per test administration).
 * Pure; the caller reads and parses files.
 */
import { inferCuts, unitKey, type Dataset, type TestWorks } from './types';

export interface InputWork {
  school: string;
  className: string | null;
  /** Task scores in task order; null = not attempted (counts 0). */
  scores: readonly (number | null)[];
  /** Primary total as given; null → the task sum. */
  total: number | null;
  mark: number | null;
  journal: number | null;
  absent: boolean;
}

export interface InputTest {
  subject: string;
  grade: number;
  year: number;
  tasks: readonly { code: string; max: number; level: string | null }[];
  /** Cut scores for 3/4/5; null → inferred from (total, mark) pairs. */
  cuts: readonly [number, number, number] | null;
  works: readonly InputWork[];
}

export interface BuildProblem {
  subject: string;
  grade: number;
  year: number;
  message: string;
}

/**
 * Absent participants are left out. Works of the same test from several files are merged. A test
 * whose cut scores are neither given nor derivable is reported as a problem and left out.
 */
export function buildDataset(
  inputs: readonly InputTest[],
  observed: ReadonlyMap<string, boolean> = new Map(),
): { data: Dataset; problems: BuildProblem[] } {
  const schools: string[] = [];
  const schoolIndex = new Map<string, number>();
  const classes: string[] = [];
  const classIndex = new Map<string, number>();
  const problems: BuildProblem[] = [];
  const tests: TestWorks[] = [];
  const indexOf = (map: Map<string, number>, list: string[], key: string): number => {
    let i = map.get(key);
    if (i === undefined) {
      i = list.length;
      list.push(key);
      map.set(key, i);
    }
    return i;
  };
  for (const input of inputs) {
    const present = input.works.filter((w) => !w.absent);
    const items = input.tasks.length;
    const n = present.length;
    const itemMax = Uint8Array.from(input.tasks.map((t) => t.max));
    const scores = new Uint8Array(n * items);
    const total = new Int16Array(n);
    const mark = new Int8Array(n);
    const journal = new Int8Array(n);
    const school = new Int32Array(n);
    const klass = new Int32Array(n);
    present.forEach((w, k) => {
      let sum = 0;
      for (let i = 0; i < items; i++) {
        const x = Math.max(0, Math.min(itemMax[i] as number, w.scores[i] ?? 0));
        scores[k * items + i] = x;
        sum += x;
      }
      total[k] = w.total ?? sum;
      mark[k] = w.mark !== null && w.mark >= 2 && w.mark <= 5 ? w.mark : 0;
      journal[k] = w.journal !== null && w.journal >= 2 && w.journal <= 5 ? w.journal : 0;
      school[k] = indexOf(schoolIndex, schools, w.school);
      klass[k] = w.className ? indexOf(classIndex, classes, `${w.school} ${w.className}`) : -1;
    });
    const cuts = input.cuts ?? inferCuts(total, mark);
    if (!cuts) {
      problems.push({
        subject: input.subject,
        grade: input.grade,
        year: input.year,
        message:
          'границы отметок не заданы и не выводятся из файла (нужны работы с каждой отметкой 3, 4, 5)',
      });
      continue;
    }
    const maxTotal = Math.max(
      input.tasks.reduce((a, t) => a + t.max, 0),
      ...Array.from(total),
    );
    tests.push({
      design: {
        subject: input.subject,
        grade: input.grade,
        year: input.year,
        itemMax,
        itemLabels: input.tasks.map((t) => t.code),
        itemLevels: input.tasks.map((t) => t.level),
        cuts: [cuts[0], cuts[1], cuts[2]],
        maxTotal,
      },
      n,
      school,
      klass,
      scores,
      total,
      mark,
      journal,
    });
  }
  // Keep only observation entries for units present in the data.
  const keys = new Set<string>();
  for (const t of tests)
    for (let w = 0; w < t.n; w++)
      keys.add(
        unitKey(
          schools[t.school[w] as number] as string,
          t.design.subject,
          t.design.grade,
          t.design.year,
        ),
      );
  const obs = new Map([...observed].filter(([k]) => keys.has(k)));
  return { data: { schools, classes, tests, observed: obs }, problems };
}
