import {
  parseOfficialList,
  type OfficialList,
  type ParsedList,
  type SheetRows,
} from '../../core/objectivity/officialLists';
import { readCsvRows } from '../results/csv';
import { readTables, TableReadError } from '../tables';

/**
 * Reads an official list file (.xlsx — every sheet, or .csv in UTF-8 or Windows-1251 with `;`,
 * `,` or tab) and parses it. Never throws for bad files: problems come back as Russian errors.
 */
export async function readOfficialList(
  list: OfficialList,
  fileName: string,
  bytes: Buffer,
): Promise<ParsedList> {
  const lower = fileName.toLowerCase();
  let sheets: SheetRows[];
  if (lower.endsWith('.csv')) {
    const rows: SheetRows['rows'] = [];
    const read = readCsvRows(fileName, bytes, (r) => rows.push({ row: r.row, cells: r.cells }));
    if (read.failure) return { rows: [], errors: [`Файл «${fileName}»: ${read.failure.message}`] };
    sheets = [{ name: 'CSV', rows }];
  } else if (lower.endsWith('.xlsx')) {
    try {
      sheets = (await readTables(fileName, bytes)).map((s) => ({
        name: s.name,
        rows: s.rows.map((cells, i) => ({ row: i + 1, cells })),
      }));
    } catch (e) {
      if (e instanceof TableReadError)
        return { rows: [], errors: [`Файл «${fileName}»: ${e.message}`] };
      throw e;
    }
  } else {
    return {
      rows: [],
      errors: [`Файл «${fileName}»: поддерживаются файлы .xlsx и .csv (UTF-8 или Windows-1251)`],
    };
  }
  return parseOfficialList(list, fileName, sheets);
}
