/**
 * The plans module in the scope matrix: reach per actor, the records each target needs (a
 * school plan of the target school, a district plan of its municipality cascaded to it) and one
 * case per route. Merged into test/scopeMatrix.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SYSTEM_ACTOR } from '../src/core/access/actor';
import { createActivityRequest, createPlanRequest } from '../src/shared/plans';
import type { TestContext } from './app';
import { buildBody } from './factories';
import { multipart } from './multipart';
import type { ScopeWorld, Target, TargetRecords } from './scopeWorld';

const A: readonly Target[] = ['A1', 'A2'];

/** `plan.manage@district`: managing a plan of a district body (cascade). */
export const PLAN_REACH: Record<string, Record<string, readonly Target[]>> = {
  districtAdminA: {
    'plan.read': A,
    'plan.manage': A,
    'plan.execute': A,
    'plan.manage@district': A,
  },
  specialistA: { 'plan.read': A, 'plan.manage': A, 'plan.execute': A, 'plan.manage@district': A },
  schoolAdminA1: { 'plan.read': ['A1'], 'plan.manage': ['A1'], 'plan.execute': ['A1'] },
  expertA: { 'plan.read': ['A2'] },
  observerA2: {},
  teacherA1: { 'plan.read': ['A1'], 'plan.execute': ['A1'] },
  readonlyA: { 'plan.read': A },
  districtAdminB: {
    'plan.read': ['B1'],
    'plan.manage': ['B1'],
    'plan.execute': ['B1'],
    'plan.manage@district': ['B1'],
  },
};

interface PlanRecords {
  planId: number;
  activityId: number;
  districtActivityId: number;
  schoolTaskId: number;
  objectiveId: number;
}

const records = new Map<number, PlanRecords>();
let context: TestContext;
let seq = 0;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const seed002 = () => readFileSync(path.resolve('test/fixtures/plans/seed-002.docx'));

async function schoolPlan(orgId: number): Promise<number> {
  const plan = await context.services.plans.plans.create(
    SYSTEM_ACTOR,
    createPlanRequest.parse({
      orgId,
      level: 'school',
      title: `План школы ${++seq}`,
      periodStart: '2025-09-01',
      periodEnd: '2026-08-31',
    }),
  );
  return plan.plan.id;
}

async function activity(planId: number, text = 'Педагогический совет') {
  return context.services.plans.activities.add(
    SYSTEM_ACTOR,
    planId,
    createActivityRequest.parse({ text, deadlineText: 'октябрь' }),
  );
}

async function objective(planId: number) {
  await context.services.plans.objectives.add(SYSTEM_ACTOR, planId, 'Повысить объективность');
  const plan = await context.services.plans.plans.get(SYSTEM_ACTOR, planId);
  return plan.objectives.at(-1)!.id;
}

export async function buildPlanRecords(ctx: TestContext, world: ScopeWorld) {
  context = ctx;
  const districtPlans = new Map<number, number>();
  for (const t of Object.values(world.targets)) {
    let districtPlan = districtPlans.get(t.municipalityId);
    if (!districtPlan) {
      const body = await buildBody(ctx.database.db, t.municipalityId, 'imc');
      districtPlan = (
        await ctx.services.plans.plans.create(
          SYSTEM_ACTOR,
          createPlanRequest.parse({
            orgId: body.id,
            level: 'district',
            title: 'План района',
            periodStart: '2025-09-01',
            periodEnd: '2026-08-31',
          }),
        )
      ).plan.id;
      districtPlans.set(t.municipalityId, districtPlan);
    }
    const districtActivityId = await activity(districtPlan, 'Совещание с заместителями директоров');
    const cascaded = await ctx.services.plans.assign.cascade(SYSTEM_ACTOR, districtActivityId, [
      t.orgId,
    ]);
    const planId = await schoolPlan(t.orgId);
    records.set(t.orgId, {
      planId,
      activityId: await activity(planId),
      districtActivityId,
      schoolTaskId: cascaded.schoolTasks[0]!.task.id,
      objectiveId: await objective(planId),
    });
  }
}

