import type { Mark } from '../../core/results/types';
import type { ParsedWork, WorkTable } from '../../core/results/works';

/** Strings that repeat across works (logins, school names, classes) kept once, by number. */
class Interned {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];

  /** The last value asked for: consecutive works mostly repeat it (one school's rows). */
  private last: string | null = null;
  private lastId = -1;

  id(value: string | null): number {
    if (value === null) return -1;
    if (value === this.last) return this.lastId;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    this.last = value;
    this.lastId = id;
    return id;
  }

  get(id: number): string | null {
    return id < 0 ? null : (this.values[id] ?? null);
  }
}

/** A participant code written as a plain number (`10001`) is kept as a number. */
const NUMERIC_CODE = /^[1-9]\d{0,14}$/;
const NONE = -1;
/** Scores above this go to a side table (they are refused as above the task maximum anyway). */
const SCORE_LIMIT = 32767;

function grow<T extends Int32Array | Int16Array | Int8Array | Float64Array>(a: T, size: number): T {
  if (a.length >= size) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  next.set(a);
  return next;
}

/**
 * Parsed works of one file in columns of typed arrays: about 40 bytes per 15-task work instead
 * of a kilobyte of objects, so region-size files are checked and loaded without holding a
 * million objects. `get(i)` rebuilds one `ParsedWork` when a caller needs the object.
 */
export class WorkStore implements Iterable<ParsedWork>, WorkTable {
  private size = 0;
  private rows = new Int32Array(1024);
  private schools = new Int32Array(1024);
  private schoolNames = new Int32Array(1024);
  private municipalities = new Int32Array(1024);
  private codeNumbers = new Float64Array(1024);
  private readonly codeTexts = new Map<number, string>();
  private classes = new Int32Array(1024);
  private parallels = new Int16Array(1024);
  private variants = new Int32Array(1024);
  private flags = new Int8Array(1024);
  private scoreValues: Int16Array;
  private readonly bigScores = new Map<number, number>();
  private primaries = new Int32Array(1024);
  private testScores = new Int32Array(1024);
  private marks = new Int8Array(1024);
  private journalMarks = new Int8Array(1024);
  private readonly text = {
    schools: new Interned(),
    names: new Interned(),
    municipalities: new Interned(),
    classes: new Interned(),
  };

  /** `taskCount` task scores per work (the file's task columns). */
  constructor(readonly taskCount: number) {
    this.scoreValues = new Int16Array(1024 * Math.max(1, taskCount));
  }

  get length(): number {
    return this.size;
  }

  push(w: ParsedWork): void {
    const i = this.size++;
    if (i >= this.rows.length) this.reserve(i + 1);
    this.rows[i] = w.row;
    this.schools[i] = this.text.schools.id(w.schoolLogin);
    this.schoolNames[i] = this.text.names.id(w.schoolName);
    this.municipalities[i] = this.text.municipalities.id(w.municipality);
    if (NUMERIC_CODE.test(w.participantCode)) this.codeNumbers[i] = Number(w.participantCode);
    else {
      this.codeNumbers[i] = NONE;
      this.codeTexts.set(i, w.participantCode);
    }
    this.classes[i] = this.text.classes.id(w.className);
    this.parallels[i] = w.parallel ?? NONE;
    this.variants[i] = w.variant ?? NONE;
    this.flags[i] = (w.absent ? 1 : 0) | (w.gender === 'М' ? 2 : w.gender === 'Ж' ? 4 : 0);
    const base = i * this.taskCount;
    for (let t = 0; t < this.taskCount; t++) {
      const s = w.scores[t] ?? null;
      if (s !== null && s > SCORE_LIMIT) {
        this.bigScores.set(base + t, s);
        this.scoreValues[base + t] = SCORE_LIMIT;
      } else this.scoreValues[base + t] = s ?? NONE;
    }
    this.primaries[i] = w.primaryScore ?? NONE;
    this.testScores[i] = w.testScore ?? NONE;
    this.marks[i] = w.mark ?? 0;
    this.journalMarks[i] = w.journalMark ?? 0;
  }

