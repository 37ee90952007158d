/** A class is a parallel (grade 1–11) and a letter or number inside it, e.g. 5 «А». */
export const MIN_PARALLEL = 1;
export const MAX_PARALLEL = 11;

/** Normalises a class letter: trims, upper-cases Cyrillic, keeps digits. «а» → «А». */
export function normaliseClassLetter(raw: string): string {
  return raw.trim().toUpperCase().replace(/\s+/g, '');
}

/**
 * Parses a class name as written in results files: «5А», «5 А», «5-а», «10Б», «4 (1)».
 * Returns null when the text does not look like a class.
 */
export function parseClassName(raw: string): { parallel: number; letter: string } | null {
  const match = /^\s*(\d{1,2})\s*[-–«"(]?\s*([А-ЯЁA-Zа-яёa-z0-9]{0,3})\s*[»")]?\s*$/.exec(raw);
  if (!match) return null;
  const parallel = Number(match[1]);
  if (parallel < MIN_PARALLEL || parallel > MAX_PARALLEL) return null;
  return { parallel, letter: normaliseClassLetter(match[2] ?? '') };
}

export const formatClassName = (parallel: number, letter: string): string =>
  `${parallel}${letter ? letter : ''}`;
