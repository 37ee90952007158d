import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { formatTaskHeader } from '../../core/results/taskHeader';
import type { Mark, TaskDef } from '../../core/results/types';

/**
 * Writers of the ФИС ОКО result files. The demo district, the benchmark and the test fixtures
 * use them so that their files go through exactly the same importers as users' files.
 */

export type Cell = string | number;
export type Table = Cell[][];

export interface ExportWork {
  schoolLogin: string;
  schoolName: string;
  participantCode: string;
  className: string;
  variant: number | null;
  absent: boolean;
  /** null = not attempted (written «X»). */
  scores: (number | null)[];
  mark: Mark | null;
  journalMark: Mark | null;
  /** Only the school form has a gender column. */
  gender?: 'М' | 'Ж' | null;
}

const sum = (scores: readonly (number | null)[]) =>
  scores.reduce<number>((s, x) => s + (x ?? 0), 0);

/** «Индивидуальные результаты»: title lines, level row, header, one row per participant. */
export function individualResultsTable(spec: {
  title: string;
  municipality: string;
  tasks: readonly TaskDef[];
  works: readonly ExportWork[];
}): Table {
  const max = spec.tasks.reduce((s, t) => s + t.max, 0);
  const lead = ['ОО', 'Муниципалитет', 'Название ОО', 'Код участника', 'Класс', 'Вариант'];
  const rows: Table = [
    [spec.title],
    [`Максимальный первичный балл: ${max}`],
    [`${spec.municipality} | Кол-во участников: ${spec.works.filter((w) => !w.absent).length}`],
    [...lead.map(() => ''), ...spec.tasks.map((t) => t.level ?? ''), '', '', ''],
    [
      ...lead,
      ...spec.tasks.map((t) => formatTaskHeader(t.code, t.max)),
      'Первичный балл',
      'Отметка',
      'Отметка по журналу',
    ],
  ];
  for (const w of spec.works) {
    const head = [w.schoolLogin, spec.municipality, w.schoolName, w.participantCode, w.className];
    const journal = w.journalMark ?? 'нет отметки';
    if (w.absent) {
      rows.push([...head, 'отсутствовал', ...spec.tasks.map(() => ''), '', '', journal]);
    } else {
      rows.push([
        ...head,
        w.variant ?? '',
        ...w.scores.map((s) => s ?? 'X'),
        sum(w.scores),
        w.mark ?? 'X',
        journal,
      ]);
    }
  }
  return rows;
}

/** «Форма сбора результатов», sheet «Протокол»: no title, no maxima, no marks. */
export function schoolFormTable(spec: {
  tasks: readonly TaskDef[];
  works: readonly ExportWork[];
}): Table {
  const rows: Table = [
    [
      'Код участника',
      'Вариант',
      'Наименование класса',
      'Пол',
      ...spec.tasks.map((t) => t.code),
      'Отметка за предыдущий триместр/ четверть/полугодие',
      'Итого баллов',
    ],
  ];
  for (const w of spec.works) {
    const journal = w.journalMark ?? '';
    const gender = w.gender ?? '';
    if (w.absent) {
      rows.push([
        w.participantCode,
        'отсутствовал',
        w.className,
        gender,
        ...spec.tasks.map(() => ''),
        journal,
        '',
      ]);
    } else {
      rows.push([
        w.participantCode,
        w.variant ?? '',
        w.className,
        gender,
        ...w.scores.map((s) => s ?? 'X'),
        journal,
        sum(w.scores),
      ]);
    }
  }
  return rows;
}

const quote = (cell: Cell, delimiter: string): string => {
  const text = String(cell);
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** CSV as Excel saves it: CRLF lines, `;` and Windows-1251 by default. */
export function tableToCsv(
  table: Table,
  options: { delimiter?: ';' | ','; encoding?: 'windows-1251' | 'utf-8' } = {},
): Buffer {
  const delimiter = options.delimiter ?? ';';
  const width = Math.max(...table.map((r) => r.length));
  const text = table
    .map((r) => {
      // Excel pads every line to the table's width, title lines included.
      const padded = [...r, ...Array.from({ length: width - r.length }, () => '')];
      return padded.map((c) => quote(c, delimiter)).join(delimiter);
    })
    .join('\r\n');
  return options.encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'win1251');
}

/** An XLSX workbook with one table per sheet; numbers stay numbers. */
export async function tablesToXlsx(sheets: { name: string; table: Table }[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    for (const row of sheet.table) ws.addRow(row).commit();
    ws.commit();
  }
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
