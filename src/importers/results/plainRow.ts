import type { ParsedClassName } from '../../core/results/classes';
import type { ParsedWork } from '../../core/results/works';
import type { ColumnField } from './columns';

/**
 * The common case of a CSV work row, read straight from the file's text: every cell either
 * empty or plain (digits where numbers go, text without blanks to trim), no quotes. Such a row
 * needs no cell strings except the few text fields, which is most of what reading a region file
 * costs. Anything else — a letter where a score goes, «отсутствовал», a blank to trim, a row too
 * short — is left to the general reader (`ResultsTableParser.readWork`), which also writes every
 * message; for the rows read here both give the same work (`plainRow.test.ts` holds them to it).
 */

/** The fields a results table may have besides task columns (names dropped, some ignored). */
export type Field = Exclude<ColumnField, 'name' | 'ignored'>;

/** What a column holds, for the plain reader. */
export const Role = {
  Skip: 0,
  Task: 1,
  Code: 2,
  Variant: 3,
  Total: 4,
  TestScore: 5,
  Mark: 6,
  JournalMark: 7,
  Gender: 8,
  ClassName: 9,
  School: 10,
  SchoolName: 11,
  Municipality: 12,
} as const;

/** Every field, with the role its column has for the plain reader. */
export const FIELD_ROLES: Record<Field, number> = {
  school: Role.School,
  municipality: Role.Municipality,
  schoolName: Role.SchoolName,
  code: Role.Code,
  className: Role.ClassName,
  variant: Role.Variant,
  gender: Role.Gender,
  total: Role.Total,
  testScore: Role.TestScore,
  mark: Role.Mark,
  journalMark: Role.JournalMark,
};

export interface PlainLayout {
  /** Columns the header has: a shorter row goes to the general reader (it is an error). */
  width: number;
  /** Role per column index; columns past the end are skipped. */
  roles: Uint8Array;
  /** Task index per column index (for `Role.Task`). */
  taskOf: Int16Array;
  taskCount: number;
}

/** The plain reader's layout from the table's header: field columns and task columns. */
export function plainLayout(
  fields: ReadonlyMap<Field, number>,
  tasks: readonly { index: number }[],
  width: number,
): PlainLayout {
  const roles = new Uint8Array(width);
  const taskOf = new Int16Array(width);
  for (const [field, j] of fields) roles[j] = FIELD_ROLES[field];
  tasks.forEach((t, k) => {
    roles[t.index] = Role.Task;
    taskOf[t.index] = k;
  });
  return { width, roles, taskOf, taskCount: tasks.length };
}

/** The values of one plain row; numbers are -1 where the cell is empty. */
export interface PlainValues {
  code: string;
  school: string;
  schoolName: string;
  municipality: string;
  className: string;
  variant: number;
  total: number;
  testScore: number;
  mark: number;
  journalMark: number;
  scores: Int32Array;
}

export const plainValues = (taskCount: number): PlainValues => ({
  code: '',
  school: '',
  schoolName: '',
  municipality: '',
  className: '',
  variant: -1,
  total: -1,
  testScore: -1,
  mark: -1,
  journalMark: -1,
  scores: new Int32Array(taskCount),
});

const DIGIT_0 = 48;
/** A cell of 1–9 plain digits as a number; -1 for an empty cell; -2 for anything else. */
function number(text: string, a: number, b: number): number {
  const n = b - a;
  if (n === 0) return -1;
  if (n > 9) return -2;
  let v = 0;
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k) - DIGIT_0;
    if (c < 0 || c > 9) return -2;
    v = v * 10 + c;
  }
  return v;
}

/** Characters `String.prototype.trim` removes (and the non-breaking space cells lose). */
function isBlank(c: number): boolean {
  return (
    c <= 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff ||
    c === 0x85
  );
}

/** Text of a cell that needs no cleaning; null when it has blanks to trim or a no-break space. */
function plainText(text: string, a: number, b: number): string | null {
  if (a === b) return '';
  if (isBlank(text.charCodeAt(a)) || isBlank(text.charCodeAt(b - 1))) return null;
  const s = text.slice(a, b);
  return s.includes('\u00a0') ? null : s;
}

/**
 * Reads the row `text[start, end)` into `out`; false when it is not plain (then nothing in
 * `out` is to be used). `delimiter` is the separator's character code.
 */
export function readPlainRow(
  text: string,
  start: number,
  end: number,
  delimiter: string,
  layout: PlainLayout,
  out: PlainValues,
): boolean {
  const { roles, taskOf } = layout;
  out.code = '';
  out.school = '';
  out.schoolName = '';
  out.municipality = '';
  out.className = '';
  out.variant = -1;
  out.total = -1;
  out.testScore = -1;
  out.mark = -1;
  out.journalMark = -1;
  out.scores.fill(-1);
  const sep = delimiter.charCodeAt(0);
  let j = 0;
  let a = start;
  for (;;) {
    let b = a;
    while (b < end && text.charCodeAt(b) !== sep) b++;
    const role = j < roles.length ? (roles[j] as number) : Role.Skip;
    switch (role) {
      case Role.Skip:
        break;
      case Role.Task: {
        const v = number(text, a, b);
        if (v === -2) return false;
        out.scores[taskOf[j] as number] = v;
        break;
      }
      case Role.Variant:
      case Role.Total:
      case Role.TestScore: {
        const v = number(text, a, b);
        // An empty variant may mean an absent participant; large numbers are refused there.
        if (v === -2 || v > 32767 || (v === -1 && role === Role.Variant)) return false;
        if (role === Role.Variant) out.variant = v;
        else if (role === Role.Total) out.total = v;
        else out.testScore = v;
        break;
      }
      case Role.Mark:
      case Role.JournalMark: {
        let v = -1;
        if (b - a === 1) v = text.charCodeAt(a) - DIGIT_0;
        if (b !== a && (v < 2 || v > 5)) return false;
        if (role === Role.Mark) out.mark = v;
        else out.journalMark = v;
        break;
      }
      case Role.Gender:
        if (b !== a) return false;
        break;
      default: {
        const s = plainText(text, a, b);
        if (s === null) return false;
        if (role === Role.Code) {
          if (!s || s.includes('.')) return false;
          out.code = s;
        } else if (role === Role.School) {
          if (!s) return false;
          out.school = s;
        } else if (role === Role.SchoolName) out.schoolName = s;
        else if (role === Role.Municipality) out.municipality = s;
        else out.className = s;
      }
    }
    j++;
    if (b >= end) break;
    a = b + 1;
  }
  return j >= layout.width;
}

/** -1 (an empty cell) as null. */
const orNull = (n: number): number | null => (n < 0 ? null : n);

/** The work of a plain row, given its normalised school login and parsed class. */
export function plainWork(
  row: number,
  v: PlainValues,
  schoolLogin: string | null,
  cls: ParsedClassName | null,
): ParsedWork {
  const scores: (number | null)[] = new Array<number | null>(v.scores.length);
  for (let t = 0; t < v.scores.length; t++) scores[t] = orNull(v.scores[t] as number);
  return {
    row,
    schoolLogin,
    schoolName: v.schoolName || null,
    municipality: v.municipality || null,
    participantCode: v.code,
    className: cls?.name ?? null,
    parallel: cls?.parallel ?? null,
    variant: orNull(v.variant),
    absent: false,
    scores,
    primaryScore: orNull(v.total),
    testScore: orNull(v.testScore),
    mark: orNull(v.mark) as ParsedWork['mark'],
    journalMark: orNull(v.journalMark) as ParsedWork['journalMark'],
    gender: null,
  };
}
