import { columnLabel, issue, type ImportIssue, type IssueWhere } from '../../core/results/issues';
import { parseClassName } from '../../core/results/classes';
import { parseTaskHeader } from '../../core/results/taskHeader';
import {
  findSchoolLogin,
  normaliseSchoolLogin,
  parseMaxPrimaryLine,
  parseTestTitle,
  type ParsedTitle,
} from '../../core/results/title';
import type { ParsedWork } from '../../core/results/works';
import { TASK_LEVELS, type TaskLevel } from '../../core/results/types';
import {
  isAbsentWord,
  isEmptyCell,
  parseCount,
  readGender,
  readMark,
  readScore,
  type CellResult,
} from './cells';
import { classifyHeader, isTaskGroupLabel } from './columns';
import {
  FIELD_ROLES,
  plainLayout,
  plainValues,
  plainWork,
  readPlainRow,
  type Field,
  type PlainLayout,
  type PlainValues,
} from './plainRow';
import type { ParsedResultsFile, RawRow, TaskColumn } from './types';
import { WorkStore } from './workStore';

/** How many rows above the table may hold titles before the header is given up on. */
const MAX_HEADER_SEARCH = 40;

interface Layout {
  fields: Map<Field, number>;
  /** Column index of each field (-1 when the table has none), for reading rows. */
  at: Record<Field, number>;
  tasks: TaskColumn[];
  width: number;
  headers: string[];
}

/** A whole non-negative integer of plain digits (the common case), else -1. */
function digits(raw: string): number {
  const n = raw.length;
  if (n === 0 || n > 9) return -1;
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = raw.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** A cell's text without non-breaking spaces and surrounding blanks. */
const clean = (c: string): string => (c.includes('\u00a0') ? c.replace(/\u00a0/g, ' ') : c).trim();

/** Cleans the cells in place; most cells need nothing and are left as they are. */
function cleanCells(cells: string[]): string[] {
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k] as string;
    if (c.trim() !== c || c.includes('\u00a0')) cells[k] = clean(c);
  }
  return cells;
}

const FIELDS = Object.keys(FIELD_ROLES) as Field[];

const isEmptyText = (c: string): boolean => !c;

/** The largest value a smallint column stores (variant, primary and test scores). */
const SMALLINT_MAX = 32767;

export interface TableParserOptions {
  /** The file name as uploaded (used in messages and to find a `sch…` login). */
  file: string;
  sheet: string | null;
  /** CSV rows must be as wide as the header; XLSX rows omit empty trailing cells. */
  strictWidth: boolean;
  /** Grade from the upload form, for class names written as a letter only. */
  grade?: number | null;
}

/**
 * Reads a ФИС ОКО results table row by row (so that large files stream): title lines, the
 * optional level row (Б/П/В), the header (one or two rows, merged cells allowed), then one row
 * per participant. Recognises «Индивидуальные результаты» (has an «ОО» column) and «Форма сбора
 * результатов». Never throws on bad data: problems become issues with row and column.
 */
export class ResultsTableParser {
  private readonly where: IssueWhere;
  private readonly pending: RawRow[] = [];
  private layout: Layout | null = null;
  private gaveUp = false;
  private title: ParsedTitle | null = null;
  private maxTotal: number | null = null;
  private loginHint: string | null;
  private works = new WorkStore(0);
  /** Parsed class names for the grade they were parsed with. */
  private readonly classCache = new Map<string, ReturnType<typeof parseClassName>>();
  private classGrade: number | null = null;
  private readonly loginCache = new Map<string, string>();
  private readonly issues: ImportIssue[] = [];
  private readonly dropped: string[] = [];
  private skipRow = -1;
  private rowsSeen = 0;
  /** The plain-row reader's layout (CSV only) and its reusable values. */
  private plain: { layout: PlainLayout; values: PlainValues } | null = null;

  constructor(private readonly options: TableParserOptions) {
    this.where = { file: options.file, sheet: options.sheet };
    this.loginHint = findSchoolLogin(options.file);
  }

  push(raw: RawRow): void {
    this.rowsSeen++;
    const row = { row: raw.row, cells: cleanCells(raw.cells) };
    if (this.layout) {
      if (row.row !== this.skipRow) this.readWork(row, this.layout);
      return;
    }
    if (this.gaveUp) return;
    this.pending.push(row);
    if (this.pending.length > MAX_HEADER_SEARCH + 1) this.tryHeader(true);
    else this.tryHeader(false);
  }

