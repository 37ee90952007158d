import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STANDARD_SUBJECTS } from '../../core/registry/subjects';
import { formatIssue } from '../../core/results/issues';
import { renderXlsx } from '../../reports/xlsx/table';
import { readTables } from '../tables';
import { parseRegionAggregates } from './regionAggregates';

const fixture = (name: string) => readFileSync(`test/fixtures/objectivity/${name}`);

describe('regional aggregate table', () => {
  it('reads the fixture: marks, journal comparison and task columns', async () => {
    const sheets = await readTables('region.csv', fixture('region_aggregates_vpr.csv'));
    const out = parseRegionAggregates('region.csv', sheets, STANDARD_SUBJECTS);
    expect(out.issues).toEqual([]);
    expect(out.rows).toHaveLength(2);
    const [math, rus] = out.rows;
    expect(math).toMatchObject({
      subject: 'math',
      grade: 4,
      year: 2023,
      participants: 41235,
      markPercent: [3.1, 24.6, 45.2, 27.1],
      journalPercent: [14.8, 79.5, 5.7],
    });
    expect(Object.keys(math?.taskPercent ?? {})).toHaveLength(15);
    expect(math?.taskPercent['9.2']).toBe(45.3);
    expect(rus).toMatchObject({ subject: 'rus', grade: 5, taskPercent: {} });
  });

  it('names file, row and column of every error', async () => {
    const sheets = await readTables('bad.csv', fixture('region_aggregates_bad.csv'));
    const out = parseRegionAggregates('bad.csv', sheets, STANDARD_SUBJECTS);
    expect(out.issues.map(formatIssue)).toEqual([
      'Файл «bad.csv», строка 2, столбец 5 ««2»»: доли отметок «2»–«5» в сумме дают 90,0 %, а не 100 %',
      'Файл «bad.csv», строка 3, столбец 2 «Предмет»: неизвестный предмет «Алхимия»',
      'Файл «bad.csv», строка 4, столбец 9 «Задание 1»: выполнение задания 1: ожидается процент от 0 до 100, получено «1о5»',
    ]);
  });

  it('reads the «Регион» sheet of a workbook with title lines above the header', async () => {
    const bytes = await renderXlsx([
      { name: 'Пояснения', columns: [{ header: 'Текст', value: () => 'x' }], rows: [1] },
      {
        name: 'Регион',
        title: ['Результаты ВПР по региону'],
        columns: ['Год', 'Предмет', 'Класс', 'Участников', '2', '3', '4', '5'].map((header, i) => ({
          header,
          value: () => ['2023', 'МА', '4', '900', '10', '40', '30', '20'][i] ?? '',
        })),
        rows: [1],
      },
    ]);
    const out = parseRegionAggregates(
      'r.xlsx',
      await readTables('r.xlsx', bytes),
      STANDARD_SUBJECTS,
    );
    expect(out.issues).toEqual([]);
    expect(out.rows[0]).toMatchObject({
      subject: 'math',
      participants: 900,
      journalPercent: null,
      line: 4,
    });
  });

  it('refuses a table without the required columns', () => {
    const out = parseRegionAggregates(
      'x.csv',
      [{ name: 'CSV', rows: [['Год', 'Предмет', 'Класс']] }],
      STANDARD_SUBJECTS,
    );
    expect(out.issues.map(formatIssue)[0]).toBe(
      'Файл «x.csv», строка 1: нет столбца «Количество участников»',
    );
  });
});
