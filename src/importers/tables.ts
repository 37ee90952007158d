import ExcelJS from 'exceljs';

/** A sheet as text cells; `rows[0]` is spreadsheet row 1. */
export interface TextSheet {
  name: string;
  rows: string[][];
}

export class TableReadError extends Error {}

const pad = (n: number) => String(n).padStart(2, '0');

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value).trim();
}

async function readXlsx(bytes: Buffer): Promise<TextSheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new TableReadError('файл не читается как книга Excel (.xlsx)');
  }
  return workbook.worksheets.map((ws) => {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell.value).trim();
      });
      rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
    });
    return { name: ws.name, rows: Array.from(rows, (r) => r ?? []) };
  });
}

/** CSV with `;` or `,` (whichever the header uses more), double quotes, UTF-8 with or without BOM. */
export function parseCsv(text: string): string[][] {
  const clean = text.replace(/^\uFEFF/, '');
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? '';
  const sep =
    (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < clean.length; i++) {
    const ch = clean[i];
    if (quoted) {
      if (ch === '"' && clean[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      row.push(cell.trim());
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && clean[i + 1] === '\n') i++;
      row.push(cell.trim());
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell.trim());
    rows.push(row);
  }
  return rows;
}

/** Reads an uploaded table file by its extension: .xlsx (every sheet) or .csv (one sheet). */
export async function readTables(fileName: string, bytes: Buffer): Promise<TextSheet[]> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return readXlsx(bytes);
  if (lower.endsWith('.csv')) {
    const text = bytes.toString('utf8');
    if (text.includes('\uFFFD')) throw new TableReadError('CSV должен быть в кодировке UTF-8');
    return [{ name: 'CSV', rows: parseCsv(text) }];
  }
  throw new TableReadError('поддерживаются файлы .xlsx и .csv');
}
