import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  dataOf,
  errorOf,
  signIn,
  type Client,
  type TestContext,
} from '../../../test/app';
import {
  buildBody,
  buildMunicipality,
  buildSchool,
  buildUser,
  PASSWORD,
} from '../../../test/factories';
import { insertDocument } from '../../db/repositories/documents';
import { importPlanFile } from '../../importers/plans';
import type { ActivityDetailView, PlanView, TaskItemView } from '../../shared/plans';

let ctx: TestContext;
let district: Client;
let school8: Client;
let school212: Client;
let imcId: number;
let docId: number;
let foreignPlanId: number;
const people: Record<string, number> = {};
const schools: Record<string, number> = {};
let plan: PlanView;
let activity: ActivityDetailView;

beforeAll(async () => {
  ctx = await createTestContext({ now: () => new Date('2023-06-01T09:00:00Z') });
  const db = ctx.database.db;
  const m = await buildMunicipality(db, 'Фрунзенский район');
  const other = await buildMunicipality(db, 'Другой район');
  imcId = (await buildBody(db, m.id, 'imc')).id;
  for (const n of ['8', '212']) {
    schools[n] = (await buildSchool(db, m.id, { number: n, shortName: `ГБОУ школа № ${n}` })).id;
  }
  const spec = {
    role: 'district_specialist' as const,
    municipalityId: m.id,
    workplaceOrgId: imcId,
  };
  people.district = (await buildUser(db, { login: 'district', ...spec })).id;
  people.methodist = (await buildUser(db, { login: 'methodist', ...spec })).id;
  for (const n of ['8', '212']) {
    people[`school${n}`] = (
      await buildUser(db, {
        login: `school${n}`,
        role: 'school_admin',
        municipalityId: m.id,
        orgIds: [schools[n]!],
      })
    ).id;
  }
  const doc = await insertDocument(db, {
    municipalityId: m.id,
    orgId: schools['8']!,
    kind: 'report',
    title: 'Протокол педсовета',
    fileName: 'p.txt',
    mimeType: 'text/plain',
    sizeBytes: 1,
    sha256: 'x',
    storageKey: 'x',
    uploadedBy: null,
  });
  docId = doc.id;
  await buildUser(db, { login: 'other', role: 'district_admin', municipalityId: other.id });
  const otherBody = await buildBody(db, other.id, 'imc');
  district = await signIn(ctx.app, 'district', PASSWORD);
  school8 = await signIn(ctx.app, 'school8', PASSWORD);
  school212 = await signIn(ctx.app, 'school212', PASSWORD);
  const foreign = await signIn(ctx.app, 'other', PASSWORD);
  foreignPlanId = dataOf<PlanView>(
    await foreign.post('/api/plans', {
      orgId: otherBody.id,
      level: 'district',
      title: 'Чужой план',
      periodStart: '2023-01-01',
      periodEnd: '2023-12-31',
    }),
  ).id;
}, 60_000);
afterAll(() => ctx.close());

