import { normaliseHeader } from './cells';

/** The fields a results table may have besides task columns. */
export type ColumnField =
  | 'school'
  | 'municipality'
  | 'schoolName'
  | 'code'
  | 'className'
  | 'variant'
  | 'gender'
  | 'total'
  | 'mark'
  | 'journalMark'
  | 'name'
  | 'ignored';

const EXACT: Record<string, ColumnField> = {
  оо: 'school',
  'логин оо': 'school',
  'логин школы': 'school',
  логин: 'school',
  'код оо': 'school',
  муниципалитет: 'municipality',
  'муниципальное образование': 'municipality',
  мо: 'municipality',
  'название оо': 'schoolName',
  'наименование оо': 'schoolName',
  'краткое название оо': 'schoolName',
  'полное название оо': 'schoolName',
  'код участника': 'code',
  'номер обучающегося': 'code',
  'код обучающегося': 'code',
  'номер участника': 'code',
  класс: 'className',
  'наименование класса': 'className',
  'порядковый номер класса': 'className',
  'литера класса': 'className',
  вариант: 'variant',
  пол: 'gender',
  'первичный балл': 'total',
  'итого баллов': 'total',
  'всего баллов': 'total',
  'сумма баллов': 'total',
  'итоговый балл': 'total',
  отметка: 'mark',
  'отметка за работу': 'mark',
  'оценка за работу': 'mark',
  'отметка по журналу': 'journalMark',
  'оценка по журналу': 'journalMark',
  учебник: 'ignored',
  '№': 'ignored',
  '№ п/п': 'ignored',
  'п/п': 'ignored',
};

/** Headers that carry personal names: such columns are dropped while parsing. */
const NAME_HEADER =
  /^(фио|ф\.и\.о|фамилия|имя|отчество)(?![а-я])|фамилия|(?<![а-я])фио(?![а-я])|ф\.и\.о/;

export function classifyHeader(raw: string): ColumnField | null {
  const h = normaliseHeader(raw);
  if (!h) return null;
  const exact = EXACT[h];
  if (exact) return exact;
  if (/^отметка за предыдущ|^отметка по журналу|^отметка за (четверть|триместр|полугодие)/.test(h))
    return 'journalMark';
  if (/^вариант(?![а-я])/.test(h)) return 'variant';
  if (NAME_HEADER.test(h)) return 'name';
  return null;
}

/** Lines above a table that group task columns («Задания», «Баллы за задания»). */
export const isTaskGroupLabel = (raw: string): boolean =>
  /^(баллы за задания|задания|номер задания|номера заданий|выполнение заданий)/.test(
    normaliseHeader(raw),
  );
