import type { TestWorks } from './types';

/** One unit of analysis: the works of one school (or one class) in one test. */
export interface Unit {
  test: TestWorks;
  school: number;
  /** Class index when the unit is a single class, −1 for the whole school. */
  klass: number;
  /** Indices of the unit's works in the test arrays. */
  works: Int32Array;
}

/** A class is analysed as a unit of its own from this many works (detection-methods.md §9). */
export const MIN_CLASS_WORKS = 10;

/**
 * The classes of a school unit analysed on their own: those with at least MIN_CLASS_WORKS works,
 * when there are two or more of them (a school with one such class is that class).
 */
export function analysedClasses(classes: readonly Unit[]): Unit[] {
  const big = classes.filter((c) => c.works.length >= MIN_CLASS_WORKS);
  return big.length >= 2 ? big : [];
}

/** Split a test into school units and, per school, its class units (works of unknown class left out). */
export function splitUnits(test: TestWorks): { schools: Unit[]; classes: Map<number, Unit[]> } {
  const bySchool = new Map<number, number[]>();
  for (let w = 0; w < test.n; w++) {
    const s = test.school[w] as number;
    const list = bySchool.get(s);
    if (list) list.push(w);
    else bySchool.set(s, [w]);
  }
  const schools: Unit[] = [];
  const classes = new Map<number, Unit[]>();
  for (const [school, list] of [...bySchool.entries()].sort((a, b) => a[0] - b[0])) {
    schools.push({ test, school, klass: -1, works: Int32Array.from(list) });
    const byClass = new Map<number, number[]>();
    for (const w of list) {
      const k = test.klass[w] as number;
      if (k < 0) continue;
      const cl = byClass.get(k);
      if (cl) cl.push(w);
      else byClass.set(k, [w]);
    }
    classes.set(
      school,
      [...byClass.entries()].map(([klass, ws]) => ({
        test,
        school,
        klass,
        works: Int32Array.from(ws),
      })),
    );
  }
  return { schools, classes };
}
