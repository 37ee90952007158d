import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildSchool, buildUser, PASSWORD } from '../factories';
import { journalWorkbook } from '../fixtures/results/journal';
import { hasBrowser, loginAs, startE2E, type E2E } from './harness';

describe.skipIf(!hasBrowser())('journal marks import in Chromium', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    const db = e2e.ctx.database.db;
    const m = await buildMunicipality(db, 'МО «Журнал»');
    const s = await buildSchool(db, m.id, { fisLogin: 'sch790001', shortName: 'Школа № 1' });
    await buildUser(db, {
      login: 'zam1',
      role: 'school_admin',
      municipalityId: m.id,
      orgIds: [s.id],
    });
  });
  afterAll(() => e2e?.close());

  it('uploads a journal export, shows the mapped rows, imports it and lists it', async () => {
    const { page, baseUrl } = e2e;
    await loginAs(e2e, 'zam1', PASSWORD);
    await page.goto(`${baseUrl}/results/import`);
    await page.getByRole('tab', { name: 'Отметки из электронного журнала' }).click();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'journal.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await journalWorkbook(),
    });
    await page.getByLabel('ОО', { exact: true }).first().click();
    await page.getByRole('option', { name: 'Школа № 1' }).click();
    await page.getByRole('button', { name: 'Загрузить и сопоставить столбцы' }).click();
    const preview = page.getByTestId('journal-preview');
    await expect.poll(() => preview.textContent()).toContain('Промежуточная аттестация');
    await expect.poll(() => preview.textContent()).toContain('можно загрузить');
    await expect.poll(() => preview.textContent()).toContain('«ФИО»');
    await page.getByRole('button', { name: 'Загрузить отметки' }).click();
    await expect
      .poll(() => page.getByTestId('journal-outcome').textContent())
      .toContain('Загружено отметок: 4');
    await expect.poll(() => page.locator('body').textContent()).toContain('journal.xlsx');
  });
});
