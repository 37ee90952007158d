import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSandbox, root } from '../../test/cli';
import { PGlite } from '@electric-sql/pglite';

const fixtures = path.join(root, 'test/fixtures/results');
const { work, vsoko } = cliSandbox('vsoko-cli-journal-', 90_000);

const STANDARD = 'Код обучающегося;Класс;Предмет;Период;Отметка';
const q1 = [STANDARD, 'S-1;5А;Математика;1 четверть;3', 'S-2;5А;Математика;1 четверть;4'];
const q1Fixed = [STANDARD, 'S-1;5А;Математика;1 четверть;4', 'S-2;5А;Математика;1 четверть;4'];
const odd = ['Ученик ID;Дисциплина;Вид;Балл', 'U-1;Русский язык;Годовая;5'];

describe('vsoko journal:import', () => {
  it('imports journal exports with the same checks, replaces, skips a repeat and refuses', () => {
    expect(
      vsoko([
        'user:create',
        '--login',
        'admin',
        '--name',
        'Администратор',
        '--password',
        'secret-123',
        '--region-code',
        '78',
        '--region',
        'Санкт-Петербург',
        '--municipality',
        'Муниципальное образование «Пример»',
      ]).status,
    ).toBe(0);
    // The schools sch780101 and sch780204 come from a municipal results export.
    const results = path.join(work, 'results.csv');
    copyFileSync(path.join(fixtures, 'individual_vpr_2024_rus_5_win1251.csv'), results);
    expect(vsoko(['import', results]).status).toBe(0);

    const dir = path.join(work, 'journal');
    mkdirSync(dir, { recursive: true });
    const put = (name: string, lines: string[]) =>
      writeFileSync(path.join(dir, name), lines.join('\n'));
    put('a_sch780101_q1.csv', q1);
    put('b_sch780101_q1_copy.csv', q1);
    put('c_sch780101_q1_fixed.csv', q1Fixed);
    put('d_sch780204_odd.csv', odd);
    put('e_no_school.csv', q1);
    const res = vsoko(['journal:import', dir, '--year', '2024']);
    expect(res.status).toBe(1);
    expect(res.out).toContain(
      'столбцы: Код обучающегося ← 1 «Код обучающегося»; Класс ← 2 «Класс»; Предмет ← 3 «Предмет»; Период / вид отметки ← 4 «Период»; Отметка ← 5 «Отметка»',
    );
    expect(res.out).toMatch(
      /загружено: «ГБОУ школа № 101», 2024\/2025 уч\. год, отметок 2 \(загрузка № (\d+)\)/,
    );
    expect(res.out).toContain('уже загружен ранее: «ГБОУ школа № 101», 2024/2025 уч. год');
    expect(res.out).toMatch(/заменены прежние загрузки № \d+/);
    expect(res.out).toContain('Файлов: 5; загружено: 2; уже были загружены: 1; отклонено: 2');
    expect(res.out).toContain('Загружено отметок: 4; заменено прежних загрузок: 1');
    expect(res.err).toContain(
      'ошибка: Файл «d_sch780204_odd.csv»: не выбран столбец «Код обучающегося»',
    );
    expect(res.err).toContain(
      'Укажите столбцы параметрами --student-code, --class, --subject, --period, --mark',
    );
    expect(res.err).toContain(
      'ошибка: Файл «e_no_school.csv»: ОО не указана, а в имени файла нет логина ОО (sch…)',
    );
    expect(res.err).toContain('Ошибка: отклонено файлов: 2 из 5; база данных для них не изменена');

    const fixed = vsoko([
      'journal:import',
      path.join(dir, 'd_sch780204_odd.csv'),
      '--year',
      '2024',
      '--student-code',
      'ученик id',
      '--mark',
      '4',
    ]);
    expect(fixed.status).toBe(0);
    expect(fixed.out).toContain(
      'столбцы: Код обучающегося ← 1 «Ученик ID»; Предмет ← 2 «Дисциплина»; Период / вид отметки ← 3 «Вид»; Отметка ← 4 «Балл»',
    );
    expect(fixed.out).toContain('Файлов: 1; загружено: 1; уже были загружены: 0; отклонено: 0');
  }, 300_000);

  it('keeps the replaced import in the history', async () => {
    const db = await PGlite.create(path.join(work, 'data', 'pgdata'));
    const rows = await db.query<{ file_name: string; status: string; marks_count: number }>(
      'select file_name, status, marks_count from journal_mark_files order by id',
    );
    await db.close();
    expect(rows.rows).toEqual([
      { file_name: 'a_sch780101_q1.csv', status: 'replaced', marks_count: 2 },
      { file_name: 'c_sch780101_q1_fixed.csv', status: 'active', marks_count: 2 },
      { file_name: 'd_sch780204_odd.csv', status: 'active', marks_count: 1 },
    ]);
  });
});
