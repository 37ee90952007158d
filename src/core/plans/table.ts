/**
 * From the cells of a plan's table to its structure: sections, tasks, numbered activities and
 * sub-rows. Shared by the DOCX and XLSX importers, which only read cells. Pure.
 *
 * Rules (each seen in the seed plans):
 * - a header row names the columns (№ п/п, Мероприятия, Срок, Результат, Исполнители, Участники,
 *   Задачи); a header repeated after a page break is skipped;
 * - a table without a header continues the previous one; when it has fewer columns, the missing
 *   ones are its leftmost (a merged «Задачи» column that does not continue onto the next page);
 * - a row holding one text across the table («1. Проведение информационной работы») is a section;
 * - a row without a number, deadline and executors whose text starts in lower case continues the
 *   previous activity (a row split by a page break);
 * - unnumbered rows after an activity whose text ends with «:» are its sub-rows; other unnumbered
 *   rows are activities without a number;
 * - a «Задачи» cell starts a new task; a vertically merged cell keeps the current one;
 * - a «Раздел» column (our own XLSX export) names each row's section: a new text starts a new
 *   section, an empty cell leaves the row outside sections.
 */
import { parseDeadline } from './deadline';

export interface RawCell {
  text: string;
  /** Grid columns the cell spans (gridSpan / merged across). */
  span: number;
  /** A vertically merged continuation of the cell above. */
  merged: boolean;
}

export interface RawTable {
  rows: RawCell[][];
}

export const PLAN_COLUMNS = [
  'number',
  'task',
  'text',
  'deadline',
  'result',
  'executors',
  'participants',
] as const;
export type PlanColumn = (typeof PLAN_COLUMNS)[number];

export const PLAN_COLUMN_LABELS: Record<PlanColumn, string> = {
  number: '№ п/п',
  task: 'Задачи',
  text: 'Мероприятие',
  deadline: 'Срок',
  result: 'Результат',
  executors: 'Исполнители',
  participants: 'Участники',
};

/** Grid column index of each plan column. */
export type ColumnMapping = Partial<Record<PlanColumn, number>>;

const HEADER_PATTERNS: readonly [PlanColumn, RegExp][] = [
  ['number', /^(№|n)\s*(п\s*\/\s*п)?$|^п\s*\/\s*п$|^номер/i],
  ['task', /^задач/i],
  ['deadline', /срок|дата/i],
  ['result', /результат|примечани/i],
  ['executors', /исполнител|ответствен/i],
  ['participants', /участник/i],
  ['text', /мероприят|содержание|наименование|действи/i],
];

export interface GridCell {
  text: string;
  merged: boolean;
}

/** Cells laid out on the table grid: a spanning cell fills its columns with empty covers. */
export function toGrid(row: RawCell[]): { cells: GridCell[]; spanning: boolean } {
  const cells: GridCell[] = [];
  for (const c of row) {
    cells.push({ text: c.text.trim(), merged: c.merged });
    for (let i = 1; i < c.span; i++) cells.push({ text: '', merged: c.merged });
  }
  const spanning = row.length === 1 && (row[0]?.span ?? 1) > 1;
  return { cells, spanning };
}

/** The columns a header row names, or null when the row is not a header. */
export function detectMapping(cells: readonly GridCell[]): ColumnMapping | null {
  const mapping: ColumnMapping = {};
  let hits = 0;
  cells.forEach((cell, index) => {
    const text = cell.text.replace(/\s+/g, ' ').trim();
    if (!text || text.length > 60) return;
    for (const [column, re] of HEADER_PATTERNS) {
      if (mapping[column] === undefined && re.test(text)) {
        mapping[column] = index;
        hits++;
        return;
      }
    }
  });
  return hits >= 2 && mapping.text !== undefined ? mapping : null;
}

const SECTION_HEADER = /^раздел(ы)?( плана)?$/i;

/** The grid column of a «Раздел» header cell (a section per row), if any. */
export function detectSectionColumn(cells: readonly GridCell[]): number | null {
  const index = cells.findIndex((c) => SECTION_HEADER.test(c.text.replace(/\s+/g, ' ').trim()));
  return index < 0 ? null : index;
}

export interface SectionDraft {
  number: string | null;
  title: string;
}

export interface ActivityDraft {
  number: string | null;
  text: string;
  deadline: string;
  result: string;
  executors: string;
  participants: string;
  sectionIndex: number | null;
  taskIndex: number | null;
  /** Index (in `activities`) of the activity this sub-row belongs to. */
  parentIndex: number | null;
}

export interface TableStructure {
  sections: SectionDraft[];
  tasks: string[];
  activities: ActivityDraft[];
  /** Header mapping per table (null: continued the previous one). */
  mappings: (ColumnMapping | null)[];
}

const cellAt = (cells: readonly GridCell[], index: number | undefined): GridCell | null =>
  index === undefined || index < 0 ? null : (cells[index] ?? null);

const SECTION = /^(\d+(?:\.\d+)*)\.?\s+(\S.*)$/su;

