/**
 * The regional ФИС ОКО aggregate table (docs/objectivity-card.md): one row per test (year ×
 * subject × grade) with the region's participants, % of marks 2–5, Понизили / Подтвердили /
 * Повысили % and the success % of each task in columns «Задание 1», «Задание 9.1», …
 *
 * The header row is the first row whose first non-empty cell is «Год» (title lines above it are
 * allowed). XLSX: the sheet «Регион», or the first sheet with such a header. Pure: text sheets in,
 * rows and Russian issues naming file, sheet, row and column out.
 */
import { findSubjectByName, type SubjectDef } from '../../core/registry/subjects';
import { columnLabel, issue, type ImportIssue, type IssueWhere } from '../../core/results/issues';
import type { TextSheet } from '../tables';

export interface RegionAggregateRow {
  procedure: 'vpr';
  /** Subject code of the catalog («rus»). */
  subject: string;
  grade: number;
  year: number;
  participants: number;
  markPercent: [number, number, number, number];
  journalPercent: [number, number, number] | null;
  taskPercent: Record<string, number>;
  /** 1-based row number in the file. */
  line: number;
}

export interface RegionAggregateFile {
  rows: RegionAggregateRow[];
  issues: ImportIssue[];
}

export const REGION_SHEET = 'Регион';
/** Shares of marks (and of the journal comparison) must add up to 100 % within rounding. */
const SUM_TOLERANCE = 1.5;

const norm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"%,.()\s]/g, '');

type Field =
  | 'year'
  | 'subject'
  | 'grade'
  | 'participants'
  | 'm2'
  | 'm3'
  | 'm4'
  | 'm5'
  | 'lowered'
  | 'confirmed'
  | 'raised';

const FIELDS: { field: Field; names: string[]; required: boolean; title: string }[] = [
  { field: 'year', names: ['год'], required: true, title: 'Год' },
  { field: 'subject', names: ['предмет'], required: true, title: 'Предмет' },
  { field: 'grade', names: ['класс', 'параллель'], required: true, title: 'Класс' },
  {
    field: 'participants',
    names: ['количествоучастников', 'колвоучастников', 'участников', 'участники'],
    required: true,
    title: 'Количество участников',
  },
  { field: 'm2', names: ['2', 'отметка2', 'доля2'], required: true, title: '«2»' },
  { field: 'm3', names: ['3', 'отметка3', 'доля3'], required: true, title: '«3»' },
  { field: 'm4', names: ['4', 'отметка4', 'доля4'], required: true, title: '«4»' },
  { field: 'm5', names: ['5', 'отметка5', 'доля5'], required: true, title: '«5»' },
  { field: 'lowered', names: ['понизили'], required: false, title: 'Понизили' },
  { field: 'confirmed', names: ['подтвердили'], required: false, title: 'Подтвердили' },
  { field: 'raised', names: ['повысили'], required: false, title: 'Повысили' },
];

const headerRowIndex = (sheet: TextSheet): number =>
  sheet.rows.findIndex((r) => norm(r.find((c) => c.trim() !== '') ?? '') === 'год');

/** The sheet to read: «Регион», else the first sheet with a «Год» header row. */
export function pickSheet(sheets: readonly TextSheet[]): TextSheet | null {
  const named = sheets.find((s) => s.name.trim().toLowerCase() === REGION_SHEET.toLowerCase());
  if (named) return named;
  return sheets.find((s) => headerRowIndex(s) >= 0) ?? null;
}

const number = (raw: string): number | null => {
  const text = raw.replace(/\s/g, '').replace(',', '.').replace(/%$/, '');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
};

