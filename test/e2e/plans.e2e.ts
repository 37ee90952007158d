import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/core/access/actor';
import { docxText } from '../docx';
import { buildBody, buildMunicipality, buildUser, PASSWORD } from '../factories';
import { hasBrowser, loginAs, startE2E, type E2E } from './harness';

describe.skipIf(!hasBrowser())('plans in Chromium', () => {
  let e2e: E2E;
  let planId: number;
  beforeAll(async () => {
    e2e = await startE2E();
    const db = e2e.ctx.database.db;
    const m = await buildMunicipality(db, 'Фрунзенский район');
    const imc = await buildBody(db, m.id, 'imc');
    await buildUser(db, {
      login: 'imc',
      role: 'district_specialist',
      municipalityId: m.id,
      workplaceOrgId: imc.id,
    });
    const bytes = readFileSync(path.resolve('test/fixtures/plans/seed-000.docx'));
    planId = await e2e.ctx.services.plans.documents.import(
      SYSTEM_ACTOR,
      { orgId: imc.id, level: 'district' },
      { fileName: 'seed-000.docx', mimeType: 'application/octet-stream', bytes },
    );
  }, 60_000);
  afterAll(() => e2e?.close());

  it('opens a plan, marks an activity done with evidence and exports DOCX', async () => {
    const { page, baseUrl } = e2e;
    await loginAs(e2e, 'imc', PASSWORD);
    await page.getByRole('link', { name: 'Планы мероприятий' }).first().click();
    await page
      .getByRole('link', { name: /План мероприятий, направленный на формирование/ })
      .click();
    await page.waitForURL(new RegExp(`/plans/${planId}$`));
    await expect.poll(() => page.getByText('2. Мониторинг внутренней системы').count()).toBe(1);

    await page.getByRole('row', { name: /Утверждение положения о мониторинге ВСОКО/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer
      .getByRole('textbox', { name: 'Название', exact: true })
      .fill('Положение о мониторинге');
    await drawer.getByRole('textbox', { name: 'Ссылка' }).fill('https://imc.example/polozhenie');
    await drawer.getByRole('button', { name: 'Добавить ссылку' }).click();
    await expect
      .poll(() => drawer.getByRole('link', { name: 'Положение о мониторинге' }).count())
      .toBe(1);
    // A link to a record of the system: the plan itself, picked from the list.
    await drawer.getByLabel('Подтверждение', { exact: true }).click();
    await page.getByRole('option', { name: 'план мероприятий' }).click();
    await drawer.getByLabel('Запись', { exact: true }).click();
    await page.getByRole('option', { name: /План мероприятий, направленный/ }).click();
    await drawer.getByRole('button', { name: 'Добавить ссылку' }).click();
    await expect.poll(() => drawer.locator(`a[href="/plans/${planId}"]`).count()).toBe(1);
    await drawer.getByLabel('Статус', { exact: true }).click();
    await page.getByRole('option', { name: 'выполнено' }).click();
    await drawer.getByRole('textbox', { name: 'Примечание' }).fill('Утверждено приказом ИМЦ');
    await drawer.getByRole('button', { name: 'Сохранить статус' }).click();
    await expect
      .poll(() => drawer.textContent())
      .toContain('запланировано → выполнено («Утверждено приказом ИМЦ»)');
    await page.keyboard.press('Escape');
    await expect
      .poll(() =>
        page.getByRole('row', { name: /Утверждение положения о мониторинге ВСОКО/ }).textContent(),
      )
      .toContain('выполнено');

    const href = await page.getByRole('link', { name: 'Скачать DOCX' }).getAttribute('href');
    const res = await page.request.get(`${baseUrl}${href}`);
    expect(res.status()).toBe(200);
    const text = await docxText(await res.body());
    expect(text).toContain('УТВЕРЖДАЮ');
    expect(text).toContain('Утверждение положения о мониторинге ВСОКО');

    // The header: the approving order is filled in by hand.
    await page.getByRole('button', { name: 'Изменить план' }).click();
    const modal = page.getByRole('dialog', { name: 'Изменить план' });
    await modal.getByRole('textbox', { name: 'Номер приказа' }).fill('77-о');
    await modal.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => page.getByText(/приказ № 77-о/).count()).toBe(1);

    // The bell: the plan of 2022/23 is overdue, reminders lead to «Мои задачи».
    await page.getByTestId('reminder-bell').click();
    await page.getByRole('menuitem', { name: 'Все мои задачи' }).click();
    await page.waitForURL(/\/my-tasks$/);

    const plan = await e2e.ctx.services.plans.plans.get(SYSTEM_ACTOR, planId);
    const done = plan.activities.find((a) => a.number === '2.1');
    expect(done?.status).toBe('done');
  });
});
