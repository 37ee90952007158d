import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importPlanFile } from './index';

/**
 * The seed plans as DOCX made by LibreOffice from the seed texts (scripts/planFixtures.ts), not
 * by our exporter: importing them must give each seed's structure.
 */
const fixture = (id: string) =>
  readFileSync(path.resolve('test/fixtures/plans', `seed-${id}.docx`));
const load = (id: string) => importPlanFile(fixture(id), `seed-${id}.docx`);

describe('import of the seed plans from DOCX', () => {
  it('000: 16 activities in 2 sections, approval block and period', async () => {
    const { header, structure } = await load('000');
    expect(structure.sections.map((s) => s.number)).toEqual(['1', '2']);
    expect(structure.activities).toHaveLength(16);
    expect(structure.activities.filter((a) => a.sectionIndex === 0)).toHaveLength(4);
    expect(structure.activities.map((a) => a.number).slice(0, 5)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '2.1',
    ]);
    expect(structure.activities[8]).toMatchObject({
      number: '2.5',
      deadline: '10 апреля 2023, 20 апреля 2023',
      executors: 'ИМЦ, ЦОКО. ОО',
    });
    expect(header.approval).toEqual({
      position: 'Директор ГБУ «ИМЦ»\nФрунзенского района',
      name: 'О.А. Римкявичене',
      orderNumber: '14-о/2023',
      orderDate: '2023-01-12',
    });
    expect(header.period).toEqual({ start: '2023-01-01', end: '2023-12-31' });
    expect(header.level).toBe('district');
  });

  it('001: 26 activities in 4 sections, target schools in the texts', async () => {
    const { structure } = await load('001');
    expect(structure.sections).toHaveLength(4);
    expect(structure.activities).toHaveLength(26);
    expect(
      structure.sections.map(
        (s) =>
          structure.activities.filter((a) => a.sectionIndex === structure.sections.indexOf(s))
            .length,
      ),
    ).toEqual([8, 3, 7, 8]);
    expect(structure.activities.find((a) => a.number === '3.6')?.deadline).toBe(
      'май 2023, второе полугодие',
    );
  });

  it('002: 11 activities under the goals and the task', async () => {
    const { header, structure } = await load('002');
    expect(header.goals).toHaveLength(2);
    expect(structure.tasks).toEqual([
      'Формирование позитивного отношения к вопросам объективной оценки результатов обучения',
    ]);
    expect(structure.activities).toHaveLength(11);
    expect(structure.activities.every((a) => a.taskIndex === 0)).toBe(true);
    // the row split by the page break is joined back
    expect(structure.activities[3]?.text).toBe(
      'Проведение педагогических советов, совещаний по повышению качества образования на основе анализа результатов процедур оценки качества образования',
    );
    expect(header.approval).toMatchObject({
      position: 'Директор школы',
      name: 'С.А. Симанова',
      orderNumber: '103-5',
      orderDate: '2023-09-05',
    });
    expect(header.level).toBe('school');
  });

  it('003: 16 activities, 9 of them unnumbered, multi-line deadlines kept', async () => {
    const { structure } = await load('003');
    expect(structure.activities).toHaveLength(16);
    expect(structure.activities.filter((a) => !a.number)).toHaveLength(9);
    expect(structure.activities.every((a) => a.parentIndex === null)).toBe(true);
    expect(structure.activities[2]?.deadline).toBe('Ноябрь,\nапрель');
    expect(structure.activities[7]?.deadline).toBe('По окончании проведения процедуры');
  });

  it('004: 12 items, item 11 with 3 sub-rows, approved by an order', async () => {
    const { header, structure } = await load('004');
    const top = structure.activities.filter((a) => a.parentIndex === null);
    expect(top).toHaveLength(12);
    expect(top.map((a) => a.number)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
    ]);
    const eleven = structure.activities.findIndex((a) => a.number === '11');
    expect(structure.activities.filter((a) => a.parentIndex === eleven)).toHaveLength(3);
    expect(structure.activities[eleven]?.deadline).toBe('');
    expect(structure.activities[0]?.participants).toBe('руководители ОО');
    expect(header.approval).toMatchObject({
      name: 'М.В. Семкина',
      orderNumber: '575',
      orderDate: '2022-06-29',
    });
  });

  it('refuses a file that is not a plan table, naming the file', async () => {
    await expect(importPlanFile(Buffer.from('not a zip'), 'plan.docx')).rejects.toThrow(
      'Файл «plan.docx» не является документом DOCX',
    );
    await expect(importPlanFile(Buffer.from('x'), 'plan.pdf')).rejects.toThrow('DOCX и XLSX');
  });
});

describe('import of a plan from XLSX', () => {
  it('reads the title, merged section rows, activities and the column mapping', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('План');
    ws.addRow(['План мероприятий школы № 8 на 2023 год']);
    ws.addRow([]);
    ws.addRow(['№ п/п', 'Мероприятия', 'Срок реализации', 'Результат', 'Исполнители']);
    ws.addRow(['1. Информационная работа']);
    ws.mergeCells('A4:E4');
    ws.addRow(['1.1.', 'Совещание', 'январь 2023', 'Протокол', 'Заместитель директора по УВР']);
    ws.addRow([
      '1.2.',
      'Родительское собрание',
      'в течение года',
      'Протокол',
      'Классные руководители',
    ]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const { header, structure, mapping } = await importPlanFile(bytes, 'plan.xlsx');
    expect(header.title).toBe('План мероприятий школы № 8 на 2023 год');
    expect(header.period).toEqual({ start: '2023-01-01', end: '2023-12-31' });
    expect(mapping).toEqual({ number: 0, text: 1, deadline: 2, result: 3, executors: 4 });
    expect(structure.sections).toEqual([{ number: '1', title: 'Информационная работа' }]);
    expect(structure.activities.map((a) => [a.number, a.text, a.deadline, a.sectionIndex])).toEqual(
      [
        ['1.1', 'Совещание', 'январь 2023', 0],
        ['1.2', 'Родительское собрание', 'в течение года', 0],
      ],
    );
  });

  it('uses the mapping chosen by the user', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Лист1');
    ws.addRow(['Что', 'Когда', 'Кто']);
    ws.addRow(['Совещание', 'май 2023', 'ИМЦ']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    await expect(importPlanFile(bytes, 'x.xlsx')).rejects.toThrow('не найдена строка заголовка');
    const { structure } = await importPlanFile(bytes, 'x.xlsx', {
      text: 0,
      deadline: 1,
      executors: 2,
    });
    // the header row, not recognised by its titles, is still not an activity
    expect(structure.activities.map((a) => [a.text, a.deadline, a.executors])).toEqual([
      ['Совещание', 'май 2023', 'ИМЦ'],
    ]);
  });
});
