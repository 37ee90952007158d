import { columnLabel, issue, type ImportIssue, type IssueWhere } from './issues';
import { isMark, type Mark } from './types';

/** What a file column may be mapped to. */
export const JOURNAL_ROLES = ['studentCode', 'className', 'subject', 'period', 'mark'] as const;
export type JournalRole = (typeof JOURNAL_ROLES)[number];

export const JOURNAL_ROLE_LABELS: Record<JournalRole, string> = {
  studentCode: 'Код обучающегося',
  className: 'Класс',
  subject: 'Предмет',
  period: 'Период / вид отметки',
  mark: 'Отметка',
};

/** Role → 0-based column index; `className` is optional. */
export type JournalMapping = Partial<Record<JournalRole, number | null>>;

export type JournalMarkKind = 'term' | 'intermediate' | 'final';
export type TermType = 'quarter' | 'trimester' | 'half';

export interface JournalPeriod {
  kind: JournalMarkKind;
  termType: TermType | null;
  termNo: number | null;
}

export const JOURNAL_KIND_LABELS: Record<JournalMarkKind, string> = {
  term: 'Отметка за период',
  intermediate: 'Промежуточная аттестация',
  final: 'Итоговая аттестация',
};

const TERM_WORDS: [RegExp, TermType, number][] = [
  [/^четверт/, 'quarter', 4],
  [/^триместр/, 'trimester', 3],
  [/^полугод/, 'half', 2],
];
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/**
 * «1 четверть», «II триместр», «2-е полугодие», «Промежуточная аттестация», «Годовая»,
 * «Итоговая аттестация», «Итоговая»: null when the text names no known period.
 */
export function parsePeriod(raw: string): JournalPeriod | null {
  const t = raw.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
  if (!t) return null;
  if (/^(промежуточн|годов)/.test(t)) return { kind: 'intermediate', termType: null, termNo: null };
  if (/^итогов/.test(t)) return { kind: 'final', termType: null, termNo: null };
  const m = /^(\d|i{1,3}|iv)(?:-?(?:я|е|й|ое|ая))?\s*(четверт\S*|триместр\S*|полугод\S*)$/.exec(t);
  if (!m) return null;
  const no = ROMAN[m[1] as string] ?? Number(m[1]);
  for (const [re, termType, count] of TERM_WORDS) {
    if (re.test(m[2] as string)) {
      return no >= 1 && no <= count ? { kind: 'term', termType, termNo: no } : null;
    }
  }
  return null;
}

const TERM_NAMES: Record<TermType, string> = {
  quarter: 'четверть',
  trimester: 'триместр',
  half: 'полугодие',
};

export const periodLabel = (p: JournalPeriod): string =>
  p.kind === 'term' && p.termType
    ? `${p.termNo} ${TERM_NAMES[p.termType]}`
    : JOURNAL_KIND_LABELS[p.kind];

export interface SubjectRef {
  id: number;
  code: string;
  name: string;
  shortName: string;
}

export interface MappedJournalMark extends JournalPeriod {
  row: number;
  studentCode: string;
  className: string | null;
  subjectId: number;
  subjectName: string;
  mark: Mark;
}

export interface JournalRow {
  row: number;
  cells: string[];
}

const norm = (s: string) => s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
const NO_MARK = new Set(['', 'x', 'х', '-', '—', '–', 'н/а', 'нет отметки', 'осв', 'зач', 'незач']);

/** Checks the mapping itself: every required role chosen, a column used once, inside the table. */
export function checkMapping(
  where: IssueWhere,
  mapping: JournalMapping,
  width: number,
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const used = new Map<number, JournalRole>();
  for (const role of JOURNAL_ROLES) {
    const col = mapping[role];
    if (col === undefined || col === null) {
      if (role !== 'className') {
        issues.push(issue(where, 'error', `не выбран столбец «${JOURNAL_ROLE_LABELS[role]}»`));
      }
      continue;
    }
    if (col < 0 || col >= width) {
      issues.push(
        issue(
          where,
          'error',
          `столбца № ${col + 1} («${JOURNAL_ROLE_LABELS[role]}») нет в таблице`,
        ),
      );
      continue;
    }
    const other = used.get(col);
    if (other) {
      issues.push(
        issue(
          where,
          'error',
          `столбец № ${col + 1} выбран и для «${JOURNAL_ROLE_LABELS[other]}», и для «${JOURNAL_ROLE_LABELS[role]}»`,
        ),
      );
    }
    used.set(col, role);
  }
  return issues;
}

