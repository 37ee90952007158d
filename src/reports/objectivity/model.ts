import type { IndicatorId } from '../../core/analytics/indicators/result';
import type { Figures, LevelFigure } from '../../core/objectivity/figures';

/**
 * What the analytical report («аналитическая справка») on the objectivity of results is built
 * from: the stored analysis run, its school-year results with the dossier, and the standard
 * figures of each test (school, municipality, region). Everything here is read from stored data;
 * the builders only format it.
 */

export interface ReportRun {
  id: number;
  procedure: string;
  q: number;
  supportQ: number;
  engineVersion: string;
  /** ISO date-time of the end of the run. */
  finishedAt: string | null;
  /** Years analysed, works and schools in the run (all years). */
  years: number[];
  works: number;
  schools: number;
  /** What the run left out («Не вошли в анализ: …»), or null. */
  notes: string | null;
}

export interface ReportEvidence {
  subject: string;
  grade: number;
  /** The class of a class-level indicator; null for the whole school. */
  className: string | null;
  indicator: IndicatorId;
  title: string;
  p: number;
  n: number;
  /** Effect in plain Russian. */
  text: string;
  /** Possible causes (never proof). */
  causes: string;
  sampleNote: string | null;
}

/** One school-year of the run (table analysis_results). */
export interface ReportSchoolResult {
  orgId: number;
  name: string;
  login: string;
  p: number;
  q: number;
  flagged: boolean;
  supportList: boolean;
  yearsInRow: number;
  tests: number;
  summary: string;
  evidence: ReportEvidence[];
  caveats: string[];
}

/** The ФИС ОКО standard figures of one level (school, municipality, region) of one test. */
export interface LevelFigures {
  /** Works written. */
  participants: number;
  /** % of marks 2, 3, 4, 5 (null without marks). */
  markPercent: readonly [number, number, number, number] | null;
  successRate: number | null;
  qualityRate: number | null;
  meanMark: number | null;
  /** Понизили / Подтвердили / Повысили, % (null without journal marks). */
  journalPercent: readonly [number, number, number] | null;
  /** Works with both a ВПР and a journal mark (null where only shares are known: the region). */
  pairs: number | null;
}

/** One test (subject × grade) of the report year. */
export interface ReportTest {
  /** Subject name in Russian. */
  subject: string;
  grade: number;
  /** Schools of the municipality that wrote it. */
  schools: number;
  municipality: LevelFigures;
  /** The school's level (school report only). */
  school: LevelFigures | null;
  /** Null when no regional data were imported. */
  region: LevelFigures | null;
  /** «Трудные лучше лёгких» for the school (school report only; null when unknown). */
  hardBeatsEasy: boolean | null;
  /**
   * The full stored figures behind the school card's charts (school report only): the school's
   * histogram and task levels, the municipality's and the region's task levels.
   */
  detail: {
    school: Figures;
    municipality: Figures;
    regionLevels: readonly LevelFigure[] | null;
  } | null;
}

interface Common {
  municipalityName: string;
  year: number;
  /** ISO date of the report. */
  today: string;
  run: ReportRun;
  tests: ReportTest[];
  /** Where the figures of the tests come from (shown under the tables). */
  figuresSource: string;
}

export interface DistrictReportData extends Common {
  /** Every school-year of the report year in the run. */
  results: ReportSchoolResult[];
}

export interface SchoolReportData extends Common {
  school: { name: string; fullName: string; login: string };
  /** The school's school-year, or null when the run has none for it. */
  result: ReportSchoolResult | null;
}

export const formatDateRu = (iso: string) => iso.slice(0, 10).split('-').reverse().join('.');
export const formatNumber = (x: number, digits = 1) =>
  x.toLocaleString('ru-RU', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
export const formatPercent = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${formatNumber(x)}%`;
export const PROCEDURE_LABELS: Record<string, string> = {
  vpr: 'Всероссийские проверочные работы (ВПР)',
  oge: 'ОГЭ',
  ege: 'ЕГЭ',
};
