import type { EChartsOption } from 'echarts';
import {
  changeChart,
  levelDistributionChart,
  sectionAverageChart,
} from '../../core/monitoring/charts';
import { SCORE_LEVEL_LABELS } from '../../core/monitoring/scoring';
import { chartToPng } from '../charts/png';
import { SELF_STATUS_LABELS, CARD_STATUS_LABELS } from '../../core/monitoring/workflow';
import type { Block, OfficialDocument } from '../docx/model';
import { formatDateRu, formatDelta, formatPercent, SOURCE_LABELS, type ScreenData } from './model';

const average = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? Math.round((v.reduce((s, x) => s + x, 0) / v.length) * 10) / 10 : null;
};

const CHART = { width: 640, height: 300 };

/** A chart as a DOCX image block with a numbered caption, or nothing when there is no chart. */
function figure(option: EChartsOption | null, n: { next: number }, caption: string): Block[] {
  if (!option) return [];
  return [
    {
      kind: 'image',
      png: chartToPng(option, { ...CHART, scale: 2 }),
      ...CHART,
      caption: `Рисунок ${n.next++}. ${caption}`,
    },
  ];
}

/**
 * The analytical report («аналитическая справка») of a monitoring run: basis, coverage, results by
 * school, section and indicator, change since the previous run, schedule checks, and the
 * findings that follow from the figures. Every number is computed from the screen data.
 */