  /**
   * A CSV row as `text[start, end)`: read here when it is a plain work row (`plainRow.ts`);
   * false hands it back to be split into cells and `push`ed.
   */
  pushLine(text: string, start: number, end: number, row: number, delimiter: string): boolean {
    const plain = this.plain;
    if (!plain || row === this.skipRow) return false;
    const v = plain.values;
    if (!readPlainRow(text, start, end, delimiter, plain.layout, v)) return false;
    const cls = v.className ? this.classOf(v.className) : null;
    if (v.className && !cls) return false;
    this.rowsSeen++;
    this.works.push(plainWork(row, v, v.school ? this.loginOf(v.school) : null, cls));
    return true;
  }

  finish(): ParsedResultsFile {
    if (!this.layout && !this.gaveUp) this.tryHeader(true);
    if (!this.layout && !this.gaveUp) this.giveUp();
    const layout = this.layout;
    if (layout && !this.works.length) {
      this.issues.push(issue(this.where, 'error', 'В таблице нет ни одной строки с результатами'));
    }
    if (this.dropped.length) {
      this.issues.push(
        issue(
          this.where,
          'note',
          `Столбцы с именами (${this.dropped.map((d) => `«${d}»`).join(', ')}) не загружаются: система хранит только коды участников`,
        ),
      );
    }
    return {
      file: this.options.file,
      sheet: this.options.sheet,
      kind: layout ? (layout.fields.has('school') ? 'individual' : 'school_form') : null,
      title: this.title,
      maxTotal: this.maxTotal,
      schoolLoginHint: this.loginHint,
      tasks: layout?.tasks ?? [],
      works: this.works,
      droppedNameColumns: this.dropped,
      issues: this.issues,
    };
  }

  private giveUp(): void {
    this.gaveUp = true;
    this.issues.push(
      issue(
        this.where,
        'error',
        this.rowsSeen === 0 || this.pending.every((r) => r.cells.every((c) => !c))
          ? 'Лист пуст: в нём нет таблицы с результатами'
          : 'Не найдена строка заголовка таблицы: нужен столбец «Код участника» (или «Номер обучающегося») и столбцы заданий',
      ),
    );
  }

  /** Looks for the header among the pending rows; `final` when no more rows will come first. */
  private tryHeader(final: boolean): void {
    const rows = this.pending;
    for (let i = 0; i < rows.length; i++) {
      const current = rows[i] as RawRow;
      if (!current.cells.some((c) => classifyHeader(c) === 'code')) continue;
      // A two-row header needs the next row; wait for it unless the input ended.
      const next = rows[i + 1];
      if (!next && !final) return;
      this.buildLayout(rows.slice(0, i), current, next ?? null);
      const after = rows.slice(i + 1);
      this.pending.length = 0;
      if (this.layout)
        for (const r of after) if (r.row !== this.skipRow) this.readWork(r, this.layout);
      return;
    }
    if (final && rows.length) this.giveUp();
  }

