import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../core/access/actor';
import { listFigures } from '../../db/repositories/objectivityCard';
import { findOrgByFisLogin } from '../../db/repositories/organisations';
import { auditLog } from '../../db/schema';
import { formatPercent } from '../../reports/objectivity/model';
import { findSoffice } from '../../reports/pdf/libreoffice';
import {
  createTestContext,
  errorOf,
  signIn,
  type Client,
  type TestContext,
} from '../../../test/app';
import { docxImages, docxText } from '../../../test/docx';
import { buildMunicipality, buildUser, PASSWORD } from '../../../test/factories';
import { importMunicipalVpr } from '../../../test/objectivityData';

/**
 * The справка on a factory-built district: one municipal ВПР file (Mathematics grade 4, 2023) of
 * ten schools, school 207 manipulated as the demo manifest says; importing it stores a run with its
 * figures. The documents are opened and their text checked against the stored figures.
 */
let ctx: TestContext;
let municipalityId: number;
let emptyMunicipalityId: number;
let school207: number;
let school901: number;
let district: Client;
let schoolUser: Client;

const NUMBERS = ['207', '901', '902', '903', '904', '905', '906', '907', '908', '909'];

beforeAll(async () => {
  ctx = await createTestContext({ now: () => new Date('2024-10-15T09:00:00Z') });
  const db = ctx.database.db;
  municipalityId = (await buildMunicipality(db, 'Тестовый район')).id;
  emptyMunicipalityId = (await buildMunicipality(db, 'Пустой район')).id;
  await importMunicipalVpr(ctx, municipalityId, NUMBERS);
  school207 = (await findOrgByFisLogin(db, 'sch78207'))?.id ?? 0;
  school901 = (await findOrgByFisLogin(db, 'sch78901'))?.id ?? 0;
  await buildUser(db, { login: 'uo', role: 'district_admin', municipalityId });
  await buildUser(db, {
    login: 'dir207',
    role: 'school_admin',
    municipalityId,
    orgIds: [school207],
  });
  await buildUser(db, {
    login: 'uo-empty',
    role: 'district_admin',
    municipalityId: emptyMunicipalityId,
  });
  district = await signIn(ctx.app, 'uo', PASSWORD);
  schoolUser = await signIn(ctx.app, 'dir207', PASSWORD);
}, 120_000);
afterAll(() => ctx.close());

const latestRun = async () => (await ctx.services.analysisRuns.list(SYSTEM_ACTOR))[0];

