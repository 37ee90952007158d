import ExcelJS from 'exceljs';
import { invalid } from '../../core/errors';
import type { RawTable } from '../../core/plans/table';

/**
 * Reads an XLSX for plan import: rows above the table become paragraphs (title, approval), the
 * rest one table per sheet. Merged cells: a cell covered by a horizontal merge repeats its
 * master's text (so a section row reads as one text across), a vertical continuation is marked.
 */
export interface XlsxContent {
  paragraphs: string[];
  tables: RawTable[];
}

const cellText = (cell: ExcelJS.Cell): string => {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10).split('-').reverse().join('.');
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  return String(v);
};

export async function readXlsx(bytes: Buffer | Uint8Array, fileName: string): Promise<XlsxContent> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw invalid(`Файл «${fileName}» не является книгой XLSX`);
  }
  const content: XlsxContent = { paragraphs: [], tables: [] };
  for (const sheet of workbook.worksheets) {
    const rows: RawTable['rows'] = [];
    let tableStarted = false;
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells = [];
      for (let c = 1; c <= sheet.columnCount; c++) {
        const cell = row.getCell(c);
        const master = cell.master;
        const vertical = cell.isMerged && master.row !== cell.row && master.col === cell.col;
        cells.push({ text: cellText(master).trim(), span: 1, merged: vertical });
      }
      const filled = cells.filter((c) => c.text);
      if (!tableStarted && filled.length <= 1 && !content.tables.length) {
        if (filled[0]) content.paragraphs.push(filled[0].text);
        continue;
      }
      tableStarted = true;
      rows.push(cells);
    }
    if (rows.length) content.tables.push({ rows });
  }
  if (!content.tables.length) throw invalid(`В файле «${fileName}» нет таблицы плана`);
  return content;
}
