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

/** Split a test into school units (and classes of at least `minClass` works). */
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
