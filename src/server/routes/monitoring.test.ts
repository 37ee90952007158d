import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../core/access/actor';
import { BUILTIN_TEMPLATES } from '../../core/monitoring/builtins';
import {
  insertExpertGroup,
  replaceMembers,
  replaceSchools,
} from '../../db/repositories/expertGroups';
import {
  createTestContext,
  dataOf,
  errorOf,
  signIn,
  type Client,
  type TestContext,
} from '../../../test/app';
import { docxImages, docxText } from '../../../test/docx';
import {
  buildMunicipality,
  buildSchool,
  buildUser,
  currentYear,
  PASSWORD,
} from '../../../test/factories';
import { multipart } from '../../../test/multipart';
import type {
  CampaignSchoolView,
  CampaignView,
  ScreenView,
  TemplateView,
} from '../../shared/monitoring';
import type { ScheduleView } from '../../shared/schedules';

let ctx: TestContext;
let district: Client;
let school: Client;
let expert: Client;
let ownSchoolExpert: Client;
let ids: { m: number; s1: number; s2: number; year: number; doc1: number; doc2: number };

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.database.db;
  const m = await buildMunicipality(db, 'Район М');
  const s1 = await buildSchool(db, m.id, { shortName: 'Школа № 1' });
  const s2 = await buildSchool(db, m.id, { shortName: 'Школа № 2' });
  const year = await currentYear(db);
  await buildUser(db, { login: 'district', role: 'district_admin', municipalityId: m.id });
  await buildUser(db, {
    login: 'school1',
    role: 'school_admin',
    municipalityId: m.id,
    orgIds: [s1.id],
  });
  const e = await buildUser(db, {
    login: 'expert',
    role: 'expert',
    municipalityId: m.id,
    workplaceOrgId: s2.id,
  });
  const own = await buildUser(db, {
    login: 'own',
    role: 'expert',
    municipalityId: m.id,
    workplaceOrgId: s1.id,
  });
  const g = await insertExpertGroup(db, { municipalityId: m.id, name: 'Группа 1' });
  await replaceMembers(db, g.id, [
    { userId: e.id, isLeader: true },
    { userId: own.id, isLeader: false },
  ]);
  await replaceSchools(db, g.id, [s1.id, s2.id]);
  const upload = (orgId: number, title: string) =>
    ctx.services.documents.upload(
      SYSTEM_ACTOR,
      { orgId, kind: 'local_act', title },
      { fileName: 'p.txt', mimeType: 'text/plain', bytes: Buffer.from(title) },
    );
  const doc1 = await upload(s1.id, 'Положение о ВСОКО');
  const doc2 = await upload(s2.id, 'Положение о ВСОКО школы 2');
  ids = { m: m.id, s1: s1.id, s2: s2.id, year: year.id, doc1: doc1.doc.id, doc2: doc2.doc.id };
  district = await signIn(ctx.app, 'district', PASSWORD);
  school = await signIn(ctx.app, 'school1', PASSWORD);
  expert = await signIn(ctx.app, 'expert', PASSWORD);
  ownSchoolExpert = await signIn(ctx.app, 'own', PASSWORD);
}, 60_000);
afterAll(() => ctx.close());

