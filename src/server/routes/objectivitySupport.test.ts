import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, dataOf, errorOf, signIn, type TestContext } from '../../../test/app';
import {
  buildBody,
  buildMunicipality,
  buildSchool,
  buildUser,
  PASSWORD,
} from '../../../test/factories';
import { SYSTEM_ACTOR } from '../../core/access/actor';
import { insertResults, insertRun } from '../../db/repositories/analysisRuns';
import { auditLog } from '../../db/schema';
import { tableToCsv } from '../../importers/results/writers';
import type { CompareView, SupportProgrammeResult } from '../../shared/objectivitySupport';
import type { PlanView } from '../../shared/plans';

let ctx: TestContext;
let ids: { m: number; s1: number; s2: number; s3: number; s4: number; imc: number };
const n1 = '7101';

// ОГЭ mathematics of 12 students of school 1 and their итоговая marks (external, internal).
const PAIRS: [number, number][] = [
  [5, 5],
  [4, 5],
  [4, 4],
  [3, 4],
  [3, 3],
  [2, 3],
  [4, 4],
  [5, 4],
  [3, 4],
  [4, 5],
  [3, 3],
  [4, 4],
];

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.database.db;
  const m = await buildMunicipality(db, 'МО «Сопровождение»');
  const s1 = await buildSchool(db, m.id, { fisLogin: 'sch710001', number: n1 });
  const s2 = await buildSchool(db, m.id, { fisLogin: 'sch710002', number: '7102' });
  const s3 = await buildSchool(db, m.id, { fisLogin: 'sch710003', number: '7103' });
  const s4 = await buildSchool(db, m.id, { fisLogin: 'sch710004', number: '7104' });
  const imc = await buildBody(db, m.id, 'imc');
  ids = { m: m.id, s1: s1.id, s2: s2.id, s3: s3.id, s4: s4.id, imc: imc.id };
  await buildUser(db, { login: 'imc71', role: 'district_specialist', municipalityId: m.id });
  await buildUser(db, {
    login: 'dir71',
    role: 'school_admin',
    municipalityId: m.id,
    orgIds: [s1.id],
  });

  // ОГЭ 2025 works, code list and итоговая marks of 2024/25 for the same students.
  const rows: (string | number)[][] = [
    ['ОГЭ 2025 Математика 9 класс'],
    ['ОО', 'Муниципалитет', 'Название ОО', 'Код участника', 'Класс', 'Первичный балл', 'Отметка'],
  ];
  const codes: string[][] = [['Код участника', 'Код обучающегося']];
  const journal: (string | number)[][] = [
    ['Код обучающегося', 'Класс', 'Предмет', 'Вид аттестации', 'Отметка'],
  ];
  PAIRS.forEach(([ext, int], i) => {
    const participant = String(500 + i);
    const student = `${n1}-${String(i + 1).padStart(3, '0')}`;
    rows.push(['sch710001', 'МО', 'Школа', participant, '9А', ext * 5, ext]);
    codes.push([participant, student]);
    journal.push([student, '9А', 'Математика', 'Итоговая аттестация', int]);
  });
  await ctx.services.resultImports.importFile(
    SYSTEM_ACTOR,
    { fileName: 'oge_2025_mat_9.csv', bytes: tableToCsv(rows), choice: {} },
    { createSchools: false },
  );
  await ctx.services.students.add(SYSTEM_ACTOR, s1.id, { codes: codes.slice(1).map((c) => c[1]!) });
  const test = (
    await ctx.services.testCatalog.list(SYSTEM_ACTOR, { procedure: 'oge', year: 2025, grade: 9 })
  )[0]!;
  await ctx.services.codeLinks.upload(SYSTEM_ACTOR, test.id, s1.id, {
    fileName: 'codes.csv',
    bytes: tableToCsv(codes, { encoding: 'utf-8' }),
  });
  await ctx.services.journalMarks.importBytes(
    SYSTEM_ACTOR,
    { orgId: s1.id, year: 2024 },
    'journal.csv',
    tableToCsv(journal),
    { studentCode: 0, className: 1, subject: 2, period: 3, mark: 4 },
  );
  // A stored run (after the imports, whose re-run it follows): school 1 flagged with two indicators, school 2 flagged, 3 and 4 honest.
  const run = await insertRun(db, {
    municipalityId: m.id,
    procedure: 'vpr',
    q: 0.05,
    supportQ: 0.1,
    years: [2025],
    engineVersion: 'test',
    trigger: 'manual',
    status: 'done',
    startedByLogin: 'test',
  });
  const result = (orgId: number, flagged: boolean, evidence: unknown[]) => ({
    runId: run.id,
    orgId,
    schoolLogin: '',
    year: 2025,
    p: flagged ? 0.0001 : 0.5,
    score: flagged ? 4 : 0.3,
    qValue: flagged ? 0.001 : 0.9,
    flagged,
    supportList: false,
    yearsInRow: flagged ? 2 : 0,
    tests: 4,
    dossier: { summary: '', evidence, caveats: [], driver: null },
  });
  const ev = (subject: string, grade: number, title: string, n: number) => ({
    subject,
    grade,
    indicator: 'cutExcess',
    title,
    p: 0.001,
    z: 3,
    n,
    effect: null,
    text: '',
    causes: '',
    sampleNote: null,
    chart: null,
  });
  await insertResults(db, [
    result(s1.id, true, [
      ev('Математика', 5, 'Избыток работ у границ отметок', 57),
      ev('Русский язык', 6, 'Расхождение с отметками по журналу', 49),
    ]),
    result(s2.id, true, [ev('Математика', 7, 'Трудные задания выполнены лучше лёгких', 33)]),
    result(s3.id, false, []),
    result(s4.id, false, []),
  ]);
}, 120_000);
afterAll(() => ctx.close());

