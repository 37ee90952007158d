import { describe, expect, it } from 'vitest';
import { docxImages, docxText } from '../../../test/docx';
import { renderDocx } from '../docx/render';
import { docxToPdf, findSoffice } from '../pdf/libreoffice';
import { buildDistrictReport } from './district';
import type { DistrictReportData, LevelFigures, ReportSchoolResult } from './model';
import { buildSchoolReport } from './school';

const level = (participants: number, marks: [number, number, number, number]): LevelFigures => ({
  participants,
  markPercent: marks,
  successRate: 100 - marks[0],
  qualityRate: marks[2] + marks[3],
  meanMark: null,
  journalPercent: [10, 60, 30],
  pairs: participants - 2,
});

const flagged: ReportSchoolResult = {
  orgId: 7,
  name: 'Школа № 207',
  login: 'sch780207',
  p: 0.00001,
  q: 0.0004,
  flagged: true,
  supportList: true,
  yearsInRow: 2,
  tests: 6,
  summary: 'Есть статистические признаки необъективности результатов.',
  evidence: [
    {
      subject: 'Математика',
      grade: 4,
      className: null,
      indicator: 'cutExcess',
      title: 'Избыток работ у границ отметок',
      p: 0.0002,
      n: 48,
      text: 'У границы «4» на 9 работ больше ожидаемого.',
      causes: 'Возможная причина — мягкая проверка работ, близких к границе отметки.',
      sampleNote: 'Выборка 48 работ: грубая оценка.',
    },
  ],
  caveats: [],
};
const honest: ReportSchoolResult = {
  ...flagged,
  orgId: 8,
  name: 'Школа № 901',
  login: 'sch780901',
  p: 0.6,
  q: 0.9,
  flagged: false,
  supportList: false,
  yearsInRow: 0,
  summary: 'Признаков необъективности не выявлено.',
  evidence: [],
};

const data: DistrictReportData = {
  municipalityName: 'Тестовый район',
  year: 2025,
  today: '2026-11-25',
  run: {
    id: 12,
    procedure: 'vpr',
    q: 0.05,
    supportQ: 0.1,
    engineVersion: '1.0',
    finishedAt: '2026-11-20T10:00:00.000Z',
    years: [2024, 2025],
    works: 1000,
    schools: 2,
    notes: null,
  },
  tests: [
    {
      subject: 'Математика',
      grade: 4,
      schools: 2,
      municipality: level(100, [5, 30, 45, 20]),
      school: null,
      region: level(30000, [7, 33, 41, 19]),
      hardBeatsEasy: null,
      detail: null,
    },
  ],
  figuresSource: 'стандартные таблицы, запуск № 12',
  results: [flagged, honest],
};

describe('objectivity report', () => {
  it('district: sections, the list of schools with signs, causes, recommendations, charts', async () => {
    const bytes = await renderDocx(buildDistrictReport(data));
    const text = await docxText(bytes);
    for (const heading of [
      'АНАЛИТИЧЕСКАЯ СПРАВКА',
      '1. Цель',
      '2. Использованные данные',
      '3. Результаты',
      '4. Выявленные признаки и возможные причины',
      '5. Рекомендации',
    ])
      expect(text).toContain(heading);
    expect(text).toContain('запуск № 12 от 20.11.2026');
    expect(text).toContain('sch780207');
    expect(text).toContain('45%');
    expect(text).toContain('Регион');
    expect(text).toContain('мягкая проверка');
    expect(text).toContain('Источник: таблица analysis_results, запуск анализа № 12');
    expect(text).toContain('Избыток работ у границ отметок: математика — 4 кл.');
    expect(text).toContain('до 31.01.2027');
    expect(text).not.toContain('Школа № 901 (');
    // Marks, journal comparison and the signs chart.
    expect((await docxImages(bytes)).length).toBe(3);
  });

  it('school: the school against the municipality and the region', async () => {
    const doc = buildSchoolReport({
      ...data,
      tests: [{ ...data.tests[0]!, school: level(50, [0, 10, 50, 40]), hardBeatsEasy: true }],
      school: { name: 'Школа № 207', fullName: 'ГБОУ школа № 207', login: 'sch780207' },
      result: flagged,
    });
    const text = await docxText(await renderDocx(doc));
    expect(text).toContain('ГБОУ школа № 207');
    expect(text).toContain('ОО отнесена к зоне риска');
    expect(text).toContain('«трудные лучше лёгких»');
    expect(text).toContain('перекрёстную проверку');
    expect(text).toContain('50%');
  });

  const soffice = findSoffice();
  it.skipIf(!soffice && process.env.CI !== 'true')(
    'converts the report to PDF through LibreOffice',
    async () => {
      const pdf = await docxToPdf(await renderDocx(buildDistrictReport(data)));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(10_000);
    },
    120_000,
  );

  it('says clearly when LibreOffice is missing', async () => {
    await expect(docxToPdf(Buffer.from('x'), { binary: null })).rejects.toThrow(/LibreOffice/);
    expect(findSoffice({ VSOKO_SOFFICE: '/nonexistent/soffice', PATH: '' })).toBeNull();
  });
});
