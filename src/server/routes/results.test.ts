import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  dataOf,
  errorOf,
  signIn,
  type Client,
  type TestContext,
} from '../../../test/app';
import { buildMunicipality, buildSchool, buildUser, PASSWORD } from '../../../test/factories';
import { multipart } from '../../../test/multipart';
import { SYSTEM_ACTOR } from '../../core/access/actor';
import {
  assessmentTests,
  organisations,
  resultBatches,
  resultFiles,
  resultWorks,
} from '../../db/schema';
import { tableToCsv } from '../../importers/results/writers';
import type {
  BatchView,
  ImportOutcomeView,
  ImportPreviewView,
  ResultTestView,
  TestView,
  WorksData,
} from '../../shared/results';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/results/${name}`, import.meta.url));
const SAMPLE = 'individual_vpr_2024_rus_5_win1251.csv';
const FORM = 'forma_sbora_vpr_2023_mat_4_sch780312.csv';

let ctx: TestContext;
let admin: Client;
let school101: Client;
let ids: { m: number; s101: number; s204: number; s312: number };

async function counts() {
  const db = ctx.database.db;
  return {
    files: await db.$count(resultFiles),
    batches: await db.$count(resultBatches),
    works: await db.$count(resultWorks),
    tests: await db.$count(assessmentTests),
    orgs: await db.$count(organisations),
  };
}

const upload = (
  client: Client,
  name: string,
  bytes: Buffer,
  fields: Record<string, string | number> = {},
) => {
  const form = multipart(fields, { name, type: 'text/csv', content: bytes });
  return client.post('/api/results/imports/preview', form.payload, form.headers);
};

async function importVia(
  client: Client,
  name: string,
  bytes: Buffer,
  fields: Record<string, string | number> = {},
) {
  const preview = dataOf<ImportPreviewView>(await upload(client, name, bytes, fields));
  const res = await client.post('/api/results/imports', {
    uploadKey: preview.uploadKey,
    fileName: name,
    ...fields,
  });
  return { preview, res };
}

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.database.db;
  const m = await buildMunicipality(db, 'Муниципальное образование «Пример»');
  const s101 = await buildSchool(db, m.id, {
    fisLogin: 'sch780101',
    shortName: 'ГБОУ школа № 101',
  });
  const s204 = await buildSchool(db, m.id, {
    fisLogin: 'sch780204',
    shortName: 'ГБОУ гимназия № 204',
  });
  const s312 = await buildSchool(db, m.id, {
    fisLogin: 'sch780312',
    shortName: 'ГБОУ школа № 312',
  });
  ids = { m: m.id, s101: s101.id, s204: s204.id, s312: s312.id };
  await buildUser(db, { login: 'uo', role: 'district_admin', municipalityId: m.id });
  await buildUser(db, {
    login: 'zam101',
    role: 'school_admin',
    municipalityId: m.id,
    orgIds: [s101.id],
  });
  admin = await signIn(ctx.app, 'uo', PASSWORD);
  school101 = await signIn(ctx.app, 'zam101', PASSWORD);
});
afterAll(() => ctx.close());

describe('catalog', () => {
  it('ships the known ВПР scales with their certainty', async () => {
    const list = dataOf<TestView[]>(await admin.get('/api/results/catalog?year=2026'));
    expect(list.map((t) => [t.name, t.maxTotal, t.cutScores, t.scaleCertainty])).toEqual([
      ['ВПР 2026, Русский язык, 4 класс', 24, { min3: 10, min4: 16, min5: 21 }, 'S'],
    ]);
  });

  it('lets the district administrator add and correct a test, and refuses bad scales', async () => {
    const subjects = dataOf<{ subjects: { id: number; code: string }[] }>(
      await admin.get('/api/reference'),
    ).subjects;
    const math = subjects.find((s) => s.code === 'math')?.id as number;
    const created = dataOf<TestView>(
      await admin.post('/api/results/catalog', {
        procedure: 'rm',
        year: 2025,
        subjectId: math,
        grade: 6,
        tasks: [
          { code: '1', max: 1, level: 'Б' },
          { code: '2', max: 2, level: 'П' },
        ],
        maxTotal: null,
        cutScores: { min3: 1, min4: 2, min5: 3 },
        source: null,
      }),
    );
    expect(created).toMatchObject({
      name: 'Региональный мониторинг 2025, Математика, 6 класс',
      maxTotal: 3,
      structureCertainty: 'manual',
    });
    const bad = await admin.patch(`/api/results/catalog/${created.id}`, {
      cutScores: { min3: 2, min4: 2, min5: 3 },
    });
    expect(errorOf(bad)).toMatchObject({
      status: 400,
      message: 'Границы отметок должны возрастать: «3» от 2, «4» от 2, «5» от 3',
    });
    const fixed = dataOf<TestView>(
      await admin.patch(`/api/results/catalog/${created.id}`, {
        tasks: [...created.tasks, { code: '3', max: 2, level: 'В' }],
        cutScores: { min3: 1, min4: 3, min5: 5 },
      }),
    );
    expect(fixed.cutScores).toEqual({ min3: 1, min4: 3, min5: 5 });
    expect(fixed.maxTotal).toBe(5);
    // Only the district administrator edits the catalog.
    const body = {
      procedure: 'rm',
      year: 2025,
      subjectId: math,
      grade: 7,
      tasks: [],
      maxTotal: 10,
      cutScores: null,
      source: null,
    };
    expect((await school101.post('/api/results/catalog', body)).statusCode).toBe(403);
    expect((await admin.post('/api/results/catalog', body)).statusCode).toBe(200);
  });
});

describe('importing a municipal export', () => {
  it('previews without changing anything: test, schools, classes, counts, notes', async () => {
    const before = await counts();
    const p = dataOf<ImportPreviewView>(await upload(admin, SAMPLE, fixture(SAMPLE)));
    expect(p).toMatchObject({
      kind: 'individual',
      testName: 'ВПР 2024, Русский язык, 5 класс',
      maxTotal: 45,
      cutScores: { min3: 18, min4: 29, min5: 39 },
      works: 9,
      absent: 1,
      ok: true,
      alreadyImported: false,
    });
    expect(
      p.schools.map((s) => [s.login, s.orgId, s.works, s.absent, s.classes, s.replacesBatchId]),
    ).toEqual([
      ['sch780101', ids.s101, 5, 1, ['5А', '5Б'], null],
      ['sch780204', ids.s204, 4, 0, ['5А'], null],
    ]);
    expect(p.issues.map((i) => i.message)).toEqual([
      'Структура работы взята из заголовков файла: заданий — 12, максимум — 45',
    ]);
    expect(await counts()).toEqual(before);
  });

  it('a school administrator cannot import a file with another school’s results', async () => {
    const res = await upload(school101, SAMPLE, fixture(SAMPLE));
    const p = dataOf<ImportPreviewView>(res);
    expect(p.ok).toBe(false);
    expect(p.issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([
      'Файл содержит результаты ОО sch780204 «ГБОУ гимназия № 204», которая вне вашей области доступа: загружать можно только результаты своих ОО',
    ]);
    const commit = await school101.post('/api/results/imports', {
      uploadKey: p.uploadKey,
      fileName: SAMPLE,
    });
    expect(errorOf(commit)).toMatchObject({ status: 400 });
    expect(errorOf(commit).message).toMatch(
      /^Файл не загружен\. Файл «individual_vpr_2024_rus_5_win1251\.csv»: Файл содержит результаты ОО sch780204/,
    );
  });

  let firstBatches: number[] = [];
  it('commits all works in one go, with the structure added to the catalog', async () => {
    const { res } = await importVia(admin, SAMPLE, fixture(SAMPLE));
    const out = dataOf<ImportOutcomeView>(res);
    expect(out).toMatchObject({
      status: 'imported',
      works: 9,
      schoolsCreated: [],
      replacedBatchIds: [],
    });
    firstBatches = out.batchIds;
    expect(await counts()).toMatchObject({ files: 1, batches: 2, works: 9 });
    const test = dataOf<TestView[]>(await admin.get('/api/results/catalog?year=2024&grade=5')).find(
      (t) => t.subjectCode === 'rus',
    );
    expect(test?.tasks.map((t) => `${t.code}:${t.max}:${t.level}`).join(' ')).toBe(
      '1:9:Б 2:12:Б 3:3:Б 4:2:П 5:3:Б 6:2:П 7:2:Б 8:3:Б 9:2:Б 10:2:П 11:2:Б 12:3:П',
    );
    expect(test?.structureCertainty).toBe('file');
  });

  it('re-importing the same file changes nothing', async () => {
    const before = await counts();
    const { preview, res } = await importVia(admin, 'copy.csv', fixture(SAMPLE));
    expect(preview.alreadyImported).toBe(true);
    expect(dataOf<ImportOutcomeView>(res).status).toBe('already_imported');
    expect(await counts()).toEqual(before);
  });

  it('a corrected file replaces the earlier batches; undo restores them', async () => {
    const corrected = iconv.encode(
      iconv
        .decode(fixture(SAMPLE), 'win1251')
        .replace(';10001;5А;1;7;9;', ';10001;5А;1;8;9;')
        .replace(';31;4;4', ';32;4;4'),
      'win1251',
    );
    const { preview, res } = await importVia(admin, 'corrected.csv', corrected);
    expect(preview.schools.map((s) => s.replacesBatchId)).toEqual(firstBatches);
    const out = dataOf<ImportOutcomeView>(res);
    expect(out.replacedBatchIds).toEqual(firstBatches);
    const history = dataOf<{ items: BatchView[] }>(await admin.get('/api/results/imports')).items;
    expect(history.map((b) => [b.fileName, b.orgLogin, b.status])).toEqual([
      ['corrected.csv', 'sch780204', 'active'],
      ['corrected.csv', 'sch780101', 'active'],
      [SAMPLE, 'sch780204', 'replaced'],
      [SAMPLE, 'sch780101', 'replaced'],
    ]);
    const works = dataOf<WorksData>(
      await admin.get(`/api/results/tests/${out.testId}/works?orgId=${ids.s101}`),
    );
    expect(works.works.find((w) => w.participantCode === '10001')?.scores[0]).toBe(8);

    const undone = dataOf<BatchView>(
      await admin.post(`/api/results/imports/${out.batchIds[1]}/undo`),
    );
    expect(undone.status).toBe('undone');
    const after = dataOf<WorksData>(
      await admin.get(`/api/results/tests/${out.testId}/works?orgId=${ids.s204}`),
    );
    expect(after.works).toHaveLength(4);
    const again = dataOf<WorksData>(
      await admin.get(`/api/results/tests/${out.testId}/works?orgId=${ids.s101}`),
    );
    expect(again.works.find((w) => w.participantCode === '10001')?.scores[0]).toBe(8);
    const restored = dataOf<{ items: BatchView[] }>(
      await admin.get(`/api/results/imports?orgId=${ids.s204}`),
    ).items;
    expect(restored.map((b) => b.status)).toEqual(
      ['undone', 'replaced'].length ? ['undone', 'active'] : [],
    );
    expect(errorOf(await admin.post(`/api/results/imports/${out.batchIds[1]}/undo`)).message).toBe(
      'Отменить можно только действующую загрузку',
    );
  });

  it('browses results: tests, works without names, marks, histogram and task success', async () => {
    const tests = dataOf<ResultTestView[]>(await school101.get('/api/results/tests'));
    expect(tests.map((t) => [t.test.name, t.schools.map((s) => s.orgName)])).toEqual([
      ['ВПР 2024, Русский язык, 5 класс', ['ГБОУ школа № 101']],
    ]);
    const testId = tests[0]?.test.id as number;
    const w = dataOf<WorksData>(
      await school101.get(`/api/results/tests/${testId}/works?orgId=${ids.s101}&className=5А`),
    );
    expect(w.classes).toEqual(['5А', '5Б']);
    expect(
      w.works.map((x) => [x.participantCode, x.absent, x.total, x.mark, x.journalMark]),
    ).toEqual([
      ['10001', false, 32, 4, 4],
      ['10002', false, 16, 2, 3],
      ['10003', true, null, null, null],
    ]);
    expect(w.summary).toMatchObject({
      participants: 3,
      present: 2,
      absent: 1,
      marks: { '2': 1, '3': 0, '4': 1, '5': 0, none: 0 },
    });
    expect(w.summary.histogram).toHaveLength(46);
    expect(w.summary.histogram[32]).toBe(1);
    expect(w.summary.tasks[0]).toEqual({ code: '1', level: 'Б', max: 9, success: (8 + 4) / 18 });
    // Another school's works are not found for this school administrator.
    expect(
      (await school101.get(`/api/results/tests/${testId}/works?orgId=${ids.s204}`)).statusCode,
    ).toBe(404);
  });
});

describe('importing a school form', () => {
  it('refuses a form named for another school', async () => {
    const p = dataOf<ImportPreviewView>(
      await upload(school101, FORM, fixture(FORM), {
        orgId: ids.s101,
        procedure: 'vpr',
        year: 2023,
        subjectCode: 'math',
        grade: 4,
      }),
    );
    expect(p.ok).toBe(false);
    expect(p.issues.map((i) => i.message)).toEqual([
      'Файл относится к ОО с логином sch780312 («ГБОУ школа № 312»), а загружается для «ГБОУ школа № 101» (sch780101): загрузите файл своей ОО',
    ]);
  });

  it('imports with the structure and the scale from the catalog; absent stays absent', async () => {
    const fields = { procedure: 'vpr', year: 2023, subjectCode: 'math', grade: 4 };
    const { preview, res } = await importVia(admin, FORM, fixture(FORM), fields);
    expect(preview).toMatchObject({
      ok: true,
      kind: 'school_form',
      testName: 'ВПР 2023, Математика, 4 класс',
      works: 4,
      absent: 1,
    });
    expect(preview.schools.map((s) => s.orgId)).toEqual([ids.s312]);
    const out = dataOf<ImportOutcomeView>(res);
    const w = dataOf<WorksData>(
      await admin.get(`/api/results/tests/${out.testId}/works?orgId=${ids.s312}`),
    );
    expect(
      w.works.map((x) => [
        x.participantCode,
        x.absent,
        x.total,
        x.mark,
        x.markFromFile,
        x.journalMark,
      ]),
    ).toEqual([
      ['10001', false, 15, 5, false, 5],
      ['10002', false, 5, 2, false, 3],
      ['10003', true, null, null, false, 4],
      ['10004', false, 20, 5, false, 5],
    ]);
    expect(w.works[2]?.scores).toEqual(Array(15).fill(null));
  });
});

describe('all or nothing', () => {
  it('an import killed midway leaves the database unchanged', async () => {
    const table = [
      ['ВПР 2021 Русский язык 8 класс'],
      ['Максимальный первичный балл: 3'],
      [
        'ОО',
        'Муниципалитет',
        'Название ОО',
        'Код участника',
        'Класс',
        'Вариант',
        '1 (1б)',
        '2 (2б)',
        'Первичный балл',
        'Отметка',
        'Отметка по журналу',
      ],
      ['sch880001', 'Новый район', 'Новая школа', '1', '8А', 1, 1, 1, 2, 3, 4],
      ['sch780101', 'М', 'Школа 101', '1', '8А', 1, 1, 2, 3, 5, 5],
      ['sch780204', 'М', 'Гимназия 204', '1', '8А', 1, 0, 1, 1, 2, 3],
    ];
    const before = await counts();
    const seenProgress: number[] = [];
    await expect(
      ctx.services.resultImports.importFile(
        SYSTEM_ACTOR,
        { fileName: 'kill.csv', bytes: tableToCsv(table), choice: {} },
        { createSchools: true, municipalityId: ids.m },
        ({ index }) => {
          seenProgress.push(index);
          if (index === 2) throw new Error('killed');
        },
      ),
    ).rejects.toThrow('killed');
    expect(seenProgress).toEqual([1, 2]);
    // The new school, the new catalog entry, the file, the first batches: all rolled back.
    expect(await counts()).toEqual(before);
  });

  it('the CLI path creates schools named by a municipal export', async () => {
    const table = [
      ['ВПР 2021 Математика 8 класс'],
      [
        'ОО',
        'Муниципалитет',
        'Название ОО',
        'Код участника',
        'Класс',
        'Вариант',
        '1 (1б)',
        'Первичный балл',
        'Отметка',
        'Отметка по журналу',
      ],
      [
        'sch880002',
        'Муниципальное образование «Пример»',
        'ГБОУ школа № 2',
        '7',
        '8Б',
        1,
        1,
        1,
        2,
        3,
      ],
    ];
    const out = await ctx.services.resultImports.importFile(
      SYSTEM_ACTOR,
      { fileName: 'new.csv', bytes: tableToCsv(table), choice: {} },
      { createSchools: true },
    );
    expect(out.schoolsCreated).toEqual(['sch880002 «ГБОУ школа № 2»']);
    // Without that option (web import) an unknown school is an error.
    const p = dataOf<ImportPreviewView>(
      await upload(
        admin,
        'x.csv',
        tableToCsv([
          table[0] as string[],
          table[1] as string[],
          ['sch880003', 'М', 'Школа 3', '7', '8Б', 1, 1, 1, 2, 3],
        ]),
      ),
    );
    expect(p.issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([
      'ОО с логином sch880003 («Школа 3») нет в реестре: добавьте её в реестр организаций или загрузите файл командой vsoko import, которая создаёт недостающие ОО',
    ]);
  });
});