  private reserve(size: number): void {
    this.rows = grow(this.rows, size);
    this.schools = grow(this.schools, size);
    this.schoolNames = grow(this.schoolNames, size);
    this.municipalities = grow(this.municipalities, size);
    this.codeNumbers = grow(this.codeNumbers, size);
    this.classes = grow(this.classes, size);
    this.parallels = grow(this.parallels, size);
    this.variants = grow(this.variants, size);
    this.flags = grow(this.flags, size);
    this.scoreValues = grow(this.scoreValues, this.rows.length * Math.max(1, this.taskCount));
    this.primaries = grow(this.primaries, size);
    this.testScores = grow(this.testScores, size);
    this.marks = grow(this.marks, size);
    this.journalMarks = grow(this.journalMarks, size);
  }

  row(i: number): number {
    return this.rows[i] as number;
  }

  /** A number per distinct school login (-1 for none): for grouping without strings. */
  schoolId(i: number): number {
    return this.schools[i] as number;
  }

  schoolLogin(i: number): string | null {
    return this.text.schools.get(this.schools[i] as number);
  }

  participantCode(i: number): string {
    const n = this.codeNumbers[i] as number;
    return n === NONE ? (this.codeTexts.get(i) ?? '') : String(n);
  }

  /** The code as a number when written as one (`10001`), else -1. */
  codeNumber(i: number): number {
    return this.codeNumbers[i] as number;
  }

  className(i: number): string | null {
    return this.text.classes.get(this.classes[i] as number);
  }

  parallel(i: number): number | null {
    const v = this.parallels[i] as number;
    return v === NONE ? null : v;
  }

  variant(i: number): number | null {
    const v = this.variants[i] as number;
    return v === NONE ? null : v;
  }

  absent(i: number): boolean {
    return ((this.flags[i] as number) & 1) !== 0;
  }

  gender(i: number): 'М' | 'Ж' | null {
    const f = this.flags[i] as number;
    return f & 2 ? 'М' : f & 4 ? 'Ж' : null;
  }

  score(i: number, task: number): number | null {
    const at = i * this.taskCount + task;
    const v = this.scoreValues[at] as number;
    if (v === NONE) return null;
    return v === SCORE_LIMIT ? (this.bigScores.get(at) ?? v) : v;
  }

  /** The sum of the task scores (null scores count as 0). */
  scoreSum(i: number): number {
    let sum = 0;
    for (let t = 0; t < this.taskCount; t++) sum += this.score(i, t) ?? 0;
    return sum;
  }

  primaryScore(i: number): number | null {
    const v = this.primaries[i] as number;
    return v === NONE ? null : v;
  }

  testScore(i: number): number | null {
    const v = this.testScores[i] as number;
    return v === NONE ? null : v;
  }

  mark(i: number): Mark | null {
    return ((this.marks[i] as number) || null) as Mark | null;
  }

  journalMark(i: number): Mark | null {
    return ((this.journalMarks[i] as number) || null) as Mark | null;
  }

  /** `workTotal` without building the work: the file's total, else the task sum. */
  total(i: number): number | null {
    if (this.absent(i)) return null;
    return this.primaryScore(i) ?? (this.taskCount ? this.scoreSum(i) : null);
  }

  absentCount(): number {
    let n = 0;
    for (let i = 0; i < this.size; i++) n += (this.flags[i] as number) & 1;
    return n;
  }

  get(i: number): ParsedWork {
    const scores: (number | null)[] = [];
    for (let t = 0; t < this.taskCount; t++) scores.push(this.score(i, t));
    return {
      row: this.row(i),
      schoolLogin: this.schoolLogin(i),
      schoolName: this.text.names.get(this.schoolNames[i] as number),
      municipality: this.text.municipalities.get(this.municipalities[i] as number),
      participantCode: this.participantCode(i),
      className: this.className(i),
      parallel: this.parallel(i),
      variant: this.variant(i),
      absent: this.absent(i),
      scores,
      primaryScore: this.primaryScore(i),
      testScore: this.testScore(i),
      mark: this.mark(i),
      journalMark: this.journalMark(i),
      gender: this.gender(i),
    };
  }

  *[Symbol.iterator](): Iterator<ParsedWork> {
    for (let i = 0; i < this.size; i++) yield this.get(i);
  }

  map<T>(fn: (w: ParsedWork, i: number) => T): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.size; i++) out.push(fn(this.get(i), i));
    return out;
  }

  filter(fn: (w: ParsedWork) => boolean): ParsedWork[] {
    return [...this].filter(fn);
  }
}
