import { columnLabel, issue, type ImportIssue } from '../../core/results/issues';
import { normaliseHeader } from './cells';
import { readCsvRows } from './csv';
import { detectFormat } from './index';
import type { RawRow } from './types';
import { readXlsxRows } from './xlsx';

/** One line of a school's code list: the administration's participant code → its student. */
export interface CodeLink {
  row: number;
  participantCode: string;
  studentCode: string;
}

export interface ParsedCodeList {
  links: CodeLink[];
  issues: ImportIssue[];
}

const PARTICIPANT = new Set(['код участника', 'номер участника', 'код участника впр']);
const STUDENT = new Set([
  'код обучающегося',
  'код обучающегося в оо',
  'id обучающегося',
  'идентификатор обучающегося',
  'код ученика',
  'обучающийся',
]);

/**
 * Reads a code list (CSV or XLSX) with the columns «Код участника» and «Код обучающегося» (the
 * school's pseudonymous student code). Any other column — names included — is dropped.
 */
export async function parseCodeList(fileName: string, bytes: Uint8Array): Promise<ParsedCodeList> {
  const where = { file: fileName, sheet: null as string | null };
  const issues: ImportIssue[] = [];
  const links: CodeLink[] = [];
  let columns: { participant: number; student: number; headers: string[] } | null = null;
  let dropped = false;
  const seen = new Map<string, number>();
  const push = (r: RawRow) => {
    const cells = r.cells.map((c) => c.trim());
    if (!columns) {
      const norm = cells.map(normaliseHeader);
      const participant = norm.findIndex((h) => PARTICIPANT.has(h));
      const student = norm.findIndex((h) => STUDENT.has(h));
      if (participant >= 0 && student >= 0) {
        columns = { participant, student, headers: cells };
        dropped = cells.some((c, i) => c && i !== participant && i !== student);
      }
      return;
    }
    if (cells.every((c) => !c)) return;
    const participantCode = (cells[columns.participant] ?? '').replace(/\.0+$/, '');
    const studentCode = cells[columns.student] ?? '';
    if (!participantCode || !studentCode) {
      const j = participantCode ? columns.student : columns.participant;
      issues.push(
        issue(where, 'error', 'пустой код', r.row, columnLabel(j, columns.headers[j] ?? '')),
      );
      return;
    }
    const first = seen.get(participantCode);
    if (first !== undefined) {
      issues.push(
        issue(
          where,
          'error',
          `Код участника ${participantCode} повторяется (уже был в строке ${first})`,
          r.row,
        ),
      );
      return;
    }
    seen.set(participantCode, r.row);
    links.push({ row: r.row, participantCode, studentCode });
  };
  if (!bytes.length) return { links, issues: [issue(where, 'error', 'Файл пуст')] };
  if (detectFormat(fileName, bytes) === 'xlsx') {
    try {
      let first = true;
      await readXlsxRows(bytes, (name) => {
        where.sheet = first ? name : where.sheet;
        const active = first;
        first = false;
        return { push: (r) => (active ? push(r) : undefined) };
      });
    } catch (error) {
      return {
        links: [],
        issues: [
          issue(
            where,
            'error',
            `файл XLSX повреждён или обрезан (${error instanceof Error ? error.message : String(error)})`,
          ),
        ],
      };
    }
  } else {
    const read = readCsvRows(fileName, bytes, push);
    if (read.failure) issues.unshift(read.failure);
  }
  if (!columns) {
    issues.push(issue(where, 'error', 'Не найдены столбцы «Код участника» и «Код обучающегося»'));
  } else if (dropped) {
    issues.push(
      issue(
        where,
        'note',
        'Загружаются только столбцы «Код участника» и «Код обучающегося»; остальные (в том числе ФИО) отброшены',
      ),
    );
  }
  return { links, issues };
}
