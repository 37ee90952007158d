/**
 * The observations CSV of the `analyze` command: header
 * `Логин ОО;Год;Предмет;Параллель;Общественное наблюдение`, values «да» / «нет». Pure: bytes in,
 * a map by unit key (analytics `unitKey`, subject as its catalog code) and Russian issues out.
 */
import { unitKey } from '../../core/analytics/types';
import { findSubjectByName, type SubjectDef } from '../../core/registry/subjects';
import { issue, type ImportIssue } from '../../core/results/issues';
import { normaliseSchoolLogin } from '../../core/results/title';
import { readCsvRows } from '../results/csv';

export const OBSERVATION_HEADER = [
  'Логин ОО',
  'Год',
  'Предмет',
  'Параллель',
  'Общественное наблюдение',
] as const;

export interface ObservationsFile {
  observed: Map<string, boolean>;
  /** The first file row of each unit key (for messages about a row after parsing). */
  rowOf: Map<string, number>;
  rows: number;
  issues: ImportIssue[];
}

const norm = (s: string): string =>
  s
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

export function parseObservations(
  file: string,
  bytes: Uint8Array,
  subjects: readonly SubjectDef[],
): ObservationsFile {
  const where = { file, sheet: null };
  const issues: ImportIssue[] = [];
  const observed = new Map<string, boolean>();
  const rowOf = new Map<string, number>();
  let header: number[] | null = null;
  let rows = 0;
  const read = readCsvRows(file, bytes, ({ row, cells }) => {
    if (cells.every((c) => !c.trim())) return;
    if (!header) {
      const names = cells.map(norm);
      const idx = OBSERVATION_HEADER.map((h) => names.indexOf(norm(h)));
      const missing = OBSERVATION_HEADER.filter((_, i) => (idx[i] as number) < 0);
      if (missing.length) {
        issues.push(
          issue(
            where,
            'error',
            `нет столбцов ${missing.map((m) => `«${m}»`).join(', ')} (ожидается заголовок «${OBSERVATION_HEADER.join(';')}»)`,
            row,
          ),
        );
        header = [];
      } else header = idx;
      return;
    }
    if (!header.length) return;
    const cell = (i: number): string => (cells[header?.[i] as number] ?? '').trim();
    const col = (i: number): string => `${(header?.[i] as number) + 1} «${OBSERVATION_HEADER[i]}»`;
    const login = normaliseSchoolLogin(cell(0));
    const year = Number(cell(1));
    const subject = findSubjectByName(subjects, cell(2));
    const grade = Number(cell(3));
    const value = norm(cell(4));
    if (!login) issues.push(issue(where, 'error', 'не указан логин ОО', row, col(0)));
    else if (!Number.isInteger(year) || year < 2000 || year > 2100)
      issues.push(issue(where, 'error', `год «${cell(1)}» не распознан`, row, col(1)));
    else if (!subject)
      issues.push(
        issue(
          where,
          'error',
          `предмет «${cell(2)}» не найден в справочнике предметов`,
          row,
          col(2),
        ),
      );
    else if (!Number.isInteger(grade) || grade < 1 || grade > 11)
      issues.push(issue(where, 'error', `параллель «${cell(3)}» не распознана`, row, col(3)));
    else if (value !== 'да' && value !== 'нет')
      issues.push(
        issue(where, 'error', `значение «${cell(4)}»: ожидается «да» или «нет»`, row, col(4)),
      );
    else {
      const key = unitKey(login, subject.code, grade, year);
      const v = value === 'да';
      if (observed.has(key) && observed.get(key) !== v)
        issues.push(
          issue(
            where,
            'error',
            `для ${login}, ${year}, ${subject.name}, ${grade} класс уже указано другое значение`,
            row,
          ),
        );
      observed.set(key, v);
      if (!rowOf.has(key)) rowOf.set(key, row);
      rows += 1;
    }
  });
  if (read.failure) issues.unshift(read.failure);
  if (!header) issues.push(issue(where, 'error', 'файл пуст: нет заголовка'));
  return { observed, rowOf, rows, issues };
}
