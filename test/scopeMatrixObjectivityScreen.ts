import { SYSTEM_ACTOR } from '../src/core/access/actor';
import { findOrgsByIds } from '../src/db/repositories/organisations';
import type { TestContext } from './app';
import { multipart } from './multipart';
import type { ScopeWorld, TargetRecords } from './scopeWorld';

/**
 * Scope-matrix cases of the district screen «Объективность результатов», the official lists and
 * due process. Before the matrix runs every target school is put on the federal list of 2023
 * (so that its school may explain) and gets one explanation with a file.
 */
interface Call {
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}
type ObjectivityCase =
  | { kind: 'target'; permission: string; call(t: TargetRecords): Call | Promise<Call> }
  | { kind: 'list'; permission: string; url: string; orgIds(data: unknown): (number | null)[] };

const YEAR = 2023;
const A = ['A1', 'A2'] as const;

export const OBJECTIVITY_SCREEN_REACH = {
  districtAdminA: {
    'objectivity.read': A,
    'objectivity.manage': A,
    'objectivity.decide': A,
  },
  specialistA: { 'objectivity.read': A, 'objectivity.manage': A, 'objectivity.decide': A },
  schoolAdminA1: { 'objectivity.read': ['A1'], 'objectivity.explain': ['A1'] },
  expertA: { 'objectivity.read': ['A2'] },
  readonlyA: { 'objectivity.read': A },
  districtAdminB: {
    'objectivity.read': ['B1'],
    'objectivity.manage': ['B1'],
    'objectivity.decide': ['B1'],
  },
} as const;

const loginOf = async (ctx: TestContext, orgId: number) =>
  (await findOrgsByIds(ctx.database.db, [orgId]))[0]?.fisLogin ?? '';

const federalFile = (rows: { login: string; name: string }[]) =>
  Buffer.from(
    [
      'Год;Логин;Муниципалитет;ОО;4 РУ;4 МА;5 РУ;5 МА;Количество маркеров',
      ...rows.map((r) => `${YEAR};${r.login};Район;${r.name};1;0;0;0;1`),
    ].join('\n'),
  );

/** Explanation ids (with a file) by target school. */
const explanations = new Map<number, number>();

export async function prepareObjectivityScreenScope(ctx: TestContext, world: ScopeWorld) {
  const targets = Object.values(world.targets);
  const rows = await Promise.all(
    targets.map(async (t) => ({ login: await loginOf(ctx, t.orgId), name: 'Школа' })),
  );
  // One file for the region: each municipality keeps the rows of its own schools.
  for (const municipalityId of new Set(targets.map((t) => t.municipalityId)))
    await ctx.services.officialLists.import(
      SYSTEM_ACTOR,
      'federal',
      { fileName: 'federal.csv', bytes: federalFile(rows) },
      municipalityId,
    );
  for (const t of targets) {
    const e = await ctx.services.dueProcess.explain(
      SYSTEM_ACTOR,
      t.orgId,
      { year: YEAR, text: 'Пояснение для матрицы доступа' },
      { fileName: 'poyasnenie.txt', mimeType: 'text/plain', bytes: Buffer.from('Пояснение') },
    );
    explanations.set(t.orgId, e.id);
  }
}

export function objectivityScreenCases(
  ctx: () => TestContext,
  next: () => number,
): Record<string, ObjectivityCase> {
  return {
    'GET /api/objectivity/screen': {
      kind: 'list',
      permission: 'objectivity.read',
      url: `/api/objectivity/screen?year=${YEAR}`,
      orgIds: (d) => (d as { rows: { orgId: number }[] }).rows.map((r) => r.orgId),
    },
    'GET /api/objectivity/screen.xlsx': {
      kind: 'target',
      permission: 'objectivity.read',
      call: (t) => ({ method: 'GET', url: `/api/objectivity/screen.xlsx?orgId=${t.orgId}` }),
    },
    'GET /api/objectivity/lists': {
      kind: 'target',
      permission: 'objectivity.manage',
      call: (t) => ({
        method: 'GET',
        url: `/api/objectivity/lists?municipalityId=${t.municipalityId}`,
      }),
    },
    'POST /api/objectivity/lists': {
      kind: 'target',
      permission: 'objectivity.manage',
      call: async (t) => {
        const login = await loginOf(ctx(), t.orgId);
        const form = multipart(
          { list: 'shnor', municipalityId: t.municipalityId },
          {
            name: 'shnor.csv',
            type: 'text/csv',
            content: `Год;Логин;ОО;Основание\n${YEAR};${login};Школа;Основание ${next()}\n`,
          },
        );
        return {
          method: 'POST',
          url: '/api/objectivity/lists',
          body: form.payload,
          headers: form.headers,
        };
      },
    },
    'GET /api/objectivity/schools/:orgId/official-lists': {
      kind: 'target',
      permission: 'objectivity.read',
      call: (t) => ({ method: 'GET', url: `/api/objectivity/schools/${t.orgId}/official-lists` }),
    },
    'GET /api/objectivity/schools/:orgId/due-process': {
      kind: 'target',
      permission: 'objectivity.read',
      call: (t) => ({
        method: 'GET',
        url: `/api/objectivity/schools/${t.orgId}/due-process?year=${YEAR}`,
      }),
    },
    'POST /api/objectivity/schools/:orgId/explanations': {
      kind: 'target',
      permission: 'objectivity.explain',
      call: (t) => {
        const form = multipart({ year: YEAR, text: `Пояснение ${next()}` });
        return {
          method: 'POST',
          url: `/api/objectivity/schools/${t.orgId}/explanations`,
          body: form.payload,
          headers: form.headers,
        };
      },
    },
    'POST /api/objectivity/schools/:orgId/decisions': {
      kind: 'target',
      permission: 'objectivity.decide',
      call: (t) => ({
        method: 'POST',
        url: `/api/objectivity/schools/${t.orgId}/decisions`,
        body: { year: YEAR, decision: 'recheck', reason: `Основание ${next()}` },
      }),
    },
    'GET /api/objectivity/explanations/:id/file': {
      kind: 'target',
      permission: 'objectivity.read',
      call: (t) => ({
        method: 'GET',
        url: `/api/objectivity/explanations/${explanations.get(t.orgId)}/file`,
      }),
    },
  };
}
