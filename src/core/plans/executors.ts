/**
 * Executors as plans write them: bodies («АР, ИМЦ, ЦОКО»), people («Грязнова Г.А.,
 * Анкудинова О.А.»), positions («Заместитель директора по УВР») and «ОО» — every school the
 * activity concerns. Pure: linking to organisations and users happens in the service.
 */
export const EXECUTOR_KINDS = ['body', 'person', 'position', 'schools'] as const;
export type ExecutorKind = (typeof EXECUTOR_KINDS)[number];

export interface ExecutorEntry {
  label: string;
  kind: ExecutorKind;
}

/** Abbreviations meaning «each school concerned». */
const SCHOOLS = new Set(['ОО', 'ОУ', 'ОООО', 'ШКОЛЫ']);
const PERSON = /^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.?/u;
const PERSON_INITIALS_FIRST = /^[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+/u;
const ABBREVIATION = /^[А-ЯЁA-Z][А-ЯЁа-яёA-Z]*[А-ЯЁA-Z]$/u;

export function classifyExecutor(label: string): ExecutorKind {
  const l = label.trim();
  if (SCHOOLS.has(l.toUpperCase()) && l === l.toUpperCase()) return 'schools';
  if (PERSON.test(l) || PERSON_INITIALS_FIRST.test(l)) return 'person';
  if (ABBREVIATION.test(l) && l.length <= 8 && /[А-ЯЁ]{2}/u.test(l)) return 'body';
  return 'position';
}

/** Splits an executors cell into entries, keeping each label as written. */
export function parseExecutors(text: string | null | undefined): ExecutorEntry[] {
  if (!text) return [];
  return text
    .split(/\s*[,;\n]\s*|\.\s+(?=[А-ЯЁ]{2})/u)
    .map((s) => s.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .map((label) => ({ label, kind: classifyExecutor(label) }));
}

/** The surname and initials of a person entry, for matching users: «грязнова г.а.». */
export function personKey(label: string): string | null {
  const m = /^([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s+([А-ЯЁ])\.\s?([А-ЯЁ])/u.exec(label.trim());
  return m ? `${m[1]} ${m[2]}.${m[3]}.`.toLowerCase() : null;
}

/** The same key for a full name «Грязнова Галина Алексеевна». */
export function fullNameKey(fullName: string): string | null {
  const [surname, name, patronymic] = fullName.trim().split(/\s+/);
  if (!surname || !name || !patronymic) return null;
  return `${surname} ${name[0]}.${patronymic[0]}.`.toLowerCase();
}
