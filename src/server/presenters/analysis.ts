import type { AnalysisResultRow, AnalysisRunRow } from '../../db/repositories/analysisRuns';
import type { AnalysisRun, AnalysisSchoolResult } from '../../shared/analysis';

const STATUSES = ['running', 'done', 'failed'] as const;

export function presentRun(r: AnalysisRunRow): AnalysisRun {
  return {
    id: r.id,
    municipalityId: r.municipalityId,
    procedure: r.procedure,
    q: r.q,
    supportQ: r.supportQ,
    years: r.years,
    engineVersion: r.engineVersion,
    trigger: r.trigger,
    status: STATUSES.find((s) => s === r.status) ?? 'failed',
    error: r.error,
    schools: r.schools,
    flagged: r.flagged,
    works: r.works,
    startedByLogin: r.startedByLogin,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

interface EvidenceLike {
  subject?: unknown;
  grade?: unknown;
  className?: unknown;
  title?: unknown;
  p?: unknown;
  n?: unknown;
  text?: unknown;
  causes?: unknown;
  sampleNote?: unknown;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

export function presentSchoolResult(row: {
  result: AnalysisResultRow;
  orgName: string;
}): AnalysisSchoolResult {
  const r = row.result;
  return {
    orgId: r.orgId,
    orgName: row.orgName,
    schoolLogin: r.schoolLogin,
    year: r.year,
    p: r.p,
    score: r.score,
    q: r.qValue,
    flagged: r.flagged,
    supportList: r.supportList,
    yearsInRow: r.yearsInRow,
    tests: r.tests,
    summary: r.dossier.summary,
    evidence: r.dossier.evidence.map((raw) => {
      const e = (raw ?? {}) as EvidenceLike;
      return {
        subject: str(e.subject),
        grade: num(e.grade),
        className: typeof e.className === 'string' ? e.className : null,
        title: str(e.title),
        p: num(e.p),
        n: num(e.n),
        text: str(e.text),
        causes: str(e.causes),
        sampleNote: typeof e.sampleNote === 'string' ? e.sampleNote : null,
      };
    }),
    caveats: r.dossier.caveats,
  };
}
