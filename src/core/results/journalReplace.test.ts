import { describe, expect, it } from 'vitest';
import { findReplacedFiles, type EarlierMark, type MarkKey } from './journalReplace';

const q = (termNo: number) => ({ kind: 'term' as const, termType: 'quarter' as const, termNo });
const annual = { kind: 'intermediate' as const, termType: null, termNo: null };
const mark = (
  studentCode: string,
  subjectId: number,
  period: typeof annual | ReturnType<typeof q>,
  studentId: number | null = null,
): MarkKey => ({
  studentCode,
  studentId,
  subjectId,
  ...period,
});
const earlier = (fileId: number, m: MarkKey): EarlierMark => ({
  ...m,
  fileId,
  subjectName: m.subjectId === 1 ? 'Русский язык' : 'Математика',
});

describe('journal files a new file replaces', () => {
  it('replaces a file it overlaps as a whole and names the marks that stop counting', () => {
    const old = [
      earlier(10, mark('S-1', 1, q(1))),
      earlier(10, mark('S-2', 1, q(1))),
      earlier(10, mark('S-3', 2, q(1))),
      // Another class's file: same period, other students — kept.
      earlier(11, mark('T-1', 1, q(1))),
      // Another period: kept.
      earlier(12, mark('S-1', 1, q(2))),
    ];
    const corrected = [mark('S-1', 1, q(1)), mark('S-2', 1, q(1))];
    expect(findReplacedFiles(corrected, old)).toEqual([
      {
        fileId: 10,
        overlapping: 2,
        dropped: 1,
        droppedExamples: ['S-3 — Математика, 1 четверть'],
      },
    ]);
  });

  it('matches the same student under another code by the linked student id', () => {
    const old = [
      earlier(5, mark('20401', 2, annual, 77)),
      earlier(6, mark('20402', 2, annual, 78)),
    ];
    expect(findReplacedFiles([mark('204-00017', 2, annual, 77)], old)).toEqual([
      { fileId: 5, overlapping: 1, dropped: 0, droppedExamples: [] },
    ]);
    // Unlinked codes never match by id.
    expect(
      findReplacedFiles([mark('X', 2, annual, null)], [earlier(7, mark('Y', 2, annual, null))]),
    ).toEqual([]);
  });

  it('tells the attestation apart from terms, and quarters by number', () => {
    const old = [earlier(1, mark('S-1', 1, annual)), earlier(2, mark('S-1', 1, q(4)))];
    expect(findReplacedFiles([mark('S-1', 1, q(3))], old)).toEqual([]);
    expect(
      findReplacedFiles([mark('S-1', 1, q(4)), mark('S-1', 1, annual)], old).map((f) => f.fileId),
    ).toEqual([1, 2]);
  });
});