describe('schedule upload and checks', () => {
  it('refuses a file with errors as a whole, naming sheet, row and column', async () => {
    const bad =
      'Класс;Предмет;Дата;Урок;Вид процедуры;Длительность, мин\n' +
      '5А;Математика;01.10.2025;3;Контрольная работа;45\n' +
      '5А;Математика;32.10.2025;3;Контрольная работа;45\n';
    const form = multipart(
      { academicYearId: ids.year },
      { name: 'g.csv', type: 'text/csv', content: bad },
    );
    const res = await school.post(
      `/api/orgs/${ids.s1}/schedule/upload`,
      form.payload,
      form.headers,
    );
    const err = errorOf(res);
    expect(err.status).toBe(400);
    expect(err.message).toContain('Файл «g.csv», лист «CSV», строка 3, столбец C («Дата»)');
    const view = dataOf<ScheduleView>(
      await school.get(`/api/orgs/${ids.s1}/schedule?academicYearId=${ids.year}`),
    );
    expect(view.exists).toBe(false);
    expect(view.entries).toEqual([]);
  });

  it('stores an XLSX with curriculum and lessons and shows each violation', async () => {
    const wb = new ExcelJS.Workbook();
    const g = wb.addWorksheet('График');
    g.addRow(['Класс', 'Предмет', 'Дата', 'Урок', 'Вид процедуры', 'Длительность, мин']);
    g.addRow(['5А', 'Математика', '01.10.2025', 1, 'Контрольная работа', 45]);
    g.addRow(['5А', 'Русский язык', '01.10.2025', 3, 'ВПР', 45]);
    g.addRow(['5А', 'Математика', '08.10.2025', 3, 'Проверочная работа', 40]);
    wb.addWorksheet('Учебный план').addRows([
      ['Параллель', 'Предмет', 'Часов в неделю'],
      [5, 'Математика', 5],
    ]);
    const form = multipart(
      { academicYearId: ids.year },
      {
        name: 'grafik.xlsx',
        type: 'application/octet-stream',
        content: Buffer.from(await wb.xlsx.writeBuffer()),
      },
    );
    const view = dataOf<ScheduleView>(
      await school.post(`/api/orgs/${ids.s1}/schedule/upload`, form.payload, form.headers),
    );
    expect(view.entries).toHaveLength(3);
    expect(view.check.violations.map((v) => v.rule).sort()).toEqual([
      'edge_lesson',
      'gap',
      'per_day',
      'vpr_window',
    ]);
    expect(view.check.missing.map((m) => m.message).join('\n')).toContain('Русский язык');
    expect(view.check.missing.map((m) => m.message).join('\n')).toContain(
      'Нет числа уроков в день',
    );
    // The expert of the supervising group sees it; the expert working there does not.
    expect(
      dataOf<ScheduleView>(
        await expert.get(`/api/orgs/${ids.s1}/schedule?academicYearId=${ids.year}`),
      ).entries,
    ).toHaveLength(3);
    expect(
      (await ownSchoolExpert.get(`/api/orgs/${ids.s1}/schedule?academicYearId=${ids.year}`))
        .statusCode,
    ).toBe(404);
  });
});

