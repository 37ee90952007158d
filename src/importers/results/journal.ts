import { issue, type ImportIssue } from '../../core/results/issues';
import {
  JOURNAL_ROLE_LABELS,
  JOURNAL_ROLES,
  mapJournalRows,
  type JournalMapping,
  type JournalRole,
  type JournalRow,
  type MappedJournalMark,
  type SubjectRef,
} from '../../core/results/journalMarks';
import { normaliseHeader } from './cells';
import { readCsvRows } from './csv';
import { detectFormat } from './index';
import { readXlsxRows } from './xlsx';

/** A journal export as a table: the first non-empty row is the header. */
export interface JournalTable {
  file: string;
  sheet: string | null;
  headers: string[];
  rows: JournalRow[];
  issues: ImportIssue[];
}

const isBlank = (cells: string[]) => cells.every((c) => !c.trim());

function toTable(file: string, sheet: string | null, raw: JournalRow[]): JournalTable {
  // Title lines above the table hold one cell; the header is the first row with two or more.
  const start = raw.findIndex((r) => r.cells.filter((c) => c.trim()).length >= 2);
  if (start < 0) {
    return {
      file,
      sheet,
      headers: [],
      rows: [],
      issues: [issue({ file, sheet }, 'error', 'таблица пуста: нет строки заголовков')],
    };
  }
  const headers = (raw[start] as JournalRow).cells.map((c) => c.replace(/\s+/g, ' ').trim());
  return {
    file,
    sheet,
    headers,
    rows: raw.slice(start + 1).filter((r) => !isBlank(r.cells)),
    issues: [],
  };
}

/** Reads an XLSX (first sheet with data) or CSV (UTF-8 / Windows-1251, `;` / `,`) journal export. */
export async function readJournalTable(fileName: string, bytes: Uint8Array): Promise<JournalTable> {
  const where = { file: fileName, sheet: null };
  const fail = (message: string): JournalTable => ({
    file: fileName,
    sheet: null,
    headers: [],
    rows: [],
    issues: [issue(where, 'error', message)],
  });
  if (!bytes.length) return fail('файл пуст');
  const format = detectFormat(fileName, bytes);
  if (format === null)
    return fail('формат XLS (Excel 97–2003) не поддерживается: сохраните файл как XLSX или CSV');
  if (format === 'csv') {
    const raw: JournalRow[] = [];
    const read = readCsvRows(fileName, bytes, (r) => raw.push(r));
    const table = toTable(fileName, null, raw);
    if (read.failure) table.issues.unshift(read.failure);
    return table;
  }
  const sheets: { name: string; rows: JournalRow[] }[] = [];
  try {
    await readXlsxRows(bytes, (name) => {
      const sheet = { name, rows: [] as JournalRow[] };
      sheets.push(sheet);
      return { push: (r) => sheet.rows.push(r) };
    });
  } catch (error) {
    return fail(
      `файл XLSX повреждён или обрезан (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const chosen = sheets.find((s) => s.rows.some((r) => !isBlank(r.cells))) ?? sheets[0];
  if (!chosen) return fail('в книге нет листов');
  return toTable(fileName, chosen.name, chosen.rows);
}

const GUESSES: [keyof JournalMapping, RegExp][] = [
  ['studentCode', /^(код( обучающегося| ученика| участника)?|id|идентификатор|уид)/],
  ['className', /^класс/],
  ['subject', /^(предмет|учебный предмет|дисциплина)/],
  ['period', /^(период|вид|аттестация|четверть|триместр|полугодие)/],
  ['mark', /^(отметка|оценка|итоговая отметка)/],
];

/** A first guess of the mapping from the header texts; the user confirms or changes it. */
export function suggestJournalMapping(headers: string[]): JournalMapping {
  const mapping: JournalMapping = {};
  const taken = new Set<number>();
  for (const [role, re] of GUESSES) {
    const i = headers.findIndex((h, idx) => !taken.has(idx) && re.test(normaliseHeader(h)));
    if (i >= 0) {
      mapping[role] = i;
      taken.add(i);
    }
  }
  return mapping;
}

/** Columns named by the user outside the mapping step (CLI): a 1-based number or a header. */
export type JournalColumnSpec = Partial<Record<JournalRole, string>>;

/**
 * The mapping from named columns over a first guess: a named column is taken from any guessed
 * role that held it. Unknown headers and numbers outside the table are errors (Russian).
 */
export function applyColumnSpec(
  headers: string[],
  guess: JournalMapping,
  spec: JournalColumnSpec,
): { mapping: JournalMapping; errors: string[] } {
  const mapping: JournalMapping = { ...guess };
  const errors: string[] = [];
  const listed = headers.map((h, i) => `${i + 1} «${h}»`).join(', ');
  for (const role of JOURNAL_ROLES) {
    const raw = spec[role]?.trim();
    if (!raw) continue;
    let col: number;
    if (/^\d+$/.test(raw)) {
      col = Number(raw) - 1;
      if (col < 0 || col >= headers.length) {
        errors.push(
          `столбца № ${raw} для «${JOURNAL_ROLE_LABELS[role]}» нет: в таблице столбцов ${headers.length}`,
        );
        continue;
      }
    } else {
      col = headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(raw));
      if (col < 0) {
        errors.push(
          `столбца «${raw}» для «${JOURNAL_ROLE_LABELS[role]}» нет; столбцы файла: ${listed}`,
        );
        continue;
      }
    }
    for (const other of JOURNAL_ROLES) {
      if (other !== role && spec[other] === undefined && mapping[other] === col) {
        mapping[other] = null;
      }
    }
    mapping[role] = col;
  }
  return { mapping, errors };
}

/** Headers that look like personal names: never read, listed in the preview. */
export const nameColumns = (headers: string[]): string[] =>
  headers.filter((h) =>
    /^(фио|ф\.и\.о|фамилия|имя|отчество|обучающийся|ученик)/.test(normaliseHeader(h)),
  );

export interface ParsedJournalFile {
  table: JournalTable;
  marks: MappedJournalMark[];
  issues: ImportIssue[];
}

/** Reads the file and maps its rows: marks and every problem as data, names never read. */
export async function parseJournalFile(
  fileName: string,
  bytes: Uint8Array,
  mapping: JournalMapping,
  subjects: SubjectRef[],
): Promise<ParsedJournalFile> {
  const table = await readJournalTable(fileName, bytes);
  if (table.issues.some((i) => i.severity === 'error'))
    return { table, marks: [], issues: table.issues };
  const mapped = mapJournalRows(
    { file: fileName, sheet: table.sheet },
    table.headers,
    table.rows,
    mapping,
    subjects,
  );
  const dropped = nameColumns(table.headers);
  const notes = dropped.length
    ? [
        issue(
          { file: fileName, sheet: table.sheet },
          'note',
          `столбцы с именами не читаются и не хранятся: ${dropped.map((d) => `«${d}»`).join(', ')}`,
        ),
      ]
    : [];
  return { table, marks: mapped.marks, issues: [...table.issues, ...mapped.issues, ...notes] };
}
