import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  dataOf,
  errorOf,
  signIn,
  type Client,
  type TestContext,
} from '../../../test/app';
import { docxText } from '../../../test/docx';
import {
  buildBody,
  buildMunicipality,
  buildSchool,
  buildUser,
  PASSWORD,
} from '../../../test/factories';
import { multipart } from '../../../test/multipart';
import { auditLog } from '../../db/schema';
import { importPlanFile } from '../../importers/plans';
import type {
  ActivityDetailView,
  PlanSummaryView,
  PlanView,
  TaskItemView,
} from '../../shared/plans';

const fixture = (id: string) =>
  readFileSync(path.resolve('test/fixtures/plans', `seed-${id}.docx`));
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let ctx: TestContext;
let district: Client;
let school8: Client;
let school212: Client;
let otherDistrict: Client;
let imcId: number;
const schools: Record<string, number> = {};
let plan: PlanView;

beforeAll(async () => {
  // «Today» is 1 June 2023: the plans of 2023 are half done.
  ctx = await createTestContext({ now: () => new Date('2023-06-01T09:00:00Z') });
  const db = ctx.database.db;
  const m = await buildMunicipality(db, 'Фрунзенский район');
  const other = await buildMunicipality(db, 'Другой район');
  imcId = (await buildBody(db, m.id, 'imc')).id;
  await buildBody(db, m.id, 'coko');
  for (const n of ['8', '212', '215']) {
    schools[n] = (await buildSchool(db, m.id, { number: n, shortName: `ГБОУ школа № ${n}` })).id;
  }
  await buildUser(db, {
    login: 'district',
    role: 'district_specialist',
    municipalityId: m.id,
    workplaceOrgId: imcId,
  });
  await buildUser(db, {
    login: 'school8',
    role: 'school_admin',
    municipalityId: m.id,
    orgIds: [schools['8']!],
  });
  await buildUser(db, {
    login: 'school212',
    role: 'school_admin',
    municipalityId: m.id,
    orgIds: [schools['212']!],
  });
  await buildUser(db, { login: 'other', role: 'district_admin', municipalityId: other.id });
  district = await signIn(ctx.app, 'district', PASSWORD);
  school8 = await signIn(ctx.app, 'school8', PASSWORD);
  school212 = await signIn(ctx.app, 'school212', PASSWORD);
  otherDistrict = await signIn(ctx.app, 'other', PASSWORD);
}, 60_000);
afterAll(() => ctx.close());

const form = (fields: Record<string, string | number>, id = '001') =>
  multipart(fields, { name: `seed-${id}.docx`, type: DOCX, content: fixture(id) });

