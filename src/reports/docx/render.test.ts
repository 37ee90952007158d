import { describe, expect, it } from 'vitest';
import { docxText } from '../../../test/docx';
import { renderDocx } from './render';

describe('renderDocx', () => {
  it('writes the approval block, title, section rows and cells of an official plan', async () => {
    const buffer = await renderDocx({
      approval: {
        position: ['Директор ГБУ «ИМЦ»', 'Фрунзенского района'],
        name: 'О.А. Иванова',
        order: 'Приказ от 12.01.2023 № 14-о/2023',
      },
      heading: 'ПЛАН МЕРОПРИЯТИЙ',
      title: 'направленный на формирование объективной ВСОКО',
      placeAndYear: 'г. Санкт-Петербург, 2023 г.',
      blocks: [
        {
          kind: 'table',
          columns: [
            { title: '№ п/п', width: 1 },
            { title: 'Мероприятия', width: 6 },
          ],
          rows: [
            { section: '1. Информационная работа' },
            { cells: ['1.1.', 'Совещание с заместителями'] },
          ],
        },
        { kind: 'list', ordered: true, items: ['Первый', 'Второй'] },
      ],
    });
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    const text = await docxText(buffer);
    const lines = text.split('\n').filter(Boolean);
    expect(lines.slice(0, 6)).toEqual([
      'УТВЕРЖДАЮ',
      'Директор ГБУ «ИМЦ»',
      'Фрунзенского района',
      '____________ / О.А. Иванова',
      'Приказ от 12.01.2023 № 14-о/2023',
      'ПЛАН МЕРОПРИЯТИЙ',
    ]);
    expect(lines).toContain('1. Информационная работа');
    expect(lines).toContain('Совещание с заместителями');
  });
});
