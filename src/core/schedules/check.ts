import { LIMITS, VPR_WINDOWS } from './limits';
import type {
  ClassSubjectLoad,
  MissingData,
  ScheduleCheck,
  ScheduleData,
  ScheduleEntry,
  Violation,
} from './model';

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const weekdayOf = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};
export const formatDateRu = (iso: string) => iso.split('-').reverse().join('.');

const WEEKDAY_NAMES = [
  '',
  'понедельник',
  'вторник',
  'среда',
  'четверг',
  'пятница',
  'суббота',
  'воскресенье',
];
const fmt = (n: number) => (Math.round(n * 10) / 10).toLocaleString('ru-RU');

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

interface Indexed {
  entry: ScheduleEntry;
  index: number;
}

/**
 * Checks a schedule against the federal limits (limits.ts). Only procedures written by the whole
 * class and lasting at least 30 minutes count; the rest are listed as excluded. Each check that
 * lacks data (curriculum hours, lessons per day) says so instead of passing silently.
 */
export function checkSchedule(data: ScheduleData): ScheduleCheck {
  const counted: Indexed[] = [];
  const excluded: ScheduleCheck['excluded'] = [];
  data.entries.forEach((entry, index) => {
    if (!entry.wholeClass) {
      excluded.push({ entryIndex: index, reason: 'пишет не весь класс — не оценочная процедура' });
    } else if (entry.durationMin < LIMITS.minDurationMin) {
      excluded.push({
        entryIndex: index,
        reason: `длится ${entry.durationMin} мин (меньше ${LIMITS.minDurationMin}) — не оценочная процедура`,
      });
    } else {
      counted.push({ entry, index });
    }
  });

  const weekly = new Map(
    data.curriculum.map((c) => [`${c.parallel}:${c.subjectCode}`, c.weeklyHours]),
  );
  const weeklyHours = (e: ScheduleEntry) => weekly.get(`${e.parallel}:${e.subjectCode}`);
  const violations: Violation[] = [];
  const missing = new Map<string, MissingData>();
  const addMissing = (m: MissingData) => missing.set(`${m.rule}:${m.message}`, m);
  const loads: ClassSubjectLoad[] = [];

  // At most one procedure per class per day.
  for (const list of groupBy(counted, (x) => `${x.entry.className}|${x.entry.date}`).values()) {
    if (list.length <= LIMITS.maxPerDay) continue;
    const first = list[0] as Indexed;
    violations.push({
      rule: 'per_day',
      className: first.entry.className,
      subjectName: null,
      entryIndexes: list.map((x) => x.index),
      message: `${first.entry.className}, ${formatDateRu(first.entry.date)}: ${list.length} оценочные процедуры в один день (${list.map((x) => x.entry.subjectName).join(', ')}); допускается не более одной`,
    });
  }

  for (const list of groupBy(
    counted,
    (x) => `${x.entry.className}|${x.entry.subjectCode}`,
  ).values()) {
    const sorted = [...list].sort(
      (a, b) => a.entry.date.localeCompare(b.entry.date) || a.index - b.index,
    );
    const first = (sorted[0] as Indexed).entry;
    // Gaps between consecutive procedures in the subject.
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1] as Indexed;
      const cur = sorted[i] as Indexed;
      const gap = dayNumber(cur.entry.date) - dayNumber(prev.entry.date);
      if (gap < LIMITS.minGapDays) {
        violations.push({
          rule: 'gap',
          className: first.className,
          subjectName: first.subjectName,
          entryIndexes: [prev.index, cur.index],
          message: `${first.className}, ${first.subjectName}: ${formatDateRu(prev.entry.date)} и ${formatDateRu(cur.entry.date)} — между процедурами ${gap} дн., нужно не меньше 2,5 недель (17,5 дн.)`,
        });
      }
    }
    // Share of the subject's annual study time.
    const minutes = sorted.reduce((s, x) => s + x.entry.durationMin, 0);
    const hours = weeklyHours(first);
    const annualHours = hours === undefined ? null : hours * LIMITS.studyWeeks(first.parallel);
    const sharePercent =
      annualHours === null || annualHours === 0
        ? null
        : (minutes / (annualHours * LIMITS.academicHourMin)) * 100;
    loads.push({
      className: first.className,
      parallel: first.parallel,
      subjectCode: first.subjectCode,
      subjectName: first.subjectName,
      procedures: sorted.length,
      minutes,
      annualHours,
      sharePercent,
    });
    if (annualHours === null) {
      addMissing({
        rule: 'share',
        message: `Нет часов учебного плана: ${first.parallel} класс, ${first.subjectName} — доля времени на оценочные процедуры не проверена`,
      });
    } else if (
      annualHours === 0 ||
      (sharePercent !== null && sharePercent > LIMITS.maxSharePercent)
    ) {
      violations.push({
        rule: 'share',
        className: first.className,
        subjectName: first.subjectName,
        entryIndexes: sorted.map((x) => x.index),
        message:
          annualHours === 0
            ? `${first.className}, ${first.subjectName}: предмета нет в учебном плане (0 ч), а процедуры запланированы`
            : `${first.className}, ${first.subjectName}: ${minutes} мин процедур — ${fmt(sharePercent ?? 0)}% от ${fmt(annualHours)} ч в год; допускается не более ${LIMITS.maxSharePercent}%`,
      });
    }
  }

  // Not on the first or the last lesson, unless the subject has at most 1 lesson a week.
  for (const { entry, index } of counted) {
    const weekday = weekdayOf(entry.date);
    const perDay =
      data.lessonsPerDay.find((l) => l.parallel === entry.parallel && l.weekday === weekday) ??
      data.lessonsPerDay.find((l) => l.parallel === entry.parallel && l.weekday === null);
    if (!perDay) {
      addMissing({
        rule: 'edge_lesson',
        message: `Нет числа уроков в день: ${entry.parallel} класс${data.lessonsPerDay.some((l) => l.parallel === entry.parallel) ? `, ${WEEKDAY_NAMES[weekday]}` : ''} — проверка последнего урока не выполнена`,
      });
    }
    const position =
      entry.lesson === 1 ? 'первом' : perDay && entry.lesson >= perDay.lessons ? 'последнем' : null;
    if (!position) continue;
    const hours = weeklyHours(entry);
    if (hours === undefined) {
      addMissing({
        rule: 'edge_lesson',
        message: `Нет часов учебного плана: ${entry.parallel} класс, ${entry.subjectName} — нельзя решить, допустима ли процедура на ${position} уроке (исключение для предметов с 1 ч в неделю)`,
      });
      continue;
    }
    if (hours <= LIMITS.edgeExceptionWeeklyHours) continue;
    violations.push({
      rule: 'edge_lesson',
      className: entry.className,
      subjectName: entry.subjectName,
      entryIndexes: [index],
      message: `${entry.className}, ${entry.subjectName}, ${formatDateRu(entry.date)}: процедура на ${position} уроке (${entry.lesson}-й${perDay ? ` из ${perDay.lessons}` : ''}); по предмету ${fmt(hours)} ч в неделю`,
    });
  }

  checkVprWindow(data.entries, violations, addMissing);

  return {
    counted: counted.length,
    excluded,
    violations,
    missing: [...missing.values()],
    loads: loads.sort(
      (a, b) =>
        a.className.localeCompare(b.className, 'ru') ||
        a.subjectName.localeCompare(b.subjectName, 'ru'),
    ),
  };
}

