import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrgByFisLogin } from '../../src/db/repositories/organisations';
import { buildMunicipality, buildUser, PASSWORD } from '../factories';
import { importObserveResults } from '../observeData';
import { hasBrowser, loginAs, startE2E, type E2E } from './harness';

describe.skipIf(!hasBrowser())('observation marks in Chromium', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    const db = e2e.ctx.database.db;
    const m = await buildMunicipality(db, 'Тестовый район');
    await importObserveResults(e2e.ctx, m.id);
    const school = await findOrgByFisLogin(db, 'sch78320');
    await buildUser(db, { login: 'cokoobs', role: 'district_specialist', municipalityId: m.id });
    await buildUser(db, {
      login: 'zam320',
      role: 'school_admin',
      municipalityId: m.id,
      orgIds: [school?.id ?? 0],
    });
  }, 120_000);
  afterAll(() => e2e?.close());

  it('district staff upload marks, re-run the analysis and see the comparison; a school only reads', async () => {
    const { page, baseUrl } = e2e;
    await loginAs(e2e, 'cokoobs', PASSWORD);
    await page.goto(`${baseUrl}/objectivity/observations`);
    const body = () => page.locator('body').textContent();
    await expect.poll(body).toContain('Общественное наблюдение на ВПР');
    await page.locator('input[type="file"]').setInputFiles({
      name: 'obs.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Логин ОО;Год;Предмет;Параллель;Общественное наблюдение\nsch78320;2022;Математика;4;да\nsch78320;2023;Математика;4;нет\n',
      ),
    });
    await expect.poll(body).toContain('изменено отметок 2');
    await expect.poll(body).toContain('Отметки изменены после анализа');
    await page.getByRole('button', { name: 'Пересчитать анализ' }).click();
    await expect.poll(body).toContain('Анализ выполнен с учётом отметок');
    await expect.poll(body).not.toContain('Отметки изменены после анализа');
    await page.getByRole('combobox', { name: 'Школа', exact: true }).click();
    await page.getByRole('option', { name: 'Школа № 320' }).click();
    await expect.poll(body).toContain('Результаты с наблюдателем и без: Школа № 320');
    await expect.poll(body).toContain('С наблюдателем: 2022');
    await expect.poll(body).toContain('Без наблюдателя: 2023');
    await expect.poll(body).toContain('Признак в анализе: 2023 год');

    await page.goto(`${baseUrl}/login`);
    await page.context().clearCookies();
    await loginAs(e2e, 'zam320', PASSWORD);
    await page.goto(`${baseUrl}/objectivity/observations`);
    await expect.poll(body).toContain('Школа № 320');
    expect(await page.getByRole('button', { name: 'Загрузить CSV' }).count()).toBe(0);
    expect(await body()).not.toContain('Школа № 901');
  });
});
