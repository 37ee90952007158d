import { isMark, type Mark } from '../../core/results/types';

/** Header text compared without case, ё, line breaks, extra spaces or trailing punctuation. */
export const normaliseHeader = (raw: string): string =>
  raw
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ')
    .replace(/[\s:*]+$/, '')
    .trim();

/** Cells that mean "no value": empty, «X» (Latin or Cyrillic, any case), dashes. */
const EMPTY_TOKENS = new Set(['', 'x', 'х', '-', '—', '–']);
/** Marks may also say «нет отметки». */
const NO_MARK_TOKENS = new Set([...EMPTY_TOKENS, 'нет отметки', 'нет', 'н/о', 'н/а']);

const ABSENT = /^(отсутствовал[а]?|отсутствует|не присутствовал[а]?|неявка|н\/я)$/;

export const isEmptyCell = (raw: string): boolean => EMPTY_TOKENS.has(raw.trim().toLowerCase());

export const isAbsentWord = (raw: string): boolean =>
  ABSENT.test(raw.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' '));

/** A non-negative integer written as `2`, `2.0`, `2,0` or ` 2 `; null otherwise. */
export function parseCount(raw: string): number | null {
  const t = raw.trim().replace(',', '.');
  if (!/^\d+(\.0+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
}

export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** A task score: a non-negative integer, or null for «X» / empty (not attempted). */
export function readScore(raw: string): CellResult<number | null> {
  if (isEmptyCell(raw)) return { ok: true, value: null };
  const n = parseCount(raw);
  if (n === null) return { ok: false, message: `балл «${raw.trim()}» не является целым числом` };
  return { ok: true, value: n };
}

/** A mark 2–5, or null for «X», «—», «нет отметки» and the like. */
export function readMark(raw: string): CellResult<Mark | null> {
  const digit = raw.length === 1 ? raw.charCodeAt(0) - 48 : -1;
  if (isMark(digit)) return { ok: true, value: digit };
  if (NO_MARK_TOKENS.has(raw.trim().toLowerCase())) return { ok: true, value: null };
  const n = parseCount(raw);
  if (n === null || !isMark(n)) {
    return { ok: false, message: `отметка «${raw.trim()}» не из 2, 3, 4, 5` };
  }
  return { ok: true, value: n };
}

export function readGender(raw: string): CellResult<'М' | 'Ж' | null> {
  const t = raw.trim().toLowerCase();
  if (!t || t === '-' || t === '—') return { ok: true, value: null };
  if (['м', 'm', 'муж', 'мужской'].includes(t)) return { ok: true, value: 'М' };
  if (['ж', 'f', 'жен', 'женский'].includes(t)) return { ok: true, value: 'Ж' };
  return { ok: false, message: `пол «${raw.trim()}» не распознан (ожидается М или Ж)` };
}
