/**
 * Task column headers of ФИС ОКО files: `1 (2б)`, `9.1 (1б)` in the «Индивидуальные результаты»
 * export, plain `1`, `5.1` in the school's «Форма сбора результатов». Headers with line breaks and
 * stray spaces are accepted; `5,1` is read as `5.1`.
 */
export interface TaskHeader {
  code: string;
  /** Maximum score stated in the header, or null when the header gives none. */
  max: number | null;
}

const TASK_HEADER =
  /^(?:задание\s*|№\s*)?(\d{1,2}(?:[.,]\d{1,2}){0,2})\s*(?:\(\s*(?:(\d{1,3})\s*(?:б|балл|балла|баллов)\.?|[^)]*)\s*\))?$/i;

export function parseTaskHeader(raw: string): TaskHeader | null {
  const text = raw.replace(/\s+/g, ' ').trim();
  const m = TASK_HEADER.exec(text);
  if (!m?.[1]) return null;
  const code = m[1].replace(/,/g, '.');
  return { code, max: m[2] === undefined ? null : Number(m[2]) };
}

/** `1 (2б)`: the header the project's writer uses for the export. */
export const formatTaskHeader = (code: string, max: number): string => `${code} (${max}б)`;
