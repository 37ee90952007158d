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

/**
 * Split a test into school units (ascending school index) and each school's class units (in order of
 * the class's first work; works of unknown class left out); works stay in ascending order.
 */
export function splitUnits(test: TestWorks): { schools: Unit[]; classes: Map<number, Unit[]> } {
  const schools = schoolUnits(test);
  const classes = new Map<number, Unit[]>();
  for (const unit of schools) classes.set(unit.school, classUnits(test, unit.school, unit.works));
  return { schools, classes };
}

/**
 * The school units of a test, ascending by school index, works ascending: a counting sort over
 * the school index into one Int32Array of all works, viewed per school.
 */
export function schoolUnits(test: TestWorks): Unit[] {
  let maxSchool = -1;
  for (let w = 0; w < test.n; w++) maxSchool = Math.max(maxSchool, test.school[w] as number);
  const start = new Int32Array(maxSchool + 2);
  for (let w = 0; w < test.n; w++) {
    const s = test.school[w] as number;
    start[s + 1] = (start[s + 1] as number) + 1;
  }
  for (let s = 0; s <= maxSchool; s++)
    start[s + 1] = (start[s + 1] as number) + (start[s] as number);
  const order = new Int32Array(test.n);
  const fill = start.slice(0, maxSchool + 1);
  for (let w = 0; w < test.n; w++) {
    const s = test.school[w] as number;
    order[fill[s] as number] = w;
    fill[s] = (fill[s] as number) + 1;
  }
  const schools: Unit[] = [];
  for (let school = 0; school <= maxSchool; school++) {
    const a = start[school] as number;
    const b = start[school + 1] as number;
    if (a < b) schools.push({ test, school, klass: -1, works: order.subarray(a, b) });
  }
  return schools;
}

function classUnits(test: TestWorks, school: number, works: Int32Array): Unit[] {
  const byClass = new Map<number, number[]>();
  for (let k = 0; k < works.length; k++) {
    const w = works[k] as number;
    const c = test.klass[w] as number;
    if (c < 0) continue;
    const list = byClass.get(c);
    if (list) list.push(w);
    else byClass.set(c, [w]);
  }
  const out: Unit[] = [];
  for (const [klass, ws] of byClass) out.push({ test, school, klass, works: Int32Array.from(ws) });
  return out;
}
