/**
 * Official lists of schools, parsed from table rows (pure; reading files is the importer's job).
 *
 * Federal list of schools with signs of non-objective ВПР results — columns
 * `Год, Логин, Муниципалитет, ОО, 4 РУ, 4 МА, 5 РУ, 5 МА, Количество маркеров`: marker columns
 * are integer counts per grade × subject, the total is their sum.
 *
 * ШНОР list (schools with low results) — columns `Год, Логин, Муниципалитет, ОО, Основание`;
 * `Муниципалитет` and `Основание` may be absent.
 */
export type OfficialList = 'federal' | 'shnor';

export const OFFICIAL_LIST_LABELS: Record<OfficialList, string> = {
  federal: 'Федеральный список ОО с признаками необъективных результатов',
  shnor: 'Список ШНОР (школы с низкими результатами обучения)',
};

export const MARKER_COLUMNS = [
  { key: 'r4', header: '4 РУ' },
  { key: 'm4', header: '4 МА' },
  { key: 'r5', header: '5 РУ' },
  { key: 'm5', header: '5 МА' },
] as const;
export type MarkerKey = (typeof MARKER_COLUMNS)[number]['key'];

export interface OfficialRow {
  year: number;
  login: string;
  municipality: string | null;
  name: string;
  /** Federal list only. */
  markers: Record<MarkerKey, number> | null;
  markerTotal: number | null;
  /** ШНОР only: the stated ground. */
  note: string | null;
  /** Where the row came from, for messages. */
  at: string;
}

export interface SheetRows {
  name: string;
  rows: { row: number; cells: string[] }[];
}

export interface ParsedList {
  rows: OfficialRow[];
  errors: string[];
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

const REQUIRED: Record<OfficialList, string[]> = {
  federal: ['Год', 'Логин', 'ОО', ...MARKER_COLUMNS.map((c) => c.header), 'Количество маркеров'],
  shnor: ['Год', 'Логин', 'ОО'],
};
const OPTIONAL = ['Муниципалитет', 'Основание'];

/** Parses the first sheet with the list's header; errors name file, sheet, row and column. */
export function parseOfficialList(
  list: OfficialList,
  fileName: string,
  sheets: SheetRows[],
): ParsedList {
  const required = REQUIRED[list];
  for (const sheet of sheets) {
    const headerIndex = sheet.rows.findIndex((r) => r.cells.some((c) => norm(c) === 'логин'));
    if (headerIndex < 0) continue;
    const header = sheet.rows[headerIndex] as { row: number; cells: string[] };
    const col = new Map<string, number>();
    header.cells.forEach((c, i) => {
      const key = norm(c);
      if (key && !col.has(key)) col.set(key, i);
    });
    const place = (row: number, column?: string) =>
      `Файл «${fileName}», лист «${sheet.name}», строка ${row}${column ? `, столбец «${column}»` : ''}`;
    const missing = required.filter((h) => !col.has(norm(h)));
    if (missing.length)
      return {
        rows: [],
        errors: [
          `${place(header.row)}: нет столбцов ${missing.map((m) => `«${m}»`).join(', ')} (ожидаются ${[...required, ...OPTIONAL.filter((o) => list === 'shnor' || o !== 'Основание')].join(', ')})`,
        ],
      };
    const rows: OfficialRow[] = [];
    const errors: string[] = [];
    const seen = new Map<string, number>();
    const cell = (cells: string[], h: string) => (cells[col.get(norm(h)) ?? -1] ?? '').trim();
    for (const { row, cells } of sheet.rows.slice(headerIndex + 1)) {
      if (cells.every((c) => !c.trim())) continue;
      const yearText = cell(cells, 'Год');
      const year = Number(yearText);
      if (!/^\d{4}$/.test(yearText) || year < 2000 || year > 2100) {
        errors.push(`${place(row, 'Год')}: год «${yearText}» — ожидается четырёхзначный год`);
        continue;
      }
      const login = cell(cells, 'Логин');
      if (!login) {
        errors.push(`${place(row, 'Логин')}: не указан логин ОО`);
        continue;
      }
      const name = cell(cells, 'ОО');
      if (!name) errors.push(`${place(row, 'ОО')}: не указано наименование ОО`);
      const key = `${year}|${login.toLowerCase()}`;
      const first = seen.get(key);
      if (first !== undefined) {
        errors.push(
          `${place(row, 'Логин')}: ОО «${login}» за ${year} год уже есть в строке ${first}`,
        );
        continue;
      }
      seen.set(key, row);
      let markers: Record<MarkerKey, number> | null = null;
      let markerTotal: number | null = null;
      if (list === 'federal') {
        const m: Partial<Record<MarkerKey, number>> = {};
        let bad = false;
        for (const c of MARKER_COLUMNS) {
          const v = count(cell(cells, c.header));
          if (v === null) {
            errors.push(
              `${place(row, c.header)}: «${cell(cells, c.header)}» — ожидается целое число маркеров (0 и больше)`,
            );
            bad = true;
          } else m[c.key] = v;
        }
        const totalText = cell(cells, 'Количество маркеров');
        const total = count(totalText);
        if (total === null) {
          errors.push(
            `${place(row, 'Количество маркеров')}: «${totalText}» — ожидается целое число (0 и больше)`,
          );
          bad = true;
        }
        if (bad) continue;
        const full = m as Record<MarkerKey, number>;
        const sum = MARKER_COLUMNS.reduce((s, c) => s + full[c.key], 0);
        if (sum !== total) {
          errors.push(
            `${place(row, 'Количество маркеров')}: указано ${total}, а сумма столбцов 4 РУ, 4 МА, 5 РУ, 5 МА равна ${sum}`,
          );
          continue;
        }
        markers = full;
        markerTotal = sum;
      }
      rows.push({
        year,
        login,
        municipality: col.has('муниципалитет') ? cell(cells, 'Муниципалитет') || null : null,
        name,
        markers,
        markerTotal,
        note: list === 'shnor' && col.has('основание') ? cell(cells, 'Основание') || null : null,
        at: place(row),
      });
    }
    if (!rows.length && !errors.length)
      errors.push(`Файл «${fileName}», лист «${sheet.name}»: после заголовка нет ни одной строки`);
    return { rows, errors };
  }
  return {
    rows: [],
    errors: [
      `Файл «${fileName}»: не найдена строка заголовка со столбцом «Логин» (ожидаются столбцы ${REQUIRED[list].join(', ')})`,
    ],
  };
}

/** A non-negative integer count; an empty cell counts as 0. */
function count(text: string): number | null {
  if (!text) return 0;
  if (!/^\d+$/.test(text)) return null;
  return Number(text);
}
