import type { TargetRecords } from './scopeWorld';

/**
 * Scope-matrix cases of the аналитическая справка on the objectivity of results. The results
 * seeded for the matrix re-run the analysis of each municipality, so every target has a run.
 * The district справка is reached per municipality (`objectivity.report.district`: district staff
 * of that municipality only, never a school or an expert); the school справка follows
 * `objectivity.read` (a school user only its own school, an expert the supervised schools).
 */
interface Call {
  method: 'GET';
  url: string;
}
interface ReportCase {
  kind: 'target';
  permission: string;
  call(t: TargetRecords): Call;
}

const A = ['A1', 'A2'] as const;

export const OBJECTIVITY_REPORT_REACH = {
  districtAdminA: { 'objectivity.read': A, 'objectivity.report.district': A },
  specialistA: { 'objectivity.read': A, 'objectivity.report.district': A },
  schoolAdminA1: { 'objectivity.read': ['A1'] },
  expertA: { 'objectivity.read': ['A2'] },
  readonlyA: { 'objectivity.read': A, 'objectivity.report.district': A },
  districtAdminB: { 'objectivity.read': ['B1'], 'objectivity.report.district': ['B1'] },
} as const;

export function objectivityReportCases(): Record<string, ReportCase> {
  const cases: Record<string, ReportCase> = {};
  for (const format of ['docx', 'pdf'] as const) {
    cases[`GET /api/objectivity/report.${format}`] = {
      kind: 'target',
      permission: 'objectivity.report.district',
      call: (t) => ({
        method: 'GET',
        url: `/api/objectivity/report.${format}?municipalityId=${t.municipalityId}`,
      }),
    };
    cases[`GET /api/objectivity/schools/:orgId/report.${format}`] = {
      kind: 'target',
      permission: 'objectivity.read',
      call: (t) => ({ method: 'GET', url: `/api/objectivity/schools/${t.orgId}/report.${format}` }),
    };
  }
  return cases;
}
