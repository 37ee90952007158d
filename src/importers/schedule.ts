import { parallelOf } from '../core/schedules/check';
import {
  PROCEDURE_KIND_LABELS,
  PROCEDURE_KINDS,
  type CurriculumLine,
  type LessonsPerDay,
  type ProcedureKind,
  type ScheduleEntry,
} from '../core/schedules/model';
import type { TextSheet } from './tables';

/** A subject the importer can resolve by name; unknown names become their own subject. */
export interface KnownSubject {
  code: string;
  name: string;
}

export interface ParsedSchedule {
  entries: ScheduleEntry[];
  /** Null when the file has no curriculum sheet (the stored curriculum is kept). */
  curriculum: CurriculumLine[] | null;
  lessonsPerDay: LessonsPerDay[] | null;
  errors: string[];
}

export const SCHEDULE_SHEET = 'График';
export const CURRICULUM_SHEET = 'Учебный план';
export const LESSONS_SHEET = 'Уроков в день';

export const SCHEDULE_COLUMNS = {
  className: 'Класс',
  subject: 'Предмет',
  date: 'Дата',
  lesson: 'Урок',
  kind: 'Вид процедуры',
  duration: 'Длительность, мин',
  wholeClass: 'Весь класс',
} as const;
export const CURRICULUM_COLUMNS = {
  parallel: 'Параллель',
  subject: 'Предмет',
  hours: 'Часов в неделю',
} as const;
export const LESSONS_COLUMNS = {
  parallel: 'Параллель',
  weekday: 'День недели',
  lessons: 'Уроков',
} as const;

const norm = (s: string) => s.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
const colName = (i: number): string =>
  i < 26 ? String.fromCharCode(65 + i) : colName(Math.floor(i / 26) - 1) + colName(i % 26);

const KIND_WORDS: [string, ProcedureKind][] = [
  ['впр', 'vpr'],
  ['нико', 'niko'],
  ['регион', 'regional'],
  ['контрольн', 'control'],
  ['провероч', 'check'],
  ['диагност', 'diagnostic'],
  ['промежуточн', 'intermediate'],
];
export function parseKind(raw: string): ProcedureKind | null {
  const v = norm(raw);
  for (const k of PROCEDURE_KINDS) if (norm(PROCEDURE_KIND_LABELS[k]) === v) return k;
  for (const [word, kind] of KIND_WORDS) if (v.includes(word)) return kind;
  return null;
}

const WEEKDAYS = ['пн', 'вт', 'ср', 'чт', 'пт', 'сб'];
function parseWeekday(raw: string): number | null | 'bad' {
  const v = norm(raw);
  if (!v || v === 'все' || v === 'любой') return null;
  const idx = WEEKDAYS.findIndex((w) => v.startsWith(w));
  if (idx >= 0) return idx + 1;
  const full = ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'].indexOf(v);
  return full >= 0 ? full + 1 : 'bad';
}

export function parseDate(raw: string): string | null {
  const v = raw.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function parseNumber(raw: string): number | null {
  const v = raw.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(v)) return null;
  return Number(v);
}

/** Finds the header row (the first row naming every required column) and maps columns. */
function header<K extends string>(
  sheet: TextSheet,
  columns: Record<K, string>,
  optional: readonly NoInfer<K>[],
  where: string,
  errors: string[],
): { row: number; index: Record<K, number> } | null {
  const keys = Object.keys(columns) as K[];
  for (let r = 0; r < Math.min(sheet.rows.length, 10); r++) {
    const cells = (sheet.rows[r] ?? []).map(norm);
    const index = {} as Record<K, number>;
    let found = true;
    for (const k of keys) {
      const i = cells.indexOf(norm(columns[k]));
      if (i < 0 && !optional.includes(k)) found = false;
      index[k] = i;
    }
    if (found) return { row: r, index };
  }
  const required = keys.filter((k) => !optional.includes(k)).map((k) => `«${columns[k]}»`);
  errors.push(`${where}: не найдена строка заголовка со столбцами ${required.join(', ')}`);
  return null;
}

