import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOfficialList } from './officialLists';

const fixture = (name: string) =>
  readFileSync(path.join(__dirname, '../../../test/fixtures/objectivity', name));

describe('official lists: reading files', () => {
  it('reads the federal list from UTF-8 CSV, Windows-1251 CSV and XLSX alike', async () => {
    const utf8 = await readOfficialList('federal', 'f.csv', fixture('federal_list.csv'));
    const cp1251 = await readOfficialList('federal', 'f.csv', fixture('federal_list_cp1251.csv'));
    const xlsx = await readOfficialList('federal', 'f.xlsx', fixture('federal_list.xlsx'));
    expect(utf8.errors).toEqual([]);
    const strip = (rows: typeof utf8.rows) => rows.map(({ at: _at, ...r }) => r);
    expect(strip(cp1251.rows)).toEqual(strip(utf8.rows));
    expect(strip(xlsx.rows)).toEqual(strip(utf8.rows));
    expect(utf8.rows).toHaveLength(5);
    expect(utf8.rows[0]).toMatchObject({
      year: 2024,
      login: 'sch880001',
      name: 'Школа № 1',
      municipality: 'Тестовый район',
      markers: { r4: 1, m4: 2, r5: 0, m5: 0 },
      markerTotal: 3,
    });
    // The XLSX has a title sheet first and the header on row 3 of «Список».
    expect(xlsx.rows[0]?.at).toBe('Файл «f.xlsx», лист «Список», строка 4');
  });

  it('reads the ШНОР list with its ground', async () => {
    const csv = await readOfficialList('shnor', 's.csv', fixture('shnor_list.csv'));
    const xlsx = await readOfficialList('shnor', 's.xlsx', fixture('shnor_list.xlsx'));
    expect(csv.errors).toEqual([]);
    expect(xlsx.errors).toEqual([]);
    expect(csv.rows.map((r) => [r.year, r.login, r.note])).toEqual([
      [2025, 'sch880002', 'Низкие результаты ВПР два года подряд'],
      [2025, 'sch880101', 'Неблагоприятные социальные условия'],
    ]);
    expect(xlsx.rows.map((r) => r.note)).toEqual(csv.rows.map((r) => r.note));
  });

  it('names file, sheet, row and column of every bad cell', async () => {
    const bad = await readOfficialList('federal', 'bad.csv', fixture('federal_bad_total.csv'));
    expect(bad.errors).toEqual([
      'Файл «bad.csv», лист «CSV», строка 3, столбец «Количество маркеров»: указано 4, а сумма столбцов 4 РУ, 4 МА, 5 РУ, 5 МА равна 3',
      'Файл «bad.csv», лист «CSV», строка 4, столбец «4 МА»: «один» — ожидается целое число маркеров (0 и больше)',
    ]);
    const missing = await readOfficialList(
      'federal',
      'm.csv',
      fixture('federal_missing_column.csv'),
    );
    expect(missing.errors).toHaveLength(1);
    expect(missing.errors[0]).toContain('Файл «m.csv», лист «CSV», строка 1: нет столбцов «5 МА»');
    const shnor = await readOfficialList('shnor', 'sh.csv', fixture('shnor_bad.csv'));
    expect(shnor.errors).toEqual([
      'Файл «sh.csv», лист «CSV», строка 2, столбец «Год»: год «25» — ожидается четырёхзначный год',
      'Файл «sh.csv», лист «CSV», строка 3, столбец «Логин»: не указан логин ОО',
      'Файл «sh.csv», лист «CSV», строка 5, столбец «Логин»: ОО «sch880001» за 2025 год уже есть в строке 4',
    ]);
  });

  it('refuses files that are not tables or have no header', async () => {
    expect((await readOfficialList('federal', 'list.pdf', Buffer.from('%PDF'))).errors).toEqual([
      'Файл «list.pdf»: поддерживаются файлы .xlsx и .csv (UTF-8 или Windows-1251)',
    ]);
    expect(
      (await readOfficialList('federal', 'x.xlsx', Buffer.from('not a zip'))).errors[0],
    ).toContain('Файл «x.xlsx»: файл не читается как книга Excel');
    expect(
      (await readOfficialList('shnor', 'e.csv', Buffer.from('Школа;Год\nА;2025\n'))).errors[0],
    ).toContain('не найдена строка заголовка со столбцом «Логин»');
    // The federal file loaded as ШНОР is fine (extra columns ignored), but not the other way.
    expect(
      (await readOfficialList('federal', 's.csv', fixture('shnor_list.csv'))).errors[0],
    ).toContain('нет столбцов «4 РУ», «4 МА», «5 РУ», «5 МА», «Количество маркеров»');
  });
});
