import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  dataOf,
  errorOf,
  signIn,
  type Client,
  type TestContext,
} from '../../../test/app';
import { buildMunicipality, buildUser, PASSWORD } from '../../../test/factories';
import { multipart } from '../../../test/multipart';
import { importMunicipalVpr } from '../../../test/objectivityData';
import { findOrgByFisLogin } from '../../db/repositories/organisations';
import { regionAggregates } from '../../db/schema';
import type { SchoolCard, StandardReports } from '../../shared/objectivityCard';

const fixture = (name: string) => readFileSync(`test/fixtures/objectivity/${name}`);

let ctx: TestContext;
let district: Client;
let school: Client;
let own: number;
let other: number;

const upload = (client: Client, name: string, bytes: Buffer) => {
  const form = multipart({}, { name, type: 'text/csv', content: bytes });
  return client.post('/api/objectivity/region-aggregates', form.payload, form.headers);
};

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.database.db;
  const m = await buildMunicipality(db, 'Район карточек');
  await importMunicipalVpr(ctx, m.id, ['207', '901', '902', '903']);
  own = (await findOrgByFisLogin(db, 'sch78207'))?.id ?? 0;
  other = (await findOrgByFisLogin(db, 'sch78901'))?.id ?? 0;
  await buildUser(db, { login: 'uo-card', role: 'district_specialist', municipalityId: m.id });
  await buildUser(db, {
    login: 'zam-card',
    role: 'school_admin',
    municipalityId: m.id,
    orgIds: [own],
  });
  district = await signIn(ctx.app, 'uo-card', PASSWORD);
  school = await signIn(ctx.app, 'zam-card', PASSWORD);
}, 60_000);
afterAll(() => ctx.close());

describe('school card over HTTP', () => {
  it('a school sees its own card only', async () => {
    const card = dataOf<SchoolCard>(await school.get(`/api/objectivity/schools/${own}/card`));
    expect(card.school.fisLogin).toBe('sch78207');
    expect(card.selected).toMatchObject({ subjectName: 'Математика', grade: 4, year: 2023 });
    expect(card.current?.school.scores.expected?.length).toBe(
      (card.current?.school.scores.maxTotal ?? 0) + 1,
    );
    expect(card.current?.region).toEqual({ missing: 'нет данных региона' });
    expect((await school.get(`/api/objectivity/schools/${other}/card`)).statusCode).toBe(404);
    const reports = dataOf<StandardReports>(
      await school.get(`/api/objectivity/reports?orgId=${own}`),
    );
    expect(reports.schools.map((s) => s.orgId)).toEqual([own]);
    expect(reports.municipality?.marks.participants).toBeGreaterThan(
      card.current?.school.marks.participants ?? 0,
    );
    expect((await school.get(`/api/objectivity/reports?orgId=${other}`)).statusCode).toBe(404);
  });

  it('district staff import the regional table (all-or-nothing, idempotent)', async () => {
    const bad = await upload(district, 'bad.csv', fixture('region_aggregates_bad.csv'));
    expect(errorOf(bad)).toMatchObject({ status: 400 });
    expect(errorOf(bad).message).toContain(
      'Файл «bad.csv», строка 2, столбец 5 ««2»»: доли отметок «2»–«5» в сумме дают 90,0 %',
    );
    expect(await ctx.database.db.$count(regionAggregates)).toBe(0);
    expect((await upload(school, 'r.csv', fixture('region_aggregates_vpr.csv'))).statusCode).toBe(
      403,
    );
    const first = dataOf(await upload(district, 'r.csv', fixture('region_aggregates_vpr.csv')));
    expect(first).toEqual({ rows: 2, added: 2, changed: 0, unchanged: 0 });
    const again = dataOf(await upload(district, 'r.csv', fixture('region_aggregates_vpr.csv')));
    expect(again).toEqual({ rows: 2, added: 0, changed: 0, unchanged: 2 });
    const list = dataOf<{ subjectName: string }[]>(
      await school.get('/api/objectivity/region-aggregates'),
    );
    expect(list.map((r) => r.subjectName).sort()).toEqual(['Математика', 'Русский язык']);
    const card = dataOf<SchoolCard>(await school.get(`/api/objectivity/schools/${own}/card`));
    expect(card.current?.region).toMatchObject({ level: 'region', participants: 41235 });
  });

  it('exports the standard tables as XLSX with the figures of the page', async () => {
    const reports = dataOf<StandardReports>(
      await district.get(`/api/objectivity/reports?orgId=${other}`),
    );
    const res = await district.get(`/api/objectivity/reports/xlsx?orgId=${other}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Статистика по отметкам',
      'Распределение баллов',
      'Выполнение заданий',
      'Сравнение с журналом',
    ]);
    const marks = wb.getWorksheet('Статистика по отметкам');
    const rows: unknown[][] = [];
    marks?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const schoolRow = rows.find((r) => r[0] === reports.school?.name);
    expect(schoolRow?.[1]).toBe(reports.school?.figures.marks.participants);
    expect(schoolRow?.[7]).toBe(reports.school?.figures.marks.qualityRate);
    expect(rows.some((r) => r[0] === 'Регион')).toBe(true);
  });
});
