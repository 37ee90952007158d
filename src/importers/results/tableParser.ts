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
import { classifyHeader, isTaskGroupLabel, type ColumnField } from './columns';
import type { ParsedResultsFile, RawRow, TaskColumn } from './types';

/** How many rows above the table may hold titles before the header is given up on. */
const MAX_HEADER_SEARCH = 40;

interface Layout {
  fields: Map<Exclude<ColumnField, 'name' | 'ignored'>, number>;
  tasks: TaskColumn[];
  width: number;
  headers: string[];
}

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
  private readonly works: ParsedWork[] = [];
  private readonly issues: ImportIssue[] = [];
  private readonly dropped: string[] = [];
  private skipRow = -1;
  private rowsSeen = 0;

  constructor(private readonly options: TableParserOptions) {
    this.where = { file: options.file, sheet: options.sheet };
    this.loginHint = findSchoolLogin(options.file);
  }

  push(raw: RawRow): void {
    this.rowsSeen++;
    const cells = raw.cells.map((c) => c.replace(/\u00a0/g, ' ').trim());
    const row = { row: raw.row, cells };
    if (this.layout) {
      if (row.row !== this.skipRow) this.readWork(row, this.layout);
      return;
    }
    if (this.gaveUp) return;
    this.pending.push(row);
    if (this.pending.length > MAX_HEADER_SEARCH + 1) this.tryHeader(true);
    else this.tryHeader(false);
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
    if (!tasks.length) {
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
    this.layout = { fields, tasks, width, headers };
  }

  private readWork(r: RawRow, layout: Layout): void {
    if (r.cells.every((c) => !c)) return;
    const cell = (field: Exclude<ColumnField, 'name' | 'ignored'>): string => {
      const j = layout.fields.get(field);
      return j === undefined ? '' : (r.cells[j] ?? '');
    };
    const col = (field: Exclude<ColumnField, 'name' | 'ignored'>) => {
      const j = layout.fields.get(field) ?? 0;
      return columnLabel(j, layout.headers[j] ?? '');
    };
    const errorsBefore = this.issues.length;
    const fail = (message: string, column: string | null = null) =>
      this.issues.push(issue(this.where, 'error', message, r.row, column));
    const take = <T>(res: CellResult<T>, column: string): T | null => {
      if (res.ok) return res.value;
      fail(res.message, column);
      return null;
    };

    if (this.options.strictWidth && r.cells.length < layout.width) {
      fail(
        `в строке ${r.cells.length} столбцов, в заголовке ${layout.width}: строка неполная (файл обрезан или повреждён?)`,
      );
      return;
    }
    const code = cell('code').replace(/\.0+$/, '');
    if (!code) {
      fail('не указан код участника', col('code'));
      return;
    }
    const variantRaw = cell('variant');
    let absent = isAbsentWord(variantRaw);
    let variant: number | null = null;
    if (!absent && variantRaw && !isEmptyCell(variantRaw)) {
      variant = parseCount(variantRaw);
      if (variant === null)
        fail(
          `вариант «${variantRaw}» не распознан (ожидается номер варианта или «отсутствовал»)`,
          col('variant'),
        );
    }
    const rawScores = layout.tasks.map((t) => r.cells[t.index] ?? '');
    const scores = layout.tasks.map((t, i) =>
      take(readScore(rawScores[i] ?? ''), columnLabel(t.index, t.header)),
    );
    const anyScore = rawScores.some((s) => !isEmptyCell(s));
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
    const totalRaw = cell('total');
    let primaryScore: number | null = null;
    if (!absent && totalRaw && !isEmptyCell(totalRaw)) {
      primaryScore = parseCount(totalRaw);
      if (primaryScore === null)
        fail(`первичный балл «${totalRaw}» не является целым числом`, col('total'));
    }
    const mark = absent ? null : take(readMark(cell('mark')), col('mark'));
    const journalMark = take(readMark(cell('journalMark')), col('journalMark'));
    const gender = take(readGender(cell('gender')), col('gender'));
    const classRaw = cell('className');
    const cls = classRaw
      ? parseClassName(classRaw, this.options.grade ?? this.title?.grade ?? null)
      : null;
    if (classRaw && !cls) fail(`класс «${classRaw}» не распознан`, col('className'));
    const schoolRaw = cell('school');
    if (layout.fields.has('school') && !schoolRaw) fail('не указан логин ОО', col('school'));
    if (this.issues.slice(errorsBefore).some((i) => i.severity === 'error')) return;
    this.works.push({
      row: r.row,
      schoolLogin: schoolRaw ? normaliseSchoolLogin(schoolRaw) : null,
      schoolName: cell('schoolName') || null,
      municipality: cell('municipality') || null,
      participantCode: code,
      className: cls?.name ?? null,
      parallel: cls?.parallel ?? null,
      variant,
      absent,
      scores: absent ? layout.tasks.map(() => null) : scores,
      primaryScore,
      mark,
      journalMark,
      gender,
    });
  }
}
