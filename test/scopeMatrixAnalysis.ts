import { SYSTEM_ACTOR } from '../src/core/access/actor';
import type { TestContext } from './app';
import type { TargetRecords } from './scopeWorld';

/**
 * Scope-matrix cases of the stored analysis runs. The results seeded for the matrix re-run the
 * analysis of each municipality, so every target's municipality has runs; calls name the target
 * school with `orgId`, so a school outside the caller's reach answers 404.
 */
interface Call {
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
}
interface AnalysisCase {
  kind: 'target';
  permission: string;
  call(t: TargetRecords): Call | Promise<Call>;
}

async function latestRunId(ctx: TestContext, municipalityId: number): Promise<number> {
  const runs = await ctx.services.analysisRuns.list(SYSTEM_ACTOR);
  const run = runs.find((r) => r.municipalityId === municipalityId);
  if (!run) throw new Error(`no analysis run for municipality ${municipalityId}`);
  return run.id;
}

export const ANALYSIS_REACH = {
  districtAdminA: { 'analysis.read': ['A1', 'A2'], 'analysis.run': ['A1', 'A2'] },
  specialistA: { 'analysis.read': ['A1', 'A2'], 'analysis.run': ['A1', 'A2'] },
  schoolAdminA1: { 'analysis.read': ['A1'] },
  expertA: { 'analysis.read': ['A2'] },
  readonlyA: { 'analysis.read': ['A1', 'A2'] },
  districtAdminB: { 'analysis.read': ['B1'], 'analysis.run': ['B1'] },
} as const;

export function analysisCases(ctx: () => TestContext): Record<string, AnalysisCase> {
  return {
    'GET /api/analysis/runs': {
      kind: 'target',
      permission: 'analysis.read',
      call: (t) => ({ method: 'GET', url: `/api/analysis/runs?orgId=${t.orgId}` }),
    },
    'GET /api/analysis/runs/:id': {
      kind: 'target',
      permission: 'analysis.read',
      call: async (t) => ({
        method: 'GET',
        url: `/api/analysis/runs/${await latestRunId(ctx(), t.municipalityId)}?orgId=${t.orgId}`,
      }),
    },
    'POST /api/analysis/runs': {
      kind: 'target',
      permission: 'analysis.run',
      call: (t) => ({
        method: 'POST',
        url: '/api/analysis/runs',
        body: { municipalityId: t.municipalityId },
      }),
    },
  };
}