/** The reference subject of a name, or a subject of its own keyed by the normalised name. */
export function resolveSubject(raw: string, subjects: readonly KnownSubject[]): KnownSubject {
  const found = subjects.find((s) => norm(s.name) === norm(raw));
  if (found) return found;
  const name = raw.trim().replace(/\s+/g, ' ');
  return { code: `name:${norm(name)}`, name: name.charAt(0).toUpperCase() + name.slice(1) };
}

/**
 * Reads a schedule file: sheet «График» (or the only/first sheet), and optionally «Учебный план»
 * and «Уроков в день». Every error names the file, sheet, row and column; the caller stores
 * nothing when there are errors.
 */
export function parseScheduleFile(
  fileName: string,
  sheets: TextSheet[],
  subjects: readonly KnownSubject[],
): ParsedSchedule {
  const errors: string[] = [];
  const byName = (name: string) => sheets.find((s) => norm(s.name) === norm(name));
  const scheduleSheet = byName(SCHEDULE_SHEET) ?? sheets[0];
  const result: ParsedSchedule = { entries: [], curriculum: null, lessonsPerDay: null, errors };
  if (!scheduleSheet) {
    errors.push(`Файл «${fileName}»: нет ни одного листа`);
    return result;
  }
  const at = (sheet: TextSheet, row: number, col: number) =>
    `Файл «${fileName}», лист «${sheet.name}», строка ${row + 1}, столбец ${colName(col)}`;

  const h = header(
    scheduleSheet,
    SCHEDULE_COLUMNS,
    ['wholeClass'],
    `Файл «${fileName}», лист «${scheduleSheet.name}»`,
    errors,
  );
  if (h) {
    for (let r = h.row + 1; r < scheduleSheet.rows.length; r++) {
      const cells = scheduleSheet.rows[r] ?? [];
      if (cells.every((c) => !c)) continue;
      const get = (k: keyof typeof SCHEDULE_COLUMNS) => cells[h.index[k]] ?? '';
      const bad = (k: keyof typeof SCHEDULE_COLUMNS, msg: string) =>
        errors.push(`${at(scheduleSheet, r, h.index[k])} («${SCHEDULE_COLUMNS[k]}»): ${msg}`);
      const className = get('className').replace(/\s+/g, '').toUpperCase();
      const parallel = parallelOf(className);
      if (!parallel) bad('className', `«${get('className')}» — ожидается класс вида «5А»`);
      if (!get('subject')) bad('subject', 'не указан предмет');
      const date = parseDate(get('date'));
      if (!date) bad('date', `«${get('date')}» — ожидается дата ДД.ММ.ГГГГ`);
      const lesson = parseNumber(get('lesson'));
      if (lesson === null || !Number.isInteger(lesson) || lesson < 1 || lesson > 10)
        bad('lesson', `«${get('lesson')}» — ожидается номер урока от 1 до 10`);
      const kind = parseKind(get('kind'));
      if (!kind)
        bad(
          'kind',
          `«${get('kind')}» — ожидается одно из: ${PROCEDURE_KINDS.map((k) => PROCEDURE_KIND_LABELS[k]).join(', ')}`,
        );
      const duration = parseNumber(get('duration'));
      if (duration === null || !Number.isInteger(duration) || duration < 1 || duration > 300)
        bad('duration', `«${get('duration')}» — ожидается число минут от 1 до 300`);
      const wholeRaw = h.index.wholeClass >= 0 ? norm(get('wholeClass')) : '';
      let wholeClass = true;
      if (wholeRaw === 'нет') wholeClass = false;
      else if (wholeRaw && wholeRaw !== 'да')
        bad('wholeClass', `«${get('wholeClass')}» — «да» или «нет»`);
      if (parallel && get('subject') && date && lesson && kind && duration) {
        const subject = resolveSubject(get('subject'), subjects);
        result.entries.push({
          className,
          parallel,
          subjectCode: subject.code,
          subjectName: subject.name,
          date,
          lesson,
          kind,
          durationMin: duration,
          wholeClass,
        });
      }
    }
    if (!result.entries.length && !errors.length)
      errors.push(`Файл «${fileName}», лист «${scheduleSheet.name}»: нет ни одной процедуры`);
  }

  const plan = byName(CURRICULUM_SHEET);
  if (plan) {
    result.curriculum = [];
    const ph = header(
      plan,
      CURRICULUM_COLUMNS,
      [],
      `Файл «${fileName}», лист «${plan.name}»`,
      errors,
    );
    const seen = new Set<string>();
    for (let r = (ph?.row ?? plan.rows.length) + 1; ph && r < plan.rows.length; r++) {
      const cells = plan.rows[r] ?? [];
      if (cells.every((c) => !c)) continue;
      const get = (k: keyof typeof CURRICULUM_COLUMNS) => cells[ph.index[k]] ?? '';
      const bad = (k: keyof typeof CURRICULUM_COLUMNS, msg: string) =>
        errors.push(`${at(plan, r, ph.index[k])} («${CURRICULUM_COLUMNS[k]}»): ${msg}`);
      const parallel = parseNumber(get('parallel'));
      if (parallel === null || !Number.isInteger(parallel) || parallel < 1 || parallel > 11)
        bad('parallel', `«${get('parallel')}» — ожидается параллель от 1 до 11`);
      if (!get('subject')) bad('subject', 'не указан предмет');
      const hours = parseNumber(get('hours'));
      if (hours === null || hours > 40)
        bad('hours', `«${get('hours')}» — ожидается число часов в неделю`);
      if (parallel && get('subject') && hours !== null) {
        const subject = resolveSubject(get('subject'), subjects);
        const key = `${parallel}:${subject.code}`;
        if (seen.has(key)) bad('subject', `${subject.name} в ${parallel} классе указан дважды`);
        seen.add(key);
        result.curriculum.push({
          parallel,
          subjectCode: subject.code,
          subjectName: subject.name,
          weeklyHours: hours,
        });
      }
    }
  }

  const lessonsSheet = byName(LESSONS_SHEET);
  if (lessonsSheet) {
    result.lessonsPerDay = [];
    const lh = header(
      lessonsSheet,
      LESSONS_COLUMNS,
      ['weekday'],
      `Файл «${fileName}», лист «${lessonsSheet.name}»`,
      errors,
    );
    for (let r = (lh?.row ?? 0) + 1; lh && r < lessonsSheet.rows.length; r++) {
      const cells = lessonsSheet.rows[r] ?? [];
      if (cells.every((c) => !c)) continue;
      const get = (k: keyof typeof LESSONS_COLUMNS) => cells[lh.index[k]] ?? '';
      const bad = (k: keyof typeof LESSONS_COLUMNS, msg: string) =>
        errors.push(`${at(lessonsSheet, r, lh.index[k])} («${LESSONS_COLUMNS[k]}»): ${msg}`);
      const parallel = parseNumber(get('parallel'));
      if (parallel === null || !Number.isInteger(parallel) || parallel < 1 || parallel > 11)
        bad('parallel', `«${get('parallel')}» — ожидается параллель от 1 до 11`);
      const weekday = lh.index.weekday >= 0 ? parseWeekday(get('weekday')) : null;
      if (weekday === 'bad')
        bad('weekday', `«${get('weekday')}» — ожидается пн, вт, ср, чт, пт, сб или пусто`);
      const lessons = parseNumber(get('lessons'));
      if (lessons === null || !Number.isInteger(lessons) || lessons < 1 || lessons > 10)
        bad('lessons', `«${get('lessons')}» — ожидается число уроков от 1 до 10`);
      if (parallel && weekday !== 'bad' && lessons)
        result.lessonsPerDay.push({ parallel, weekday, lessons });
    }
  }
  return result;
}
