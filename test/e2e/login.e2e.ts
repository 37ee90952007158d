import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser, PASSWORD } from '../factories';
import { hasBrowser, loginAs, startE2E, type E2E } from './harness';

describe.skipIf(!hasBrowser())('login in Chromium', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    const m = await buildMunicipality(e2e.ctx.database.db, 'Тестовый район');
    await buildUser(e2e.ctx.database.db, {
      login: 'admin',
      role: 'district_admin',
      municipalityId: m.id,
    });
  });
  afterAll(() => e2e?.close());

  it('shows a Russian error for a wrong password, then signs in and out', async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/orgs`);
    await page.waitForURL(/\/login$/);
    await page.getByLabel('Логин').fill('admin');
    await page.getByLabel('Пароль').fill('wrong-password');
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Неверный логин или пароль');
    await loginAs(e2e, 'admin', PASSWORD);
    await expect
      .poll(() => page.getByRole('heading', { level: 2 }).first().textContent())
      .toContain('Здравствуйте');
    await expect.poll(() => page.locator('header').textContent()).toContain('Тестовый район');
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Выйти' }).click();
    await page.waitForURL(/\/login$/);
  });
});
