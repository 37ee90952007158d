/** Kinds of organisations in the registry. */
export const ORG_CATEGORIES = ['school', 'body'] as const;
export type OrgCategory = (typeof ORG_CATEGORIES)[number];

export const SCHOOL_KINDS = [
  'school',
  'school_in_depth',
  'gymnasium',
  'lyceum',
  'education_centre',
  'boarding_school',
  'primary_school',
  'basic_school',
] as const;
export type SchoolKind = (typeof SCHOOL_KINDS)[number];

export const BODY_KINDS = ['imc', 'coko', 'uo', 'rmo', 'administration'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export type OrgKind = SchoolKind | BodyKind;
export const ORG_KINDS: readonly OrgKind[] = [...SCHOOL_KINDS, ...BODY_KINDS];

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  school: 'Средняя общеобразовательная школа',
  school_in_depth: 'Школа с углублённым изучением предметов',
  gymnasium: 'Гимназия',
  lyceum: 'Лицей',
  education_centre: 'Центр образования',
  boarding_school: 'Школа-интернат',
  primary_school: 'Начальная школа',
  basic_school: 'Основная общеобразовательная школа',
  imc: 'Информационно-методический центр (ИМЦ)',
  coko: 'Центр оценки качества образования (ЦОКО)',
  uo: 'Управление (отдел) образования (УО)',
  rmo: 'Районное методическое объединение (РМО)',
  administration: 'Администрация района (АР)',
};

export const categoryOfKind = (kind: OrgKind): OrgCategory =>
  (BODY_KINDS as readonly string[]).includes(kind) ? 'body' : 'school';

/** ФИС ОКО school login: `sch` followed by digits (some exports write `edu`). */
export const FIS_LOGIN_PATTERN = /^sch\d{4,8}$/;

export function normaliseFisLogin(raw: string): string | null {
  const value = raw.trim().toLowerCase();
  const match = /^(sch|edu)(\d{4,8})$/.exec(value);
  return match ? `sch${match[2]}` : null;
}