/**
 * ВПР must be held inside the federal window of their year (VPR_WINDOWS). Every ВПР entry is
 * checked, counted or not; a year without a known window is reported as missing data.
 */
function checkVprWindow(
  entries: ScheduleEntry[],
  violations: Violation[],
  addMissing: (m: MissingData) => void,
): void {
  entries.forEach((entry, index) => {
    if (entry.kind !== 'vpr') return;
    const year = Number(entry.date.slice(0, 4));
    const window = VPR_WINDOWS[year];
    if (!window) {
      addMissing({
        rule: 'vpr_window',
        message: `Нет федеральных сроков ВПР на ${year} год — даты ВПР не проверены`,
      });
      return;
    }
    if (entry.date >= window.from && entry.date <= window.to) return;
    violations.push({
      rule: 'vpr_window',
      className: entry.className,
      subjectName: entry.subjectName,
      entryIndexes: [index],
      message: `${entry.className}, ${entry.subjectName}: ВПР ${formatDateRu(entry.date)} вне федеральных сроков ${year} года (${formatDateRu(window.from)}–${formatDateRu(window.to)})`,
    });
  });
}

/** Parallel from a class name such as «5А», «10-Б», «11 В»; null when there is none. */
export function parallelOf(className: string): number | null {
  const m = /^\s*(\d{1,2})/.exec(className);
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 11 ? n : null;
}
