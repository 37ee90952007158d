import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgRow } from '../../src/db/repositories/organisations';
import { buildMunicipality, buildSchool, buildUser, PASSWORD } from '../factories';
import { hasBrowser, loginAs, startE2E, type E2E } from './harness';

describe.skipIf(!hasBrowser())('organisation registry in Chromium', () => {
  let e2e: E2E;
  let own: OrgRow;
  let other: OrgRow;
  beforeAll(async () => {
    e2e = await startE2E();
    const db = e2e.ctx.database.db;
    const m = await buildMunicipality(db, 'Тестовый район');
    own = await buildSchool(db, m.id, { number: '5', shortName: 'Школа № 5' });
    other = await buildSchool(db, m.id, { number: '6', shortName: 'Школа № 6' });
    await buildUser(db, { login: 'admin', role: 'district_admin', municipalityId: m.id });
    await buildUser(db, {
      login: 'zam5',
      role: 'school_admin',
      municipalityId: m.id,
      orgIds: [own.id],
    });
  });
  afterAll(() => e2e?.close());

  const nav = (name: string) => e2e.page.locator('nav').getByRole('link', { name });
  const rowsText = () => e2e.page.getByTestId('orgs-table').textContent();

  it('a district administrator creates a school, finds it in the list and opens its card', async () => {
    const { page } = e2e;
    await loginAs(e2e, 'admin', PASSWORD);
    await nav('Организации').click();
    await expect.poll(rowsText).toContain('Школа № 6');

    await page.getByRole('button', { name: 'Добавить организацию' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Номер').fill('77');
    await dialog.getByLabel('Логин ФИС ОКО').fill('sch780077');
    await dialog.getByLabel('Полное наименование').fill('Средняя общеобразовательная школа № 77');
    await dialog.getByLabel('Краткое наименование').fill('Школа № 77');
    await dialog.getByRole('button', { name: 'Создать' }).click();
    await page.waitForURL(/\/orgs\/\d+$/);
    await expect
      .poll(() => page.getByRole('heading', { level: 2 }).textContent())
      .toBe('Школа № 77');

    await nav('Организации').click();
    await page.getByLabel('Поиск').fill('sch780077');
    await expect.poll(rowsText).toContain('Школа № 77');
    await expect.poll(rowsText).not.toContain('Школа № 6');
    await page.getByRole('link', { name: 'Школа № 77' }).click();
    await expect.poll(() => page.getByText('sch780077').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('tab', { name: 'Классы' }).count()).toBe(1);
  });

  it('a school administrator sees only their own school', async () => {
    const { page, baseUrl } = e2e;
    await page.context().clearCookies();
    await loginAs(e2e, 'zam5', PASSWORD);
    await page.goto(`${baseUrl}/orgs`);
    await expect.poll(rowsText).toContain('Школа № 5');
    expect(await rowsText()).not.toContain('Школа № 6');
    expect(await page.getByTestId('total').textContent()).toContain('1');
    expect(await page.getByRole('button', { name: 'Добавить организацию' }).count()).toBe(0);
    expect(await nav('Пользователи и роли').count()).toBe(1);
    expect(await nav('Экспертные группы').count()).toBe(0);

    await page.goto(`${baseUrl}/orgs/${other.id}`);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('не найдена или недоступна');
  });
});
