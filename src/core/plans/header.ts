/**
 * The text around a plan's table: the «УТВЕРЖДАЮ» block (or the order that approves a road map),
 * the title, the period and the goals. Read from the paragraphs before the table. Pure.
 */
import { academicYearPeriod, calendarYearPeriod, type Period } from './deadline';

export interface Approval {
  /** Position lines as written, joined by a line break. */
  position: string;
  name: string;
  orderNumber: string | null;
  /** ISO date of the order. */
  orderDate: string | null;
}

export interface DocumentHeader {
  approval: Approval | null;
  title: string | null;
  period: Period | null;
  goals: string[];
  level: 'district' | 'municipality' | 'school' | null;
}

const clean = (s: string) =>
  s
    .replace(/\[bookmark:[^\]]*\]/g, '')
    .replace(/\*\*/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[_\s]+|[_\s]+$/g, '')
    .trim();

const DOTTED_DATE = /(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{4})/;
const toIso = (m: RegExpExecArray) => `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;

/** «Приказ от 12.01.2023г. № 14-о/2023», «Приказ №103-5 от 05.09. 2023 г.». */
export function parseOrder(line: string): { number: string | null; date: string | null } | null {
  if (!/приказ|распоряжени|№/i.test(line)) return null;
  const number = /№\s*([^\s,]+)/.exec(line)?.[1]?.replace(/[.,]$/, '') ?? null;
  const date = DOTTED_DATE.exec(line);
  if (!number && !date) return null;
  return { number, date: date ? toIso(date) : null };
}

/** «/ О.А. Римкявичене», «_____ С.А.Симанова», «М.В. Семкина». */
const NAME = /([А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s*$/u;

function approvalBlock(lines: string[]): Approval | null {
  const start = lines.findIndex((l) => /^у\s?т\s?в\s?е\s?р\s?ж\s?д\s?а\s?ю(?![а-яё])/i.test(l));
  if (start >= 0) {
    const position: string[] = [];
    let name = '';
    let order: ReturnType<typeof parseOrder> = null;
    for (const line of lines.slice(start + 1, start + 8)) {
      const nm = NAME.exec(line);
      if (!name && nm) {
        name = nm[1]!.replace(/\.\s?(?=[А-ЯЁ])/gu, '.').replace(/\.([А-ЯЁ][а-яё])/u, '. $1');
        const before = clean(line.slice(0, nm.index).replace(/[/_]+/g, ' '));
        if (before) position.push(before);
        continue;
      }
      if (name) {
        order = parseOrder(line);
        break;
      }
      position.push(line);
    }
    return {
      position: position.join('\n'),
      name,
      orderNumber: order?.number ?? null,
      orderDate: order?.date ?? null,
    };
  }
  // A road map approved by an order: «П Р И К А З», a date, «№ 575», the head's position and name.
  const orderAt = lines.findIndex((l) => /^п\s?р\s?и\s?к\s?а\s?з$/i.test(l));
  if (orderAt < 0) return null;
  const rest = lines.slice(orderAt + 1);
  const dateLine = rest.find((l) => DOTTED_DATE.test(l));
  const date = dateLine ? DOTTED_DATE.exec(dateLine) : null;
  const numberLine = rest.find((l) => /^№\s*\S+/.test(l));
  const headAt = rest.findIndex((l) =>
    /^(начальник|директор|руководитель|глава|заведующ)/i.test(l),
  );
  const head = headAt >= 0 ? rest[headAt] : undefined;
  const nameLine =
    headAt >= 0 ? rest.slice(headAt, headAt + 2).find((l) => NAME.test(l)) : undefined;
  return {
    position: head ?? '',
    name: nameLine ? (NAME.exec(nameLine)?.[1] ?? '') : '',
    orderNumber: numberLine ? (/^№\s*(\S+)/.exec(numberLine)?.[1] ?? null) : null,
    orderDate: date ? toIso(date) : null,
  };
}

const TITLE_START = /^(план|программа|дорожная карта|комплекс мер)/i;

function title(lines: string[]): string | null {
  let best: string | null = null;
  lines.forEach((line, i) => {
    if (!TITLE_START.test(line)) return;
    let candidate = line;
    const next = lines[i + 1];
    if (line.length < 40 && next && /^[а-яё]/u.test(next)) candidate = `${line} ${next}`;
    candidate = candidate.replace(/\s+,/g, ',');
    if (!best || candidate.length > best.length) best = candidate;
  });
  return best;
}

/** The period named in the title: «в 2023 году», «на 2022-2023 учебный год». */
export function periodFromTitle(text: string): Period | null {
  const academic = /(\d{4})\s*[-–/]\s*(\d{4})\s+учебн/i.exec(text);
  if (academic) return academicYearPeriod(Number(academic[1]));
  const year = /(?:в|на)\s+(\d{4})\s+(год|году)(?![а-яё])/i.exec(text);
  if (year) return calendarYearPeriod(Number(year[1]));
  return null;
}

function goals(lines: string[]): string[] {
  const at = lines.findIndex((l) => /^цел[ьи]\s*:?$/i.test(l) || /^цел[ьи]\s*:/i.test(l));
  if (at < 0) return [];
  const inline = lines[at]!.replace(/^цел[ьи]\s*:?\s*/i, '');
  const out = inline ? [inline] : [];
  for (const line of lines.slice(at + 1)) {
    if (/^задач/i.test(line) || TITLE_START.test(line)) break;
    out.push(line.replace(/^[-–—•]\s*/, '').replace(/;$/, ''));
  }
  return out.filter(Boolean);
}

function level(text: string): DocumentHeader['level'] {
  if (/директор школы|ГБОУ|МБОУ|МАОУ|школ[аеы]\s*№|гимнази[ия]\s*№|лице[йя]\s*№/i.test(text))
    return 'school';
  if (/МСОКО|городск|округ|муниципал|управлени[ея] образования/i.test(text)) return 'municipality';
  if (/район/i.test(text)) return 'district';
  return null;
}

/** Reads the header of a plan document from the paragraphs before its table. */
export function parseDocumentHeader(paragraphs: readonly string[]): DocumentHeader {
  const lines = paragraphs.map(clean).filter(Boolean);
  const t = title(lines);
  return {
    approval: approvalBlock(lines),
    title: t,
    period: t ? periodFromTitle(t) : null,
    goals: goals(lines),
    level: level(lines.join('\n')),
  };
}
