import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../core/access/actor';
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
import {
  buildBody,
  buildMunicipality,
  buildSchool,
  buildUser,
  currentYear,
  PASSWORD,
} from '../../../test/factories';
import type { CampaignView, TemplateView } from '../../shared/monitoring';

let ctx: TestContext;
let district: Client;
let school: Client;
let ids: {
  m: number;
  s1: number;
  s2: number;
  year: number;
  regulation: number;
  foreignDoc: number;
  ownOnly: number;
  outside: number;
};

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.database.db;
  const m = await buildMunicipality(db, 'Район Р');
  const other = await buildMunicipality(db, 'Район Д');
  const s1 = await buildSchool(db, m.id, { shortName: 'Школа № 1' });
  const s2 = await buildSchool(db, m.id, { shortName: 'Школа № 2' });
  const body = await buildBody(db, m.id);
  const otherBody = await buildBody(db, other.id);
  const year = await currentYear(db);
  await buildUser(db, { login: 'district', role: 'district_admin', municipalityId: m.id });
  await buildUser(db, {
    login: 'school1',
    role: 'school_admin',
    municipalityId: m.id,
    orgIds: [s1.id],
  });
  const at1 = await buildUser(db, { role: 'expert', municipalityId: m.id, workplaceOrgId: s1.id });
  const at2 = await buildUser(db, { role: 'expert', municipalityId: m.id, workplaceOrgId: s2.id });
  // Group «Своя»: its only expert works at school 1. Group «Внешняя»: expert from school 2.
  const ownOnly = await insertExpertGroup(db, { municipalityId: m.id, name: 'Своя' });
  await replaceMembers(db, ownOnly.id, [{ userId: at1.id, isLeader: true }]);
  await replaceSchools(db, ownOnly.id, [s1.id, s2.id]);
  const outside = await insertExpertGroup(db, { municipalityId: m.id, name: 'Внешняя' });
  await replaceMembers(db, outside.id, [{ userId: at2.id, isLeader: true }]);
  await replaceSchools(db, outside.id, [s1.id]);
  const upload = (orgId: number, title: string) =>
    ctx.services.documents.upload(
      SYSTEM_ACTOR,
      { orgId, kind: 'order', title },
      { fileName: 'prikaz.txt', mimeType: 'text/plain', bytes: Buffer.from(title) },
    );
  const regulation = await upload(body.id, 'Приказ ИМЦ о мониторинге ВСОКО');
  const foreignDoc = await upload(otherBody.id, 'Приказ другого района');
  ids = {
    m: m.id,
    s1: s1.id,
    s2: s2.id,
    year: year.id,
    regulation: regulation.doc.id,
    foreignDoc: foreignDoc.doc.id,
    ownOnly: ownOnly.id,
    outside: outside.id,
  };
  district = await signIn(ctx.app, 'district', PASSWORD);
  school = await signIn(ctx.app, 'school1', PASSWORD);
}, 60_000);
afterAll(() => ctx.close());

describe('campaign form: regulation document and expert group per school', () => {
  it('keeps the regulation document, takes the chosen group and refuses an own-school group', async () => {
    await district.post('/api/monitoring/templates/builtin', { municipalityId: ids.m });
    const template = dataOf<TemplateView[]>(
      await district.get(`/api/monitoring/templates?municipalityId=${ids.m}`),
    )[0] as TemplateView;
    const body = (over: Record<string, unknown>) => ({
      municipalityId: ids.m,
      academicYearId: ids.year,
      title: 'Мониторинг с регламентом',
      templateVersionId: template.latest.id,
      startsOn: '2025-09-01',
      selfReportDue: '2025-10-01',
      expertDue: '2025-11-01',
      regulationDocumentId: ids.regulation,
      schools: [{ orgId: ids.s1 }, { orgId: ids.s2 }],
      ...over,
    });

    const foreign = errorOf(
      await district.post(
        '/api/monitoring/campaigns',
        body({ regulationDocumentId: ids.foreignDoc }),
      ),
    );
    expect(foreign.message).toBe('Документ-регламент не найден в этом муниципалитете');

    const own = errorOf(
      await district.post(
        '/api/monitoring/campaigns',
        body({ schools: [{ orgId: ids.s1, expertGroupId: ids.ownOnly }] }),
      ),
    );
    expect(own.message).toBe(
      'В группе «Своя» нет эксперта из другой ОО: эксперт не оценивает свою школу («Школа № 1»)',
    );
    const notSupervising = errorOf(
      await district.post(
        '/api/monitoring/campaigns',
        body({ schools: [{ orgId: ids.s2, expertGroupId: ids.outside }] }),
      ),
    );
    expect(notSupervising.message).toBe('Выбранная экспертная группа не курирует «Школа № 2»');

    const created = dataOf<CampaignView>(
      await district.post(
        '/api/monitoring/campaigns',
        body({ schools: [{ orgId: ids.s1, expertGroupId: ids.outside }, { orgId: ids.s2 }] }),
      ),
    );
    expect(created.regulationDocumentId).toBe(ids.regulation);
    const groupOf = (orgId: number) =>
      created.schools.find((s) => s.orgId === orgId)?.expertGroupId;
    expect(groupOf(ids.s1)).toBe(ids.outside);
    // Automatic for school 2: «Своя» supervises it and its expert works elsewhere.
    expect(groupOf(ids.s2)).toBe(ids.ownOnly);
    // A school in the campaign downloads the regulation of the district body through the campaign.
    const file = await school.get(`/api/monitoring/campaigns/${created.id}/regulation`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe('Приказ ИМЦ о мониторинге ВСОКО');
    expect((await school.get(`/api/documents/${ids.regulation}/file`)).statusCode).toBe(404);
  });
});