describe('plans: import, tracking, cascade, documents', () => {
  it('previews the import of seed 001 with the detected columns, changing nothing', async () => {
    const f = form({});
    const preview = dataOf<{
      mapping: Record<string, number>;
      activities: unknown[];
      sections: unknown[];
      title: string;
    }>(await district.post('/api/plans/import/preview', f.payload, f.headers));
    expect(preview.mapping).toEqual({ number: 0, text: 1, deadline: 2, result: 3, executors: 4 });
    expect(preview.activities).toHaveLength(26);
    expect(preview.sections).toHaveLength(4);
    expect(dataOf<unknown[]>(await district.get('/api/plans'))).toEqual([]);
  });

  it('imports seed 001 as a district plan owned by the ИМЦ', async () => {
    const f = form({ orgId: imcId, level: 'district' });
    plan = dataOf<PlanView>(await district.post('/api/plans/import', f.payload, f.headers));
    expect(plan.activities).toHaveLength(26);
    expect(plan.sections).toHaveLength(4);
    expect(plan.approval).toMatchObject({ name: 'О.А. Римквичене', orderNumber: '14-о/2023' });
    expect(plan.periodStart).toBe('2023-01-01');
    const a31 = plan.activities.find((a) => a.number === '3.1')!;
    expect(a31.targetSchools.map((t) => t.orgId).sort()).toEqual(
      [schools['8'], schools['212'], schools['215']].sort(),
    );
    expect(a31.unmatchedSchoolNumbers).toEqual(['236', '367', '448']);
    const a11 = plan.activities.find((a) => a.number === '1.1')!;
    expect(a11.deadline).toMatchObject({ text: 'январь 2023', to: '2023-01-31' });
    expect(a11.effectiveStatus).toBe('overdue');
    expect(a11.executors.find((e) => e.label === 'ИМЦ')?.orgId).toBe(imcId);
    expect(plan.progress.overdue).toBeGreaterThan(0);
  });

  it('is all or nothing: a broken file creates no plan and names the file', async () => {
    const f = multipart(
      { orgId: imcId, level: 'district' },
      { name: 'plan.docx', type: DOCX, content: 'not a docx' },
    );
    const err = errorOf(await district.post('/api/plans/import', f.payload, f.headers));
    expect(err.status).toBe(400);
    expect(err.message).toContain('«plan.docx»');
    expect(dataOf<PlanSummaryView[]>(await district.get('/api/plans'))).toHaveLength(1);
  });

  it('marks an activity done with a note, a comment and evidence; history and audit kept', async () => {
    const a11 = plan.activities.find((a) => a.number === '1.1')!;
    dataOf(
      await district.post(`/api/plan-activities/${a11.id}/status`, {
        status: 'done',
        note: 'Совещание проведено 25.01.2023',
      }),
    );
    dataOf(
      await district.post(`/api/plan-activities/${a11.id}/comments`, {
        text: 'Протокол в папке ИМЦ',
      }),
    );
    dataOf(
      await district.post(`/api/plan-activities/${a11.id}/evidence/link`, {
        recordKind: 'protocol',
        title: 'Протокол совещания',
        url: '/documents/1',
      }),
    );
    const f = multipart(
      { title: 'Протокол (скан)' },
      { name: 'protokol.txt', type: 'text/plain', content: 'Протокол' },
    );
    const detail = dataOf<ActivityDetailView>(
      await district.post(`/api/plan-activities/${a11.id}/evidence/file`, f.payload, f.headers),
    );
    expect(detail.activity.effectiveStatus).toBe('done');
    expect(detail.history[0]).toMatchObject({
      fromStatus: 'planned',
      toStatus: 'done',
      note: 'Совещание проведено 25.01.2023',
    });
    expect(detail.comments.map((c) => c.text)).toEqual(['Протокол в папке ИМЦ']);
    expect(detail.evidence.map((e) => [e.kind, e.title])).toEqual([
      ['link', 'Протокол совещания'],
      ['file', 'Протокол (скан)'],
    ]);
    const file = await district.get(`/api/documents/${detail.evidence[1]!.documentId}/file`);
    expect(file.body).toBe('Протокол');
    const log = await ctx.database.db.select().from(auditLog);
    expect(log.map((e) => e.action)).toEqual(
      expect.arrayContaining(['import', 'status', 'comment', 'evidence']),
    );
    expect(log.find((e) => e.action === 'status')?.summary).toContain('запланировано → выполнено');
  });

  it('cascades an activity to its target schools; each school edits only its own task', async () => {
    const a31 = plan.activities.find((a) => a.number === '3.1')!;
    const detail = dataOf<ActivityDetailView>(
      await district.post(`/api/plan-activities/${a31.id}/cascade`, {}),
    );
    expect(detail.schoolTasks.map((t) => t.orgName).sort()).toEqual([
      'ГБОУ школа № 212',
      'ГБОУ школа № 215',
      'ГБОУ школа № 8',
    ]);
    const mine = dataOf<TaskItemView[]>(await school8.get('/api/my-tasks?view=org'));
    expect(mine.map((t) => [t.kind, t.number])).toEqual([['schoolTask', '3.1']]);
    const task8 = mine[0]!.id;
    const task212 = detail.schoolTasks.find((t) => t.orgId === schools['212'])!.id;
    // the school does not see the district plan itself, nor another school's task
    expect(dataOf<unknown[]>(await school8.get('/api/plans'))).toEqual([]);
    expect((await school8.get(`/api/plans/${plan.id}`)).statusCode).toBe(404);
    expect(
      (await school8.post(`/api/plan-activities/${a31.id}/status`, { status: 'done' })).statusCode,
    ).toBe(404);
    expect(
      (await school8.post(`/api/plan-tasks/${task212}/status`, { status: 'done' })).statusCode,
    ).toBe(404);
    // its own task it may change, with evidence
    const done = dataOf<ActivityDetailView>(
      await school8.post(`/api/plan-tasks/${task8}/status`, { status: 'done' }),
    );
    expect(done.schoolTask?.effectiveStatus).toBe('done');
    dataOf(
      await school8.post(`/api/plan-tasks/${task8}/evidence/link`, {
        recordKind: 'report',
        title: 'Аналитическая справка',
        url: 'https://school8.example/spravka',
      }),
    );
    dataOf(await school212.post(`/api/plan-tasks/${task212}/status`, { status: 'in_progress' }));
    // the district sees each school's progress
    const seen = dataOf<ActivityDetailView>(await district.get(`/api/plan-activities/${a31.id}`));
    expect(seen.activity.schools).toMatchObject({ total: 3, done: 1, inProgress: 1, planned: 1 });
    expect(seen.schoolTasks.find((t) => t.orgId === schools['8'])).toMatchObject({
      status: 'done',
      evidenceCount: 1,
    });
    const dash = dataOf<{ bySchool: { label: string; progress: { done: number } }[] }>(
      await district.get(`/api/plans/${plan.id}/dashboard`),
    );
    expect(dash.bySchool.find((s) => s.label === 'ГБОУ школа № 8')?.progress.done).toBe(1);
    // another municipality sees nothing
    expect((await otherDistrict.get(`/api/plan-tasks/${task8}`)).statusCode).toBe(404);
    expect(dataOf<unknown[]>(await otherDistrict.get('/api/plans'))).toEqual([]);
  });

  it("lists the organisation's tasks and reminds about deadlines of the next days", async () => {
    const imcTasks = dataOf<TaskItemView[]>(await district.get('/api/my-tasks?view=org&open=true'));
    expect(imcTasks.length).toBeGreaterThan(10);
    expect(imcTasks.every((t) => t.status !== 'done')).toBe(true);
    const reminders = dataOf<TaskItemView[]>(await district.get('/api/plan-reminders'));
    // «today» is 1 June: May items are overdue, nothing of June is due within 14 days
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.every((r) => r.effectiveStatus === 'overdue' || r.dueSoon)).toBe(true);
  });

  it('exports the plan as DOCX in the official form and reads it back', async () => {
    const res = await district.get(`/api/plans/${plan.id}/export.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(DOCX);
    const text = await docxText(res.rawPayload);
    expect(text).toContain('УТВЕРЖДАЮ');
    expect(text).toContain('О.А. Римквичене');
    expect(text).toContain('Приказ от 12.01.2023 № 14-о/2023');
    expect(text).toContain('Программа профилактических мер по адресному сопровождению');
    expect(text).toContain('2. Контроль за организацией и проведением процедур');
    expect(text).toContain('согласно графику наблюдения');
    const back = await importPlanFile(res.rawPayload, 'export.docx');
    expect(back.structure.activities).toHaveLength(26);
    expect(back.structure.sections).toHaveLength(4);
    expect(back.header.approval?.orderNumber).toBe('14-о/2023');
  });

  it('exports XLSX and the execution report for a period', async () => {
    const xlsx = await district.get(`/api/plans/${plan.id}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const back = await importPlanFile(xlsx.rawPayload, 'plan.xlsx');
    expect(back.structure.activities).toHaveLength(26);
    // The «Раздел» column of our export keeps the sections on the way back.
    expect(back.structure.sections.map((s) => s.title)).toEqual(plan.sections.map((s) => s.title));
    const f = multipart(
      { orgId: imcId, level: 'district' },
      { name: 'plan.xlsx', type: XLSX, content: xlsx.rawPayload },
    );
    const again = dataOf<PlanView>(await district.post('/api/plans/import', f.payload, f.headers));
    const sectionOf = (p: PlanView, number: string) => {
      const a = p.activities.find((x) => x.number === number)!;
      return p.sections.find((s) => s.id === a.sectionId)?.title;
    };
    expect(again.sections).toHaveLength(4);
    for (const n of ['1.1', '2.1', '3.1']) expect(sectionOf(again, n)).toBe(sectionOf(plan, n));
    expect((await district.delete(`/api/plans/${again.id}`)).statusCode).toBe(200);
    const report = await district.get(`/api/plans/${plan.id}/report?from=2023-01-01&to=2023-05-31`);
    expect(report.statusCode).toBe(200);
    const text = await docxText(report.rawPayload);
    expect(text).toContain('СПРАВКА');
    expect(text).toContain('о выполнении плана');
    expect(text).toContain('Совещание проведено 25.01.2023');
    expect(text).toContain('Подтверждение: Протокол совещания');
    expect(text).toMatch(/просрочено — \d+/);
  });

  it("makes next year's plan from this one: years moved, statuses reset", async () => {
    const next = dataOf<PlanView>(
      await district.post(`/api/plans/${plan.id}/copy`, {
        periodStart: '2024-01-01',
        periodEnd: '2024-12-31',
      }),
    );
    expect(next.title).toContain('на 2024 год');
    expect(next.sourcePlanId).toBe(plan.id);
    expect(next.activities).toHaveLength(26);
    expect(next.activities.find((a) => a.number === '1.1')?.deadline).toMatchObject({
      text: 'январь 2024',
      to: '2024-01-31',
    });
    expect(next.activities.every((a) => a.status === 'planned')).toBe(true);
    expect(next.approval?.orderNumber).toBeNull();
  });

  it('a school keeps its own plan; it cannot create one for another school', async () => {
    const own = dataOf<PlanView>(
      await school8.post('/api/plans', {
        orgId: schools['8'],
        level: 'school',
        title: 'План мероприятий школы № 8 на 2023 год',
        periodStart: '2023-01-01',
        periodEnd: '2023-12-31',
      }),
    );
    const added = dataOf<ActivityDetailView>(
      await school8.post(`/api/plans/${own.id}/activities`, {
        text: 'Педсовет по итогам ВПР',
        deadlineText: 'август 2023',
        executorsText: 'Заместитель директора по УВР',
      }),
    );
    expect(added.activity.deadline.to).toBe('2023-08-31');
    expect(added.activity.executors[0]?.kind).toBe('position');
    const refused = await school8.post('/api/plans', {
      orgId: schools['212'],
      level: 'school',
      title: 'Чужой',
      periodStart: '2023-01-01',
      periodEnd: '2023-12-31',
    });
    expect([403, 404]).toContain(refused.statusCode);
    expect(dataOf<PlanSummaryView[]>(await school212.get('/api/plans'))).toEqual([]);
    const foreignSection = plan.sections[0]!.id;
    const moved = errorOf(
      await school8.patch(`/api/plan-activities/${added.activity.id}`, {
        sectionId: foreignSection,
      }),
    );
    expect(moved).toMatchObject({ status: 400, message: 'Раздел не найден в этом плане' });
    const edited = dataOf<ActivityDetailView>(
      await school8.patch(`/api/plan-activities/${added.activity.id}`, {
        deadlineText: 'в течение года',
      }),
    );
    expect(edited.activity.deadline).toMatchObject({
      kind: 'period',
      from: '2023-01-01',
      to: '2023-12-31',
    });
    const bad = errorOf(
      await school8.post('/api/plans', {
        orgId: schools['8'],
        level: 'district',
        title: 'Х',
        periodStart: '2023-01-01',
        periodEnd: '2023-12-31',
      }),
    );
    expect(bad.status).toBe(400);
  });
});