  private buildLayout(above: RawRow[], header: RawRow, next: RawRow | null): void {
    for (const r of above) {
      const line = r.cells.filter(Boolean).join(' ');
      this.title ??= parseTestTitle(line);
      this.maxTotal ??= parseMaxPrimaryLine(line);
      this.loginHint ??= findSchoolLogin(line);
    }
    // Two-row header: task numbers in the row below, under a merged «Задания» cell or blanks.
    const taskInNext =
      next !== null &&
      next.cells.filter((c, j) => {
        const top = header.cells[j] ?? '';
        return parseTaskHeader(c) !== null && (top === '' || isTaskGroupLabel(top));
      }).length >= 2;
    const width = Math.max(header.cells.length, taskInNext && next ? next.cells.length : 0);
    const headers: string[] = [];
    for (let j = 0; j < width; j++) {
      const top = header.cells[j] ?? '';
      const below = taskInNext && next ? (next.cells[j] ?? '') : '';
      headers.push(below && (top === '' || isTaskGroupLabel(top)) ? below : top);
    }
    if (taskInNext && next) this.skipRow = next.row;
    const levelRow = above[above.length - 1];
    const fields: Layout['fields'] = new Map();
    const tasks: TaskColumn[] = [];
    headers.forEach((h, j) => {
      if (!h || isTaskGroupLabel(h)) return;
      const field = classifyHeader(h);
      if (field === 'name') {
        this.dropped.push(h.replace(/\s+/g, ' '));
        return;
      }
      if (field === 'ignored') return;
      if (field) {
        if (fields.has(field)) {
          this.issues.push(
            issue(
              this.where,
              'warning',
              `Столбец повторяется и не загружается (используется первый такой столбец)`,
              header.row,
              columnLabel(j, h),
            ),
          );
        } else fields.set(field, j);
        return;
      }
      const task = parseTaskHeader(h);
      if (task) {
        const levelCell = (levelRow?.cells[j] ?? '').toUpperCase();
        const level = (TASK_LEVELS as readonly string[]).includes(levelCell)
          ? (levelCell as TaskLevel)
          : null;
        if (tasks.some((t) => t.code === task.code)) {
          this.issues.push(
            issue(
              this.where,
              'error',
              `Задание ${task.code} указано дважды`,
              header.row,
              columnLabel(j, h),
            ),
          );
          return;
        }
        tasks.push({ ...task, level, index: j, header: h.replace(/\s+/g, ' ') });
        return;
      }
      this.issues.push(
        issue(
          this.where,
          'warning',
          'Столбец не распознан и не загружается',
          header.row,
          columnLabel(j, h),
        ),
      );
    });
    if (!tasks.length && !fields.has('total')) {
      this.gaveUp = true;
      this.issues.push(
        issue(
          this.where,
          'error',
          'В заголовке нет столбцов заданий (ожидаются «1», «2», … или «1 (2б)», «2 (1б)», …)',
          header.row,
        ),
      );
      return;
    }
    const withMax = tasks.filter((t) => t.max !== null).length;
    if (withMax && withMax < tasks.length) {
      this.issues.push(
        issue(
          this.where,
          'error',
          'Максимальный балл указан не у всех заданий (ожидается вид «1 (2б)» у каждого)',
          header.row,
        ),
      );
    }
    const at = Object.fromEntries(FIELDS.map((f) => [f, fields.get(f) ?? -1])) as Record<
      Field,
      number
    >;
    this.layout = { fields, at, tasks, width, headers };
    if (this.options.strictWidth) {
      this.plain = {
        layout: plainLayout(fields, tasks, width),
        values: plainValues(tasks.length),
      };
    }
    this.works = new WorkStore(tasks.length);
  }

  private cell(r: RawRow, layout: Layout, field: Field): string {
    const j = layout.at[field];
    return j < 0 ? '' : (r.cells[j] ?? '');
  }

  private col(layout: Layout, field: Field): string {
    const j = layout.fields.get(field) ?? 0;
    return columnLabel(j, layout.headers[j] ?? '');
  }

  private fail(r: RawRow, message: string, column: string | null = null): void {
    this.issues.push(issue(this.where, 'error', message, r.row, column));
  }

  /** A cell read by `read`; a bad value is an error naming the column. */
  private take<T>(r: RawRow, res: CellResult<T>, layout: Layout, field: Field): T | null {
    if (res.ok) return res.value;
    this.fail(r, res.message, this.col(layout, field));
    return null;
  }

  private classOf(raw: string): ReturnType<typeof parseClassName> {
    const grade = this.options.grade ?? this.title?.grade ?? null;
    if (grade !== this.classGrade) {
      this.classCache.clear();
      this.classGrade = grade;
    }
    let cls = this.classCache.get(raw);
    if (cls === undefined) {
      cls = parseClassName(raw, grade);
      this.classCache.set(raw, cls);
    }
    return cls;
  }

  private loginOf(raw: string): string {
    let login = this.loginCache.get(raw);
    if (login === undefined) {
      login = normaliseSchoolLogin(raw);
      this.loginCache.set(raw, login);
    }
    return login;
  }

