import ExcelJS from 'exceljs';

export interface SheetColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | boolean | Date | null;
}

export interface Sheet<T> {
  name: string;
  /** Lines above the table (title, filters applied, date of export). */
  title?: string[];
  columns: SheetColumn<T>[];
  rows: readonly T[];
}

/** An XLSX workbook of simple tables: bold frozen header, auto-filter, column widths. */
export async function renderXlsx(sheets: Sheet<never>[] | Sheet<unknown>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'vsoko';
  for (const sheet of sheets as Sheet<unknown>[]) {
    const ws = workbook.addWorksheet(sheet.name.slice(0, 31));
    for (const line of sheet.title ?? []) ws.addRow([line]).font = { bold: true };
    if (sheet.title?.length) ws.addRow([]);
    const headerRow = ws.addRow(sheet.columns.map((c) => c.header));
    headerRow.font = { bold: true };
    headerRow.alignment = { wrapText: true, vertical: 'top' };
    for (const row of sheet.rows) ws.addRow(sheet.columns.map((c) => c.value(row)));
    sheet.columns.forEach((c, i) => {
      ws.getColumn(i + 1).width = c.width ?? Math.min(60, Math.max(10, c.header.length + 2));
    });
    ws.views = [{ state: 'frozen', ySplit: headerRow.number }];
    ws.autoFilter = {
      from: { row: headerRow.number, column: 1 },
      to: { row: headerRow.number, column: sheet.columns.length },
    };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