describe('objectivity справка', () => {
  it('district DOCX: the run, the municipality figures, the flagged school with its evidence', async () => {
    const res = await district.get('/api/objectivity/report.docx?year=2023');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain('spravka-objectivity-2023.docx');
    const text = await docxText(res.rawPayload);
    const run = await latestRun();
    if (!run) throw new Error('no run');
    expect(text).toContain(`запуск № ${run.id}`);
    expect(text).toContain('Математика, 4 класс');
    const [m] = await listFigures(ctx.database.db, { runId: run.id, orgId: null, year: 2023 });
    const percent = m?.figures.figures.marks.percent;
    if (!percent) throw new Error('no municipal figures');
    for (const p of percent) expect(text).toContain(formatPercent(p));
    expect(text).toContain(`Участников`);
    expect(text).toContain(String(m.figures.figures.marks.participants));
    // School 207 is flagged: listed with its login and indicators, with causes and measures.
    const { results } = await ctx.services.analysisRuns.get(SYSTEM_ACTOR, run.id);
    const r207 = results.find((r) => r.result.orgId === school207)?.result;
    expect(r207?.flagged).toBe(true);
    expect(text).toContain('sch78207');
    expect(text).toContain('4.1. Школа № 207');
    expect(text).toContain('Возможные причины');
    expect(text).toContain('наблюдателей из других ОО в ОО: Школа № 207');
    expect(text).not.toMatch(/учител[ья] [А-Я][а-я]+ [А-Я]\./);
    expect((await docxImages(res.rawPayload)).length).toBeGreaterThanOrEqual(3);
    const [entry] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entity, 'objectivity_report'));
    expect(entry).toMatchObject({ action: 'export', userLogin: 'uo', municipalityId, orgId: null });
  });

  it("school DOCX: the school's own figures against the municipality, its signs and evidence", async () => {
    const res = await schoolUser.get(`/api/objectivity/schools/${school207}/report.docx`);
    expect(res.statusCode).toBe(200);
    const text = await docxText(res.rawPayload);
    const run = await latestRun();
    const [own] = await listFigures(ctx.database.db, {
      runId: run?.id ?? 0,
      orgId: school207,
      year: 2023,
    });
    const f = own?.figures.figures;
    if (!f?.marks.percent || !f.journal.percent) throw new Error('no school figures');
    for (const p of f.marks.percent) expect(text).toContain(formatPercent(p));
    for (const p of f.journal.percent) expect(text).toContain(formatPercent(p));
    expect(text).toContain(String(f.marks.participants));
    expect(text).toContain('ОО отнесена к зоне риска');
    const { results } = await ctx.services.analysisRuns.get(SYSTEM_ACTOR, run?.id ?? 0, school207);
    const evidence = results[0]?.result.dossier.evidence as { text: string }[];
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) expect(text).toContain(e.text);
    expect(text).toContain('Заместитель директора по УВР');
    // Marks and journal comparison, then the card's evidence charts (histogram, task levels).
    expect(text).toContain('Распределение первичных баллов ОО с границами отметок');
    expect((await docxImages(res.rawPayload)).length).toBe(4);
    expect(text).not.toContain('Школа № 901');
  });

  it('keeps a school user to its own school and district staff to their municipality', async () => {
    expect(
      (await schoolUser.get(`/api/objectivity/schools/${school901}/report.docx`)).statusCode,
    ).toBe(404);
    expect((await schoolUser.get('/api/objectivity/report.docx')).statusCode).toBe(403);
    expect(
      (await district.get(`/api/objectivity/report.docx?municipalityId=${emptyMunicipalityId}`))
        .statusCode,
    ).toBe(404);
  });

  it('explains in Russian when there is no run or no such year', async () => {
    const empty = await signIn(ctx.app, 'uo-empty', PASSWORD);
    const none = errorOf(await empty.get('/api/objectivity/report.docx'));
    expect(none).toMatchObject({ status: 409 });
    expect(none.message).toContain('ещё не выполнялся');
    const year = errorOf(await district.get('/api/objectivity/report.docx?year=2019'));
    expect(year.status).toBe(409);
    expect(year.message).toContain('ВПР 2019 года');
  });

  it('answers 409 with a clear message for PDF when LibreOffice is missing', async () => {
    const saved = process.env.VSOKO_SOFFICE;
    process.env.VSOKO_SOFFICE = '/nonexistent/soffice';
    try {
      const err = errorOf(await district.get('/api/objectivity/report.pdf'));
      expect(err.status).toBe(409);
      expect(err.message).toContain('LibreOffice');
    } finally {
      if (saved === undefined) delete process.env.VSOKO_SOFFICE;
      else process.env.VSOKO_SOFFICE = saved;
    }
  });

  it('shows the region beside the school and the municipality once regional data are imported', async () => {
    await ctx.services.regionAggregates.importFile(
      SYSTEM_ACTOR,
      {
        fileName: 'region_aggregates_vpr.csv',
        bytes: readFileSync('test/fixtures/objectivity/region_aggregates_vpr.csv'),
      },
      municipalityId,
    );
    const text = await docxText(
      (await schoolUser.get(`/api/objectivity/schools/${school207}/report.docx`)).rawPayload,
    );
    // The fixture's Mathematics 4, 2023 row: participants and % of marks, Понизили/Подтвердили/Повысили.
    expect(text).toContain('Регион');
    for (const figure of ['41235', '3,1%', '24,6%', '45,2%', '27,1%', '14,8%', '79,5%', '5,7%'])
      expect(text).toContain(figure);
    expect(text).toContain('таблица region_aggregates');
  });

  it.skipIf(!findSoffice() && process.env.CI !== 'true')(
    'school PDF through LibreOffice',
    async () => {
      const res = await schoolUser.get(`/api/objectivity/schools/${school207}/report.pdf`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    },
    120_000,
  );
});
