import type { Procedure } from './types';

/** What a file title such as «ВПР 2024 Русский язык 5 класс» says about the test. */
export interface ParsedTitle {
  procedure: Procedure;
  year: number;
  subjectName: string;
  grade: number;
  /** «базовая» / «углублённая» when the title names a form in brackets. */
  form: string;
}

const PROCEDURE_WORDS: [RegExp, Procedure][] = [
  [/^впр$/i, 'vpr'],
  [/^(рм|рдр|региональный мониторинг|региональная диагностическая работа)$/i, 'rm'],
  [/^огэ$/i, 'oge'],
  [/^егэ$/i, 'ege'],
];

const TITLE =
  /^\s*(ВПР|РМ|РДР|ОГЭ|ЕГЭ|Региональный мониторинг|Региональная диагностическая работа)[\s.,:-]+(20\d\d)[\s.,:-]+(.+?)[\s.,:-]+(\d{1,2})\s*(?:-?й\s*)?класс(?:а|ы)?\s*(?:\(([^)]*)\))?/i;

/** Reads a title line; null when the text is not a test title. */
export function parseTestTitle(raw: string): ParsedTitle | null {
  const text = raw.replace(/\s+/g, ' ').trim();
  const m = TITLE.exec(text);
  if (!m) return null;
  const word = (m[1] ?? '').toLowerCase();
  const procedure = PROCEDURE_WORDS.find(([re]) => re.test(word))?.[1];
  if (!procedure) return null;
  const grade = Number(m[4]);
  if (grade < 1 || grade > 11) return null;
  return {
    procedure,
    year: Number(m[2]),
    subjectName: (m[3] ?? '').trim(),
    grade,
    form: normaliseForm(m[5] ?? ''),
  };
}

/** «Углубленная» → «углублённая», «базовый уровень» → «базовая». */
export function normaliseForm(raw: string): string {
  const t = raw.trim().toLowerCase().replace(/ё/g, 'е');
  if (!t) return '';
  if (t.startsWith('углубл')) return 'углублённая';
  if (t.startsWith('базов')) return 'базовая';
  if (t.startsWith('профил')) return 'профильная';
  return raw.trim();
}

/** «Максимальный первичный балл: 45» → 45. */
export function parseMaxPrimaryLine(raw: string): number | null {
  const m = /максимальный\s+первичный\s+балл\s*[:\-–—]?\s*(\d{1,3})/i.exec(
    raw.replace(/\s+/g, ' '),
  );
  return m ? Number(m[1]) : null;
}

/** A ФИС ОКО school login in a file name or cell: `sch780312` (older exports: `edu780312`). */
export function findSchoolLogin(raw: string): string | null {
  const m = /(?:^|[^a-z0-9])(sch|edu)(\d{4,8})(?![0-9])/i.exec(raw);
  return m ? `sch${m[2]}` : null;
}

/** Normalises a login from a cell: `EDU780101 ` → `sch780101`; other text is kept trimmed. */
export function normaliseSchoolLogin(raw: string): string {
  const t = raw.trim();
  const m = /^(sch|edu)(\d{4,8})$/i.exec(t);
  return m ? `sch${m[2]}` : t;
}
