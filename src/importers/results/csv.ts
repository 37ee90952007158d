import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { issue } from '../../core/results/issues';
import type { RawRow } from './types';

export type CsvEncoding = 'utf-8' | 'windows-1251';

/**
 * Decodes CSV bytes: UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise
 * Windows-1251, as Excel saves «CSV (разделители — точка с запятой)» on Russian Windows.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(
      hasBom ? bytes.subarray(3) : bytes,
    );
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'win1251'), encoding: 'windows-1251' };
  }
}

/** `;`, `,` or tab: the one that splits the first lines most often (quotes respected). */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let inQuotes = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < 30; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
    else if (!inQuotes && ch === '\n') lines++;
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[','] > counts[';'] ? ',' : ';';
}

export interface CsvReadResult {
  encoding: CsvEncoding;
  delimiter: string;
  /** A Russian message when the file cannot be read to the end (e.g. an unclosed quote). */
  failure: ReturnType<typeof issue> | null;
}

/** Reads CSV bytes row by row into `onRow`; rows are not kept, so large files stay cheap. */
export function readCsvRows(
  file: string,
  bytes: Uint8Array,
  onRow: (row: RawRow) => void,
): CsvReadResult {
  const { text, encoding } = decodeCsv(bytes);
  const delimiter = detectDelimiter(text);
  try {
    parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      on_record: (record: string[], context) => {
        onRow({ row: context.lines, cells: record });
        return null;
      },
    });
    return { encoding, delimiter, failure: null };
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? null;
    return {
      encoding,
      delimiter,
      failure: issue(
        { file, sheet: null },
        'error',
        `файл CSV повреждён или обрезан (${error instanceof Error ? error.message : String(error)})`,
        line,
      ),
    };
  }
}
