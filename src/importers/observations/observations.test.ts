import { describe, expect, it } from 'vitest';
import { STANDARD_SUBJECTS } from '../../core/registry/subjects';
import { formatIssue } from '../../core/results/issues';
import { parseObservations } from './index';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('observations CSV', () => {
  it('reads «да»/«нет» per school, year, subject and grade', () => {
    const r = parseObservations(
      'obs.csv',
      bytes(
        'Логин ОО;Год;Предмет;Параллель;Общественное наблюдение\nedu780101;2024;Математика;5;да\nsch780204;2024;Русский язык;4;Нет\n',
      ),
      STANDARD_SUBJECTS,
    );
    expect(r.issues).toEqual([]);
    expect([...r.observed]).toEqual([
      ['sch780101|2024|math|5', true],
      ['sch780204|2024|rus|4', false],
    ]);
  });

  it('names file, row and column for bad values, and refuses a wrong header', () => {
    const r = parseObservations(
      'obs.csv',
      bytes(
        'Логин ОО;Год;Предмет;Параллель;Общественное наблюдение\nsch1;двадцать;Математика;5;да\nsch1;2024;Алхимия;5;да\n',
      ),
      STANDARD_SUBJECTS,
    );
    expect(r.issues.map(formatIssue)).toEqual([
      'Файл «obs.csv», строка 2, столбец 2 «Год»: год «двадцать» не распознан',
      'Файл «obs.csv», строка 3, столбец 3 «Предмет»: предмет «Алхимия» не найден в справочнике предметов',
    ]);
    const bad = parseObservations('o.csv', bytes('Школа;Год\nsch1;2024\n'), STANDARD_SUBJECTS);
    expect(bad.issues[0]?.message).toMatch(/нет столбцов «Логин ОО»/);
    expect(parseObservations('e.csv', bytes(''), STANDARD_SUBJECTS).issues[0]?.message).toMatch(
      /пуст/,
    );
  });
});
