/** A class name as written in result files: «5А», «5 а», «5-Б», or only the letter «А». */
export interface ParsedClassName {
  /** Normalised name, e.g. «5А»; the letter alone when no parallel is given. */
  name: string;
  parallel: number | null;
  letter: string;
}

export function parseClassName(
  raw: string,
  defaultParallel: number | null,
): ParsedClassName | null {
  const t = raw
    .replace(/\s+/g, '')
    .replace(/[-–—"«»]/g, '')
    .toUpperCase();
  if (!t) return null;
  const m = /^(\d{1,2})([А-ЯЁA-Z0-9]{0,4})$/.exec(t);
  if (m) {
    const parallel = Number(m[1]);
    if (parallel >= 1 && parallel <= 11) {
      const letter = m[2] ?? '';
      return { name: `${parallel}${letter}`, parallel, letter };
    }
  }
  if (/^[А-ЯЁA-Z]{1,4}$/.test(t)) {
    return {
      name: defaultParallel ? `${defaultParallel}${t}` : t,
      parallel: defaultParallel,
      letter: t,
    };
  }
  return null;
}
