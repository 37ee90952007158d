import { readFileSync } from 'node:fs';
import { multipart } from './multipart';
import type { TargetRecords } from './scopeWorld';

/**
 * Scope-matrix cases of the school card, the ФИС ОКО standard reports and the regional
 * aggregates. Calls name the target school (`orgId`) or its municipality; the results seeded for
 * the matrix give every municipality a stored run with figures.
 */
interface Call {
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}
interface CardCase {
  kind: 'target';
  permission: string;
  call(t: TargetRecords): Call;
}

export const OBJECTIVITY_CARD_REACH = {
  districtAdminA: { 'objectivity.read': ['A1', 'A2'], 'objectivity.manage': ['A1', 'A2'] },
  specialistA: { 'objectivity.read': ['A1', 'A2'], 'objectivity.manage': ['A1', 'A2'] },
  schoolAdminA1: { 'objectivity.read': ['A1'] },
  expertA: { 'objectivity.read': ['A2'] },
  readonlyA: { 'objectivity.read': ['A1', 'A2'] },
  districtAdminB: { 'objectivity.read': ['B1'], 'objectivity.manage': ['B1'] },
} as const;

const regionFile = () => readFileSync('test/fixtures/objectivity/region_aggregates_vpr.csv');

export const OBJECTIVITY_CARD_CASES: Record<string, CardCase> = {
  'GET /api/objectivity/schools/:orgId/card': {
    kind: 'target',
    permission: 'objectivity.read',
    call: (t) => ({ method: 'GET', url: `/api/objectivity/schools/${t.orgId}/card` }),
  },
  'GET /api/objectivity/reports': {
    kind: 'target',
    permission: 'objectivity.read',
    call: (t) => ({ method: 'GET', url: `/api/objectivity/reports?orgId=${t.orgId}` }),
  },
  'GET /api/objectivity/reports/xlsx': {
    kind: 'target',
    permission: 'objectivity.read',
    call: (t) => ({ method: 'GET', url: `/api/objectivity/reports/xlsx?orgId=${t.orgId}` }),
  },
  'GET /api/objectivity/region-aggregates': {
    kind: 'target',
    permission: 'objectivity.read',
    call: (t) => ({ method: 'GET', url: `/api/objectivity/region-aggregates?orgId=${t.orgId}` }),
  },
  'POST /api/objectivity/region-aggregates': {
    kind: 'target',
    permission: 'objectivity.manage',
    call: (t) => {
      const form = multipart(
        { municipalityId: t.municipalityId },
        { name: 'region.csv', type: 'text/csv', content: regionFile() },
      );
      return {
        method: 'POST',
        url: '/api/objectivity/region-aggregates',
        body: form.payload,
        headers: form.headers,
      };
    },
  },
};
