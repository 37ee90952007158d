import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { issue } from '../../core/results/issues';
import type { RawRow } from './types';

export type CsvEncoding = 'utf-8' | 'windows-1251';

/** Node's decoder (ICU) when it has Windows-1251: a few times faster than iconv-lite. */
const win1251 = (() => {
  try {
    return new TextDecoder('windows-1251');
  } catch {
    return null;
  }
})();

/**
 * Windows-1251 text. The one byte the code page leaves undefined (0x98) reads as U+FFFD, as
 * iconv-lite reads it.
 */
export function decodeWindows1251(bytes: Uint8Array): string {
  if (!win1251) return iconv.decode(Buffer.from(bytes), 'win1251');
  const text = win1251.decode(bytes);
  return text.includes('\u0098') ? text.replace(/\u0098/g, '\ufffd') : text;
}

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
    return { text: decodeWindows1251(bytes), encoding: 'windows-1251' };
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

/**
 * Takes an unquoted row as `text[start, end)` without splitting it; false leaves the row to
 * `onRow` as cells.
 */
export type LineReader = (
  text: string,
  start: number,
  end: number,
  row: number,
  delimiter: string,
) => boolean;

/** Reads CSV bytes row by row into `onRow`; rows are not kept, so large files stay cheap. */
export function readCsvRows(
  file: string,
  bytes: Uint8Array,
  onRow: (row: RawRow) => void,
  onLine?: LineReader,
): CsvReadResult {
  const { text, encoding } = decodeCsv(bytes);
  const delimiter = detectDelimiter(text);
  if (!text.includes('"')) {
    // Without quotes CSV is plain lines and delimiters; this path is ~10× faster than the
    // general parser on region-size files. Quoted files go through csv-parse.
    let row = 0;
    let start = 0;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const stop = text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      row++;
      if ((end < text.length || stop > start) && !onLine?.(text, start, stop, row, delimiter))
        onRow({ row, cells: text.slice(start, stop).split(delimiter) });
      start = end + 1;
    }
    return { encoding, delimiter, failure: null };
  }
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
