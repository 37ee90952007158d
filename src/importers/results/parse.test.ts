import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STANDARD_SUBJECTS } from '../../core/registry/subjects';
import { formatIssue } from '../../core/results/issues';
import { KNOWN_TESTS } from '../../core/results/knownTests';
import type { TaskDef } from '../../core/results/types';
import { emptySheetWorkbook, mergedHeaderWorkbook } from '../../../test/fixtures/results/xlsx';
import { analyseResults, detectTestKey } from './analyse';
import iconv from 'iconv-lite';
import { decodeCsv, decodeWindows1251, detectDelimiter } from './csv';
import { parseResultsFile } from './index';
import type { ParsedResultsFile } from './types';
import {
  individualResultsTable,
  schoolFormTable,
  tableToCsv,
  tablesToXlsx,
  type ExportWork,
} from './writers';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/results/${name}`, import.meta.url));
const messages = (r: ParsedResultsFile) => r.issues.map((i) => `${i.severity}: ${formatIssue(i)}`);
/** Compact rows: [row, code, class, variant, absent, scores, total, mark, journal, gender]. */
const compact = (r: ParsedResultsFile) =>
  r.works.map((w) => [
    w.row,
    w.participantCode,
    w.className,
    w.variant,
    w.absent,
    w.scores.map((s) => (s === null ? 'X' : s)).join(' '),
    w.primaryScore,
    w.mark,
    w.journalMark,
    w.gender,
  ]);

describe('CSV decoding', () => {
  it('detects Windows-1251 and UTF-8 with BOM, and the delimiter', () => {
    const win = decodeCsv(fixture('individual_vpr_2024_rus_5_win1251.csv'));
    expect(win.encoding).toBe('windows-1251');
    expect(win.text.startsWith('ВПР 2024 Русский язык 5 класс')).toBe(true);
    const bom = decodeCsv(fixture('school_form_utf8_bom_comma_names.csv'));
    expect(bom.encoding).toBe('utf-8');
    expect(bom.text.startsWith('Форма')).toBe(true);
    expect(detectDelimiter(win.text)).toBe(';');
    expect(detectDelimiter(bom.text)).toBe(',');
  });

  it('reads every Windows-1251 byte as iconv-lite does', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(decodeWindows1251(bytes)).toBe(iconv.decode(Buffer.from(bytes), 'win1251'));
  });
});

describe('«Индивидуальные результаты» (municipal export)', () => {
  it('reads the shared sample exactly', async () => {
    const r = await parseResultsFile(
      'individual_vpr_2024_rus_5_win1251.csv',
      fixture('individual_vpr_2024_rus_5_win1251.csv'),
    );
    expect(r.kind).toBe('individual');
    expect(r.title).toEqual({
      procedure: 'vpr',
      year: 2024,
      subjectName: 'Русский язык',
      grade: 5,
      form: '',
    });
    expect(r.maxTotal).toBe(45);
    expect(r.tasks.map((t) => `${t.code}:${t.max}:${t.level}`)).toEqual([
      '1:9:Б',
      '2:12:Б',
      '3:3:Б',
      '4:2:П',
      '5:3:Б',
      '6:2:П',
      '7:2:Б',
      '8:3:Б',
      '9:2:Б',
      '10:2:П',
      '11:2:Б',
      '12:3:П',
    ]);
    expect(r.issues).toEqual([]);
    expect(compact(r)).toEqual([
      [6, '10001', '5А', 1, false, '7 9 2 1 3 1 2 2 1 0 2 1', 31, 4, 4, null],
      [7, '10002', '5А', 2, false, '4 6 1 0 2 X 1 1 0 X 1 0', 16, 2, 3, null],
      [8, '10003', '5А', null, true, 'X X X X X X X X X X X X', null, null, null, null],
      [9, '10004', '5Б', 1, false, '9 11 3 2 3 2 2 3 2 2 2 3', 44, 5, 5, null],
      [10, '10005', '5Б', 2, false, '6 8 2 1 2 1 1 2 1 1 2 2', 29, 4, 5, null],
      [11, '10001', '5А', 1, false, '8 10 3 2 3 2 2 3 2 1 2 2', 40, 5, 5, null],
      [12, '10002', '5А', 2, false, '5 7 2 1 1 1 1 2 1 0 1 1', 23, 3, null, null],
      [13, '10003', '5А', 1, false, '6 9 2 1 2 1 2 2 1 1 2 2', 31, 4, 4, null],
      [14, '10004', '5А', 2, false, '3 5 1 0 1 0 1 1 0 0 1 1', 14, 2, 3, null],
    ]);
    expect(r.works.map((w) => w.schoolLogin)).toEqual([
      ...Array(5).fill('sch780101'),
      ...Array(4).fill('sch780204'),
    ]);
  });

  it('checks the sample against the shipped catalog: structure filled in, marks agree', async () => {
    const r = await parseResultsFile('s.csv', fixture('individual_vpr_2024_rus_5_win1251.csv'));
    const { key } = detectTestKey(r, {}, STANDARD_SUBJECTS);
    expect(key).toEqual({
      procedure: 'vpr',
      year: 2024,
      session: 'spring',
      subjectCode: 'rus',
      grade: 5,
      form: '',
    });
    const catalog =
      KNOWN_TESTS.find((t) => t.year === 2024 && t.subjectCode === 'rus' && t.grade === 5) ?? null;
    const a = analyseResults(r, key as NonNullable<typeof key>, catalog, 'ВПР 2024');
    expect(a.ok).toBe(true);
    expect(a.issues.map((i) => i.message)).toEqual([
      'Структура работы взята из заголовков файла: заданий — 12, максимум — 45',
    ]);
    expect(a.schools.map((s) => [s.login, s.name, s.works, s.absent, s.classes])).toEqual([
      ['sch780101', 'ГБОУ школа № 101', 5, 1, ['5А', '5Б']],
      ['sch780204', 'ГБОУ гимназия № 204', 4, 0, ['5А']],
    ]);
  });

  it('reports non-numeric scores, bad variants and marks with row and column', async () => {
    const r = await parseResultsFile('bad.csv', fixture('bad_values_win1251.csv'));
    expect(messages(r)).toEqual([
      'error: Файл «bad.csv», строка 5, столбец 8 «2 (3б)»: балл «abc» не является целым числом',
      'error: Файл «bad.csv», строка 8, столбец 6 «Вариант»: вариант «два» не распознан (ожидается номер варианта или «отсутствовал»)',
      'error: Файл «bad.csv», строка 8, столбец 10 «Отметка»: отметка «7» не из 2, 3, 4, 5',
    ]);
    const a = analyseResults(
      r,
      { procedure: 'vpr', year: 2024, session: 'spring', subjectCode: 'math', grade: 4, form: '' },
      null,
      'ВПР',
    );
    expect(a.ok).toBe(false);
    expect(a.issues.slice(3).map(formatIssue)).toEqual([
      'Файл «bad.csv»: Структура работы взята из заголовков файла: заданий — 2, максимум — 5',
      'Файл «bad.csv»: Границы отметок не выведены: в файле встречаются не все отметки от «2» до «5»',
      'Файл «bad.csv», строка 6, столбец 7 «1 (2б)»: балл 3 больше максимума задания 1 (2)',
    ]);
  });

  it('refuses numbers too large to store, naming row and column', async () => {
    const table = individualResultsTable({
      title: 'ВПР 2023 Математика 4 класс',
      municipality: 'Район',
      tasks: [{ code: '1', max: 1, level: 'Б' }],
      works: [work('1', [1]), work('2', [0], { variant: 40000 }), work('3', [1])],
    });
    (table[5] as (string | number)[])[7] = 40000; // «Первичный балл» of the first work
    const r = await parseResultsFile('big.csv', tableToCsv(table));
    expect(messages(r)).toEqual([
      'error: Файл «big.csv», строка 6, столбец 8 «Первичный балл»: первичный балл «40000» слишком велик',
      'error: Файл «big.csv», строка 7, столбец 6 «Вариант»: вариант «40000» не распознан (ожидается номер варианта или «отсутствовал»)',
    ]);
  });

  it('finds duplicate participant codes within a school', async () => {
    const table = individualResultsTable({
      title: 'ВПР 2023 Математика 4 класс',
      municipality: 'Район',
      tasks: [{ code: '1', max: 1, level: 'Б' }],
      works: [
        work('1', [1]),
        work('2', [0]),
        work('1', [1]),
        // Codes written as numbers and as text are one code only when the texts are equal.
        work('01', [1]),
        work('A-7', [1]),
        work('A-7', [1]),
        work('1', [1], { schoolLogin: 'sch000002' }),
      ],
    });
    const r = await parseResultsFile('dup.csv', tableToCsv(table));
    const { key } = detectTestKey(r, {}, STANDARD_SUBJECTS);
    const a = analyseResults(r, key as NonNullable<typeof key>, null, 'ВПР');
    expect(a.issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([
      'Файл «dup.csv», строка 8: Код участника 1 повторяется в ОО sch000001 (уже был в строке 6)',
      'Файл «dup.csv», строка 11: Код участника A-7 повторяется в ОО sch000001 (уже был в строке 10)',
    ]);
  });

  it('refuses wrong or missing headers, and truncated files', async () => {
    expect(messages(await parseResultsFile('w.csv', fixture('wrong_headers.csv')))).toEqual([
      'error: Файл «w.csv»: Не найдена строка заголовка таблицы: нужен столбец «Код участника» (или «Номер обучающегося») и столбцы заданий',
    ]);
    // Without task columns only ОГЭ/ЕГЭ results per student are accepted.
    const noTasks = await parseResultsFile('n.csv', fixture('no_task_columns.csv'));
    expect(noTasks.issues).toEqual([]);
    const key = { session: 'spring', subjectCode: 'math', grade: 4, form: '' } as const;
    const vpr = analyseResults(noTasks, { ...key, procedure: 'vpr', year: 2024 }, null, 'ВПР');
    expect(vpr.issues.map(formatIssue)).toEqual([
      'Файл «n.csv»: В файле не найдены столбцы заданий',
    ]);
    const oge = analyseResults(noTasks, { ...key, procedure: 'oge', year: 2024 }, null, 'ОГЭ');
    expect(oge.ok).toBe(true);
    expect(oge.works.map((w) => [w.total, w.testScore])).toEqual([[5, null]]);
    const quote = await parseResultsFile('q.csv', fixture('truncated_quote.csv'));
    expect(quote.issues[0]?.severity).toBe('error');
    expect(quote.issues[0]?.row).toBe(3);
    expect(quote.issues[0]?.message).toMatch(/^файл CSV повреждён или обрезан/);
    const row = await parseResultsFile('r.csv', fixture('truncated_row.csv'));
    expect(messages(row)).toEqual([
      'error: Файл «r.csv», строка 3: в строке 7 столбцов, в заголовке 11: строка неполная (файл обрезан или повреждён?)',
    ]);
    expect(messages(await parseResultsFile('e.csv', Buffer.alloc(0)))).toEqual([
      'error: Файл «e.csv»: Файл пуст',
    ]);
  });
});

describe('«Форма сбора результатов» (school form)', () => {
  it('reads the shared sample: absent kept as absent, login from the file name', async () => {
    const name = 'forma_sbora_vpr_2023_mat_4_sch780312.csv';
    const r = await parseResultsFile(name, fixture(name));
    expect(r.kind).toBe('school_form');
    expect(r.schoolLoginHint).toBe('sch780312');
    expect(r.issues).toEqual([]);
    expect(compact(r)).toEqual([
      [2, '10001', '4А', 1, false, '1 1 2 1 1 0 1 1 1 2 1 0 2 1 0', 15, null, 5, 'Ж'],
      [3, '10002', '4А', 2, false, '1 0 1 1 X 0 1 0 0 1 0 0 0 0 0', 5, null, 3, 'М'],
      [4, '10003', '4А', null, true, 'X X X X X X X X X X X X X X X', null, null, 4, 'М'],
      [5, '10004', '4Б', 1, false, '1 1 2 1 1 1 1 1 1 2 1 1 2 2 2', 20, null, 5, 'Ж'],
    ]);
    // The structure comes from the catalog (ВПР 2023 Mathematics 4), marks from its scale.
    const catalog =
      KNOWN_TESTS.find((t) => t.year === 2023 && t.subjectCode === 'math' && t.grade === 4) ?? null;
    const { key } = detectTestKey(
      r,
      { procedure: 'vpr', year: 2023, subjectCode: 'math', grade: 4 },
      STANDARD_SUBJECTS,
    );
    const a = analyseResults(r, key as NonNullable<typeof key>, catalog, 'ВПР 2023');
    expect(a.ok).toBe(true);
    expect(a.issues).toEqual([]);
    expect(a.works.map((w) => [w.total, w.finalMark, w.markFromFile])).toEqual([
      [15, 5, false],
      [5, 2, false],
      [null, null, false],
      [20, 5, false],
    ]);
  });

  it('drops names, reads BOM, commas, «не присутствовал», «х» and letter-only classes', async () => {
    const r = await parseResultsFile('f.csv', fixture('school_form_utf8_bom_comma_names.csv'), {
      grade: 6,
    });
    expect(messages(r)).toEqual([
      'note: Файл «f.csv»: Столбцы с именами («ФИО») не загружаются: система хранит только коды участников',
    ]);
    expect(compact(r)).toEqual([
      [4, '20001', '6Б', 1, false, '1 X', 1, null, 4, 'М'],
      [5, '20002', '6Б', null, true, 'X X', null, null, 5, 'Ж'],
      [6, '20003', '6Б', 2, false, '1 2', 3, null, null, 'М'],
    ]);
    expect(JSON.stringify(r)).not.toMatch(/Иванов|Петрова|Сидоров/);
  });

  it('needs a catalog structure: without one the file is refused with a clear message', async () => {
    const r = await parseResultsFile('f.csv', fixture('school_form_utf8_bom_comma_names.csv'));
    const a = analyseResults(
      r,
      { procedure: 'vpr', year: 2024, session: 'spring', subjectCode: 'math', grade: 6, form: '' },
      null,
      'ВПР 2024, Математика, 6 класс',
    );
    expect(a.ok).toBe(false);
    expect(a.issues.at(-1)?.message).toBe(
      'В каталоге нет заданий работы «ВПР 2024, Математика, 6 класс», а в файле не указаны максимальные баллы заданий. Добавьте работу в каталог (раздел «Каталог работ») или загрузите выгрузку «Индивидуальные результаты».',
    );
  });

  it('reads merged two-row headers on the «Протокол» sheet of an XLSX book', async () => {
    const r = await parseResultsFile('m.xlsx', await mergedHeaderWorkbook());
    expect(r.sheet).toBe('Протокол');
    expect(r.tasks.map((t) => t.code)).toEqual(['1', '2', '3']);
    expect(r.issues).toEqual([]);
    expect(compact(r)).toEqual([
      [3, '30001', '6А', 1, false, '1 0 2', 3, null, null, 'Ж'],
      [4, '30002', '6А', null, true, 'X X X', null, null, null, 'М'],
      [5, '30003', '6Б', 2, false, 'X 1 1', 2, null, null, 'М'],
    ]);
  });

  it('refuses an empty sheet and a truncated workbook', async () => {
    expect(messages(await parseResultsFile('e.xlsx', await emptySheetWorkbook()))).toEqual([
      'error: Файл «e.xlsx», лист «Протокол»: Лист пуст: в нём нет таблицы с результатами',
    ]);
    const whole = await mergedHeaderWorkbook();
    const cut = await parseResultsFile('t.xlsx', whole.subarray(0, whole.length - 300));
    expect(cut.issues).toHaveLength(1);
    expect(cut.issues[0]?.message).toMatch(/^файл XLSX повреждён или обрезан/);
  });
});

const TASKS: TaskDef[] = [
  { code: '1', max: 2, level: 'Б' },
  { code: '2', max: 1, level: 'Б' },
  { code: '3.1', max: 3, level: 'П' },
];

function work(code: string, scores: (number | null)[], over: Partial<ExportWork> = {}): ExportWork {
  return {
    schoolLogin: 'sch000001',
    schoolName: 'Школа № 1',
    participantCode: code,
    className: '4А',
    variant: 1,
    absent: false,
    scores,
    mark: null,
    journalMark: null,
    ...over,
  };
}

describe('files written by the project’s writer read back unchanged', () => {
  const works = [
    work('101', [2, 1, 3], { mark: 5, journalMark: 5 }),
    work('102', [1, null, 0], { mark: 2, journalMark: null, className: '4Б', variant: 2 }),
    work('103', [null, null, null], { absent: true, variant: null, journalMark: 4 }),
  ];
  const expected = [
    [6, '101', '4А', 1, false, '2 1 3', 6, 5, 5, null],
    [7, '102', '4Б', 2, false, '1 X 0', 1, 2, null, null],
    [8, '103', '4А', null, true, 'X X X', null, null, 4, null],
  ];
  const table = individualResultsTable({
    title: 'ВПР 2025 Математика 4 класс',
    municipality: 'Фрунзенский район',
    tasks: TASKS,
    works,
  });

  it('as Windows-1251 CSV, UTF-8 CSV with commas and XLSX', async () => {
    for (const [name, bytes] of [
      ['a.csv', tableToCsv(table)],
      ['b.csv', tableToCsv(table, { delimiter: ',', encoding: 'utf-8' })],
      ['c.xlsx', await tablesToXlsx([{ name: 'Результаты', table }])],
    ] as const) {
      const r = await parseResultsFile(name, bytes);
      expect({ name, issues: r.issues }).toEqual({ name, issues: [] });
      expect(r.title?.year).toBe(2025);
      expect(r.maxTotal).toBe(6);
      expect(r.tasks.map((t) => [t.code, t.max, t.level])).toEqual([
        ['1', 2, 'Б'],
        ['2', 1, 'Б'],
        ['3.1', 3, 'П'],
      ]);
      expect(compact(r)).toEqual(expected);
    }
  });

  it('school form as XLSX «Протокол»', async () => {
    const form = schoolFormTable({
      tasks: TASKS,
      works: works.map((w) => ({ ...w, gender: 'Ж' })),
    });
    const r = await parseResultsFile(
      'forma_sch000001.xlsx',
      await tablesToXlsx([{ name: 'Протокол', table: form }]),
    );
    expect(r.kind).toBe('school_form');
    expect(r.schoolLoginHint).toBe('sch000001');
    expect(compact(r)).toEqual([
      [2, '101', '4А', 1, false, '2 1 3', 6, null, 5, 'Ж'],
      [3, '102', '4Б', 2, false, '1 X 0', 1, null, null, 'Ж'],
      [4, '103', '4А', null, true, 'X X X', null, null, 4, 'Ж'],
    ]);
  });
});

describe('test detection', () => {
  it('refuses a title that contradicts the options', async () => {
    const r = await parseResultsFile('s.csv', fixture('individual_vpr_2024_rus_5_win1251.csv'));
    const { key, issues } = detectTestKey(r, { year: 2023 }, STANDARD_SUBJECTS);
    expect(key).toBeNull();
    expect(issues.map((i) => i.message)).toEqual([
      'Год: в заголовке файла «2024», в параметрах загрузки «2023»',
    ]);
  });
  it('asks for the test when the file has no title', async () => {
    const r = await parseResultsFile('f.csv', fixture('school_form_utf8_bom_comma_names.csv'));
    expect(
      detectTestKey(r, { year: 2024 }, STANDARD_SUBJECTS).issues.map((i) => i.message),
    ).toEqual([
      'В файле нет заголовка с названием работы: укажите процедуру, предмет, параллель при загрузке',
    ]);
  });
});
