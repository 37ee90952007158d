/**
 * Target schools written in activity texts: «в ОО №№ 8, 212, 215, 236, 367, 448», «ОО №№8, 212»,
 * «(СОШ №22)», «школа № 312». Returns the school numbers in order, without duplicates. Pure.
 */
const LIST =
  /(?:^|[\s(])(?:ОО|ОУ|СОШ|ООШ|школ[а-яё]*|гимнази[а-яё]*|лице[а-яё]*|ГБОУ|МБОУ|МАОУ|в)\s*№\s*№?\s*(\d+[а-яё]?(?:\s*(?:,|и)\s*\d+[а-яё]?)*)/giu;

export function parseTargetSchools(text: string | null | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const match of text.matchAll(LIST)) {
    for (const n of (match[1] ?? '').split(/\s*(?:,|и)\s*/)) {
      const number = n.trim().toLowerCase();
      if (number && !out.includes(number)) out.push(number);
    }
  }
  return out;
}

/** «ОО №№ 8, 212, 215» for a list of numbers (empty string for none). */
export function formatTargetSchools(numbers: readonly string[]): string {
  if (!numbers.length) return '';
  return numbers.length === 1 ? `ОО № ${numbers[0]}` : `ОО №№ ${numbers.join(', ')}`;
}
