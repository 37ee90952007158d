import { invalid } from '../../core/errors';
import { parseDocumentHeader, type DocumentHeader } from '../../core/plans/header';
import {
  buildStructure,
  type ColumnMapping,
  type RawTable,
  type TableStructure,
} from '../../core/plans/table';
import { readDocx } from './docx';
import { readXlsx } from './xlsx';

export interface PlanFile {
  paragraphs: string[];
  tables: RawTable[];
}

export interface PlanImport {
  header: DocumentHeader;
  structure: TableStructure;
  /** The first rows of the first table, for the column-mapping preview. */
  sample: string[][];
  /** The mapping used (detected, or the one given). */
  mapping: ColumnMapping;
}

/** Reads a DOCX or XLSX plan file into paragraphs and tables. */
export async function readPlanFile(
  bytes: Buffer | Uint8Array,
  fileName: string,
): Promise<PlanFile> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.docx')) return readDocx(bytes, fileName);
  if (lower.endsWith('.xlsx')) return readXlsx(bytes, fileName);
  throw invalid(`Файл «${fileName}»: поддерживаются таблицы плана в форматах DOCX и XLSX`);
}

/** The plan found in a file: header, structure and the mapping of columns. All or nothing. */
export async function importPlanFile(
  bytes: Buffer | Uint8Array,
  fileName: string,
  mapping?: ColumnMapping,
): Promise<PlanImport> {
  const file = await readPlanFile(bytes, fileName);
  if (!file.tables.length) throw invalid(`В файле «${fileName}» нет таблицы плана`);
  const structure = buildStructure(file.tables, mapping);
  const used = mapping ?? structure.mappings.find((m) => m !== null) ?? undefined;
  if (!used || used.text === undefined) {
    throw invalid(
      `Файл «${fileName}», таблица 1: не найдена строка заголовка с колонкой «Мероприятия»; укажите колонки вручную`,
    );
  }
  if (!structure.activities.length) {
    throw invalid(`Файл «${fileName}»: в таблице не найдено ни одного мероприятия`);
  }
  const sample = (file.tables[0]?.rows ?? [])
    .slice(0, 6)
    .map((row) => row.flatMap((c) => [c.text, ...Array.from({ length: c.span - 1 }, () => '')]));
  return { header: parseDocumentHeader(file.paragraphs), structure, sample, mapping: used };
}
