/**
 * A problem found in an imported file. Errors refuse the import; warnings are shown in the
 * preview and the import may go on; notes say what was derived or dropped.
 */
export type IssueSeverity = 'error' | 'warning' | 'note';

export interface ImportIssue {
  severity: IssueSeverity;
  file: string;
  sheet: string | null;
  /** 1-based row number in the sheet or CSV file. */
  row: number | null;
  /** Column header as written in the file (with its 1-based number). */
  column: string | null;
  message: string;
}

export interface IssueWhere {
  file: string;
  sheet: string | null;
}

export const issue = (
  where: IssueWhere,
  severity: IssueSeverity,
  message: string,
  row: number | null = null,
  column: string | null = null,
): ImportIssue => ({ severity, file: where.file, sheet: where.sheet, row, column, message });

/** «Файл «a.xlsx», лист «Протокол», строка 7, столбец 5 «4 (2б)»: …». */
export function formatIssue(i: ImportIssue): string {
  const parts = [`Файл «${i.file}»`];
  if (i.sheet) parts.push(`лист «${i.sheet}»`);
  if (i.row !== null) parts.push(`строка ${i.row}`);
  if (i.column !== null) parts.push(`столбец ${i.column}`);
  return `${parts.join(', ')}: ${i.message}`;
}

/** «5 «4 (2б)»»: the column's number and its header. */
export const columnLabel = (index: number, header: string): string =>
  header ? `${index + 1} «${header.replace(/\s+/g, ' ').trim()}»` : String(index + 1);