describe('objectivity support API', () => {
  it('compares ОГЭ marks with итоговая marks of the same students', async () => {
    const dir = await signIn(ctx.app, 'dir71', PASSWORD);
    const view = dataOf<CompareView>(await dir.get(`/api/objectivity/compare?orgId=${ids.s1}`));
    expect(view.year).toBe(2025);
    expect(view.groups).toHaveLength(1);
    const g = view.groups[0]!;
    expect(g).toMatchObject({
      procedure: 'oge',
      procedureLabel: 'ОГЭ',
      subject: 'Математика',
      grade: 9,
      kind: 'final',
      n: 12,
    });
    expect(g.lowered.count).toBe(5);
    expect(g.confirmed.count).toBe(6);
    expect(g.raised.count).toBe(1);
    expect(g.agreement).toBeCloseTo(0.5);
    expect(g.table[2]).toEqual([0, 0, 3, 2]);
    expect(g.spearman).toBeGreaterThan(0.5);
    expect(g.note).toContain('Малая выборка');
    // Another school of the district is out of a school user's reach.
    expect((await dir.get(`/api/objectivity/compare?orgId=${ids.s2}`)).statusCode).toBe(404);
    const empty = dataOf<CompareView>(
      await (
        await signIn(ctx.app, 'imc71', PASSWORD)
      ).get(`/api/objectivity/compare?orgId=${ids.s3}`),
    );
    expect(empty).toMatchObject({ year: null, groups: [] });
  });

  it('creates the support programme as a district plan with observers from unflagged schools', async () => {
    const imc = await signIn(ctx.app, 'imc71', PASSWORD);
    const out = dataOf<SupportProgrammeResult>(
      await imc.post('/api/objectivity/support-programme', { orgIds: [ids.s1], year: 2025 }),
    );
    expect(out.schools).toBe(1);
    const plan = dataOf<PlanView>(await imc.get(`/api/plans/${out.planId}`));
    expect(plan.orgId).toBe(ids.imc);
    expect(plan.periodStart).toBe('2025-09-01');
    expect(plan.sections.map((s) => s.number)).toEqual(['1', '2', '3', '4']);
    const analysis = plan.activities.find((a) => a.text.includes('в динамике'))!;
    expect(analysis.text).toContain(
      'Математика, 5 класс — избыток работ у границ отметок (n = 57)',
    );
    expect(analysis.text).toContain('признаки 2 года подряд');
    expect(analysis.targetSchools.map((t) => t.orgId)).toEqual([ids.s1]);
    const observers = plan.activities.find((a) => a.text.startsWith('Привлечение специалистов'))!;
    expect(observers.participants).toBe('Наблюдатели из других школ: № 7103, № 7104');
    const [entry] = (await ctx.database.db.select().from(auditLog)).filter(
      (e) => e.action === 'generate' && e.entityId === String(out.planId),
    );
    expect(entry?.summary).toContain('программа адресного сопровождения ОО № 7101');
  });

  it('refuses a school user, bad input and schools of several districts', async () => {
    const dir = await signIn(ctx.app, 'dir71', PASSWORD);
    const res = await dir.post('/api/objectivity/support-programme', {
      orgIds: [ids.s1],
      year: 2025,
    });
    expect([403, 404]).toContain(res.statusCode);
    const imc = await signIn(ctx.app, 'imc71', PASSWORD);
    const bad = await imc.post('/api/objectivity/support-programme', { orgIds: [], year: 2025 });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toContain('Выберите хотя бы одну школу');
    const body = await imc.post('/api/objectivity/support-programme', {
      orgIds: [ids.imc],
      year: 2025,
    });
    expect(body.statusCode).toBe(400);
    expect(errorOf(body).message).toContain('не образовательная организация');
  });
});
