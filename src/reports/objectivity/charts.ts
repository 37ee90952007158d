import {
  journalComparisonChart,
  levelSuccessChart,
  scoreHistogramChart,
} from '../../core/objectivity/charts';
import {
  concordanceChart,
  markComparisonChart,
  markStackChart,
} from '../../core/objectivity/chartsReport';
import type { Block } from '../docx/model';
import type { ReportTest } from './model';
import { levelsOf, testLabel, type Numbering } from './sections';

/** The charts of the report (PNG through Numbering.figure), from the shared ECharts builders. */

/**
 * Charts of one test at several levels (school report): marks, and the school card's journal
 * comparison chart.
 */
export function testCharts(t: ReportTest, municipalityName: string, numbering: Numbering): Block[] {
  const levels = levelsOf(t, municipalityName);
  return [
    ...numbering.figure(
      markComparisonChart(
        `Распределение отметок, % — ${testLabel(t)}`,
        levels.map((l) => ({ name: l.name, percent: l.figures?.markPercent ?? null })),
      ),
      `Распределение отметок: ${testLabel(t)}`,
    ),
    ...numbering.figure(
      journalComparisonChart(
        levels.map((l) => ({ name: l.name, percent: l.figures?.journalPercent ?? null })),
      ),
      `Понизили / Подтвердили / Повысили, %: ${testLabel(t)}`,
    ),
  ];
}

/**
 * The school card's evidence charts of a test with signs: the primary-score histogram with the
 * cut scores and the expected distribution, and task success by difficulty level.
 */
export function evidenceCharts(
  t: ReportTest,
  municipalityName: string,
  numbering: Numbering,
): Block[] {
  if (!t.detail) return [];
  const { school, municipality, regionLevels } = t.detail;
  return [
    ...numbering.figure(
      scoreHistogramChart(school, `Первичные баллы — ${testLabel(t)}`),
      `Распределение первичных баллов ОО с границами отметок и ожидаемым распределением: ${testLabel(t)}`,
    ),
    ...numbering.figure(
      levelSuccessChart([
        { name: 'ОО', levels: school.tasks.levels },
        { name: municipalityName, levels: municipality.tasks.levels },
        ...(regionLevels ? [{ name: 'Регион', levels: regionLevels }] : []),
      ]),
      `Выполнение заданий по уровням сложности: ${testLabel(t)}`,
    ),
  ];
}

/** Charts of all tests at the municipality level (district report). */
export function districtCharts(tests: ReportTest[], numbering: Numbering): Block[] {
  const height = 90 + 34 * tests.length;
  return [
    ...numbering.figure(
      markStackChart(
        'Распределение отметок по муниципалитету, %',
        tests.map((t) => ({ label: testLabel(t), percent: t.municipality.markPercent })),
      ),
      'Распределение отметок по предметам и классам (муниципалитет)',
      height,
    ),
    ...numbering.figure(
      concordanceChart(
        'Отметки ВПР и журнала по муниципалитету, %',
        tests.map((t) => ({ label: testLabel(t), percent: t.municipality.journalPercent })),
      ),
      'Понизили / Подтвердили / Повысили по предметам и классам (муниципалитет)',
      height,
    ),
  ];
}
