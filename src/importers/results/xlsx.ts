import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RawRow } from './types';

/** The text of a cell as shown in Excel (numbers without formatting, formulas by result). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as {
      richText?: { text: string }[];
      result?: unknown;
      text?: unknown;
      error?: unknown;
    };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error !== undefined) return String(v.error);
  }
  return '';
}

export interface SheetSink {
  push(row: RawRow): void;
}

/**
 * Streams every worksheet of an XLSX file (ExcelJS streaming reader: memory stays flat as files
 * grow). `sinkFor` is called once per sheet with its name and receives that sheet's rows.
 */
export async function readXlsxRows(
  bytes: Uint8Array,
  sinkFor: (sheetName: string) => SheetSink,
): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    const sink = sinkFor((sheet as unknown as { name: string }).name);
    for await (const row of sheet) {
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
      sink.push({ row: row.number, cells });
    }
  }
}