export function parseRegionAggregates(
  fileName: string,
  sheets: readonly TextSheet[],
  subjects: readonly SubjectDef[],
): RegionAggregateFile {
  const sheet = pickSheet(sheets);
  const where: IssueWhere = {
    file: fileName,
    sheet: !sheet || (sheet.name === 'CSV' && sheets.length === 1) ? null : sheet.name,
  };
  const issues: ImportIssue[] = [];
  const rows: RegionAggregateRow[] = [];
  const headerAt = sheet ? headerRowIndex(sheet) : -1;
  if (!sheet || headerAt < 0) {
    issues.push(
      issue(
        { file: fileName, sheet: sheet?.name ?? null },
        'error',
        `не найдена строка заголовка таблицы (первый столбец «Год»); ожидается лист «${REGION_SHEET}» или CSV`,
      ),
    );
    return { rows, issues };
  }
  const header = sheet.rows[headerAt] as string[];
  const col = new Map<Field, number>();
  const tasks: { index: number; label: string }[] = [];
  header.forEach((h, i) => {
    const n = norm(h);
    if (!n) return;
    const task = /^задание\s*(.+)$/i.exec(h.trim());
    if (task) {
      tasks.push({ index: i, label: (task[1] as string).trim().replace(/^№\s*/, '') });
      return;
    }
    const f = FIELDS.find((x) =>
      x.names.some((name) => n === name || (name.length > 2 && n.startsWith(name))),
    );
    if (f && !col.has(f.field)) col.set(f.field, i);
  });
  const headerLine = headerAt + 1;
  for (const f of FIELDS) {
    if (f.required && !col.has(f.field))
      issues.push(issue(where, 'error', `нет столбца «${f.title}»`, headerLine));
  }
  const journalCols = (['lowered', 'confirmed', 'raised'] as const).filter((f) => col.has(f));
  if (journalCols.length && journalCols.length < 3)
    issues.push(
      issue(
        where,
        'error',
        'столбцы «Понизили», «Подтвердили», «Повысили» нужны все три или ни одного',
        headerLine,
      ),
    );
  const labels = new Set<string>();
  for (const t of tasks) {
    if (labels.has(t.label))
      issues.push(
        issue(
          where,
          'error',
          `задание «${t.label}» указано дважды`,
          headerLine,
          columnLabel(t.index, header[t.index] ?? ''),
        ),
      );
    labels.add(t.label);
  }
  if (issues.length) return { rows, issues };

  const seen = new Map<string, number>();
  for (let r = headerAt + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    if (cells.every((c) => c.trim() === '')) continue;
    const line = r + 1;
    const before = issues.length;
    const cell = (f: Field): { raw: string; column: string } => {
      const i = col.get(f) as number;
      return { raw: (cells[i] ?? '').trim(), column: columnLabel(i, header[i] ?? '') };
    };
    const bad = (column: string, message: string) =>
      issues.push(issue(where, 'error', message, line, column));
    const int = (f: Field, min: number, max: number, what: string): number => {
      const { raw, column } = cell(f);
      const v = number(raw);
      if (v === null || !Number.isInteger(v) || v < min || v > max) {
        bad(column, `${what}: ожидается целое число от ${min} до ${max}, получено «${raw}»`);
        return 0;
      }
      return v;
    };
    const percent = (raw: string, column: string, what: string): number => {
      const v = number(raw);
      if (v === null || v < 0 || v > 100) {
        bad(column, `${what}: ожидается процент от 0 до 100, получено «${raw}»`);
        return 0;
      }
      return v;
    };
    const year = int('year', 2000, 2100, 'год');
    const grade = int('grade', 1, 11, 'класс');
    const participants = int('participants', 1, 10_000_000, 'количество участников');
    const subj = cell('subject');
    const subject =
      findSubjectByName(subjects, subj.raw) ??
      subjects.find(
        (s) => s.code === subj.raw.toLowerCase() || s.shortName === subj.raw.toUpperCase(),
      );
    if (!subject) bad(subj.column, `неизвестный предмет «${subj.raw}»`);
    const markPercent = (['m2', 'm3', 'm4', 'm5'] as const).map((f) => {
      const { raw, column } = cell(f);
      return percent(raw, column, `доля отметки ${f.slice(1)}`);
    }) as [number, number, number, number];
    let journalPercent: [number, number, number] | null = null;
    if (journalCols.length === 3) {
      const raws = journalCols.map((f) => cell(f));
      if (raws.some((c) => c.raw !== '')) {
        journalPercent = raws.map((c, k) =>
          percent(c.raw, c.column, ['понизили', 'подтвердили', 'повысили'][k] as string),
        ) as [number, number, number];
      }
    }
    const taskPercent: Record<string, number> = {};
    for (const t of tasks) {
      const raw = (cells[t.index] ?? '').trim();
      if (raw === '' || raw === '-' || raw === '—') continue;
      taskPercent[t.label] = percent(
        raw,
        columnLabel(t.index, header[t.index] ?? ''),
        `выполнение задания ${t.label}`,
      );
    }
    if (issues.length > before || !subject) continue;
    const sum = markPercent.reduce((a, x) => a + x, 0);
    if (Math.abs(sum - 100) > SUM_TOLERANCE)
      bad(
        cell('m2').column,
        `доли отметок «2»–«5» в сумме дают ${sum.toFixed(1).replace('.', ',')} %, а не 100 %`,
      );
    if (journalPercent) {
      const js = journalPercent.reduce((a, x) => a + x, 0);
      if (Math.abs(js - 100) > SUM_TOLERANCE)
        bad(
          cell('lowered').column,
          `«Понизили», «Подтвердили», «Повысили» в сумме дают ${js.toFixed(1).replace('.', ',')} %, а не 100 %`,
        );
    }
    const key = `${subject.code}|${grade}|${year}`;
    const earlier = seen.get(key);
    if (earlier !== undefined)
      bad(
        subj.column,
        `${subject.name}, ${grade} класс, ${year} год уже указан в строке ${earlier}`,
      );
    seen.set(key, line);
    if (issues.length > before) continue;
    rows.push({
      procedure: 'vpr',
      subject: subject.code,
      grade,
      year,
      participants,
      markPercent,
      journalPercent,
      taskPercent,
      line,
    });
  }
  if (!rows.length && !issues.length)
    issues.push(issue(where, 'error', 'в таблице нет строк с данными', headerLine));
  return { rows, issues };
}
