import { findOrgsByIds } from '../src/db/repositories/organisations';
import type { TestContext } from './app';
import { multipart } from './multipart';
import type { TargetRecords } from './scopeWorld';

/**
 * Scope-matrix cases of the observation marks (общественное наблюдение). Every target school has
 * ВПР 2023 Mathematics grade 4 results (scopeMatrixResults.ts), so each appears in the list of
 * administrations of those who reach it. Changes alternate «да»/«нет» so each call changes a mark.
 */
interface Call {
  method: 'GET' | 'PUT' | 'POST';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}
interface ObserveTargetCase {
  kind: 'target';
  permission: string;
  call(t: TargetRecords, seq: number): Call | Promise<Call>;
}
interface ObserveListCase {
  kind: 'list';
  permission: string;
  url: string;
  orgIds(data: unknown): (number | null)[];
}

const A = ['A1', 'A2'] as const;
export const OBSERVE_REACH = {
  districtAdminA: { 'objectivity.read': A, 'objectivity.manage': A },
  specialistA: { 'objectivity.read': A, 'objectivity.manage': A },
  schoolAdminA1: { 'objectivity.read': ['A1'] },
  expertA: { 'objectivity.read': ['A2'] },
  readonlyA: { 'objectivity.read': A },
  districtAdminB: { 'objectivity.read': ['B1'], 'objectivity.manage': ['B1'] },
} as const;

const HEADER = 'Логин ОО;Год;Предмет;Параллель;Общественное наблюдение';

export function observeCases(
  ctx: () => TestContext,
): Record<string, ObserveTargetCase | ObserveListCase> {
  return {
    'GET /api/objectivity/observations': {
      kind: 'list',
      permission: 'objectivity.read',
      url: '/api/objectivity/observations',
      orgIds: (d) => (d as { rows: { orgId: number }[] }).rows.map((r) => r.orgId),
    },
    'PUT /api/objectivity/observations': {
      kind: 'target',
      permission: 'objectivity.manage',
      call: (t, seq) => ({
        method: 'PUT',
        url: '/api/objectivity/observations',
        body: {
          items: [
            { orgId: t.orgId, year: 2023, subject: 'math', grade: 4, observed: seq % 2 === 0 },
          ],
        },
      }),
    },
    'POST /api/objectivity/observations/import': {
      kind: 'target',
      permission: 'objectivity.manage',
      call: async (t, seq) => {
        const [org] = await findOrgsByIds(ctx().database.db, [t.orgId]);
        const value = seq % 2 === 0 ? 'да' : 'нет';
        const form = multipart(
          {},
          {
            name: `obs-${seq}.csv`,
            type: 'text/csv',
            content: `${HEADER}\n${org?.fisLogin};2023;Математика;4;${value}\n`,
          },
        );
        return {
          method: 'POST',
          url: '/api/objectivity/observations/import',
          body: form.payload,
          headers: form.headers,
        };
      },
    },
    'GET /api/objectivity/observations/export': {
      kind: 'target',
      permission: 'objectivity.read',
      // The export is of the caller's whole scope; filtered by a school outside it, it is refused.
      call: (t) => ({
        method: 'GET',
        url: `/api/objectivity/observations/export?orgId=${t.orgId}`,
      }),
    },
    'GET /api/objectivity/schools/:orgId/observed': {
      kind: 'target',
      permission: 'objectivity.read',
      call: (t) => ({ method: 'GET', url: `/api/objectivity/schools/${t.orgId}/observed` }),
    },
  };
}
