import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseScheduleFile } from './schedule';
import { parseCsv, readTables } from './tables';

const SUBJECTS = [
  { code: 'math', name: 'Математика' },
  { code: 'rus', name: 'Русский язык' },
];

describe('schedule importer', () => {
  it('reads a CSV schedule and resolves subjects by name', async () => {
    const csv =
      '\uFEFFКласс;Предмет;Дата;Урок;Вид процедуры;Длительность, мин;Весь класс\n' +
      '5а;математика;01.10.2025;3;Контрольная работа;45;да\n' +
      '5А;Музыка;2025-10-02;2;проверочная;40;\n';
    const sheets = await readTables('grafik.csv', Buffer.from(csv));
    const r = parseScheduleFile('grafik.csv', sheets, SUBJECTS);
    expect(r.errors).toEqual([]);
    expect(r.entries).toEqual([
      expect.objectContaining({
        className: '5А',
        parallel: 5,
        subjectCode: 'math',
        date: '2025-10-01',
        kind: 'control',
      }),
      expect.objectContaining({
        subjectCode: 'name:музыка',
        subjectName: 'Музыка',
        kind: 'check',
        wholeClass: true,
      }),
    ]);
    expect(r.curriculum).toBeNull();
  });

  it('names file, sheet, row and column of every error', () => {
    const rows = [
      ['График оценочных процедур'],
      ['Класс', 'Предмет', 'Дата', 'Урок', 'Вид процедуры', 'Длительность, мин'],
      ['5А', 'Математика', '31.02.2025', '3', 'Контрольная работа', '45'],
      ['Х', 'Математика', '01.10.2025', '0', 'Сочинение', 'сорок'],
    ];
    const r = parseScheduleFile('g.xlsx', [{ name: 'График', rows }], SUBJECTS);
    expect(r.errors).toEqual([
      'Файл «g.xlsx», лист «График», строка 3, столбец C («Дата»): «31.02.2025» — ожидается дата ДД.ММ.ГГГГ',
      'Файл «g.xlsx», лист «График», строка 4, столбец A («Класс»): «Х» — ожидается класс вида «5А»',
      'Файл «g.xlsx», лист «График», строка 4, столбец D («Урок»): «0» — ожидается номер урока от 1 до 10',
      expect.stringContaining('строка 4, столбец E («Вид процедуры»): «Сочинение»'),
      'Файл «g.xlsx», лист «График», строка 4, столбец F («Длительность, мин»): «сорок» — ожидается число минут от 1 до 300',
    ]);
  });

  it('reads the curriculum and lessons sheets of an XLSX', async () => {
    const wb = new ExcelJS.Workbook();
    const g = wb.addWorksheet('График');
    g.addRow(['Класс', 'Предмет', 'Дата', 'Урок', 'Вид процедуры', 'Длительность, мин']);
    g.addRow(['6Б', 'Русский язык', new Date(Date.UTC(2025, 9, 1)), 2, 'ВПР', 45]);
    const p = wb.addWorksheet('Учебный план');
    p.addRow(['Параллель', 'Предмет', 'Часов в неделю']);
    p.addRow([6, 'Русский язык', 6]);
    p.addRow([6, 'Русский язык', 5]);
    const l = wb.addWorksheet('Уроков в день');
    l.addRow(['Параллель', 'День недели', 'Уроков']);
    l.addRow([6, '', 6]);
    l.addRow([6, 'пт', 5]);
    l.addRow([6, 'воскр', 5]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const r = parseScheduleFile('g.xlsx', await readTables('g.xlsx', bytes), SUBJECTS);
    expect(r.entries[0]).toMatchObject({ date: '2025-10-01', kind: 'vpr', parallel: 6 });
    expect(r.lessonsPerDay).toEqual([
      { parallel: 6, weekday: null, lessons: 6 },
      { parallel: 6, weekday: 5, lessons: 5 },
    ]);
    expect(r.errors).toEqual([
      'Файл «g.xlsx», лист «Учебный план», строка 3, столбец B («Предмет»): Русский язык в 6 классе указан дважды',
      'Файл «g.xlsx», лист «Уроков в день», строка 4, столбец B («День недели»): «воскр» — ожидается пн, вт, ср, чт, пт, сб или пусто',
    ]);
  });

  it('parses quoted CSV cells and comma separators', () => {
    expect(parseCsv('a,"b, c","d ""e"""\r\n1,2,3')).toEqual([
      ['a', 'b, c', 'd "e"'],
      ['1', '2', '3'],
    ]);
  });

  it('rejects other file types in Russian', async () => {
    await expect(readTables('g.ods', Buffer.from('x'))).rejects.toThrow(
      'поддерживаются файлы .xlsx и .csv',
    );
  });
});
