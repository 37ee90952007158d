/**
 * Rows of the district screen «Объективность результатов» from stored results (pure): risk level,
 * indicators that fired (nominal p ≤ 0.05, as in the dossier), works, official-list markers and
 * due-process status; then filters by subject / grade, search and sorting.
 */
import { eq as pText, INDICATOR_TITLES, works as worksText } from '../analytics/dossier';
import type { IndicatorId } from '../analytics/indicators/result';
import {
  DUE_PROCESS_LABELS,
  dueProcessStatus,
  type Decision,
  type DueProcessStatus,
} from './dueProcess';
import { RISK_LABELS, RISK_ORDER, riskLevel, type RiskLevel } from './risk';

/** What the screen reads of a stored school-year result: compact evidence, no chart data. */
export interface ScreenResult {
  flagged: boolean;
  supportList: boolean;
  p: number;
  q: number;
  yearsInRow: number;
  evidence: {
    subject: string;
    grade: number;
    /** The class of a class-level indicator (absent in runs before engine 1.1). */
    className?: string | null;
    indicator: string;
    p: number;
    n: number;
  }[];
  units: { subject: string; grade: number; works: number }[] | null;
}

export interface RawScreenRow {
  orgId: number;
  name: string;
  login: string | null;
  result: ScreenResult | null;
  federal: {
    markers: { r4: number; m4: number; r5: number; m5: number } | null;
    total: number | null;
  } | null;
  shnor: { note: string | null } | null;
  lastExplanationAt: Date | null;
  lastDecision: { decision: Decision; at: Date } | null;
}

export interface ScreenIndicator {
  indicator: string;
  title: string;
  details: string[];
  minP: number;
}

export interface ScreenRowOut {
  orgId: number;
  name: string;
  login: string | null;
  risk: RiskLevel;
  riskLabel: string;
  p: number | null;
  q: number | null;
  indicators: ScreenIndicator[];
  n: number | null;
  yearsInRow: number;
  federal: { r4: number; m4: number; r5: number; m5: number; total: number } | null;
  shnor: { note: string | null } | null;
  dueStatus: DueProcessStatus;
  dueStatusLabel: string;
}

export interface ScreenFilter {
  subject?: string | undefined;
  grade?: number | undefined;
  search?: string | undefined;
  sort?: 'risk' | 'name' | 'n' | 'yearsInRow' | 'markers' | 'p' | undefined;
  desc?: boolean | undefined;
}

/** Federal marker columns that belong to a subject / grade filter (4 РУ … 5 МА). */
function federalMatches(f: ScreenFilter, m: { r4: number; m4: number; r5: number; m5: number }) {
  const cells = [
    { subject: 'Русский язык', grade: 4, v: m.r4 },
    { subject: 'Математика', grade: 4, v: m.m4 },
    { subject: 'Русский язык', grade: 5, v: m.r5 },
    { subject: 'Математика', grade: 5, v: m.m5 },
  ];
  return cells.some(
    (c) =>
      c.v > 0 &&
      (f.subject === undefined || c.subject === f.subject) &&
      (f.grade === undefined || c.grade === f.grade),
  );
}

const indicatorTitle = (id: string) => INDICATOR_TITLES[id as IndicatorId] ?? id;

export function buildScreenRows(raw: readonly RawScreenRow[], f: ScreenFilter): ScreenRowOut[] {
  const narrowed = f.subject !== undefined || f.grade !== undefined;
  const matches = (u: { subject: string; grade: number }) =>
    (f.subject === undefined || u.subject === f.subject) &&
    (f.grade === undefined || u.grade === f.grade);
  const out: ScreenRowOut[] = [];
  for (const r of raw) {
    const res = r.result;
    const evidence = (res?.evidence ?? []).filter(matches);
    const units = res?.units ? res.units.filter(matches) : null;
    const federal =
      r.federal?.markers && r.federal.total !== null
        ? { ...r.federal.markers, total: r.federal.total }
        : null;
    if (narrowed) {
      // A subject / grade filter keeps the schools with works, signs or federal markers there.
      const hasWorks = units ? units.length > 0 : evidence.length > 0;
      if (!hasWorks && !(federal && federalMatches(f, federal))) continue;
    }
    const byIndicator = new Map<string, ScreenIndicator>();
    for (const e of [...evidence].sort((a, b) => a.p - b.p)) {
      const item = byIndicator.get(e.indicator) ?? {
        indicator: e.indicator,
        title: indicatorTitle(e.indicator),
        details: [],
        minP: e.p,
      };
      const where = `${e.subject}, ${e.grade} класс${e.className ? `, ${e.className}` : ''}`;
      item.details.push(`${where}: ${pText('p', e.p)}, ${worksText(e.n)}`);
      item.minP = Math.min(item.minP, e.p);
      byIndicator.set(e.indicator, item);
    }
    const risk = riskLevel(res);
    const status = dueProcessStatus(r.lastExplanationAt, r.lastDecision);
    out.push({
      orgId: r.orgId,
      name: r.name,
      login: r.login,
      risk,
      riskLabel: RISK_LABELS[risk],
      p: res?.p ?? null,
      q: res?.q ?? null,
      indicators: [...byIndicator.values()],
      n: units ? units.reduce((s, u) => s + u.works, 0) : null,
      yearsInRow: res?.yearsInRow ?? 0,
      federal,
      shnor: r.shnor,
      dueStatus: status,
      dueStatusLabel: DUE_PROCESS_LABELS[status],
    });
  }
  const search = f.search?.trim().toLowerCase();
  const found = search
    ? out.filter(
        (r) =>
          r.name.toLowerCase().includes(search) || (r.login ?? '').toLowerCase().includes(search),
      )
    : out;
  return sortRows(found, f.sort ?? 'risk', f.desc ?? false);
}

function sortRows(rows: ScreenRowOut[], sort: NonNullable<ScreenFilter['sort']>, desc: boolean) {
  const byName = (a: ScreenRowOut, b: ScreenRowOut) => a.name.localeCompare(b.name, 'ru');
  const key: Record<typeof sort, (r: ScreenRowOut) => number> = {
    risk: (r) => RISK_ORDER[r.risk] * 10 + (r.p === null ? 2 : r.p),
    name: () => 0,
    n: (r) => r.n ?? -1,
    yearsInRow: (r) => r.yearsInRow,
    markers: (r) => r.federal?.total ?? 0,
    p: (r) => r.p ?? 2,
  };
  const k = key[sort];
  const sign = desc ? -1 : 1;
  return [...rows].sort((a, b) => sign * (k(a) - k(b) || byName(a, b)));
}
