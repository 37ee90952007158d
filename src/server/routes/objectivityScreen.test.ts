import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { eq, inArray } from 'drizzle-orm';
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
import { storeRun } from '../../../test/objectivityFixtures';
import { auditLog, officialListEntries } from '../../db/schema';
import type { DueProcessView, ScreenView } from '../../shared/objectivityScreen';

const fixture = (name: string) =>
  readFileSync(path.join(__dirname, '../../../test/fixtures/objectivity', name));

describe('objectivity screen, official lists and due process over HTTP', () => {
  let ctx: TestContext;
  let district: Client;
  let school1: Client;
  let school2: Client;
  const ids = { s1: 0, s2: 0, s3: 0, b1: 0, m: 0 };

  beforeAll(async () => {
    ctx = await createTestContext();
    const db = ctx.database.db;
    const m = await buildMunicipality(db, 'Тестовый район');
    const other = await buildMunicipality(db, 'Другой район');
    const s1 = await buildSchool(db, m.id, { fisLogin: 'sch880001', shortName: 'Школа № 1' });
    const s2 = await buildSchool(db, m.id, { fisLogin: 'sch880002', shortName: 'Школа № 2' });
    const s3 = await buildSchool(db, m.id, { fisLogin: 'sch880003', shortName: 'Школа № 3' });
    const b1 = await buildSchool(db, other.id, { fisLogin: 'sch880101', shortName: 'Школа Б' });
    Object.assign(ids, { s1: s1.id, s2: s2.id, s3: s3.id, b1: b1.id, m: m.id });
    await buildUser(db, { login: 'spec', role: 'district_specialist', municipalityId: m.id });
    await buildUser(db, {
      login: 'sa1',
      role: 'school_admin',
      municipalityId: m.id,
      orgIds: [s1.id],
    });
    await buildUser(db, {
      login: 'sa2',
      role: 'school_admin',
      municipalityId: m.id,
      orgIds: [s2.id],
    });
    await storeRun(
      db,
      m.id,
      [2024, 2025],
      [
        {
          orgId: s1.id,
          login: 'sch880001',
          year: 2025,
          flagged: true,
          supportList: true,
          yearsInRow: 2,
          q: 0.001,
          evidence: [
            { subject: 'Математика', grade: 4, indicator: 'cutExcess', p: 0.0004, n: 31 },
            { subject: 'Русский язык', grade: 4, indicator: 'cutExcess', p: 0.01, n: 22 },
            { subject: 'Математика', grade: 5, indicator: 'itemProfile', p: 0.02, n: 48 },
          ],
          units: [
            { subject: 'Математика', grade: 4, works: 50 },
            { subject: 'Русский язык', grade: 4, works: 51 },
            { subject: 'Математика', grade: 5, works: 48 },
          ],
        },
        {
          orgId: s2.id,
          login: 'sch880002',
          year: 2025,
          supportList: true,
          q: 0.08,
          evidence: [
            { subject: 'Русский язык', grade: 5, indicator: 'concordance', p: 0.03, n: 40 },
          ],
          units: [{ subject: 'Русский язык', grade: 5, works: 40 }],
        },
        { orgId: s1.id, login: 'sch880001', year: 2024, flagged: true, yearsInRow: 1, q: 0.01 },
      ],
    );
    district = await signIn(ctx.app, 'spec', PASSWORD);
    school1 = await signIn(ctx.app, 'sa1', PASSWORD);
    school2 = await signIn(ctx.app, 'sa2', PASSWORD);
  }, 60_000);
  afterAll(() => ctx?.close());

  it('lists every school with risk level, indicators, n and years in a row', async () => {
    const v = dataOf<ScreenView>(await district.get('/api/objectivity/screen'));
    expect(v.year).toBe(2025);
    expect(v.years).toEqual([2025, 2024]);
    expect(v.rows.map((r) => [r.name, r.risk, r.n, r.yearsInRow])).toEqual([
      ['Школа № 1', 'high', 149, 2],
      ['Школа № 2', 'elevated', 40, 0],
      ['Школа № 3', 'nodata', null, 0],
    ]);
    const cut = v.rows[0]?.indicators.find((i) => i.indicator === 'cutExcess');
    expect(cut?.title).toBe('Избыток работ у границ отметок');
    expect(cut?.details).toEqual([
      'Математика, 4 класс: p = 0,0004, 31 работа',
      'Русский язык, 4 класс: p = 0,010, 22 работы',
    ]);
    expect(v.subjects).toEqual(['Математика', 'Русский язык']);
    expect(v.totals).toMatchObject({ schools: 3, high: 1, elevated: 1, nodata: 1 });
  });

  it('filters by subject and grade, searches by login, sorts', async () => {
    const math = dataOf<ScreenView>(
      await district.get(
        `/api/objectivity/screen?subject=${encodeURIComponent('Математика')}&grade=4`,
      ),
    );
    expect(math.rows.map((r) => [r.name, r.n, r.indicators.map((i) => i.indicator)])).toEqual([
      ['Школа № 1', 50, ['cutExcess']],
    ]);
    const found = dataOf<ScreenView>(await district.get('/api/objectivity/screen?search=880002'));
    expect(found.rows.map((r) => r.name)).toEqual(['Школа № 2']);
    const byName = dataOf<ScreenView>(
      await district.get('/api/objectivity/screen?sort=name&desc=true'),
    );
    expect(byName.rows.map((r) => r.name)).toEqual(['Школа № 3', 'Школа № 2', 'Школа № 1']);
    const old = dataOf<ScreenView>(await district.get('/api/objectivity/screen?year=2024'));
    expect(old.rows.map((r) => r.risk)).toEqual(['high', 'nodata', 'nodata']);
  });

  it('exports exactly the rows shown', async () => {
    const url = `/api/objectivity/screen.xlsx?subject=${encodeURIComponent('Русский язык')}`;
    const res = await district.get(url);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    const names: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 5) names.push(String(row.getCell(1).value));
    });
    const shown = dataOf<ScreenView>(await district.get(url.replace('.xlsx', '')));
    expect(names).toEqual(shown.rows.map((r) => r.name));
    expect(names).toEqual(['Школа № 1', 'Школа № 2']);
  });

  it('a school sees only its own row and its own evidence', async () => {
    const v = dataOf<ScreenView>(await school1.get('/api/objectivity/screen'));
    expect(v.rows.map((r) => r.orgId)).toEqual([ids.s1]);
    const own = dataOf<DueProcessView>(
      await school1.get(`/api/objectivity/schools/${ids.s1}/due-process?year=2025`),
    );
    expect(own.risk).toBe('high');
    expect(own.evidence.map((e) => e.indicator)).toEqual(['cutExcess', 'cutExcess', 'itemProfile']);
    expect(own.canExplain).toBe(true);
    expect(own.canDecide).toBe(false);
    const foreign = await school1.get(`/api/objectivity/schools/${ids.s2}/due-process?year=2025`);
    expect(foreign.statusCode).toBe(404);
  });

  it('imports the federal list all-or-nothing; the same list again changes nothing', async () => {
    const upload = (list: string, name: string, client = district) => {
      const form = multipart({ list }, { name, type: 'text/csv', content: fixture(name) });
      return client.post('/api/objectivity/lists', form.payload, form.headers);
    };
    const first = dataOf<{
      changed: boolean;
      unknownLogins: string[];
      otherMunicipality: string[];
    }>(await upload('federal', 'federal_list_cp1251.csv'));
    expect(first).toMatchObject({
      changed: true,
      unknownLogins: ['sch000000'],
      otherMunicipality: ['sch880101'],
    });
    const again = dataOf<{ changed: boolean; message: string }>(
      await upload('federal', 'federal_list.xlsx'),
    );
    expect(again.changed).toBe(false);
    expect(again.message).toContain('изменений нет');
    const before = await ctx.database.db.select().from(officialListEntries);
    const bad = await upload('federal', 'federal_bad_total.csv');
    expect(errorOf(bad).status).toBe(400);
    expect(errorOf(bad).message).toContain(
      'Файл «federal_bad_total.csv», лист «CSV», строка 3, столбец «Количество маркеров»',
    );
    expect(await ctx.database.db.select().from(officialListEntries)).toEqual(before);
    expect((await upload('federal', 'federal_list.csv', school1)).statusCode).toBe(403);
    dataOf(await upload('shnor', 'shnor_list.csv'));

    const v = dataOf<ScreenView>(await district.get('/api/objectivity/screen'));
    const s1 = v.rows.find((r) => r.orgId === ids.s1);
    const s2 = v.rows.find((r) => r.orgId === ids.s2);
    expect(s1?.federal).toEqual({ r4: 0, m4: 1, r5: 0, m5: 1, total: 2 });
    expect(s2?.federal).toEqual({ r4: 0, m4: 0, r5: 1, m5: 0, total: 1 });
    expect(s2?.shnor).toEqual({ note: 'Низкие результаты ВПР два года подряд' });
    const badges = dataOf<{ list: string; year: number }[]>(
      await school1.get(`/api/objectivity/schools/${ids.s1}/official-lists`),
    );
    expect(badges.map((b) => [b.list, b.year])).toEqual([
      ['federal', 2025],
      ['federal', 2024],
    ]);
    const overview = dataOf<{ counts: { list: string; year: number; schools: number }[] }>(
      await district.get('/api/objectivity/lists'),
    );
    expect(overview.counts.map((c) => [c.list, c.year, c.schools])).toEqual([
      ['federal', 2025, 2],
      ['shnor', 2025, 1],
      ['federal', 2024, 1],
    ]);
    const audits = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entity, 'official_list'));
    expect(audits).toHaveLength(2);
  });

  it('records explanations and decisions as a history, every step audited', async () => {
    const form = multipart(
      { year: 2025, text: 'Работы проверяли учителя этих классов; просим перепроверку.' },
      { name: 'protokol.txt', type: 'text/plain', content: 'Протокол комиссии' },
    );
    const explained = dataOf<DueProcessView>(
      await school1.post(
        `/api/objectivity/schools/${ids.s1}/explanations`,
        form.payload,
        form.headers,
      ),
    );
    expect(explained.status).toBe('explained');
    const noSigns = multipart({ year: 2025, text: 'Пояснение' });
    const s3 = await district.post(
      `/api/objectivity/schools/${ids.s3}/explanations`,
      noSigns.payload,
      noSigns.headers,
    );
    expect(s3.statusCode).toBe(403);
    const noReason = await district.post(`/api/objectivity/schools/${ids.s1}/decisions`, {
      year: 2025,
      decision: 'recheck',
      reason: '  ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(
      (
        await school1.post(`/api/objectivity/schools/${ids.s1}/decisions`, {
          year: 2025,
          decision: 'cleared',
          reason: 'Сами себя проверили',
        })
      ).statusCode,
    ).toBe(403);
    dataOf(
      await district.post(`/api/objectivity/schools/${ids.s1}/decisions`, {
        year: 2025,
        decision: 'recheck',
        reason: 'Перепроверить работы по математике муниципальной комиссией',
      }),
    );
    const last = dataOf<DueProcessView>(
      await district.post(`/api/objectivity/schools/${ids.s1}/decisions`, {
        year: 2025,
        decision: 'keep_risk',
        reason: 'Перепроверка подтвердила завышение у границы отметки «3»',
      }),
    );
    expect(last.events.map((e) => e.decision ?? e.kind)).toEqual([
      'explanation',
      'recheck',
      'keep_risk',
    ]);
    expect(last.status).toBe('keep_risk');
    const explanation = last.events[0];
    expect(explanation?.file?.name).toBe('protokol.txt');
    const file = await district.get(`/api/objectivity/explanations/${explanation?.id}/file`);
    expect(file.body).toBe('Протокол комиссии');
    expect(
      (await school2.get(`/api/objectivity/explanations/${explanation?.id}/file`)).statusCode,
    ).toBe(404);

    const row = dataOf<ScreenView>(await district.get('/api/objectivity/screen')).rows.find(
      (r) => r.orgId === ids.s1,
    );
    expect(row?.dueStatusLabel).toBe('оставить в зоне риска');
    const audits = await ctx.database.db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.entity, ['objectivity_explanation', 'objectivity_decision']));
    expect(audits.map((a) => [a.entity, a.userLogin, a.orgId])).toEqual([
      ['objectivity_explanation', 'sa1', ids.s1],
      ['objectivity_decision', 'spec', ids.s1],
      ['objectivity_decision', 'spec', ids.s1],
    ]);
    expect(audits[2]?.before).toEqual({
      decision: 'recheck',
      reason: 'Перепроверить работы по математике муниципальной комиссией',
    });
  });
});
