import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildSchool, buildUser, PASSWORD } from '../factories';
import { hasBrowser, loginAs, startE2E, type E2E } from './harness';

const SAMPLE = fileURLToPath(
  new URL('../fixtures/results/individual_vpr_2024_rus_5_win1251.csv', import.meta.url),
);

describe.skipIf(!hasBrowser())('results import in Chromium', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    const db = e2e.ctx.database.db;
    const m = await buildMunicipality(db, 'Муниципальное образование «Пример»');
    await buildSchool(db, m.id, { fisLogin: 'sch780101', shortName: 'ГБОУ школа № 101' });
    await buildSchool(db, m.id, { fisLogin: 'sch780204', shortName: 'ГБОУ гимназия № 204' });
    await buildUser(db, { login: 'uo', role: 'district_admin', municipalityId: m.id });
  });
  afterAll(() => e2e?.close());

  it('uploads a file, shows the preview, imports it and shows the results', async () => {
    const { page, baseUrl } = e2e;
    await loginAs(e2e, 'uo', PASSWORD);
    await page.goto(`${baseUrl}/results/import`);
    await page.getByTestId('file-input').setInputFiles(SAMPLE);
    await page.getByRole('button', { name: 'Проверить файл' }).click();
    const preview = page.getByTestId('import-preview');
    await expect
      .poll(() => preview.getByTestId('preview-test').textContent())
      .toBe('ВПР 2024, Русский язык, 5 класс');
    await expect.poll(() => preview.textContent()).toContain('sch780204');
    await expect
      .poll(() => page.getByTestId('issues-table').textContent())
      .toContain('Структура работы взята из заголовков файла');
    await page.getByRole('button', { name: 'Загрузить', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('import-outcome').textContent())
      .toContain('Загружено работ: 9');
    await expect
      .poll(() => page.getByTestId('import-history').textContent())
      .toContain('действует');

    await page.getByRole('link', { name: 'Открыть результаты' }).click();
    await page.waitForURL(/\/results\?test=/);
    const table = page.getByTestId('works-table');
    await expect.poll(() => table.textContent()).toContain('10004');
    await page.getByLabel('ОО', { exact: true }).first().click();
    await page.getByRole('option', { name: /ГБОУ школа № 101/ }).click();
    await expect.poll(() => table.textContent()).toContain('отсутствовал');
    await expect
      .poll(() =>
        page.getByRole('img', { name: 'Гистограмма первичных баллов' }).locator('svg').count(),
      )
      .toBe(1);
  });
});
