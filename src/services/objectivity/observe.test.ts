import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../core/access/actor';
import { findOrgByFisLogin } from '../../db/repositories/organisations';
import type { OrgRow } from '../../db/repositories/organisations';
import type {
  ObservationChangeSummary,
  ObservationList,
  ObservedComparison,
} from '../../shared/objectivityObserve';
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
import { importObserveResults } from '../../../test/observeData';

let ctx: TestContext;
let municipalityId: number;
let school320: OrgRow;
let school901: OrgRow;
let district: Client;
let schoolUser: Client;

const HEADER = 'Логин ОО;Год;Предмет;Параллель;Общественное наблюдение';
const upload = (client: Client, name: string, content: string) => {
  const form = multipart({}, { name, type: 'text/csv', content });
  return client.post('/api/objectivity/observations/import', form.payload, form.headers);
};
const list = async (client: Client, query = '') =>
  dataOf<ObservationList>(await client.get(`/api/objectivity/observations${query}`));
const auditCount = async () =>
  (await ctx.services.auditLog.list(SYSTEM_ACTOR, { page: 1, pageSize: 500 })).rows.filter(
    (r) => r.entry.entity === 'observation_mark',
  ).length;

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.database.db;
  municipalityId = (await buildMunicipality(db, 'Тестовый район')).id;
  await importObserveResults(ctx, municipalityId);
  school320 = (await findOrgByFisLogin(db, 'sch78320')) as OrgRow;
  school901 = (await findOrgByFisLogin(db, 'sch78901')) as OrgRow;
  const staff = await buildUser(db, { role: 'district_specialist', municipalityId });
  const admin = await buildUser(db, {
    role: 'school_admin',
    municipalityId,
    orgIds: [school320.id],
  });
  district = await signIn(ctx.app, staff.login, PASSWORD);
  schoolUser = await signIn(ctx.app, admin.login, PASSWORD);
}, 120_000);
afterAll(() => ctx.close());

