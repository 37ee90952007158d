import { describe, expect, it } from 'vitest';
import { docxImages, docxText } from '../../../test/docx';
import { renderDocx } from '../docx/render';
import type { ScreenData } from './model';
import { buildMonitoringReport } from './report';

type Row = ScreenData['rows'][number];
const row = (orgId: number, percent: number, previousPercent: number | null): Row => ({
  campaignSchoolId: orgId,
  orgId,
  orgName: `Школа № ${orgId}`,
  selfStatus: 'submitted',
  cardStatus: 'final',
  source: 'expert',
  percent,
  selfPercent: percent,
  expertPercent: percent,
  previousPercent,
  delta: previousPercent === null ? null : percent - previousPercent,
  requiredAnswered: 1,
  requiredTotal: 1,
  cells: [{ key: 'a', fraction: percent / 100, previous: null }],
  scheduleViolations: 0,
  level: percent >= 80 ? 'high' : percent >= 50 ? 'medium' : 'low',
  sectionPercents: { docs: percent },
});

const data = (previousTitle: string | null): ScreenData => ({
  campaign: {
    id: 1,
    title: 'Мониторинг ВСОКО 2025',
    statusLabel: 'Завершён',
    academicYearName: '2025/2026',
    regulation: 'Приказ № 1',
    startsOn: '2025-09-01',
    selfReportDue: '2025-10-01',
    expertDue: '2025-11-01',
    templateTitle: 'Проверка ВСОКО',
    templateVersion: 1,
  },
  municipalityName: 'Район',
  previousTitle,
  indicators: [
    {
      key: 'a',
      title: 'Положение',
      sectionKey: 'docs',
      sectionTitle: 'Документы',
      weight: 1,
      scored: true,
    },
  ],
  sections: [{ key: 'docs', title: 'Документы' }],
  rows: [row(1, 90, 70), row(2, 40, 60), row(3, 60, null)],
  totals: {
    schools: 3,
    selfSubmitted: 3,
    cardsFinal: 3,
    averagePercent: 63.3,
    previousAverage: 65,
  },
});

describe('analytical report charts', () => {
  it('embeds the level, change and section charts as PNG images with numbered captions', async () => {
    const bytes = await renderDocx(
      buildMonitoringReport(data('Мониторинг 2024'), 'Иванова', '2025-11-10'),
    );
    const text = await docxText(bytes);
    expect(text).toContain('Рисунок 1. Распределение ОО по уровням результата (всего 3 ОО)');
    expect(text).toContain('Рисунок 2. Результаты ОО сейчас и в мониторинге «Мониторинг 2024»');
    expect(text).toContain('Рисунок 3. Средний результат по разделам');
    // The figures the charts draw are in the text too: 63,3% is the section average.
    expect(text).toContain('63,3%');
    const images = await docxImages(bytes);
    expect(images).toHaveLength(3);
    expect(images.every((i) => i.bytes[1] === 0x50 && i.bytes[2] === 0x4e)).toBe(true);
  });

  it('leaves the change chart out without a compared run', async () => {
    const bytes = await renderDocx(buildMonitoringReport(data(null), 'Иванова', '2025-11-10'));
    expect(await docxImages(bytes)).toHaveLength(2);
    expect(await docxText(bytes)).toContain('Рисунок 2. Средний результат по разделам');
  });
});
