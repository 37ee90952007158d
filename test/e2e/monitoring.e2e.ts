import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/core/access/actor';
import {
  insertExpertGroup,
  replaceMembers,
  replaceSchools,
} from '../../src/db/repositories/expertGroups';
import {
  buildBody,
  buildMunicipality,
  buildSchool,
  buildUser,
  currentYear,
  PASSWORD,
} from '../factories';
import { hasBrowser, loginAs, startE2E, type E2E } from './harness';

describe.skipIf(!hasBrowser())('ВСОКО monitoring in Chromium', () => {
  let e2e: E2E;
  let campaignId = 0;
  let campaignSchoolId = 0;
  let schoolId = 0;
  beforeAll(async () => {
    e2e = await startE2E();
    const { db } = e2e.ctx.database;
    const { services } = e2e.ctx;
    const m = await buildMunicipality(db, 'Район Э');
    const s1 = await buildSchool(db, m.id, { shortName: 'Школа № 101' });
    const s2 = await buildSchool(db, m.id, { shortName: 'Школа № 102' });
    schoolId = s1.id;
    const year = await currentYear(db);
    const expert = await buildUser(db, {
      login: 'expert',
      role: 'expert',
      municipalityId: m.id,
      workplaceOrgId: s2.id,
    });
    const g = await insertExpertGroup(db, { municipalityId: m.id, name: 'Группа Э' });
    await replaceMembers(db, g.id, [{ userId: expert.id, isLeader: true }]);
    await replaceSchools(db, g.id, [s1.id]);
    const template = await services.monitoringTemplates.create(SYSTEM_ACTOR, {
      municipalityId: m.id,
      code: 'e2e',
      title: 'Проверка документов ВСОКО',
      purpose: 'expert_card',
      definition: {
        sections: [
          {
            key: 'docs',
            title: 'Документы',
            indicators: [
              {
                key: 'docs.polozhenie',
                title: 'Положение о ВСОКО',
                type: 'yes_no',
                weight: 1,
                required: true,
                evidence: 'none',
              },
              {
                key: 'docs.quality',
                title: 'Полнота положения',
                type: 'scale',
                scaleMax: 2,
                weight: 1,
                required: true,
                evidence: 'none',
              },
            ],
          },
        ],
      },
    });
    const campaign = await services.campaigns.create(SYSTEM_ACTOR, {
      municipalityId: m.id,
      academicYearId: year.id,
      title: 'Мониторинг документов ВСОКО',
      templateVersionId: template.latest.id,
      startsOn: '2025-09-01',
      selfReportDue: '2025-10-01',
      expertDue: '2025-11-01',
      schools: [{ orgId: s1.id }],
    });
    await services.campaigns.update(SYSTEM_ACTOR, campaign.head.campaign.id, { status: 'active' });
    // For the campaign form: a group whose only expert works at school 101, and an ИМЦ order.
    const insider = await buildUser(db, {
      role: 'expert',
      municipalityId: m.id,
      workplaceOrgId: s1.id,
    });
    const own = await insertExpertGroup(db, { municipalityId: m.id, name: 'Группа своих' });
    await replaceMembers(db, own.id, [{ userId: insider.id, isLeader: true }]);
    await replaceSchools(db, own.id, [s1.id]);
    const imc = await buildBody(db, m.id);
    await services.documents.upload(
      SYSTEM_ACTOR,
      { orgId: imc.id, kind: 'order', title: 'Приказ ИМЦ № 7 о мониторинге' },
      { fileName: 'prikaz.txt', mimeType: 'text/plain', bytes: Buffer.from('Приказ ИМЦ № 7') },
    );
    await buildUser(db, { login: 'district', role: 'district_admin', municipalityId: m.id });
    await services.schedules.save(SYSTEM_ACTOR, s1.id, {
      academicYearId: year.id,
      entries: [
        {
          className: '5А',
          subjectName: 'Математика',
          date: '2025-10-01',
          lesson: 1,
          kind: 'control',
          durationMin: 45,
          wholeClass: true,
        },
      ],
      curriculum: [{ parallel: 5, subjectName: 'Математика', weeklyHours: 5 }],
      lessonsPerDay: [{ parallel: 5, weekday: null, lessons: 6 }],
    });
    campaignId = campaign.head.campaign.id;
    campaignSchoolId = campaign.schools[0]?.cs.id ?? 0;
  }, 120_000);
  afterAll(() => e2e?.close());

  it('an expert fills a card for a supervised school and the screen shows it', async () => {
    const { page, baseUrl } = e2e;
    await loginAs(e2e, 'expert', PASSWORD);
    await page.goto(`${baseUrl}/monitoring`);
    await page.getByRole('link', { name: 'Школа № 101' }).click();
    await page.waitForURL(`**/monitoring/schools/${campaignSchoolId}`);
    await page.getByTestId('indicator-docs.polozhenie').getByText('Да', { exact: true }).click();
    await page.getByLabel('Полнота положения', { exact: true }).fill('1');
    await page.getByLabel('Заключение эксперта').fill('Положение есть, но не обновлено');
    await page.getByRole('button', { name: 'Сделать итоговой' }).click();
    await expect.poll(() => page.getByTestId('card-percent').textContent()).toBe('75%');
    await expect.poll(() => page.getByText('Экспертная карта: Итоговая (закрыта)').count()).toBe(1);

    await page.goto(`${baseUrl}/monitoring/campaigns/${campaignId}`);
    const row = page.getByTestId(`row-${schoolId}`);
    await expect.poll(() => row.getByTestId('row-percent').textContent()).toContain('75%');
    await expect.poll(() => row.textContent()).toContain('Итоговая (закрыта)');
    await expect.poll(() => row.textContent()).toContain('эксперт');
  });

  it('district staff see schedule violations and edit templates in the builder', async () => {
    const { page, baseUrl } = e2e;
    await page.context().clearCookies();
    await loginAs(e2e, 'district', PASSWORD);
    await page.goto(`${baseUrl}/schedules`);
    await expect
      .poll(() => page.getByTestId('violations').textContent())
      .toContain('Не на первом и не на последнем уроке');
    // The add form of the procedures tab (the curriculum tab, mounted hidden, has «Предмет» too).
    const procedures = page.getByRole('tabpanel', { name: /Процедуры/ });
    await procedures.getByLabel('Класс', { exact: true }).fill('5А');
    await procedures.getByLabel('Предмет', { exact: true }).fill('Математика');
    await procedures.getByLabel('Дата', { exact: true }).fill('2025-10-03');
    await page.getByRole('button', { name: 'Добавить' }).first().click();
    await page.getByRole('button', { name: 'Сохранить и проверить' }).click();
    await expect.poll(() => page.getByText('Нарушений: 2').count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('violations').textContent())
      .toContain('между процедурами 2 дн.');
    await page.goto(`${baseUrl}/monitoring/templates`);
    await page.getByRole('button', { name: 'Изменить' }).click();
    await page.getByRole('button', { name: '+ Показатель' }).click();
    await page.getByLabel('Название показателя').last().fill('Протоколы педсоветов');
    await page.getByRole('button', { name: 'Сохранить новой версией' }).click();
    await expect.poll(() => page.getByText('версия 2').count()).toBe(1);
    await page.goto(`${baseUrl}/monitoring/campaigns/${campaignId}`);
    await expect.poll(() => page.getByTestId('heat-map').textContent()).toContain('Школа № 101');
    // The chart of the report, drawn in the browser from the same spec.
    await expect
      .poll(() => page.getByTestId('chart-levels').textContent())
      .toContain('Распределение ОО по уровням результата');

    // The district reopens the final card with a reason.
    await page.goto(`${baseUrl}/monitoring/schools/${campaignSchoolId}`);
    await page.getByRole('button', { name: 'Открыть карту заново' }).click();
    await page.getByLabel('Причина').fill('Ошибка в оценке положения');
    await page.getByRole('button', { name: 'Открыть заново', exact: true }).click();
    await expect.poll(() => page.getByText('Экспертная карта: Заполняется').count()).toBe(1);
    await expect
      .poll(() => page.locator('body').textContent())
      .toContain('Экспертная карта открыта заново (75%): Ошибка в оценке положения');
  });

  it('district staff create a campaign with a regulation document and a group per school', async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/monitoring`);
    await page.getByRole('button', { name: 'Новый мониторинг' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Название').fill('Мониторинг с приказом');
    await form.getByLabel('Шаблон (последняя версия)').click();
    await page.getByRole('option', { name: /Проверка документов ВСОКО/ }).click();
    await form.getByLabel('Документ-регламент из реестра').click();
    await page.getByRole('option', { name: /Приказ ИМЦ № 7 о мониторинге/ }).click();
    await form.getByLabel('Начало').fill('2025-09-01');
    await form.getByLabel('Срок самоотчёта').fill('2025-10-01');
    await form.getByLabel('Срок экспертизы').fill('2025-11-01');
    await form.getByLabel('ОО', { exact: true }).click();
    await page.getByRole('option', { name: 'Школа № 101' }).click();
    await form.getByLabel('Экспертная группа: Школа № 101').click();
    await page.getByRole('option', { name: /Группа своих/ }).click();
    await form.getByRole('button', { name: 'Создать' }).click();
    await expect
      .poll(() => form.textContent())
      .toContain('эксперт не оценивает свою школу («Школа № 101»)');
    await form.getByLabel('Экспертная группа: Школа № 101').click();
    await page.getByRole('option', { name: /Автоматически/ }).click();
    await form.getByRole('button', { name: 'Создать' }).click();
    await page.waitForURL('**/monitoring/campaigns/*');
    await expect
      .poll(() => page.getByRole('link', { name: /скачать/ }).textContent())
      .toContain('Приказ ИМЦ № 7 о мониторинге');
  });
});