const rec = (t: TargetRecords): PlanRecords => {
  const r = records.get(t.orgId);
  if (!r) throw new Error('plan records missing');
  return r;
};

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface Call {
  method: Method;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}
type PlanCase =
  | { kind: 'target'; permission: string; call(t: TargetRecords): Call | Promise<Call> }
  | { kind: 'list'; permission: string; url: string; orgIds(data: unknown): (number | null)[] }
  | { kind: 'self'; call(): Call };

const upload = (url: string, fields: Record<string, string | number>, name = 'evidence.txt') => {
  const form = multipart(fields, {
    name,
    type: name.endsWith('.docx') ? DOCX : 'text/plain',
    content: name.endsWith('.docx') ? seed002() : `Подтверждение ${++seq}`,
  });
  return { method: 'POST' as const, url, body: form.payload, headers: form.headers };
};

const tracked = (base: string, id: (t: TargetRecords) => number): Record<string, PlanCase> => ({
  [`GET ${base}/:id`]: {
    kind: 'target',
    permission: 'plan.read',
    call: (t) => ({ method: 'GET', url: `${base}/${id(t)}` }),
  },
  [`POST ${base}/:id/status`]: {
    kind: 'target',
    permission: 'plan.execute',
    call: (t) => ({
      method: 'POST',
      url: `${base}/${id(t)}/status`,
      body: { status: seq++ % 2 ? 'in_progress' : 'done' },
    }),
  },
  [`POST ${base}/:id/comments`]: {
    kind: 'target',
    permission: 'plan.execute',
    call: (t) => ({ method: 'POST', url: `${base}/${id(t)}/comments`, body: { text: 'Сделано' } }),
  },
  [`POST ${base}/:id/evidence/link`]: {
    kind: 'target',
    permission: 'plan.execute',
    call: (t) => ({
      method: 'POST',
      url: `${base}/${id(t)}/evidence/link`,
      body: { recordKind: 'url', title: 'Публикация', url: 'https://example.org/x' },
    }),
  },
  [`PUT ${base}/:id/responsible`]: {
    kind: 'target',
    permission: 'plan.execute',
    call: (t) => ({ method: 'PUT', url: `${base}/${id(t)}/responsible`, body: { userId: null } }),
  },
  [`POST ${base}/:id/evidence/file`]: {
    kind: 'target',
    permission: 'plan.execute',
    call: (t) => upload(`${base}/${id(t)}/evidence/file`, { title: 'Справка' }),
  },
});