/**
 * Maps data rows to marks by the chosen columns. Columns not mapped (names among them) are
 * never read. Rows with no mark («н/а», «осв», empty) are skipped with a note; bad values,
 * unknown subjects and periods, and a second mark for the same student, subject and period
 * are errors naming row and column.
 */
export function mapJournalRows(
  where: IssueWhere,
  headers: string[],
  rows: JournalRow[],
  mapping: JournalMapping,
  subjects: SubjectRef[],
): { marks: MappedJournalMark[]; issues: ImportIssue[] } {
  const issues = checkMapping(where, mapping, headers.length);
  if (issues.length) return { marks: [], issues };
  const col = (role: JournalRole) => mapping[role] as number;
  const label = (role: JournalRole) => columnLabel(col(role), headers[col(role)] ?? '');
  const subjectByName = new Map<string, SubjectRef>();
  for (const s of subjects) {
    for (const n of [s.name, s.shortName, s.code]) subjectByName.set(norm(n), s);
  }
  const marks: MappedJournalMark[] = [];
  const seen = new Map<string, number>();
  let skipped = 0;
  for (const r of rows) {
    const cell = (role: JournalRole) => (r.cells[col(role)] ?? '').trim();
    if (JOURNAL_ROLES.every((role) => mapping[role] == null || cell(role) === '')) continue;
    const rowIssues: ImportIssue[] = [];
    const code = cell('studentCode');
    if (!code)
      rowIssues.push(issue(where, 'error', 'нет кода обучающегося', r.row, label('studentCode')));
    const subject = subjectByName.get(norm(cell('subject')));
    if (!subject) {
      rowIssues.push(
        issue(
          where,
          'error',
          `предмет «${cell('subject')}» не найден в справочнике предметов`,
          r.row,
          label('subject'),
        ),
      );
    }
    const period = parsePeriod(cell('period'));
    if (!period) {
      rowIssues.push(
        issue(
          where,
          'error',
          `период «${cell('period')}» не распознан (ожидается, например, «1 четверть», «2 триместр», «1 полугодие», «Промежуточная аттестация», «Итоговая аттестация»)`,
          r.row,
          label('period'),
        ),
      );
    }
    const rawMark = cell('mark');
    let mark: Mark | null = null;
    if (NO_MARK.has(rawMark.toLowerCase())) {
      skipped++;
    } else {
      const n = /^\d+([.,]0+)?$/.test(rawMark) ? Number(rawMark.replace(',', '.')) : NaN;
      if (isMark(n)) mark = n;
      else
        rowIssues.push(
          issue(where, 'error', `отметка «${rawMark}» не из 2, 3, 4, 5`, r.row, label('mark')),
        );
    }
    issues.push(...rowIssues);
    if (rowIssues.length || mark === null || !subject || !period) continue;
    const key = `${code}\u0000${subject.id}\u0000${period.kind}\u0000${period.termType}\u0000${period.termNo}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push(
        issue(
          where,
          'error',
          `вторая отметка обучающегося «${code}» по предмету «${subject.name}» за «${periodLabel(period)}» (первая в строке ${first})`,
          r.row,
          label('mark'),
        ),
      );
      continue;
    }
    seen.set(key, r.row);
    const className = mapping.className == null ? '' : cell('className');
    marks.push({
      row: r.row,
      studentCode: code,
      className: className || null,
      subjectId: subject.id,
      subjectName: subject.name,
      mark,
      ...period,
    });
  }
  if (skipped) {
    issues.push(
      issue(where, 'note', `строк без отметки («н/а», «осв», пусто) пропущено: ${skipped}`),
    );
  }
  if (!marks.length && !issues.some((i) => i.severity === 'error')) {
    issues.push(issue(where, 'error', 'в файле нет ни одной отметки'));
  }
  return { marks, issues };
}
