import { markFor } from '../types';
import { SIM_CUTS } from './design';

/** Growable typed columns of simulated works (a region-year has a million of them). */
export class WorkColumns {
  n = 0;
  private scores: Uint8Array;
  private total: Int16Array;
  private mark: Int8Array;
  private journal: Int8Array;
  private school: Int32Array;
  private klass: Int32Array;

  constructor(
    private readonly items: number,
    capacity: number,
  ) {
    const c = Math.max(16, capacity);
    this.scores = new Uint8Array(c * items);
    this.total = new Int16Array(c);
    this.mark = new Int8Array(c);
    this.journal = new Int8Array(c);
    this.school = new Int32Array(c);
    this.klass = new Int32Array(c);
  }

  push(school: number, klass: number, x: readonly number[], journal: number): void {
    if (this.n === this.total.length) this.grow();
    const w = this.n++;
    this.scores.set(x, w * this.items);
    const t = x.reduce((a, b) => a + b, 0);
    this.total[w] = t;
    this.mark[w] = markFor(t, SIM_CUTS);
    this.journal[w] = journal;
    this.school[w] = school;
    this.klass[w] = klass;
  }

  private grow(): void {
    const c = this.total.length * 2;
    const widen = <T extends Uint8Array | Int8Array | Int16Array | Int32Array>(
      a: T,
      make: (n: number) => T,
      per = 1,
    ): T => {
      const b = make(c * per);
      b.set(a);
      return b;
    };
    this.scores = widen(this.scores, (k) => new Uint8Array(k), this.items);
    this.total = widen(this.total, (k) => new Int16Array(k));
    this.mark = widen(this.mark, (k) => new Int8Array(k));
    this.journal = widen(this.journal, (k) => new Int8Array(k));
    this.school = widen(this.school, (k) => new Int32Array(k));
    this.klass = widen(this.klass, (k) => new Int32Array(k));
  }

  /** The columns trimmed to the works pushed. */
  columns() {
    const n = this.n;
    return {
      n,
      scores: this.scores.slice(0, n * this.items),
      total: this.total.slice(0, n),
      mark: this.mark.slice(0, n),
      journal: this.journal.slice(0, n),
      school: this.school.slice(0, n),
      klass: this.klass.slice(0, n),
    };
  }
}
