import { describe, expect, it } from 'vitest';
import {
  averageRanks,
  compareGroups,
  compareMarks,
  correlationWords,
  pairExternalInternal,
  pearson,
  spearman,
} from './externalInternal';

const pairs = (list: [number, number][]) =>
  list.map(([external, internal]) => ({ external, internal }));

describe('external vs internal marks', () => {
  it('counts the agreement table and lowered / confirmed / raised', () => {
    const r = compareMarks(
      pairs([
        [3, 4],
        [3, 3],
        [4, 4],
        [5, 4],
        [2, 3],
        [4, 5],
        [7, 3],
      ]),
    );
    expect(r.n).toBe(6);
    expect(r.table).toEqual([
      [0, 1, 0, 0],
      [0, 1, 1, 0],
      [0, 0, 1, 1],
      [0, 0, 1, 0],
    ]);
    expect(r.lowered).toEqual({ count: 3, share: 0.5 });
    expect(r.confirmed.count).toBe(2);
    expect(r.raised.count).toBe(1);
    expect(r.agreement).toBeCloseTo(2 / 6);
    expect(r.meanExternal).toBeCloseTo(21 / 6);
    expect(r.spearman).toBeNull();
    expect(r.note).toContain('меньше 10');
  });

  it('gives tied values their average rank and computes Spearman on ranks', () => {
    expect(averageRanks([3, 1, 3, 2])).toEqual([3.5, 1, 3.5, 2]);
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    // Monotone but not linear: Spearman is 1, Pearson is not.
    expect(spearman([1, 2, 3, 4], [1, 4, 9, 100])).toBeCloseTo(1);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1);
  });

  it('notes small samples and constant marks', () => {
    const ten = pairs(
      Array.from({ length: 12 }, (_, i) => [2 + (i % 4), 2 + (i % 4)] as [number, number]),
    );
    const r = compareMarks(ten);
    expect(r.spearman).toBeCloseTo(1);
    expect(r.agreement).toBe(1);
    expect(r.note).toContain('Малая выборка');
    const constant = compareMarks(
      pairs(Array.from({ length: 12 }, (_, i) => [4, 2 + (i % 4)] as [number, number])),
    );
    expect(constant.spearman).toBeNull();
    expect(constant.note).toContain('одинаковы');
    const big = compareMarks(
      pairs(
        Array.from({ length: 40 }, (_, i) => [2 + (i % 4), 2 + ((i + 1) % 4)] as [number, number]),
      ),
    );
    expect(big.note).toBeNull();
    expect(correlationWords(0.75)).toBe('высокая прямая связь');
    expect(correlationWords(-0.2)).toBe('слабая обратная связь');
    expect(correlationWords(0.05)).toBe('связь отсутствует');
  });

  it('groups by procedure, year, subject, grade and kind', () => {
    const row = (
      procedure: string,
      grade: number,
      kind: 'intermediate' | 'final',
      e: number,
      i: number,
    ) => ({
      procedure,
      year: 2025,
      subject: 'Математика',
      grade,
      kind,
      external: e,
      internal: i,
    });
    const groups = compareGroups([
      row('oge', 9, 'final', 4, 4),
      row('vpr', 5, 'intermediate', 3, 4),
      row('vpr', 5, 'intermediate', 4, 4),
      row('oge', 9, 'intermediate', 4, 5),
    ]);
    expect(groups.map((g) => `${g.procedure} ${g.grade} ${g.kind} ${g.result.n}`)).toEqual([
      'vpr 5 intermediate 2',
      'oge 9 intermediate 1',
      'oge 9 final 1',
    ]);
  });

  it("pairs a work with the same student's marks of the test's school year, latest file wins", () => {
    const work = {
      procedure: 'oge',
      year: 2025,
      grade: 9,
      subjectId: 2,
      subject: 'Математика',
      studentId: 7,
      mark: 4,
    };
    const mark = (
      id: number,
      over: Partial<{
        studentId: number | null;
        subjectId: number;
        year: number;
        kind: string;
        mark: number;
      }>,
    ) => ({
      id,
      studentId: 7,
      subjectId: 2,
      year: 2024,
      kind: 'final',
      mark: 3,
      ...over,
    });
    const rows = pairExternalInternal(
      [work, { ...work, mark: null }, { ...work, studentId: 8 }],
      [
        mark(1, { mark: 3 }),
        mark(5, { mark: 5 }),
        mark(2, { kind: 'intermediate', mark: 4 }),
        mark(3, { year: 2025 }),
        mark(4, { subjectId: 3 }),
        mark(6, { studentId: null }),
        mark(7, { kind: 'term' }),
      ],
    );
    expect(rows.map((r) => `${r.kind}:${r.external}:${r.internal}`)).toEqual([
      'intermediate:4:4',
      'final:4:5',
    ]);
  });
});
