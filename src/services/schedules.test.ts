import { describe, expect, it } from 'vitest';
import { checkScheduleFile } from './schedules';

describe('checkScheduleFile', () => {
  it('checks a CSV without storing it', async () => {
    const csv =
      'Класс;Предмет;Дата;Урок;Вид процедуры;Длительность, мин\n' +
      '5А;Математика;01.10.2025;2;Контрольная работа;45\n' +
      '5А;Русский язык;01.10.2025;3;ВПР;45\n';
    const r = await checkScheduleFile('g.csv', Buffer.from(csv));
    expect(r.errors).toEqual([]);
    expect(r.check?.violations.map((v) => v.rule)).toEqual(['per_day', 'vpr_window']);
  });

  it('returns the reading errors instead of a check', async () => {
    const r = await checkScheduleFile('g.txt', Buffer.from('x'));
    expect(r.check).toBeNull();
    expect(r.errors).toEqual(['Файл «g.txt»: поддерживаются файлы .xlsx и .csv']);
  });
});
