import { describe, expect, it } from 'vitest';
import type { ParsedWork } from '../../core/results/works';
import { WorkStore } from './workStore';

const work = (over: Partial<ParsedWork>): ParsedWork => ({
  row: 6,
  schoolLogin: 'sch000001',
  schoolName: 'Школа',
  municipality: 'Район',
  participantCode: '10001',
  className: '5А',
  parallel: 5,
  variant: 1,
  absent: false,
  scores: [1, null, 2],
  primaryScore: null,
  testScore: null,
  mark: 4,
  journalMark: null,
  gender: null,
  ...over,
});

describe('WorkStore', () => {
  it('gives back every work exactly as pushed, across growth', () => {
    const works: ParsedWork[] = [
      work({}),
      work({ row: 7, participantCode: '0012', className: null, parallel: null, gender: 'Ж' }),
      work({ row: 8, participantCode: 'A-15', schoolLogin: null, schoolName: null }),
      work({ row: 9, absent: true, variant: null, scores: [null, null, null], mark: null }),
      work({ row: 10, scores: [40000, 0, 3], primaryScore: 12, testScore: 70, gender: 'М' }),
      work({ row: 11, journalMark: 5, municipality: null, participantCode: '123456789012' }),
    ];
    const store = new WorkStore(3);
    for (let k = 0; k < 500; k++) for (const w of works) store.push({ ...w, row: w.row + k * 10 });
    expect(store.length).toBe(3000);
    for (let k = 0; k < 500; k += 97) {
      works.forEach((w, j) => expect(store.get(k * 6 + j)).toEqual({ ...w, row: w.row + k * 10 }));
    }
    expect(store.absentCount()).toBe(500);
    expect(store.total(0)).toBe(3);
    expect(store.total(3)).toBeNull();
    expect(store.total(4)).toBe(12);
    expect(store.schoolId(2)).toBe(-1);
    expect(store.schoolId(0)).toBe(store.schoolId(6));
  });
});
