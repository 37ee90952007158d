/**
 * Deadlines as plans write them («январь 2023», «20 января», «апрель-май 2023», «Ноябрь,
 * апрель», «в течение года», «согласно графику наблюдения», …). The original wording is always
 * kept; the parser adds a normalised date range for tracking when the wording names dates.
 * Pure: no I/O. Dates are ISO strings `YYYY-MM-DD`.
 */

/** The period a plan covers; resolves months written without a year. */
export interface Period {
  start: string;
  end: string;
}

export const DEADLINE_KINDS = [
  'date',
  'month',
  'range',
  'list',
  'period',
  'schedule',
  'event',
  'none',
  'unparsed',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  date: 'дата',
  month: 'месяц',
  range: 'диапазон',
  list: 'несколько сроков',
  period: 'весь период плана',
  schedule: 'по графику',
  event: 'по событию',
  none: 'не указан',
  unparsed: 'не распознан',
};

export interface Deadline {
  /** The wording exactly as written in the plan. */
  text: string;
  kind: DeadlineKind;
  /** Normalised range; null when the wording names no dates (schedule, event, none). */
  from: string | null;
  to: string | null;
}

const MONTHS: readonly [RegExp, number][] = [
  [/^январ[ьяе]$/, 1],
  [/^феврал[ьяе]$/, 2],
  [/^март[ае]?$/, 3],
  [/^апрел[ьяе]$/, 4],
  [/^ма[йяе]$/, 5],
  [/^июн[ьяе]$/, 6],
  [/^июл[ьяе]$/, 7],
  [/^август[ае]?$/, 8],
  [/^сентябр[ьяе]$/, 9],
  [/^октябр[ьяе]$/, 10],
  [/^ноябр[ьяе]$/, 11],
  [/^декабр[ьяе]$/, 12],
];

