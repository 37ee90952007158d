import { issue } from '../../core/results/issues';
import { readCsvRows } from './csv';
import { ResultsTableParser } from './tableParser';
import type { ParsedResultsFile } from './types';
import { WorkStore } from './workStore';
import { readXlsxRows } from './xlsx';

export type { ParsedResultsFile, ResultsFileKind, TaskColumn } from './types';
export { RESULTS_FILE_KIND_LABELS } from './types';

/** The sheet the school form uses. */
export const PROTOCOL_SHEET = 'Протокол';

export type ResultsFileFormat = 'xlsx' | 'csv';

/** XLSX by its ZIP signature, otherwise CSV; the name is only a hint. */
export function detectFormat(fileName: string, bytes: Uint8Array): ResultsFileFormat | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  if (/\.xls$/i.test(fileName) && bytes[0] === 0xd0 && bytes[1] === 0xcf) return null;
  return 'csv';
}

const emptyResult = (file: string, sheet: string | null, message: string): ParsedResultsFile => ({
  file,
  sheet,
  kind: null,
  title: null,
  maxTotal: null,
  schoolLoginHint: null,
  tasks: [],
  works: new WorkStore(0),
  droppedNameColumns: [],
  issues: [issue({ file, sheet }, 'error', message)],
});

export interface ParseOptions {
  /** Grade from the upload form, for class names written as a letter only. */
  grade?: number | null;
}

/**
 * Parses a ФИС ОКО results file («Индивидуальные результаты» or «Форма сбора результатов»),
 * XLSX or CSV (UTF-8 / Windows-1251, `;` / `,`). Reading is the caller's job: this takes bytes.
 * Returns works and issues as data; names are dropped.
 */
export async function parseResultsFile(
  fileName: string,
  bytes: Uint8Array,
  options: ParseOptions = {},
): Promise<ParsedResultsFile> {
  if (!bytes.length) return emptyResult(fileName, null, 'Файл пуст');
  const format = detectFormat(fileName, bytes);
  if (format === null) {
    return emptyResult(
      fileName,
      null,
      'Формат XLS (Excel 97–2003) не поддерживается: сохраните файл как XLSX или CSV',
    );
  }
  if (format === 'csv') {
    const parser = new ResultsTableParser({
      file: fileName,
      sheet: null,
      strictWidth: true,
      ...options,
    });
    const read = readCsvRows(
      fileName,
      bytes,
      (row) => parser.push(row),
      (text, start, end, row, delimiter) => parser.pushLine(text, start, end, row, delimiter),
    );
    const result = parser.finish();
    if (read.failure) result.issues.unshift(read.failure);
    return result;
  }
  const parsers: { name: string; parser: ResultsTableParser }[] = [];
  try {
    await readXlsxRows(bytes, (name) => {
      const parser = new ResultsTableParser({
        file: fileName,
        sheet: name,
        strictWidth: false,
        ...options,
      });
      parsers.push({ name, parser });
      return parser;
    });
  } catch (error) {
    return emptyResult(
      fileName,
      null,
      `файл XLSX повреждён или обрезан (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (!parsers.length) return emptyResult(fileName, null, 'В книге нет листов');
  const results = parsers.map((p) => ({ name: p.name, result: p.parser.finish() }));
  const protocol = results.find(
    (r) => r.name.trim().toLowerCase() === PROTOCOL_SHEET.toLowerCase(),
  );
  const chosen = protocol ?? results.find((r) => r.result.kind !== null) ?? results[0];
  return (chosen as (typeof results)[number]).result;
}