describe('plans: responsible people and links to records', () => {
  it('sets the responsible person of an activity among the owner organisation’s people', async () => {
    plan = dataOf<PlanView>(
      await district.post('/api/plans', {
        orgId: imcId,
        level: 'district',
        title: 'План ИМЦ на 2023 год',
        periodStart: '2023-01-01',
        periodEnd: '2023-12-31',
      }),
    );
    activity = dataOf<ActivityDetailView>(
      await district.post(`/api/plans/${plan.id}/activities`, {
        text: 'Семинар для ОО №№ 8, 212',
        deadlineText: 'июнь 2023',
        executorsText: 'ИМЦ',
      }),
    );
    expect(activity.responsible).toBeNull();
    expect(activity.responsibleCandidates.map((p) => p.id).sort()).toEqual(
      [people.district, people.methodist].sort(),
    );
    const stranger = errorOf(
      await district.put(`/api/plan-activities/${activity.activity.id}/responsible`, {
        userId: people.school8,
      }),
    );
    expect(stranger).toMatchObject({ status: 400 });
    expect(stranger.message).toContain('сотрудника организации-исполнителя');
    const set = dataOf<ActivityDetailView>(
      await district.put(`/api/plan-activities/${activity.activity.id}/responsible`, {
        userId: people.methodist,
      }),
    );
    expect(set.responsible?.id).toBe(people.methodist);
    const methodist = await signIn(ctx.app, 'methodist', PASSWORD);
    const mine = dataOf<TaskItemView[]>(await methodist.get('/api/my-tasks?view=user'));
    expect(mine.map((t) => t.activityId)).toEqual([activity.activity.id]);
    const rows = await ctx.database.db.query.auditLog.findMany();
    expect(rows.some((r) => r.action === 'assign' && r.summary.includes('Ответственный'))).toBe(
      true,
    );
  });

  it('a school names the responsible person of its own task only', async () => {
    const cascaded = dataOf<ActivityDetailView>(
      await district.post(`/api/plan-activities/${activity.activity.id}/cascade`, {
        orgIds: [schools['8']],
      }),
    );
    expect(cascaded.schoolTasks.map((t) => t.orgId)).toEqual([schools['8']]);
    const taskId = cascaded.schoolTasks[0]!.id;
    const refused = await school212.put(`/api/plan-tasks/${taskId}/responsible`, {
      userId: people.school212,
    });
    expect([403, 404]).toContain(refused.statusCode);
    const set = dataOf<ActivityDetailView>(
      await school8.put(`/api/plan-tasks/${taskId}/responsible`, { userId: people.school8 }),
    );
    expect(set.responsible?.fullName).toBeTruthy();
    const mine = dataOf<TaskItemView[]>(await school8.get('/api/my-tasks?view=user'));
    expect(mine.map((t) => [t.kind, t.id])).toEqual([['schoolTask', taskId]]);
    const cleared = dataOf<ActivityDetailView>(
      await school8.put(`/api/plan-tasks/${taskId}/responsible`, { userId: null }),
    );
    expect(cleared.responsible).toBeNull();
  });

  it('links evidence to a document, a plan and free addresses; records out of scope refused', async () => {
    const id = activity.activity.id;
    const toPlan = dataOf<ActivityDetailView>(
      await district.post(`/api/plan-activities/${id}/evidence/link`, {
        recordKind: 'plan',
        recordId: plan.id,
      }),
    );
    expect(toPlan.evidence.at(-1)).toMatchObject({
      recordKind: 'plan',
      recordId: plan.id,
      title: 'План ИМЦ на 2023 год',
      url: `/plans/${plan.id}`,
    });
    const toDoc = dataOf<ActivityDetailView>(
      await district.post(`/api/plan-activities/${id}/evidence/link`, {
        recordKind: 'document',
        recordId: docId,
      }),
    );
    expect(toDoc.evidence.at(-1)).toMatchObject({
      title: 'Протокол педсовета',
      url: `/api/documents/${docId}/file`,
    });
    const foreign = errorOf(
      await district.post(`/api/plan-activities/${id}/evidence/link`, {
        recordKind: 'plan',
        recordId: foreignPlanId,
      }),
    );
    expect(foreign.status).toBe(404);
    const missing = errorOf(
      await district.post(`/api/plan-activities/${id}/evidence/link`, {
        recordKind: 'monitoring',
        recordId: 99999,
      }),
    );
    expect(missing).toMatchObject({
      status: 404,
      message: 'Кампания мониторинга не найдена или недоступна',
    });
    const noId = errorOf(
      await district.post(`/api/plan-activities/${id}/evidence/link`, { recordKind: 'document' }),
    );
    expect(noId.status).toBe(400);
    const free = dataOf<ActivityDetailView>(
      await district.post(`/api/plan-activities/${id}/evidence/link`, {
        recordKind: 'url',
        title: 'Публикация на сайте',
        url: 'https://imc.example/news/1',
      }),
    );
    expect(free.evidence.at(-1)).toMatchObject({
      recordId: null,
      url: 'https://imc.example/news/1',
    });
  });

  it('adds and edits the plan’s tasks by hand; a school cannot touch the district’s plan', async () => {
    const added = dataOf<PlanView>(
      await district.post(`/api/plans/${plan.id}/objectives`, { text: 'Повысить объективность' }),
    );
    expect(added.objectives.map((o) => o.text)).toEqual(['Повысить объективность']);
    const objectiveId = added.objectives[0]!.id;
    const edited = dataOf<PlanView>(
      await district.patch(`/api/plan-objectives/${objectiveId}`, {
        text: 'Повысить объективность оценки',
      }),
    );
    expect(edited.objectives[0]).toEqual({
      id: objectiveId,
      text: 'Повысить объективность оценки',
    });
    const moved = dataOf<ActivityDetailView>(
      await district.patch(`/api/plan-activities/${activity.activity.id}`, { objectiveId }),
    );
    expect(moved.activity.objectiveId).toBe(objectiveId);
    const refused = await school8.patch(`/api/plan-objectives/${objectiveId}`, { text: 'Х' });
    expect([403, 404]).toContain(refused.statusCode);
    const empty = errorOf(await district.post(`/api/plans/${plan.id}/objectives`, { text: ' ' }));
    expect(empty.status).toBe(400);
    const rows = await ctx.database.db.query.auditLog.findMany();
    expect(rows.filter((r) => r.entity === 'plan_objective').map((r) => r.action)).toEqual([
      'create',
      'update',
    ]);
  });

  it('exports XLSX with the tasks and sections that import back unchanged', async () => {
    const objectiveId = dataOf<PlanView>(await district.get(`/api/plans/${plan.id}`)).objectives[0]!
      .id;
    dataOf(
      await district.post(`/api/plans/${plan.id}/activities`, {
        text: 'Анализ результатов ВПР',
        deadlineText: 'май 2023',
        objectiveId,
      }),
    );
    const xlsx = await district.get(`/api/plans/${plan.id}/export.xlsx`);
    const back = await importPlanFile(xlsx.rawPayload, 'plan.xlsx');
    expect(back.structure.tasks).toEqual(['Повысить объективность оценки']);
    expect(back.structure.activities.map((a) => a.taskIndex)).toEqual([0, 0]);
  });
});
