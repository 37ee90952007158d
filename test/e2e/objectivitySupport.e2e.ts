import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../factories';
import { seedSupportWorld } from '../fixtures/objectivitySupport';
import { hasBrowser, loginAs, startE2E, type E2E } from './harness';

describe.skipIf(!hasBrowser())('objectivity support in Chromium', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    await seedSupportWorld(e2e.ctx);
  });
  afterAll(() => e2e?.close());

  it('district staff generate the support programme from a run and land on the plan', async () => {
    const { page, baseUrl } = e2e;
    await loginAs(e2e, 'imc71', PASSWORD);
    await page.goto(`${baseUrl}/analysis`);
    await page.getByRole('button', { name: 'Программа адресного сопровождения (2)' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Ответственный за анализ (Фамилия И.О.)').fill('Петрова А.В.');
    await dialog.getByRole('button', { name: 'Сформировать программу' }).click();
    await page.waitForURL((u) => /^\/plans\/\d+$/.test(u.pathname));
    const body = () => page.locator('body').textContent();
    await expect.poll(body).toContain('Программа профилактических мер');
    await expect.poll(body).toContain('Контроль за организацией и проведением процедур');
    await expect.poll(body).toContain('избыток работ у границ отметок (n = 57)');
  });

  it('a school user sees the comparison of its own school', async () => {
    const { page, baseUrl } = e2e;
    await page.context().clearCookies();
    await loginAs(e2e, 'dir71', PASSWORD);
    await page.goto(`${baseUrl}/objectivity/compare`);
    const table = page.getByRole('table', { name: 'Внешние и внутренние отметки' });
    await expect.poll(() => table.textContent()).toContain('ОГЭ 2025');
    await expect.poll(() => table.textContent()).toContain('Итоговая аттестация');
    await expect.poll(() => table.textContent()).toContain('50,0 %');
    await expect.poll(() => page.getByLabel('Школа').count()).toBe(0);
  });
});