export function buildMonitoringReport(
  d: ScreenData,
  author: string,
  today: string,
): OfficialDocument {
  const c = d.campaign;
  const blocks: Block[] = [];
  const figureNo = { next: 1 };
  blocks.push({
    kind: 'paragraph',
    align: 'justify',
    text: `Основание: ${c.regulation ?? 'не указано'}. Сроки: с ${formatDateRu(c.startsOn)}; самоотчёты ОО — до ${formatDateRu(c.selfReportDue)}; экспертиза — до ${formatDateRu(c.expertDue)}. Инструмент: «${c.templateTitle}», версия ${c.templateVersion}. Статус мониторинга: ${c.statusLabel.toLowerCase()}.`,
  });
  blocks.push({ kind: 'heading', level: 2, text: '1. Охват' });
  blocks.push({
    kind: 'paragraph',
    text: `В мониторинге ${d.totals.schools} ОО. Самоотчёты отправили ${d.totals.selfSubmitted} ОО, итоговые экспертные карты заполнены по ${d.totals.cardsFinal} ОО.`,
  });
  blocks.push({ kind: 'heading', level: 2, text: '2. Результаты по ОО' });
  blocks.push({
    kind: 'paragraph',
    text: `Средний результат: ${formatPercent(d.totals.averagePercent)}${d.previousTitle ? `; в предыдущем мониторинге («${d.previousTitle}») — ${formatPercent(d.totals.previousAverage)}` : ''}. Итог берётся из экспертной карты, а пока её нет — из самооценки ОО.`,
  });
  blocks.push({
    kind: 'table',
    fontSize: 9,
    columns: [
      { title: 'ОО', width: 3 },
      { title: 'Самоотчёт', width: 2 },
      { title: 'Экспертная карта', width: 2 },
      { title: 'Самооценка', width: 1.3 },
      { title: 'Эксперт', width: 1.3 },
      { title: 'Итог', width: 1.3 },
      { title: 'Изменение, п.п.', width: 1.3 },
      { title: 'Нарушений в графике', width: 1.3 },
    ],
    rows: [...d.rows]
      .sort((a, b) => (b.percent ?? -1) - (a.percent ?? -1))
      .map((r) => ({
        cells: [
          r.orgName,
          SELF_STATUS_LABELS[r.selfStatus],
          CARD_STATUS_LABELS[r.cardStatus],
          formatPercent(r.selfPercent),
          formatPercent(r.expertPercent),
          `${formatPercent(r.percent)} (${SOURCE_LABELS[r.source]})`,
          formatDelta(r.delta),
          r.scheduleViolations === null ? 'нет графика' : String(r.scheduleViolations),
        ],
      })),
  });
  const levels = (['high', 'medium', 'low', 'none'] as const).map((level) => ({
    level,
    schools: d.rows.filter((r) => r.level === level).map((r) => r.orgName),
  }));
  blocks.push({
    kind: 'list',
    items: levels.map(
      (l) =>
        `Уровень ${SCORE_LEVEL_LABELS[l.level]}: ${l.schools.length} ОО${l.schools.length ? ` (${l.schools.join(', ')})` : ''}`,
    ),
  });
  blocks.push(
    ...figure(
      levelDistributionChart(d.rows),
      figureNo,
      `Распределение ОО по уровням результата (всего ${d.rows.length} ОО)`,
    ),
    ...figure(
      changeChart(d.rows, d.previousTitle),
      figureNo,
      `Результаты ОО сейчас и в мониторинге «${d.previousTitle ?? ''}»`,
    ),
  );

  const sectionAverages = d.sections.map((s) => ({
    title: s.title,
    percent: average(d.rows.map((r) => r.sectionPercents[s.key] ?? null)),
  }));
  blocks.push({ kind: 'heading', level: 2, text: '3. Результаты по разделам' });
  blocks.push({
    kind: 'table',
    columns: [
      { title: 'Раздел', width: 5 },
      { title: 'Средний результат', width: 2 },
    ],
    rows: sectionAverages.map((s) => ({ cells: [s.title, formatPercent(s.percent)] })),
  });
  blocks.push(
    ...figure(sectionAverageChart(sectionAverages), figureNo, 'Средний результат по разделам'),
  );

  const scored = d.indicators.filter((i) => i.scored);
  const fulfilment = scored.map((ind) => {
    const cells = d.rows.map((r) => r.cells.find((c) => c.key === ind.key)?.fraction ?? null);
    const assessed = cells.filter((x): x is number => x !== null);
    return {
      ind,
      met: assessed.filter((x) => x >= 1).length,
      assessed: assessed.length,
      avg: average(cells.map((x) => (x === null ? null : x * 100))),
    };
  });
  blocks.push({ kind: 'heading', level: 2, text: '4. Показатели' });
  blocks.push({
    kind: 'table',
    fontSize: 9,
    columns: [
      { title: 'Показатель', width: 6 },
      { title: 'Выполнен полностью, ОО', width: 2 },
      { title: 'Средняя степень выполнения', width: 2 },
    ],
    rows: fulfilment.map((f) => ({
      cells: [f.ind.title, `${f.met} из ${f.assessed}`, formatPercent(f.avg)],
    })),
  });

  const withSchedule = d.rows.filter((r) => r.scheduleViolations !== null);
  blocks.push({ kind: 'heading', level: 2, text: '5. Графики оценочных процедур' });
  blocks.push({
    kind: 'paragraph',
    align: 'justify',
    text: withSchedule.length
      ? `Графики представили ${withSchedule.length} из ${d.rows.length} ОО; нарушения федеральных ограничений (письмо Минпросвещения России и Рособрнадзора от 06.08.2021 № СК-228/03, 01-169/08-01) найдены у ${withSchedule.filter((r) => (r.scheduleViolations ?? 0) > 0).length} ОО, всего нарушений: ${withSchedule.reduce((s, r) => s + (r.scheduleViolations ?? 0), 0)}.`
      : 'Графики оценочных процедур ОО в систему не загружены.',
  });

  const findings: string[] = [];
  const weak = fulfilment.filter((f) => f.assessed > 0 && f.met / f.assessed < 0.5);
  for (const f of weak)
    findings.push(
      `Показатель «${f.ind.title}» выполнен полностью лишь в ${f.met} из ${f.assessed} ОО.`,
    );
  const low = levels.find((l) => l.level === 'low')?.schools ?? [];
  if (low.length)
    findings.push(
      `Низкий уровень (ниже 50%): ${low.join(', ')} — рекомендуется адресная методическая помощь и повторная проверка документов.`,
    );
  const fallen = d.rows
    .filter((r) => r.delta !== null && r.delta <= -10)
    .map((r) => `${r.orgName} (${formatDelta(r.delta)})`);
  if (fallen.length) findings.push(`Результат снизился на 10 п.п. и более: ${fallen.join(', ')}.`);
  const notSubmitted = d.rows.filter((r) => r.selfStatus !== 'submitted').map((r) => r.orgName);
  if (notSubmitted.length) findings.push(`Самоотчёт не отправлен: ${notSubmitted.join(', ')}.`);
  blocks.push({ kind: 'heading', level: 2, text: '6. Выводы' });
  blocks.push({
    kind: 'list',
    ordered: true,
    items: findings.length
      ? findings
      : ['Все показатели выполнены не менее чем в половине ОО; ОО с низким уровнем нет.'],
  });
  blocks.push({
    kind: 'paragraph',
    text: `Справку подготовил(а): ${author}, ${formatDateRu(today)}.`,
  });
  return {
    heading: 'АНАЛИТИЧЕСКАЯ СПРАВКА',
    title: `по итогам мониторинга «${c.title}» (${c.academicYearName} учебный год)`,
    placeAndYear: `${d.municipalityName}, ${today.slice(0, 4)} г.`,
    blocks,
    orientation: 'landscape',
  };
}
