/**
 * The role × route × scope matrix. Every API route is called by every role against records of
 * its own school, another school of its municipality and a school of another municipality. The
 * expected reach is written out by hand from docs/permissions.md; the test fails when a route
 * is missing from the table, when a role reaches a record it must not, or when it is refused a
 * record it may use.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, signIn, type Client, type TestContext } from './app';
import { PASSWORD } from './factories';
import { MONITORING_CASES, prepareMonitoringScope, SCHEDULE_CASES } from './monitoringScope';
import { multipart } from './multipart';
import { buildPlanRecords, PLAN_CASES, PLAN_REACH } from './scopeMatrixPlans';
import {
  ACTORS,
  buildScopeWorld,
  TARGETS,
  type ActorName,
  type ScopeWorld,
  type Target,
  type TargetRecords,
} from './scopeWorld';
import { resultCases, seedResults, type ResultFixtures } from './scopeMatrixResults';
import { ANALYSIS_REACH, analysisCases } from './scopeMatrixAnalysis';
import { OBJECTIVITY_REPORT_REACH, objectivityReportCases } from './scopeMatrixObjectivityReport';
import { OBJECTIVITY_CARD_CASES, OBJECTIVITY_CARD_REACH } from './scopeMatrixObjectivityCard';
import { OBSERVE_REACH, observeCases } from './scopeMatrixObjectivityObserve';
import {
  OBJECTIVITY_SCREEN_REACH,
  objectivityScreenCases,
  prepareObjectivityScreenScope,
} from './scopeMatrixObjectivityScreen';
import {
  OBJECTIVITY_SUPPORT_CASES,
  OBJECTIVITY_SUPPORT_REACH,
} from './scopeMatrixObjectivitySupport';

type Reach = readonly Target[];
const NONE: Reach = [];
const A: Reach = ['A1', 'A2'];

/** What each actor reaches, per permission, in the scope world (hand-derived). */
const REACH: Record<ActorName, Record<string, Reach>> = {
  districtAdminA: {
    'schedule.read': A,
    'schedule.manage': A,
    'monitoring.read': A,
    'monitoring.manage': A,
    'org.read': A,
    'org.manage': A,
    'class.read': A,
    'class.manage': A,
    'student.read': A,
    'student.manage': A,
    'user.read': A,
    'user.manage': A,
    'expertGroup.read': A,
    'expertGroup.manage': A,
    'document.read': A,
    'document.manage': A,
    'audit.read': A,
    'reference.manage': TARGETS,
    'result.read': A,
    'result.import': A,
    'catalog.manage': TARGETS,
  },
  specialistA: {
    'schedule.read': A,
    'monitoring.read': A,
    'monitoring.manage': A,
    'org.read': A,
    'class.read': A,
    'student.read': A,
    'expertGroup.read': A,
    'expertGroup.manage': A,
    'document.read': A,
    'document.manage': A,
    'result.read': A,
    'result.import': A,
  },
  schoolAdminA1: {
    'schedule.read': ['A1'],
    'schedule.manage': ['A1'],
    'monitoring.read': ['A1'],
    'monitoring.respond': ['A1'],
    'org.read': ['A1'],
    'class.read': ['A1'],
    'class.manage': ['A1'],
    'student.read': ['A1'],
    'student.manage': ['A1'],
    'user.read': ['A1'],
    'user.manage': ['A1'],
    'document.read': ['A1'],
    'document.manage': ['A1'],
    'audit.read': ['A1'],
    'result.read': ['A1'],
    'result.import': ['A1'],
  },
  // Works at A1; the group supervises A1 and A2, but an expert never reaches their own school.
  expertA: {
    'schedule.read': ['A2'],
    'monitoring.read': ['A2'],
    'monitoring.assess': ['A2'],
    'org.read': ['A2'],
    'class.read': ['A2'],
    'document.read': ['A2'],
    // The group itself is visible to its member (groups are municipality-level records).
    'expertGroup.read': A,
    'result.read': ['A2'],
  },
  observerA2: { 'org.read': ['A2'], 'document.read': ['A2'] },
  teacherA1: {
    'schedule.read': ['A1'],
    'org.read': ['A1'],
    'class.read': ['A1'],
    'student.read': ['A1'],
    'document.read': ['A1'],
    'result.read': ['A1'],
  },
  readonlyA: {
    'org.read': A,
    'class.read': A,
    'expertGroup.read': A,
    'document.read': A,
    'result.read': A,
    'schedule.read': A,
    'monitoring.read': A,
  },
  districtAdminB: {
    'schedule.read': ['B1'],
    'schedule.manage': ['B1'],
    'monitoring.read': ['B1'],
    'monitoring.manage': ['B1'],
    'org.read': ['B1'],
    'org.manage': ['B1'],
    'class.read': ['B1'],
    'class.manage': ['B1'],
    'student.read': ['B1'],
    'student.manage': ['B1'],
    'user.read': ['B1'],
    'user.manage': ['B1'],
    'expertGroup.read': ['B1'],
    'expertGroup.manage': ['B1'],
    'document.read': ['B1'],
    'document.manage': ['B1'],
    'audit.read': ['B1'],
    'reference.manage': TARGETS,
    'result.read': ['B1'],
    'result.import': ['B1'],
    'catalog.manage': TARGETS,
  },
};

