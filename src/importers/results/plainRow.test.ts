import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../core/results/issues';
import { createRng } from '../../core/random';
import { readCsvRows } from './csv';
import { ResultsTableParser } from './tableParser';
import type { ParsedResultsFile } from './types';

/**
 * The plain-row reader must give exactly what the general reader gives: the same works and the
 * same messages, for plain rows and for every kind of row it hands back.
 */
const HEADER = [
  'ОО',
  'Муниципалитет',
  'Название ОО',
  'Код участника',
  'ФИО',
  'Класс',
  'Вариант',
  'Пол',
  '1 (1б)',
  '2 (2б)',
  '3 (2б)',
  'Первичный балл',
  'Тестовый балл',
  'Отметка',
  'Отметка по журналу',
];

/**
 * Cell texts per column: values the plain reader takes, then the kinds of cell it leaves to the
 * general reader (or that the general reader refuses).
 */
const CELLS: [plain: string[], other: string[]][] = [
  [
    ['sch000001', 'sch000002', 'edu0003'],
    ['', ' sch000004', 'sch000005\u00a0'],
  ],
  [
    ['Район', ''],
    ['Район №\u00a02', ' Район'],
  ],
  [['Школа № 1', 'Гимназия', ''], []],
  [
    ['10001', '10002', '0012', 'A-7'],
    ['', '10003.0', ' 10004'],
  ],
  [['Иванов И.', ''], []],
  [
    ['6А', '7Б', ''],
    ['6 а', 'zz', '6А '],
  ],
  [
    ['1', '2', '01', '32767'],
    ['', 'отсутствовал', '32768', 'x', ' 2'],
  ],
  [[''], ['М', 'ж', 'q']],
  [
    ['0', '1', '', '5', '123456789'],
    ['X', 'х', '-', ' 1', '1.0', '1234567890'],
  ],
  [
    ['0', '2', ''],
    ['X', '2,0', 'a'],
  ],
  [
    ['1', '2', ''],
    ['x', '—'],
  ],
  [
    ['', '3', '12', '007', '32767'],
    ['32768', 'x'],
  ],
  [
    ['', '55'],
    ['40000', 'q'],
  ],
  [
    ['2', '3', '4', '5', ''],
    ['нет отметки', '6', '5.0', ' 4'],
  ],
  [
    ['2', '5', ''],
    ['нет', '1'],
  ],
];

function csv(rows: number, seed: number, plainShare: number): string {
  const rng = createRng(seed);
  const lines = ['ВПР 2021 Математика 6 класс', HEADER.join(';')];
  for (let i = 0; i < rows; i++) {
    const plain = rng.chance(plainShare);
    const cells = CELLS.map(([ok, other]) =>
      rng.pick(plain || !other.length ? ok : rng.chance(0.7) ? ok : other),
    );
    // Some rows short (a truncated file), some with extra cells.
    if (rng.chance(0.02)) cells.length = rng.int(1, cells.length - 1);
    if (rng.chance(0.02)) cells.push('лишнее');
    lines.push(cells.join(';'));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function parse(text: string, plain: boolean): ParsedResultsFile {
  const parser = new ResultsTableParser({ file: 'f.csv', sheet: null, strictWidth: true });
  let taken = 0;
  readCsvRows(
    'f.csv',
    new TextEncoder().encode(text),
    (row) => parser.push(row),
    plain
      ? (t, start, end, row, delimiter) => {
          const read = parser.pushLine(t, start, end, row, delimiter);
          if (read) taken++;
          return read;
        }
      : undefined,
  );
  const result = parser.finish();
  if (plain) expect(taken).toBeGreaterThan(0);
  return result;
}

describe('plain CSV rows', () => {
  it.each([
    [1, 0.9],
    [2, 0.5],
    [3, 0.1],
  ])('give the same works and messages as the general reader (seed %i)', (seed, share) => {
    const text = csv(3000, seed, share);
    const general = parse(text, false);
    const plain = parse(text, true);
    expect(plain.works.length).toBe(general.works.length);
    expect([...plain.works]).toEqual([...general.works]);
    expect(plain.issues.map(formatIssue)).toEqual(general.issues.map(formatIssue));
    expect(plain.issues.map((i) => i.severity)).toEqual(general.issues.map((i) => i.severity));
  });
});