describe('observation marks', () => {
  it('lists every administration with results, unmarked at first', async () => {
    const all = await list(district);
    expect(all.rows).toHaveLength(20);
    expect(all.canManage).toBe(true);
    expect(all.rows.every((r) => r.observed === null && !r.marked)).toBe(true);
    expect(all.rows[0]).toMatchObject({ subject: 'math', subjectName: 'Математика', grade: 4 });
    expect((await list(district, '?year=2023')).rows).toHaveLength(10);
    expect(all.status).toEqual([
      expect.objectContaining({ municipalityId, outdated: false, lastMarkChange: null }),
    ]);
  });

  it('imports the CSV all or nothing, naming file, row and column, and unknown logins', async () => {
    const bad = await upload(
      district,
      'obs.csv',
      `${HEADER}\nsch78320;2022;Математика;4;да\nsch78901;2023;Математика;4;может быть\nsch00000;2023;Математика;4;нет\n`,
    );
    const error = errorOf(bad);
    expect(error.status).toBe(400);
    expect(error.message).toContain(
      'Файл «obs.csv», строка 3, столбец 5 «Общественное наблюдение»: значение «может быть»',
    );
    expect(error.message).toContain(
      'Файл «obs.csv», строка 4, столбец 1 «Логин ОО»: логин ОО «sch00000» не найден',
    );
    expect((await list(district)).rows.some((r) => r.marked)).toBe(false);
    expect(await auditCount()).toBe(0);
  });

  it('stores a good file with an audit entry per school; the same file again changes nothing', async () => {
    const file = `${HEADER}\nsch78320;2022;Математика;4;да\nsch78320;2023;Математика;4;нет\nsch78901;2023;Математика;4;нет\n`;
    const first = dataOf<ObservationChangeSummary>(await upload(district, 'obs.csv', file));
    expect(first).toEqual({ rows: 3, changed: 3, unchanged: 0 });
    expect(await auditCount()).toBe(2);
    const again = dataOf<ObservationChangeSummary>(await upload(district, 'obs.csv', file));
    expect(again).toEqual({ rows: 3, changed: 0, unchanged: 3 });
    expect(await auditCount()).toBe(2);
    const rows = (await list(district, `?orgId=${school320.id}`)).rows;
    expect(rows.map((r) => [r.year, r.observed, r.source])).toEqual([
      [2022, true, 'csv'],
      [2023, false, 'csv'],
    ]);
    expect((await list(district)).status[0]?.outdated).toBe(true);
  });

  it('changes a mark with before → after in the audit log, and «не известно» is kept as a change', async () => {
    const set = (observed: boolean | null) =>
      district.put('/api/objectivity/observations', {
        items: [{ orgId: school901.id, year: 2023, subject: 'math', grade: 4, observed }],
      });
    expect(dataOf<ObservationChangeSummary>(await set(true)).changed).toBe(1);
    const entries = (await ctx.services.auditLog.list(SYSTEM_ACTOR, { page: 1, pageSize: 500 }))
      .rows;
    const last = entries.find((r) => r.entry.entity === 'observation_mark');
    expect(last?.entry.before).toEqual({ '2023, Математика, 4 класс': 'нет' });
    expect(last?.entry.after).toEqual({ '2023, Математика, 4 класс': 'да' });
    expect(dataOf<ObservationChangeSummary>(await set(null)).changed).toBe(1);
    const row = (await list(district, `?orgId=${school901.id}&year=2023`)).rows[0];
    expect(row).toMatchObject({ observed: null, marked: true, source: 'ui' });
  });

  it('exports the marks in the format the import reads', async () => {
    const res = await district.get('/api/objectivity/observations/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const text = res.body.replace(/^\uFEFF/, '');
    expect(text.split('\r\n').filter(Boolean)).toEqual([
      HEADER,
      'sch78320;2022;Математика;4;да',
      'sch78320;2023;Математика;4;нет',
    ]);
    const back = dataOf<ObservationChangeSummary>(
      await upload(district, 'export.csv', res.rawPayload.toString('utf8')),
    );
    expect(back.changed).toBe(0);
  });

  it('lets a school see only its own marks and change none', async () => {
    const own = await list(schoolUser);
    expect(own.canManage).toBe(false);
    expect(own.status).toEqual([]);
    expect(new Set(own.rows.map((r) => r.orgId))).toEqual(new Set([school320.id]));
    const put = await schoolUser.put('/api/objectivity/observations', {
      items: [{ orgId: school320.id, year: 2023, subject: 'math', grade: 4, observed: true }],
    });
    expect(put.statusCode).toBe(403);
    expect((await upload(schoolUser, 'obs.csv', `${HEADER}\n`)).statusCode).toBe(403);
    const foreign = await schoolUser.get(`/api/objectivity/schools/${school901.id}/observed`);
    expect(foreign.statusCode).toBe(404);
    // District staff of another municipality do not reach these schools.
    const other = await buildMunicipality(ctx.database.db);
    await buildSchool(ctx.database.db, other.id);
    const outsider = await buildUser(ctx.database.db, {
      role: 'district_specialist',
      municipalityId: other.id,
    });
    const client = await signIn(ctx.app, outsider.login, PASSWORD);
    expect((await list(client)).rows).toEqual([]);
    const refused = await client.put('/api/objectivity/observations', {
      items: [{ orgId: school320.id, year: 2023, subject: 'math', grade: 4, observed: true }],
    });
    expect(refused.statusCode).toBe(404);
    const csv = await upload(client, 'obs.csv', `${HEADER}\nsch78320;2023;Математика;4;да\n`);
    expect(errorOf(csv).message).toMatch(/логин ОО «sch78320» не найден/);
  });

  it('compares observed and unobserved years with the municipality and the stored evidence', async () => {
    await ctx.services.analysisRuns.rerunNow(SYSTEM_ACTOR, municipalityId, 'manual');
    const cmp = dataOf<ObservedComparison>(
      await schoolUser.get(`/api/objectivity/schools/${school320.id}/observed`),
    );
    expect(cmp.runId).not.toBeNull();
    const [row] = cmp.rows;
    expect(row).toMatchObject({ subject: 'math', subjectName: 'Математика', grade: 4 });
    expect(row?.observed?.years).toEqual([2022]);
    expect(row?.unobserved?.years).toEqual([2023]);
    // School 320 inflates every work of 2023: further above the municipality without observers.
    expect(row?.scoreGap).toBeGreaterThan(5);
    expect(row?.unobserved?.school.n).toBeGreaterThan(50);
    expect(row?.evidence.map((e) => e.year)).toEqual([2023]);
    expect(row?.evidence[0]?.text).toMatch(/наблюдател/);
  });
});
