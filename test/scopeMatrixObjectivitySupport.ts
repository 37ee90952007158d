import type { Target, TargetRecords } from './scopeWorld';

/**
 * Scope-matrix cases of the support part of «Объективность результатов»: the targeted support
 * programme (created as a district plan of the municipality's ИМЦ — the plans cases build one
 * per municipality) and the external vs internal comparison of one school. Merged into
 * test/scopeMatrix.test.ts.
 *
 * `objectivity.support` = `plan.manage` on the district body plus `objectivity.read` on the
 * chosen school: district staff of the school's municipality only (a school administrator holds
 * both for its own school but cannot manage the district's plan).
 */
const A: readonly Target[] = ['A1', 'A2'];

export const OBJECTIVITY_SUPPORT_REACH: Record<string, Record<string, readonly Target[]>> = {
  districtAdminA: { 'objectivity.read': A, 'objectivity.support': A },
  specialistA: { 'objectivity.read': A, 'objectivity.support': A },
  schoolAdminA1: { 'objectivity.read': ['A1'] },
  expertA: { 'objectivity.read': ['A2'] },
  readonlyA: { 'objectivity.read': A },
  districtAdminB: { 'objectivity.read': ['B1'], 'objectivity.support': ['B1'] },
};

interface Call {
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
}
interface SupportCase {
  kind: 'target';
  permission: string;
  call(t: TargetRecords): Call;
}

export const OBJECTIVITY_SUPPORT_CASES: Record<string, SupportCase> = {
  'POST /api/objectivity/support-programme': {
    kind: 'target',
    permission: 'objectivity.support',
    call: (t) => ({
      method: 'POST',
      url: '/api/objectivity/support-programme',
      body: { orgIds: [t.orgId], year: 2025 },
    }),
  },
  'GET /api/objectivity/compare': {
    kind: 'target',
    permission: 'objectivity.read',
    call: (t) => ({ method: 'GET', url: `/api/objectivity/compare?orgId=${t.orgId}` }),
  },
};