  private readWork(r: RawRow, layout: Layout): void {
    if (r.cells.every(isEmptyText)) return;
    const errorsBefore = this.issues.length;
    if (this.options.strictWidth && r.cells.length < layout.width) {
      this.fail(
        r,
        `в строке ${r.cells.length} столбцов, в заголовке ${layout.width}: строка неполная (файл обрезан или повреждён?)`,
      );
      return;
    }
    const code = this.cell(r, layout, 'code').replace(/\.0+$/, '');
    if (!code) {
      this.fail(r, 'не указан код участника', this.col(layout, 'code'));
      return;
    }
    const variantRaw = this.cell(r, layout, 'variant');
    let absent = variantRaw !== '' && digits(variantRaw) < 0 && isAbsentWord(variantRaw);
    let variant: number | null = null;
    if (!absent && variantRaw && !isEmptyCell(variantRaw)) {
      variant = digits(variantRaw);
      if (variant < 0) variant = parseCount(variantRaw);
      if (variant === null || variant > SMALLINT_MAX)
        this.fail(
          r,
          `вариант «${variantRaw}» не распознан (ожидается номер варианта или «отсутствовал»)`,
          this.col(layout, 'variant'),
        );
    }
    const tasks = layout.tasks;
    const scores: (number | null)[] = new Array<number | null>(tasks.length);
    let anyScore = false;
    for (let t = 0; t < tasks.length; t++) {
      const task = tasks[t] as TaskColumn;
      const raw = r.cells[task.index] ?? '';
      const fast = digits(raw);
      if (fast >= 0) {
        scores[t] = fast;
        anyScore = true;
        continue;
      }
      if (!isEmptyCell(raw)) anyScore = true;
      const res = readScore(raw);
      if (res.ok) scores[t] = res.value;
      else {
        scores[t] = null;
        this.fail(r, res.message, columnLabel(task.index, task.header));
      }
    }
    if (absent && anyScore) {
      this.issues.push(
        issue(
          this.where,
          'warning',
          `участник ${code} отмечен как отсутствовавший, но в строке есть баллы: работа загружается как отсутствие, баллы не загружаются`,
          r.row,
        ),
      );
    }
    if (!absent && layout.fields.has('variant') && !variantRaw && !anyScore) {
      absent = true;
      this.issues.push(
        issue(
          this.where,
          'warning',
          `у участника ${code} нет ни варианта, ни баллов: работа считается отсутствием`,
          r.row,
        ),
      );
    }
    const totalRaw = this.cell(r, layout, 'total');
    let primaryScore: number | null = null;
    if (!absent && totalRaw && !isEmptyCell(totalRaw)) {
      primaryScore = digits(totalRaw);
      if (primaryScore < 0) primaryScore = parseCount(totalRaw);
      if (primaryScore === null)
        this.fail(
          r,
          `первичный балл «${totalRaw}» не является целым числом`,
          this.col(layout, 'total'),
        );
      else if (primaryScore > SMALLINT_MAX)
        this.fail(r, `первичный балл «${totalRaw}» слишком велик`, this.col(layout, 'total'));
    }
    const testRaw = this.cell(r, layout, 'testScore');
    let testScore: number | null = null;
    if (!absent && testRaw && !isEmptyCell(testRaw)) {
      testScore = parseCount(testRaw);
      if (testScore === null)
        this.fail(
          r,
          `тестовый балл «${testRaw}» не является целым числом`,
          this.col(layout, 'testScore'),
        );
      else if (testScore > SMALLINT_MAX)
        this.fail(r, `тестовый балл «${testRaw}» слишком велик`, this.col(layout, 'testScore'));
    }
    const mark = absent
      ? null
      : this.take(r, readMark(this.cell(r, layout, 'mark')), layout, 'mark');
    const journalMark = this.take(
      r,
      readMark(this.cell(r, layout, 'journalMark')),
      layout,
      'journalMark',
    );
    const gender = this.take(r, readGender(this.cell(r, layout, 'gender')), layout, 'gender');
    const classRaw = this.cell(r, layout, 'className');
    const cls = classRaw ? this.classOf(classRaw) : null;
    if (classRaw && !cls)
      this.fail(r, `класс «${classRaw}» не распознан`, this.col(layout, 'className'));
    const schoolRaw = this.cell(r, layout, 'school');
    if (layout.fields.has('school') && !schoolRaw)
      this.fail(r, 'не указан логин ОО', this.col(layout, 'school'));
    for (let k = errorsBefore; k < this.issues.length; k++) {
      if (this.issues[k]?.severity === 'error') return;
    }
    const work: ParsedWork = {
      row: r.row,
      schoolLogin: schoolRaw ? this.loginOf(schoolRaw) : null,
      schoolName: this.cell(r, layout, 'schoolName') || null,
      municipality: this.cell(r, layout, 'municipality') || null,
      participantCode: code,
      className: cls?.name ?? null,
      parallel: cls?.parallel ?? null,
      variant,
      absent,
      scores: absent ? tasks.map(() => null) : scores,
      primaryScore,
      testScore,
      mark,
      journalMark,
      gender,
    };
    this.works.push(work);
  }
}