export function monthNumber(word: string): number | null {
  const w = word.toLowerCase();
  for (const [re, n] of MONTHS) if (re.test(w)) return n;
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthStart = (y: number, m: number) => isoDate(y, m, 1);
const monthEnd = (y: number, m: number) => isoDate(y, m, daysInMonth(y, m));
const yearOf = (iso: string) => Number(iso.slice(0, 4));
const monthOf = (iso: string) => Number(iso.slice(5, 7));

/** The year in which a month written without a year falls inside the period. */
export function resolveMonthYear(month: number, period: Period | null): number | null {
  if (!period) return null;
  for (let y = yearOf(period.start); y <= yearOf(period.end); y++) {
    if (monthStart(y, month) <= period.end && monthEnd(y, month) >= period.start) return y;
  }
  return null;
}

interface Range {
  from: string;
  to: string;
  kind: 'date' | 'month' | 'range' | 'period';
}

const YEAR = String.raw`(\d{4})(?:\s*г(?:од[а]?)?\.?)?`;
const DASH = String.raw`\s*[-–—]\s*`;
const RE_DOTTED = /^(до\s+)?(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:\s*г\.?)?$/;
const RE_DAY_MONTH = new RegExp(String.raw`^(до\s+)?(\d{1,2})\s+([а-яё]+)(?:\s+${YEAR})?$`);
const RE_DAYS_MONTH = new RegExp(
  String.raw`^(\d{1,2})${DASH}(\d{1,2})\s+([а-яё]+)(?:\s+${YEAR})?$`,
);
const RE_MONTH = new RegExp(String.raw`^([а-яё]+)(?:\s+${YEAR})?$`);
const RE_MONTH_RANGE = new RegExp(
  String.raw`^([а-яё]+)(?:\s+${YEAR})?${DASH}([а-яё]+)(?:\s+${YEAR})?$`,
);
const RE_HALF = new RegExp(
  String.raw`^(первое|второе|i|ii|1|2)[-\s]*(?:е\s+)?полугодие(?:\s+${YEAR})?$`,
);
const RE_QUARTER = new RegExp(String.raw`^(i{1,3}|iv|[1-4])[-\s]*(?:й\s+)?квартал(?:\s+${YEAR})?$`);

function dayInMonth(day: number, month: number, year: number | null): Range | null {
  if (year === null || day < 1 || day > daysInMonth(year, month)) return null;
  const d = isoDate(year, month, day);
  return { from: d, to: d, kind: 'date' };
}

/** The two halves of a period: an academic year splits on 1 January, a calendar year on 1 July. */
function halfOfPeriod(which: 1 | 2, period: Period | null, year: number | null): Range | null {
  if (year !== null) {
    return which === 1
      ? { from: isoDate(year, 1, 1), to: isoDate(year, 6, 30), kind: 'range' }
      : { from: isoDate(year, 7, 1), to: isoDate(year, 12, 31), kind: 'range' };
  }
  if (!period) return null;
  const academic = monthOf(period.start) >= 7 && yearOf(period.end) > yearOf(period.start);
  const split = academic
    ? isoDate(yearOf(period.start) + 1, 1, 1)
    : isoDate(yearOf(period.start), 7, 1);
  const beforeSplit = academic
    ? isoDate(yearOf(period.start), 12, 31)
    : isoDate(yearOf(period.start), 6, 30);
  return which === 1
    ? { from: period.start, to: beforeSplit, kind: 'range' }
    : { from: split, to: period.end, kind: 'range' };
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function parsePart(part: string, period: Period | null): Range | null {
  let m = RE_DOTTED.exec(part);
  if (m) {
    const year = m[4]!.length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
    const r = dayInMonth(Number(m[2]), Number(m[3]), year);
    if (r && m[1] && period && period.start < r.to) r.from = period.start;
    return r;
  }
  m = RE_DAY_MONTH.exec(part);
  if (m) {
    const month = monthNumber(m[3]!);
    if (!month) return null;
    const year = m[4] ? Number(m[4]) : resolveMonthYear(month, period);
    const r = dayInMonth(Number(m[2]), month, year);
    if (r && m[1] && period && period.start < r.to) r.from = period.start;
    return r;
  }
  m = RE_DAYS_MONTH.exec(part);
  if (m) {
    const month = monthNumber(m[3]!);
    if (!month) return null;
    const year = m[4] ? Number(m[4]) : resolveMonthYear(month, period);
    const a = dayInMonth(Number(m[1]), month, year);
    const b = dayInMonth(Number(m[2]), month, year);
    return a && b ? { from: a.from, to: b.to, kind: 'range' } : null;
  }
  m = RE_MONTH_RANGE.exec(part);
  if (m) {
    const m1 = monthNumber(m[1]!);
    const m2 = monthNumber(m[3]!);
    if (!m1 || !m2) return null;
    // The end is resolved first; the start is its latest occurrence not after the end.
    let y1: number | null = m[2] ? Number(m[2]) : null;
    let y2: number | null = m[4] ? Number(m[4]) : null;
    if (y2 === null && y1 !== null) y2 = m1 <= m2 ? y1 : y1 + 1;
    if (y2 === null) y2 = resolveMonthYear(m2, period);
    if (y2 === null) return null;
    if (y1 === null) y1 = m1 <= m2 ? y2 : y2 - 1;
    if (monthStart(y1, m1) > monthStart(y2, m2)) return null;
    return { from: monthStart(y1, m1), to: monthEnd(y2, m2), kind: 'range' };
  }
  m = RE_MONTH.exec(part);
  if (m) {
    const month = monthNumber(m[1]!);
    if (!month) return null;
    const year = m[2] ? Number(m[2]) : resolveMonthYear(month, period);
    return year === null
      ? null
      : { from: monthStart(year, month), to: monthEnd(year, month), kind: 'month' };
  }
  m = RE_HALF.exec(part);
  if (m) {
    const which = ['первое', 'i', '1'].includes(m[1]!) ? 1 : 2;
    return halfOfPeriod(which, period, m[2] ? Number(m[2]) : null);
  }
  m = RE_QUARTER.exec(part);
  if (m) {
    const q = ROMAN[m[1]!] ?? Number(m[1]);
    const year = m[2] ? Number(m[2]) : resolveMonthYear(q * 3, period);
    if (year === null) return null;
    return { from: monthStart(year, q * 3 - 2), to: monthEnd(year, q * 3), kind: 'range' };
  }
  return null;
}

const RE_PERIOD =
  /^(в\s+течение\s+(всего\s+)?(учебного\s+|календарного\s+)?(года|периода)|постоянно|ежемесячно|ежеквартально|ежегодно|в\s+течение\s+\d{4}(\s*-\s*\d{4})?\s+(учебного\s+)?года)$/;
const RE_SCHEDULE = /^(согласно|по|в\s+соответствии\s+с)\s+(график|план|расписани|срок|календар)/;
const RE_EVENT =
  /^(по\s+(окончании|итогам|завершении|мере|результатам)|после\s|в\s+период\s|в\s+ходе\s)/;

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\s*\n\s*/g, ', ')
    .replace(/\s+/g, ' ')
    .replace(/\s*,(\s*,)+\s*/g, ', ')
    .replace(/^[\s,.;]+|[\s,.;]+$/g, '')
    .replace(/(\d)\s*г\.?(?=$|,|;)/g, '$1');
}

/** Parses a deadline as written; `period` resolves months and «в течение года». */
export function parseDeadline(text: string | null | undefined, period: Period | null): Deadline {
  const original = text ?? '';
  const t = normalise(original);
  if (!t) return { text: original, kind: 'none', from: null, to: null };
  if (RE_PERIOD.test(t)) {
    return { text: original, kind: 'period', from: period?.start ?? null, to: period?.end ?? null };
  }
  if (RE_SCHEDULE.test(t)) return { text: original, kind: 'schedule', from: null, to: null };
  if (RE_EVENT.test(t)) return { text: original, kind: 'event', from: null, to: null };
  const parts = t
    .split(/\s*[,;]\s*|\s+и\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const ranges: Range[] = [];
  for (const part of parts) {
    const r = parsePart(part, period);
    if (!r) return { text: original, kind: 'unparsed', from: null, to: null };
    ranges.push(r);
  }
  const from = ranges.map((r) => r.from).sort()[0] ?? null;
  const to =
    ranges
      .map((r) => r.to)
      .sort()
      .at(-1) ?? null;
  const kind: DeadlineKind = ranges.length === 1 ? ranges[0]!.kind : 'list';
  return { text: original, kind, from, to };
}

/** A calendar year period: 1 January – 31 December. */
export const calendarYearPeriod = (year: number): Period => ({
  start: isoDate(year, 1, 1),
  end: isoDate(year, 12, 31),
});

/** An academic year period: 1 September – 31 August. */
export const academicYearPeriod = (startYear: number): Period => ({
  start: isoDate(startYear, 9, 1),
  end: isoDate(startYear + 1, 8, 31),
});
