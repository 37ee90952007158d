/** A new year's plan from last year's: years in texts move with the period. Pure. */

/** Adds `shift` to every four-digit year between `from` and `to` (inclusive) in a text. */
export function shiftYears(text: string, shift: number, from: number, to: number): string {
  if (!shift) return text;
  return text.replace(/(?<!\d)(\d{4})(?!\d)/g, (m) => {
    const y = Number(m);
    return y >= from && y <= to ? String(y + shift) : m;
  });
}

/** Shifts an ISO date by whole years (29 February becomes 28 February). */
export function shiftIsoDate(iso: string, shift: number): string {
  const y = Number(iso.slice(0, 4)) + shift;
  const md = iso.slice(5);
  if (md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return `${y}-02-28`;
  return `${y}-${md}`;
}
