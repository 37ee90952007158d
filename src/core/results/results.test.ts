import { describe, expect, it } from 'vitest';
import { parseClassName } from './classes';
import { deriveCutScores } from './cutScores';
import { formatIssue } from './issues';
import { KNOWN_TESTS } from './knownTests';
import { checkCutScores, markFromScore } from './marks';
import { resolveStructure } from './resolve';
import { parseTaskHeader } from './taskHeader';
import { findSchoolLogin, parseMaxPrimaryLine, parseTestTitle } from './title';
import { tasksTotal, type TestDef } from './types';
import { checkWorks, workTable, type ParsedWork } from './works';

const where = { file: 'f.csv', sheet: null };

describe('task headers', () => {
  it('reads codes and maxima', () => {
    expect(parseTaskHeader('1 (2б)')).toEqual({ code: '1', max: 2 });
    expect(parseTaskHeader('9.1 (1б)')).toEqual({ code: '9.1', max: 1 });
    expect(parseTaskHeader(' 12\n(3 б.) ')).toEqual({ code: '12', max: 3 });
    expect(parseTaskHeader('5,1')).toEqual({ code: '5.1', max: null });
    expect(parseTaskHeader('7')).toEqual({ code: '7', max: null });
    expect(parseTaskHeader('Задание 4 (2 балла)')).toEqual({ code: '4', max: 2 });
    expect(parseTaskHeader('Код участника')).toBeNull();
    expect(parseTaskHeader('2024')).toBeNull();
  });
});

describe('titles', () => {
  it('reads procedure, year, subject, grade and form', () => {
    expect(parseTestTitle('ВПР 2024 Русский язык 5 класс')).toEqual({
      procedure: 'vpr',
      year: 2024,
      subjectName: 'Русский язык',
      grade: 5,
      form: '',
    });
    expect(parseTestTitle('ВПР 2025 Математика 7 класс (углубленная)')?.form).toBe('углублённая');
    expect(parseTestTitle('РМ 2023 Математика 6 класс')?.procedure).toBe('rm');
    expect(parseTestTitle('Кол-во участников: 9')).toBeNull();
  });
  it('reads the maximum and logins', () => {
    expect(parseMaxPrimaryLine('Максимальный первичный балл: 45')).toBe(45);
    expect(parseMaxPrimaryLine('Максимальный первичный балл 20')).toBe(20);
    expect(findSchoolLogin('forma_sbora_vpr_2023_mat_4_sch780312.csv')).toBe('sch780312');
    expect(findSchoolLogin('ГБОУ № 1 (edu780101) | Кол-во участников: 3')).toBe('sch780101');
    expect(findSchoolLogin('results_2024.csv')).toBeNull();
  });
  it('reads class names', () => {
    expect(parseClassName('5 а', null)).toEqual({ name: '5А', parallel: 5, letter: 'А' });
    expect(parseClassName('Б', 4)).toEqual({ name: '4Б', parallel: 4, letter: 'Б' });
    expect(parseClassName('??', 4)).toBeNull();
  });
});

describe('marks', () => {
  const scale = { min3: 10, min4: 16, min5: 21 };
  it('maps scores to marks at the boundaries', () => {
    expect([0, 9, 10, 15, 16, 20, 21, 24].map((s) => markFromScore(scale, s))).toEqual([
      2, 2, 3, 3, 4, 4, 5, 5,
    ]);
    expect(markFromScore(null, 5)).toBeNull();
    expect(markFromScore(scale, null)).toBeNull();
  });
  it('checks scales', () => {
    expect(checkCutScores(scale, 24)).toEqual([]);
    expect(checkCutScores({ min3: 10, min4: 9, min5: 21 }, 24)).toHaveLength(1);
    expect(checkCutScores({ min3: 10, min4: 16, min5: 30 }, 24)).toEqual([
      'Граница «5» (30) больше максимального балла 24',
    ]);
  });
});

describe('cut scores from a file', () => {
  it('pins boundaries where neighbouring marks touch', () => {
    const d = deriveCutScores([
      { score: 9, mark: 2 },
      { score: 10, mark: 3 },
      { score: 15, mark: 3 },
      { score: 16, mark: 4 },
      { score: 20, mark: 4 },
      { score: 22, mark: 5 },
    ]);
    expect(d.scale).toEqual({ min3: 10, min4: 16, min5: 22 });
    expect(d.bounds.min5).toEqual({ from: 21, to: 22 });
    expect(d.exact).toBe(false);
    expect(d.conflicts).toEqual([]);
  });
  it('reports overlapping marks instead of guessing', () => {
    const d = deriveCutScores([
      { score: 12, mark: 3, row: 5 },
      { score: 11, mark: 4, row: 9 },
      { score: 20, mark: 5 },
      { score: 3, mark: 2 },
    ]);
    expect(d.scale).toBeNull();
    expect(d.conflicts).toEqual(['12 балл. — отметка «3» (строка 5), а 11 балл. — «4» (строка 9)']);
  });
  it('gives no scale when a mark is missing', () => {
    expect(
      deriveCutScores([
        { score: 3, mark: 2 },
        { score: 12, mark: 3 },
      ]).scale,
    ).toBeNull();
  });
});