describe('campaign workflow', () => {
  let template: TemplateView;
  let campaign: CampaignView;
  const csOf = (orgId: number) =>
    campaign.schools.find((s) => s.orgId === orgId)?.campaignSchoolId ?? 0;

  it('installs the shipped templates and runs a campaign from self-report to a locked card', async () => {
    expect(
      dataOf<{ added: number }>(
        await district.post('/api/monitoring/templates/builtin', { municipalityId: ids.m }),
      ).added,
    ).toBe(BUILTIN_TEMPLATES.length);
    const list = dataOf<TemplateView[]>(
      await district.get(`/api/monitoring/templates?municipalityId=${ids.m}`),
    );
    template = list.find((t) => t.code === 'vsoko_check') as TemplateView;
    campaign = dataOf<CampaignView>(
      await district.post('/api/monitoring/campaigns', {
        municipalityId: ids.m,
        academicYearId: ids.year,
        title: 'Мониторинг ВСОКО 2025',
        templateVersionId: template.latest.id,
        regulation: 'Приказ УО от 01.09.2025 № 100',
        startsOn: '2025-09-01',
        selfReportDue: '2025-10-01',
        expertDue: '2025-11-01',
        schools: [{ orgId: ids.s1 }, { orgId: ids.s2 }],
      }),
    );
    const cs1 = csOf(ids.s1);
    // Not active yet: the school cannot answer.
    expect(
      errorOf(await school.put(`/api/monitoring/campaign-schools/${cs1}/self`, { answers: {} }))
        .message,
    ).toContain('не идёт');
    dataOf(await district.patch(`/api/monitoring/campaigns/${campaign.id}`, { status: 'active' }));

    // A school cites only its own registry documents.
    const foreign = await school.put(`/api/monitoring/campaign-schools/${cs1}/self`, {
      answers: { 'norm.polozhenie': { value: true, documentIds: [ids.doc2] } },
    });
    expect(errorOf(foreign).message).toContain('из реестра документов этой ОО');
    // Submitting with required indicators unanswered is refused with their names.
    const early = await school.put(`/api/monitoring/campaign-schools/${cs1}/self`, {
      answers: { 'norm.polozhenie': { value: true, documentIds: [ids.doc1] } },
      submit: true,
    });
    expect(errorOf(early).message).toContain('«Протоколы родительских собраний');

    const full: Record<
      string,
      { value: boolean | number | null; documentIds?: number[]; links?: string[] }
    > = {};
    for (const s of template.latest.definition.sections)
      for (const i of s.indicators) {
        if (i.type === 'yes_no') full[i.key] = { value: true, documentIds: [ids.doc1] };
        if (i.type === 'scale') full[i.key] = { value: 2 };
        if (i.type === 'number') full[i.key] = { value: 3 };
        if (i.type === 'evidence')
          full[i.key] = { value: null, links: ['https://school1.example/vsoko'] };
      }
    const submitted = dataOf<CampaignSchoolView>(
      await school.put(`/api/monitoring/campaign-schools/${cs1}/self`, {
        answers: full,
        submit: true,
      }),
    );
    expect(submitted.self.status).toBe('submitted');
    expect(submitted.self.score.percent).toBe(100);
    expect(submitted.documents.map((d) => d.id)).toEqual([ids.doc1]);

    // The expert working at school 1 cannot see or assess it; the other expert returns it.
    expect((await ownSchoolExpert.get(`/api/monitoring/campaign-schools/${cs1}`)).statusCode).toBe(
      404,
    );
    expect(
      (await ownSchoolExpert.put(`/api/monitoring/campaign-schools/${cs1}/card`, { answers: {} }))
        .statusCode,
    ).toBe(404);
    const returned = dataOf<CampaignSchoolView>(
      await expert.post(`/api/monitoring/campaign-schools/${cs1}/return`, {
        comment: 'Нет протокола родительского собрания',
      }),
    );
    expect(returned.self.status).toBe('returned');
    const resubmitted = dataOf<CampaignSchoolView>(
      await school.put(`/api/monitoring/campaign-schools/${cs1}/self`, {
        answers: full,
        submit: true,
      }),
    );
    expect(resubmitted.self.status).toBe('submitted');

    // The expert scores lower: parents' protocols missing.
    const card = { ...full, 'protocols.parents': { value: false } };
    const draft = dataOf<CampaignSchoolView>(
      await expert.put(`/api/monitoring/campaign-schools/${cs1}/card`, {
        answers: card,
        comment: 'Протокола нет',
      }),
    );
    expect(draft.card.status).toBe('draft');
    expect(draft.card.score.percent).toBeLessThan(100);
    const final = dataOf<CampaignSchoolView>(
      await expert.put(`/api/monitoring/campaign-schools/${cs1}/card`, {
        answers: card,
        comment: 'Протокола нет',
        finalize: true,
      }),
    );
    expect(final.card.status).toBe('final');
    expect(final.history.map((h) => h.action)).toEqual([
      'self_submitted',
      'self_returned',
      'self_submitted',
      'card_saved',
      'card_final',
    ]);
    // Locked.
    expect(
      errorOf(await expert.put(`/api/monitoring/campaign-schools/${cs1}/card`, { answers: full }))
        .message,
    ).toContain('закрыта');
    expect(
      errorOf(await school.put(`/api/monitoring/campaign-schools/${cs1}/self`, { answers: full }))
        .status,
    ).toBe(400);

    // Each sees only their own school on the screen; the district sees both.
    const mine = dataOf<ScreenView>(
      await school.get(`/api/monitoring/campaigns/${campaign.id}/screen`),
    );
    expect(mine.rows.map((r) => r.orgId)).toEqual([ids.s1]);
    const screen = dataOf<ScreenView>(
      await district.get(`/api/monitoring/campaigns/${campaign.id}/screen`),
    );
    const row = screen.rows.find((r) => r.orgId === ids.s1);
    expect(row).toMatchObject({
      source: 'expert',
      selfPercent: 100,
      cardStatus: 'final',
      scheduleViolations: 4,
    });
    expect(row?.percent).toBe(final.card.score.percent);
    expect(screen.rows.find((r) => r.orgId === ids.s2)).toMatchObject({
      source: 'none',
      percent: null,
      level: 'none',
    });
    expect(screen.totals).toMatchObject({ schools: 2, selfSubmitted: 1, cardsFinal: 1 });
  });

  it('keeps the old version for the running campaign after the template is edited', async () => {
    const def = structuredClone(template.latest.definition);
    def.sections[0]!.indicators = def.sections[0]!.indicators.slice(0, 1);
    const edited = dataOf<TemplateView>(
      await district.post(`/api/monitoring/templates/${template.id}/versions`, {
        definition: def,
        note: 'Сокращён раздел 1',
      }),
    );
    expect(edited.latest.version).toBe(2);
    expect(edited.versions.map((v) => [v.version, v.usedByCampaigns])).toEqual([
      [2, 0],
      [1, 1],
    ]);
    const view = dataOf<CampaignSchoolView>(
      await district.get(`/api/monitoring/campaign-schools/${csOf(ids.s1)}`),
    );
    expect(view.templateVersion).toBe(1);
    expect(view.definition).toEqual(template.latest.definition);
  });

  it('writes an analytical report and an XLSX of the screen', async () => {
    const docx = await district.get(`/api/monitoring/campaigns/${campaign.id}/report.docx`);
    expect(docx.statusCode).toBe(200);
    const text = await docxText(docx.rawPayload);
    expect(text).toContain('АНАЛИТИЧЕСКАЯ СПРАВКА');
    expect(text).toContain('Мониторинг ВСОКО 2025');
    expect(text).toContain('Основание: Приказ УО от 01.09.2025 № 100');
    expect(text).toContain(
      'В мониторинге 2 ОО. Самоотчёты отправили 1 ОО, итоговые экспертные карты заполнены по 1 ОО.',
    );
    expect(text).toContain('Самоотчёт не отправлен: Школа № 2.');
    expect(text).toContain('Протоколы родительских собраний с рассмотрением вопросов ВСОКО');
    expect(text).toContain('нарушения федеральных ограничений');
    // Charts: levels and sections (no compared run, so no change chart), as PNG parts.
    expect(text).toContain('Рисунок 1. Распределение ОО по уровням результата (всего 2 ОО)');
    expect(text).toContain('Рисунок 2. Средний результат по разделам');
    expect(text).not.toContain('Рисунок 3.');
    const images = await docxImages(docx.rawPayload);
    expect(images).toHaveLength(2);
    for (const image of images) {
      expect(image.name).toMatch(/\.png$/);
      expect([...image.bytes.slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
      expect(image.bytes.length).toBeGreaterThan(5000);
    }
    const xlsx = await district.get(`/api/monitoring/campaigns/${campaign.id}/screen.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Мониторинг');
    const values = ws?.getSheetValues().flat().map(String) ?? [];
    expect(values).toContain('Школа № 1');
    expect(values).toContain('Итоговая (закрыта)');
  });

  it('lets the district reopen a final card and a closed campaign, with a reason', async () => {
    const cs1 = csOf(ids.s1);
    const url = `/api/monitoring/campaign-schools/${cs1}/reopen`;
    expect(
      dataOf<CampaignSchoolView>(await district.get(`/api/monitoring/campaign-schools/${cs1}`)).can
        .reopenCard,
    ).toBe(true);
    expect((await expert.post(url, { reason: 'Ошибка' })).statusCode).toBe(403);
    expect(errorOf(await district.post(url, { reason: ' ' })).message).toContain('Укажите причину');
    const reopened = dataOf<CampaignSchoolView>(
      await district.post(url, { reason: 'Ошибка в оценке протоколов' }),
    );
    expect(reopened.card.status).toBe('draft');
    expect(reopened.can.reopenCard).toBe(false);
    expect(reopened.history.at(-1)).toMatchObject({
      action: 'card_reopened',
      comment: 'Ошибка в оценке протоколов',
    });
    expect(errorOf(await district.post(url, { reason: 'Ещё раз' })).message).toContain(
      'только итоговую',
    );
    // The expert can correct and lock it again.
    dataOf(
      await expert.put(`/api/monitoring/campaign-schools/${cs1}/card`, {
        answers: reopened.card.answers,
        finalize: true,
      }),
    );

    // A closed campaign: the card cannot be reopened until the campaign is.
    dataOf(await district.patch(`/api/monitoring/campaigns/${campaign.id}`, { status: 'closed' }));
    expect(errorOf(await district.post(url, { reason: 'Ошибка' })).message).toContain(
      'сначала откройте заново сам мониторинг',
    );
    const campaignUrl = `/api/monitoring/campaigns/${campaign.id}/reopen`;
    expect((await school.post(campaignUrl, { reason: 'Хочу' })).statusCode).toBe(403);
    const again = dataOf<CampaignView>(
      await district.post(campaignUrl, { reason: 'Школа № 2 не успела: карантин' }),
    );
    expect(again.status).toBe('active');
    expect(errorOf(await district.post(campaignUrl, { reason: 'x' })).message).toContain(
      'только завершённый',
    );
    const history = dataOf<CampaignSchoolView>(
      await district.get(`/api/monitoring/campaign-schools/${csOf(ids.s2)}`),
    ).history;
    expect(history.at(-1)).toMatchObject({
      action: 'campaign_reopened',
      comment: 'Школа № 2 не успела: карантин',
    });
    const audit = await ctx.database.db.query.auditLog.findMany();
    expect(audit.map((a) => a.summary).join('\n')).toContain(
      'Экспертная карта «Школа № 1» открыта заново: Ошибка в оценке протоколов',
    );
  });
});