for (const actor of Object.keys(REACH) as ActorName[])
  Object.assign(REACH[actor], PLAN_REACH[actor]);
for (const [actor, reach] of Object.entries(ANALYSIS_REACH))
  Object.assign(REACH[actor as ActorName], reach);
for (const [actor, reach] of Object.entries(OBJECTIVITY_REPORT_REACH))
  Object.assign(REACH[actor as ActorName], reach);
for (const [actor, reach] of Object.entries(OBJECTIVITY_CARD_REACH))
  Object.assign(REACH[actor as ActorName], reach);
for (const [actor, reach] of Object.entries(OBSERVE_REACH))
  Object.assign(REACH[actor as ActorName], reach);
for (const [actor, reach] of Object.entries(OBJECTIVITY_SCREEN_REACH))
  Object.assign(REACH[actor as ActorName], reach);
for (const [actor, reach] of Object.entries(OBJECTIVITY_SUPPORT_REACH))
  Object.assign(REACH[actor as ActorName], reach);

const reaches = (actor: ActorName, permission: string, target: Target) =>
  (REACH[actor][permission] ?? NONE).includes(target);

interface Call {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

interface TargetCase {
  kind: 'target';
  /** Permission that decides access; reads of out-of-scope records must answer 404. */
  permission: string;
  call(t: TargetRecords, seq: number, world: ScopeWorld): Call | Promise<Call>;
}
interface ListCase {
  kind: 'list';
  permission: string;
  url: string;
  /** Organisation ids of the returned items. */
  orgIds(data: unknown): (number | null)[];
}
interface OpenCase {
  /** Any signed-in user (own session), or anyone (public). */
  kind: 'self' | 'public';
  call(): Call;
}
type Case = TargetCase | ListCase | OpenCase;

let seq = 0;
let yearSeq = 0;
const RESULT_CASES = resultCases(
  () => ctx,
  () => results,
  () => ++seq,
);
const CASES: Record<string, Case> = {
  'GET /api/meta': { kind: 'public', call: () => ({ method: 'GET', url: '/api/meta' }) },
  'POST /api/setup': {
    kind: 'public',
    call: () => ({ method: 'POST', url: '/api/setup', body: { setupToken: 'x' } }),
  },
  'POST /api/auth/login': {
    kind: 'public',
    call: () => ({ method: 'POST', url: '/api/auth/login', body: { login: 'x', password: 'y' } }),
  },
  'POST /api/auth/logout': {
    kind: 'public',
    call: () => ({ method: 'POST', url: '/api/auth/logout' }),
  },
  'GET /api/auth/session': {
    kind: 'self',
    call: () => ({ method: 'GET', url: '/api/auth/session' }),
  },
  'POST /api/auth/password': {
    kind: 'self',
    call: () => ({
      method: 'POST',
      url: '/api/auth/password',
      body: { currentPassword: 'not-the-password', newPassword: 'something-new' },
    }),
  },
  'GET /api/reference': { kind: 'self', call: () => ({ method: 'GET', url: '/api/reference' }) },
  'POST /api/reference/academic-years': {
    kind: 'target',
    permission: 'reference.manage',
    call: () => ({
      method: 'POST',
      url: '/api/reference/academic-years',
      body: { startYear: 2030 + ++yearSeq, isCurrent: false },
    }),
  },
  'GET /api/orgs': {
    kind: 'list',
    permission: 'org.read',
    url: '/api/orgs?pageSize=500',
    orgIds: (d) => (d as { items: { id: number }[] }).items.map((o) => o.id),
  },
  'GET /api/orgs/:id': {
    kind: 'target',
    permission: 'org.read',
    call: (t) => ({ method: 'GET', url: `/api/orgs/${t.orgId}` }),
  },
  'POST /api/orgs': {
    kind: 'target',
    permission: 'org.manage',
    call: (t) => ({
      method: 'POST',
      url: '/api/orgs',
      body: {
        municipalityId: t.municipalityId,
        kind: 'school',
        fullName: `Школа М${++seq}`,
        shortName: `М${seq}`,
      },
    }),
  },
  'PATCH /api/orgs/:id': {
    kind: 'target',
    permission: 'org.manage',
    call: (t) => ({ method: 'PATCH', url: `/api/orgs/${t.orgId}`, body: { phone: `+7 ${++seq}` } }),
  },
  'GET /api/orgs/:id/classes': {
    kind: 'target',
    permission: 'class.read',
    call: (t) => ({ method: 'GET', url: `/api/orgs/${t.orgId}/classes` }),
  },
  'POST /api/orgs/:id/classes': {
    kind: 'target',
    permission: 'class.manage',
    call: (t, _s, w) => ({
      method: 'POST',
      url: `/api/orgs/${t.orgId}/classes`,
      body: { academicYearId: w.academicYearId, parallel: 7, letter: `Л${++seq}` },
    }),
  },
  'PATCH /api/classes/:id': {
    kind: 'target',
    permission: 'class.manage',
    call: (t) => ({
      method: 'PATCH',
      url: `/api/classes/${t.classId}`,
      body: { profile: `профиль ${++seq}` },
    }),
  },
  'DELETE /api/classes/:id': {
    kind: 'target',
    permission: 'class.manage',
    // A disposable empty class of the target school, created by the system for each call.
    call: async (t, _s, w) => ({
      method: 'DELETE',
      url: `/api/classes/${await disposableClass(t.orgId, w.academicYearId)}`,
    }),
  },
  'GET /api/orgs/:id/students': {
    kind: 'target',
    permission: 'student.read',
    call: (t) => ({ method: 'GET', url: `/api/orgs/${t.orgId}/students` }),
  },
  'POST /api/orgs/:id/students': {
    kind: 'target',
    permission: 'student.manage',
    call: (t) => ({
      method: 'POST',
      url: `/api/orgs/${t.orgId}/students`,
      body: { codes: [`S-${++seq}`] },
    }),
  },
  'GET /api/users': {
    kind: 'list',
    permission: 'user.read',
    url: '/api/users?pageSize=500',
    orgIds: (d) =>
      (d as { items: { workplaceOrgId: number | null }[] }).items.map((u) => u.workplaceOrgId),
  },
  'GET /api/users/:id': {
    kind: 'target',
    permission: 'user.read',
    call: (t) => ({ method: 'GET', url: `/api/users/${t.teacherId}` }),
  },
  'POST /api/users': {
    kind: 'target',
    permission: 'user.manage',
    call: (t) => ({
      method: 'POST',
      url: '/api/users',
      body: {
        login: `new-user-${++seq}`,
        fullName: `Новый пользователь ${seq}`,
        municipalityId: t.municipalityId,
        workplaceOrgId: t.orgId,
        password: 'temporary-pass',
        assignments: [
          {
            role: 'teacher',
            scopeKind: 'school',
            municipalityId: t.municipalityId,
            orgIds: [t.orgId],
          },
        ],
      },
    }),
  },
  'PATCH /api/users/:id': {
    kind: 'target',
    permission: 'user.manage',
    call: (t) => ({
      method: 'PATCH',
      url: `/api/users/${t.teacherId}`,
      body: { position: `Учитель ${++seq}` },
    }),
  },
  'PUT /api/users/:id/assignments': {
    kind: 'target',
    permission: 'user.manage',
    call: (t) => ({
      method: 'PUT',
      url: `/api/users/${t.teacherId}/assignments`,
      body: {
        assignments: [
          {
            role: 'teacher',
            scopeKind: 'school',
            municipalityId: t.municipalityId,
            orgIds: [t.orgId],
          },
        ],
      },
    }),
  },
  'POST /api/users/:id/password': {
    kind: 'target',
    permission: 'user.manage',
    call: (t) => ({
      method: 'POST',
      url: `/api/users/${t.teacherId}/password`,
      body: { password: `new-pass-${++seq}` },
    }),
  },
  'GET /api/expert-groups': {
    kind: 'list',
    permission: 'expertGroup.read',
    url: '/api/expert-groups',
    orgIds: (d) =>
      (d as { schools: { orgId: number }[] }[]).flatMap((g) => g.schools.map((s) => s.orgId)),
  },
  'GET /api/expert-groups/candidates': {
    kind: 'target',
    permission: 'expertGroup.manage',
    call: (t) => ({
      method: 'GET',
      url: `/api/expert-groups/candidates?municipalityId=${t.municipalityId}`,
    }),
  },
  'GET /api/expert-groups/:id': {
    kind: 'target',
    permission: 'expertGroup.read',
    call: (t) => ({ method: 'GET', url: `/api/expert-groups/${t.expertGroupId}` }),
  },
  'POST /api/expert-groups': {
    kind: 'target',
    permission: 'expertGroup.manage',
    call: (t) => ({
      method: 'POST',
      url: '/api/expert-groups',
      body: { municipalityId: t.municipalityId, name: `Группа ${++seq}`, schoolOrgIds: [t.orgId] },
    }),
  },
  'PATCH /api/expert-groups/:id': {
    kind: 'target',
    permission: 'expertGroup.manage',
    call: (t) => ({
      method: 'PATCH',
      url: `/api/expert-groups/${t.expertGroupId}`,
      body: { description: `Описание ${++seq}` },
    }),
  },
  'GET /api/documents': {
    kind: 'list',
    permission: 'document.read',
    url: '/api/documents',
    orgIds: (d) => (d as { orgId: number }[]).map((x) => x.orgId),
  },
  'GET /api/documents/:id': {
    kind: 'target',
    permission: 'document.read',
    call: (t) => ({ method: 'GET', url: `/api/documents/${t.documentId}` }),
  },
  'GET /api/documents/:id/file': {
    kind: 'target',
    permission: 'document.read',
    call: (t) => ({ method: 'GET', url: `/api/documents/${t.documentId}/file` }),
  },
  'POST /api/documents': {
    kind: 'target',
    permission: 'document.manage',
    call: (t) => {
      const form = multipart(
        { orgId: t.orgId, kind: 'order', title: `Приказ ${++seq}` },
        { name: `prikaz-${seq}.txt`, type: 'text/plain', content: `Приказ ${seq}` },
      );
      return { method: 'POST', url: '/api/documents', body: form.payload, headers: form.headers };
    },
  },
  ...SCHEDULE_CASES,
  ...MONITORING_CASES,
  ...RESULT_CASES,
  ...analysisCases(() => ctx),
  ...objectivityReportCases(),
  ...OBJECTIVITY_CARD_CASES,
  ...observeCases(() => ctx),
  'GET /api/audit': {
    kind: 'list',
    permission: 'audit.read',
    url: '/api/audit?pageSize=500',
    orgIds: (d) => (d as { items: { orgId: number | null }[] }).items.map((e) => e.orgId),
  },
  ...PLAN_CASES,
  ...objectivityScreenCases(
    () => ctx,
    () => ++seq,
  ),
  ...OBJECTIVITY_SUPPORT_CASES,
};

let ctx: TestContext;
let world: ScopeWorld;
let results: ResultFixtures;
const clients = {} as Record<ActorName, Client>;

async function disposableClass(orgId: number, academicYearId: number): Promise<number> {
  const { insertClass } = await import('../src/db/repositories/classes');
  const row = await insertClass(ctx.database.db, {
    orgId,
    academicYearId,
    parallel: 9,
    letter: `Д${++seq}`,
  });
  return row.id;
}

const send = (client: Client, c: Call): Promise<LightMyRequestResponse> =>
  c.headers
    ? client.post(c.url, c.body as Buffer, c.headers)
    : client.request(c.method, c.url, c.body as Record<string, unknown> | undefined);

beforeAll(async () => {
  ctx = await createTestContext();
  world = await buildScopeWorld(ctx);
  await prepareMonitoringScope(ctx, world);
  await buildPlanRecords(ctx, world);
  results = await seedResults(ctx, world);
  await prepareObjectivityScreenScope(ctx, world);
  for (const actor of ACTORS) clients[actor] = await signIn(ctx.app, world.logins[actor], PASSWORD);
}, 120_000);
afterAll(() => ctx.close());

describe('scope matrix', () => {
  it('covers every API route', () => {
    const registered = ctx.app.apiRoutes.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered.filter((r) => !(r in CASES))).toEqual([]);
    expect(Object.keys(CASES).filter((k) => !registered.includes(k))).toEqual([]);
  });

  it('refuses every non-public route without a session', async () => {
    for (const [key, c] of Object.entries(CASES)) {
      if (c.kind === 'public') continue;
      const [method, url] = key.split(' ') as [Call['method'], string];
      const res = await ctx.app.inject({ method, url: url.replace(/:id/g, '1') });
      expect({ key, status: res.statusCode }).toEqual({ key, status: 401 });
    }
  });

  for (const actor of ACTORS) {
    it(`${actor}: every route, own and foreign records`, async () => {
      const client = clients[actor];
      const failures: string[] = [];
      for (const [key, c] of Object.entries(CASES)) {
        if (c.kind === 'public') continue;
        if (c.kind === 'self') {
          // Any signed-in user may call these for themselves.
          const res = await send(client, c.call());
          if (res.statusCode === 401 || res.statusCode === 403)
            failures.push(`${key}: ${res.statusCode}`);
          continue;
        }
        if (c.kind === 'list') {
          const res = await client.get(c.url);
          const allowedOrgs = new Set(
            TARGETS.filter((t) => reaches(actor, c.permission, t)).map(
              (t) => world.targets[t].orgId,
            ),
          );
          const anyReach = TARGETS.some((t) => reaches(actor, c.permission, t));
          if (!anyReach) {
            if (res.statusCode !== 403)
              failures.push(`${key}: expected 403, got ${res.statusCode}`);
            continue;
          }
          if (res.statusCode !== 200) {
            failures.push(`${key}: expected 200, got ${res.statusCode} ${res.body}`);
            continue;
          }
          const ids = c.orgIds((res.json() as { data: unknown }).data);
          const targetOrgIds = new Set(TARGETS.map((t) => world.targets[t].orgId));
          for (const t of TARGETS) {
            const id = world.targets[t].orgId;
            const seen = ids.includes(id);
            if (seen && !allowedOrgs.has(id)) failures.push(`${key}: leaks ${t}`);
            // Lists of organisations, documents and users must show every reachable target.
            if (!seen && allowedOrgs.has(id) && key !== 'GET /api/audit')
              failures.push(`${key}: misses ${t}`);
          }
          for (const id of ids) {
            if (id !== null && !targetOrgIds.has(id) && !allowedOrgs.size)
              failures.push(`${key}: leaks org ${id}`);
          }
          continue;
        }
        if (c.kind !== 'target') continue;
        for (const target of TARGETS) {
          const call = await c.call(world.targets[target], ++seq, world);
          const res = await send(client, call);
          const allowed = reaches(actor, c.permission, target);
          const ok = res.statusCode >= 200 && res.statusCode < 300;
          if (allowed && !ok)
            failures.push(
              `${key} → ${target}: expected success, got ${res.statusCode} ${res.body}`,
            );
          if (!allowed && ok)
            failures.push(`${key} → ${target}: expected refusal, got ${res.statusCode}`);
          if (!allowed && ![403, 404].includes(res.statusCode)) {
            failures.push(
              `${key} → ${target}: refusal must be 403/404, got ${res.statusCode} ${res.body}`,
            );
          }
          const readsOwnAreaRecord = call.method === 'GET' && !allowed;
          if (
            readsOwnAreaRecord &&
            res.statusCode !== 404 &&
            (REACH[actor][c.permission] ?? NONE).length
          ) {
            failures.push(
              `${key} → ${target}: an unreachable record must answer 404, got ${res.statusCode}`,
            );
          }
        }
      }
      expect(failures).toEqual([]);
      // Every route for one actor, including DOCX/PDF generation (LibreOffice), on a busy machine.
    }, 120_000);
  }
});
