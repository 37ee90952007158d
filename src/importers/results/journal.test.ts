import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STANDARD_SUBJECTS } from '../../core/registry/subjects';
import { formatIssue } from '../../core/results/issues';
import { parsePeriod, type SubjectRef } from '../../core/results/journalMarks';
import { journalWorkbook } from '../../../test/fixtures/results/journal';
import {
  applyColumnSpec,
  parseJournalFile,
  readJournalTable,
  suggestJournalMapping,
} from './journal';

const SUBJECTS: SubjectRef[] = STANDARD_SUBJECTS.map((s, i) => ({ id: i + 1, ...s }));
const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/results/${name}`, import.meta.url));
const ERRORS_CSV = 'journal_marks_errors_win1251.csv';

describe('journal periods', () => {
  it('reads terms and attestations and refuses unknown ones', () => {
    expect(parsePeriod('1 четверть')).toEqual({ kind: 'term', termType: 'quarter', termNo: 1 });
    expect(parsePeriod('III  Триместр')).toEqual({
      kind: 'term',
      termType: 'trimester',
      termNo: 3,
    });
    expect(parsePeriod('2-е полугодие')).toEqual({ kind: 'term', termType: 'half', termNo: 2 });
    expect(parsePeriod('Годовая')).toEqual({ kind: 'intermediate', termType: null, termNo: null });
    expect(parsePeriod('Итоговая аттестация')?.kind).toBe('final');
    expect(parsePeriod('5 четверть')).toBeNull();
    expect(parsePeriod('3 полугодие')).toBeNull();
    expect(parsePeriod('')).toBeNull();
  });
});

describe('journal marks with a column mapping', () => {
  it('finds the header under a title row and guesses the mapping (names left out)', async () => {
    const table = await readJournalTable(ERRORS_CSV, fixture(ERRORS_CSV));
    expect(table.headers).toEqual(['ФИО', 'Код ученика', 'Класс', 'Предмет', 'Период', 'Оценка']);
    expect(table.rows.map((r) => r.row)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(suggestJournalMapping(table.headers)).toEqual({
      studentCode: 1,
      className: 2,
      subject: 3,
      period: 4,
      mark: 5,
    });
  });

  it('reports every bad row with file, row and column (Windows-1251 CSV)', async () => {
    const mapping = { studentCode: 1, className: 2, subject: 3, period: 4, mark: 5 };
    const r = await parseJournalFile(ERRORS_CSV, fixture(ERRORS_CSV), mapping, SUBJECTS);
    expect(r.issues.map((i) => `${i.severity}: ${formatIssue(i)}`)).toEqual([
      'error: Файл «journal_marks_errors_win1251.csv», строка 6, столбец 4 «Предмет»: предмет «Физкультура» не найден в справочнике предметов',
      'error: Файл «journal_marks_errors_win1251.csv», строка 7, столбец 5 «Период»: период «5 четверть» не распознан (ожидается, например, «1 четверть», «2 триместр», «1 полугодие», «Промежуточная аттестация», «Итоговая аттестация»)',
      'error: Файл «journal_marks_errors_win1251.csv», строка 7, столбец 6 «Оценка»: отметка «6» не из 2, 3, 4, 5',
      'error: Файл «journal_marks_errors_win1251.csv», строка 8, столбец 2 «Код ученика»: нет кода обучающегося',
      'error: Файл «journal_marks_errors_win1251.csv», строка 9, столбец 6 «Оценка»: вторая отметка обучающегося «S-001» по предмету «Русский язык» за «1 четверть» (первая в строке 3)',
      'note: Файл «journal_marks_errors_win1251.csv»: строк без отметки («н/а», «осв», пусто) пропущено: 1',
      'note: Файл «journal_marks_errors_win1251.csv»: столбцы с именами не читаются и не хранятся: «ФИО»',
    ]);
    expect(r.marks.map((m) => [m.row, m.studentCode, m.subjectName, m.kind, m.mark])).toEqual([
      [3, 'S-001', 'Русский язык', 'term', 4],
      [4, 'S-001', 'Математика', 'intermediate', 5],
    ]);
  });

  it('maps an XLSX export by the chosen columns: exact rows, subject by name, short name or code', async () => {
    const bytes = await journalWorkbook();
    const table = await readJournalTable('journal.xlsx', bytes);
    const mapping = suggestJournalMapping(table.headers);
    expect(mapping).toEqual({ studentCode: 4, className: 2, subject: 0, period: 3, mark: 5 });
    const r = await parseJournalFile('journal.xlsx', bytes, mapping, SUBJECTS);
    expect(r.table.sheet).toBe('Отметки');
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(
      r.marks.map((m) => [
        m.row,
        m.studentCode,
        m.className,
        m.subjectName,
        m.kind,
        m.termType,
        m.termNo,
        m.mark,
      ]),
    ).toEqual([
      [2, 'ST-7', '7Б', 'Математика', 'term', 'trimester', 1, 3],
      [3, 'ST-7', '7Б', 'Математика', 'intermediate', null, null, 4],
      [5, 'ST-7', '7Б', 'Русский язык', 'term', 'half', 2, 5],
      [6, 'ST-7', '7Б', 'Математика', 'final', null, null, 2],
    ]);
  });

  it('refuses a mapping without a mark column or with one column twice', async () => {
    const r = await parseJournalFile(
      ERRORS_CSV,
      fixture(ERRORS_CSV),
      { studentCode: 1, subject: 1, period: 4 },
      SUBJECTS,
    );
    expect(r.marks).toEqual([]);
    expect(r.issues.map((i) => i.message)).toEqual([
      'столбец № 2 выбран и для «Код обучающегося», и для «Предмет»',
      'не выбран столбец «Отметка»',
      'столбцы с именами не читаются и не хранятся: «ФИО»',
    ]);
  });

  it('refuses an empty file and XLS', async () => {
    expect(
      (await parseJournalFile('e.csv', Buffer.alloc(0), {}, SUBJECTS)).issues[0]?.message,
    ).toBe('файл пуст');
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
    expect((await parseJournalFile('old.xls', xls, {}, SUBJECTS)).issues[0]?.message).toMatch(
      /XLS/,
    );
  });
});

describe('columns named on the command line', () => {
  const headers = ['ФИО', 'Ученик ID', 'Класс', 'Дисциплина', 'Вид', 'Балл'];
  it('takes 1-based numbers and header texts over the guess, moving a taken column', () => {
    const guess = suggestJournalMapping(headers);
    expect(guess).toEqual({ className: 2, subject: 3, period: 4 });
    expect(applyColumnSpec(headers, guess, { studentCode: 'ученик  id', mark: '6' })).toEqual({
      mapping: { studentCode: 1, className: 2, subject: 3, period: 4, mark: 5 },
      errors: [],
    });
    // A named column leaves the guessed role that held it.
    expect(applyColumnSpec(headers, guess, { period: '3' }).mapping).toEqual({
      className: null,
      subject: 3,
      period: 2,
    });
  });

  it('names unknown headers and numbers outside the table', () => {
    expect(applyColumnSpec(headers, {}, { mark: 'Отметка', subject: '9' }).errors).toEqual([
      'столбца № 9 для «Предмет» нет: в таблице столбцов 6',
      'столбца «Отметка» для «Отметка» нет; столбцы файла: 1 «ФИО», 2 «Ученик ID», 3 «Класс», 4 «Дисциплина», 5 «Вид», 6 «Балл»',
    ]);
  });
});