describe('known tests', () => {
  it('ship the §5.2 facts with consistent totals', () => {
    for (const t of KNOWN_TESTS) {
      if (t.tasks.length) expect(tasksTotal(t.tasks)).toBe(t.maxTotal);
      if (t.cutScores) expect(checkCutScores(t.cutScores, t.maxTotal)).toEqual([]);
      expect(t.structureCertainty).not.toBeNull();
    }
    const rus4 = KNOWN_TESTS.find(
      (t) => t.year === 2026 && t.subjectCode === 'rus' && t.grade === 4,
    );
    expect(rus4?.cutScores).toEqual({ min3: 10, min4: 16, min5: 21 });
    expect(rus4?.scaleCertainty).toBe('S');
    const keys = KNOWN_TESTS.map((t) => `${t.year}:${t.subjectCode}:${t.grade}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

const catalogTest = (over: Partial<TestDef>): TestDef => ({
  procedure: 'vpr',
  year: 2024,
  session: 'spring',
  subjectCode: 'math',
  grade: 4,
  form: '',
  tasks: [],
  maxTotal: null,
  cutScores: null,
  structureCertainty: 'S',
  scaleCertainty: null,
  source: null,
  ...over,
});

describe('resolving a file against the catalog', () => {
  const fileTasks = [
    { code: '1', max: 2, level: 'Б' as const },
    { code: '2', max: 3, level: 'П' as const },
  ];
  it('takes the structure and the cut scores from the file when the catalog lacks them', () => {
    const r = resolveStructure(
      where,
      null,
      {
        tasks: fileTasks,
        maxTotal: 5,
        marks: [
          { score: 1, mark: 2 },
          { score: 2, mark: 3 },
          { score: 3, mark: 4 },
          { score: 5, mark: 5 },
        ],
      },
      'ВПР',
    );
    expect(r.tasks).toEqual(fileTasks);
    expect(r.cutScores).toEqual({ min3: 2, min4: 3, min5: 5 });
    expect(r.fill).toEqual({
      tasks: fileTasks,
      maxTotal: 5,
      cutScores: { min3: 2, min4: 3, min5: 5 },
    });
    expect(r.issues.map((i) => i.severity)).toEqual(['note', 'note']);
  });
  it('refuses a structure that contradicts the catalog', () => {
    const r = resolveStructure(
      where,
      catalogTest({
        tasks: [
          { code: '1', max: 2, level: null },
          { code: '2', max: 2, level: null },
        ],
      }),
      { tasks: fileTasks, maxTotal: null, marks: [] },
      'ВПР 2024, Математика, 4 класс',
    );
    expect(r.tasks).toBeNull();
    expect(r.issues).toEqual([
      {
        severity: 'error',
        file: 'f.csv',
        sheet: null,
        row: null,
        column: null,
        message:
          'Задания в файле (1 (2б), 2 (3б)) не совпадают с каталогом для «ВПР 2024, Математика, 4 класс» (1 (2б), 2 (2б)). Исправьте каталог (раздел «Каталог работ») или файл.',
      },
    ]);
  });
  it('warns when a level contradicts the catalog and keeps the catalog', () => {
    const r = resolveStructure(
      where,
      catalogTest({
        tasks: [
          { code: '1', max: 2, level: 'П' },
          { code: '2', max: 3, level: null },
        ],
      }),
      { tasks: fileTasks, maxTotal: null, marks: [] },
      'ВПР',
    );
    expect(r.tasks?.map((t) => t.level)).toEqual(['П', 'П']);
    expect(r.issues.map((i) => [i.severity, i.message])).toEqual([
      ['warning', 'Уровень задания 1: в файле «Б», в каталоге «П». Используется каталог.'],
      ['note', 'Уровни сложности заданий (Б/П/В) взяты из файла в каталог'],
    ]);
  });
  it('needs the catalog for a school form without maxima', () => {
    const r = resolveStructure(
      where,
      null,
      { tasks: [{ code: '1', max: null, level: null }], maxTotal: null, marks: [] },
      'ВПР',
    );
    expect(r.tasks).toBeNull();
    expect(r.issues[0]?.severity).toBe('error');
  });
});

const work = (over: Partial<ParsedWork>): ParsedWork => ({
  row: 2,
  schoolLogin: null,
  schoolName: null,
  municipality: null,
  participantCode: '1',
  className: '4А',
  parallel: 4,
  variant: 1,
  absent: false,
  scores: [1, 1],
  primaryScore: null,
  testScore: null,
  mark: null,
  journalMark: null,
  gender: null,
  ...over,
});

describe('checking works', () => {
  const tasks = [
    { code: '1', max: 1, level: null },
    { code: '2', max: 2, level: null },
  ];
  const headers = [
    { index: 4, header: '1' },
    { index: 5, header: '2' },
  ];
  it('finds scores above the maximum and duplicate codes', () => {
    const issues = checkWorks(
      where,
      workTable([work({ row: 2, scores: [2, 1] }), work({ row: 3, participantCode: '1' })]),
      tasks,
      headers,
      null,
    );
    expect(issues.map(formatIssue)).toEqual([
      'Файл «f.csv», строка 2, столбец 5 «1»: балл 2 больше максимума задания 1 (1)',
      'Файл «f.csv», строка 3: Код участника 1 повторяется (уже был в строке 2)',
    ]);
  });
  it('warns about marks contradicting the catalog scale', () => {
    const issues = checkWorks(
      where,
      workTable([work({ scores: [1, 2], mark: 5 })]),
      tasks,
      headers,
      {
        min3: 1,
        min4: 2,
        min5: 4,
      },
    );
    expect(issues.map((i) => i.message)).toEqual([
      'В 1 работе отметка в файле не совпадает со шкалой каталога (строка 2: 3 балл. — в файле «5», по каталогу «4»). Загружаются отметки из файла; проверьте шкалу в каталоге.',
    ]);
  });
});