export const PLAN_CASES: Record<string, PlanCase> = {
  'GET /api/plans': {
    kind: 'list',
    permission: 'plan.read',
    url: '/api/plans?level=school',
    orgIds: (d) => (d as { orgId: number }[]).map((p) => p.orgId),
  },
  'POST /api/plans': {
    kind: 'target',
    permission: 'plan.manage',
    call: (t) => ({
      method: 'POST',
      url: '/api/plans',
      body: {
        orgId: t.orgId,
        level: 'school',
        title: `План ${++seq}`,
        periodStart: '2025-09-01',
        periodEnd: '2026-08-31',
      },
    }),
  },
  'GET /api/plans/:id': {
    kind: 'target',
    permission: 'plan.read',
    call: (t) => ({ method: 'GET', url: `/api/plans/${rec(t).planId}` }),
  },
  'PATCH /api/plans/:id': {
    kind: 'target',
    permission: 'plan.manage',
    call: (t) => ({
      method: 'PATCH',
      url: `/api/plans/${rec(t).planId}`,
      body: { place: `Город ${++seq}` },
    }),
  },
  'DELETE /api/plans/:id': {
    kind: 'target',
    permission: 'plan.manage',
    call: async (t) => ({ method: 'DELETE', url: `/api/plans/${await schoolPlan(t.orgId)}` }),
  },
  'POST /api/plans/:id/objectives': {
    kind: 'target',
    permission: 'plan.manage',
    call: (t) => ({
      method: 'POST',
      url: `/api/plans/${rec(t).planId}/objectives`,
      body: { text: `Задача ${++seq}` },
    }),
  },
  'PATCH /api/plan-objectives/:id': {
    kind: 'target',
    permission: 'plan.manage',
    call: (t) => ({
      method: 'PATCH',
      url: `/api/plan-objectives/${rec(t).objectiveId}`,
      body: { text: `Задача ${++seq}` },
    }),
  },
  'POST /api/plans/:id/sections': {
    kind: 'target',
    permission: 'plan.manage',
    call: (t) => ({
      method: 'POST',
      url: `/api/plans/${rec(t).planId}/sections`,
      body: { title: `Раздел ${++seq}` },
    }),
  },
  'POST /api/plans/:id/activities': {
    kind: 'target',
    permission: 'plan.manage',
    call: (t) => ({
      method: 'POST',
      url: `/api/plans/${rec(t).planId}/activities`,
      body: { text: `Мероприятие ${++seq}` },
    }),
  },
  'GET /api/plans/:id/dashboard': {
    kind: 'target',
    permission: 'plan.read',
    call: (t) => ({ method: 'GET', url: `/api/plans/${rec(t).planId}/dashboard` }),
  },
  'GET /api/plans/:id/export.docx': {
    kind: 'target',
    permission: 'plan.read',
    call: (t) => ({ method: 'GET', url: `/api/plans/${rec(t).planId}/export.docx` }),
  },
  'GET /api/plans/:id/export.xlsx': {
    kind: 'target',
    permission: 'plan.read',
    call: (t) => ({ method: 'GET', url: `/api/plans/${rec(t).planId}/export.xlsx` }),
  },
  'GET /api/plans/:id/report': {
    kind: 'target',
    permission: 'plan.read',
    call: (t) => ({
      method: 'GET',
      url: `/api/plans/${rec(t).planId}/report?from=2025-09-01&to=2026-08-31`,
    }),
  },
  'POST /api/plans/:id/copy': {
    kind: 'target',
    permission: 'plan.manage',
    call: (t) => ({
      method: 'POST',
      url: `/api/plans/${rec(t).planId}/copy`,
      body: { periodStart: '2026-09-01', periodEnd: '2027-08-31' },
    }),
  },
  // Reads only the uploaded file: any signed-in user may preview.
  'POST /api/plans/import/preview': {
    kind: 'self',
    call: () => upload('/api/plans/import/preview', {}, 'seed-002.docx'),
  },
  'POST /api/plans/import': {
    kind: 'target',
    permission: 'plan.manage',
    call: (t) => upload('/api/plans/import', { orgId: t.orgId, level: 'school' }, 'seed-002.docx'),
  },
  'PATCH /api/plan-activities/:id': {
    kind: 'target',
    permission: 'plan.manage',
    call: (t) => ({
      method: 'PATCH',
      url: `/api/plan-activities/${rec(t).activityId}`,
      body: { result: `Итог ${++seq}` },
    }),
  },
  'DELETE /api/plan-activities/:id': {
    kind: 'target',
    permission: 'plan.manage',
    call: async (t) => ({
      method: 'DELETE',
      url: `/api/plan-activities/${await activity(rec(t).planId)}`,
    }),
  },
  'POST /api/plan-activities/:id/cascade': {
    kind: 'target',
    permission: 'plan.manage@district',
    call: (t) => ({
      method: 'POST',
      url: `/api/plan-activities/${rec(t).districtActivityId}/cascade`,
      body: { orgIds: [t.orgId] },
    }),
  },
  ...tracked('/api/plan-activities', (t) => rec(t).activityId),
  ...tracked('/api/plan-tasks', (t) => rec(t).schoolTaskId),
  'GET /api/my-tasks': { kind: 'self', call: () => ({ method: 'GET', url: '/api/my-tasks' }) },
  'GET /api/plan-reminders': {
    kind: 'self',
    call: () => ({ method: 'GET', url: '/api/plan-reminders' }),
  },
};