function joinContinuation(before: string, after: string): string {
  if (!after) return before;
  if (!before) return after;
  const hyphen = /(\S+)-$/u.exec(before);
  if (hyphen && after.toLowerCase().startsWith(hyphen[1]!.toLowerCase())) {
    return `${before.slice(0, -hyphen[0].length)}${after}`;
  }
  return `${before} ${after}`;
}

/**
 * With a mapping chosen by hand, the first row is a header when its deadline cell names no date
 * («Когда», «Срок»): a real first activity has a deadline that parses.
 */
function isHeaderUnder(cells: readonly GridCell[], m: ColumnMapping): boolean {
  const deadline = cellAt(cells, m.deadline)?.text ?? '';
  return (
    deadline !== '' && parseDeadline(deadline, null).kind === 'unparsed' && !/\d/.test(deadline)
  );
}

function shift(mapping: ColumnMapping, by: number): ColumnMapping {
  const out: ColumnMapping = {};
  for (const [k, v] of Object.entries(mapping) as [PlanColumn, number][]) {
    if (v - by >= 0) out[k] = v - by;
  }
  return out;
}

/**
 * Builds the structure of a plan from its tables. `forced` overrides the detected mapping of
 * every table (the user's choice in the column-mapping preview).
 */
export function buildStructure(
  tables: readonly RawTable[],
  forced?: ColumnMapping,
): TableStructure {
  const result: TableStructure = { sections: [], tasks: [], activities: [], mappings: [] };
  let mapping: ColumnMapping | null = forced ?? null;
  let width = 0;
  let section: number | null = null;
  let task: number | null = null;
  let parent: number | null = null;
  let seenRow = false;
  let sectionColumn: number | null = null;
  let sectionKey = '';

  for (const table of tables) {
    const grids = table.rows.map(toGrid);
    const tableWidth = Math.max(0, ...grids.map((g) => g.cells.length));
    const first = grids.find((g) => g.cells.some((c) => c.text));
    const detected = first ? detectMapping(first.cells) : null;
    result.mappings.push(detected);
    if (detected && first) sectionColumn = detectSectionColumn(first.cells);
    if (forced) {
      mapping = forced;
    } else if (detected) {
      mapping = detected;
    } else if (mapping && tableWidth < width) {
      mapping = shift(mapping, width - tableWidth);
    }
    width = tableWidth;
    if (!mapping || mapping.text === undefined) continue;
    const m = mapping;

    for (const { cells, spanning } of grids) {
      const filled = cells.filter((c) => c.text);
      if (!filled.length) continue;
      if (detectMapping(cells)) continue;
      if (forced && !seenRow && isHeaderUnder(cells, forced)) {
        seenRow = true;
        continue;
      }
      seenRow = true;
      const distinct = new Set(filled.map((c) => c.text));
      const get = (col: PlanColumn) => cellAt(cells, m[col])?.text ?? '';
      const numberText = get('number').replace(/\.$/, '').trim();

      if (
        distinct.size === 1 &&
        (spanning || filled.length === cells.length || filled.length === 1)
      ) {
        const only = filled[0]!.text;
        const sm = SECTION.exec(only);
        const isRowOfOneColumn = !spanning && filled.length === 1 && m.deadline !== undefined;
        if (spanning || filled.length === cells.length || (isRowOfOneColumn && sm)) {
          result.sections.push(
            sm ? { number: sm[1]!, title: sm[2]!.trim() } : { number: null, title: only },
          );
          section = result.sections.length - 1;
          parent = null;
          continue;
        }
      }

      if (sectionColumn !== null) {
        const named = cellAt(cells, sectionColumn)?.text ?? '';
        if (!named) {
          section = null;
        } else if (named !== sectionKey) {
          const sm = SECTION.exec(named);
          result.sections.push(
            sm ? { number: sm[1]!, title: sm[2]!.trim() } : { number: null, title: named },
          );
          section = result.sections.length - 1;
          parent = null;
        }
        sectionKey = named;
      }

      const taskCell = cellAt(cells, m.task);
      // The same text again (our XLSX export repeats it on each row) keeps the current task.
      if (taskCell && taskCell.text && !taskCell.merged && taskCell.text !== result.tasks.at(-1)) {
        result.tasks.push(taskCell.text);
        task = result.tasks.length - 1;
      }

      const text = get('text');
      const previous = result.activities.at(-1);
      if (
        previous &&
        !numberText &&
        !get('deadline') &&
        !get('executors') &&
        /^[a-zа-яё]/u.test(text)
      ) {
        previous.text = joinContinuation(previous.text, text);
        previous.result = joinContinuation(previous.result, get('result'));
        previous.participants = joinContinuation(previous.participants, get('participants'));
        continue;
      }
      if (!text && !numberText) continue;

      if (numberText) parent = null;
      const index = result.activities.length;
      result.activities.push({
        number: numberText || null,
        text,
        deadline: get('deadline'),
        result: get('result'),
        executors: get('executors'),
        participants: get('participants'),
        sectionIndex: section,
        taskIndex: task,
        parentIndex: numberText ? null : parent,
      });
      if (numberText && text.endsWith(':')) parent = index;
    }
  }
  return result;
}
