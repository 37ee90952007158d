import type { ScoreLevel } from '../../core/monitoring/scoring';
import type { ScreenRow } from '../../core/monitoring/screen';

/** What the monitoring screen, its XLSX export and the analytical report show. */
export interface ScreenData {
  campaign: {
    id: number;
    title: string;
    statusLabel: string;
    academicYearName: string;
    regulation: string | null;
    startsOn: string;
    selfReportDue: string;
    expertDue: string;
    templateTitle: string;
    templateVersion: number;
  };
  municipalityName: string;
  previousTitle: string | null;
  indicators: {
    key: string;
    title: string;
    sectionKey: string;
    sectionTitle: string;
    weight: number;
    scored: boolean;
  }[];
  sections: { key: string; title: string }[];
  rows: (ScreenRow & { level: ScoreLevel; sectionPercents: Record<string, number | null> })[];
  totals: {
    schools: number;
    selfSubmitted: number;
    cardsFinal: number;
    averagePercent: number | null;
    previousAverage: number | null;
  };
}

export const SOURCE_LABELS = { expert: 'эксперт', self: 'самооценка ОО', none: '—' } as const;

export const formatPercent = (p: number | null) =>
  p === null ? '—' : `${p.toLocaleString('ru-RU', { maximumFractionDigits: 1 })}%`;
export const formatDelta = (d: number | null) =>
  d === null
    ? '—'
    : `${d > 0 ? '+' : ''}${d.toLocaleString('ru-RU', { maximumFractionDigits: 1 })}`;
export const formatDateRu = (iso: string) => iso.split('-').reverse().join('.');
