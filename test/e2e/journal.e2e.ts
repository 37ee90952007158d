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

  it('uploads a journal export, imports it, replaces it with a corrected one and undoes that', async () => {
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

    // A corrected export of the same marks replaces the import; undo brings the first back.
    const corrected = [
      'Учебный предмет;ФИО;Класс;Вид аттестации;Код обучающегося;Отметка',
      'Математика;Сидоров Пётр;7Б;1 триместр;ST-7;4',
      'Математика;Сидоров Пётр;7Б;Годовая;ST-7;4',
      'русский язык;Сидоров Пётр;7Б;2-е полугодие;ST-7;5',
      'МА;Сидоров Пётр;7Б;Итоговая аттестация;ST-7;2',
    ].join('\n');
    await page.locator('input[type="file"]').setInputFiles({
      name: 'journal-fixed.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(corrected),
    });
    await page.getByRole('button', { name: 'Загрузить и сопоставить столбцы' }).click();
    await expect
      .poll(() => page.getByTestId('journal-replaces').textContent())
      .toMatch(/Заменит загрузку № \d+ «journal\.xlsx» от .*: тех же отметок — 4\./);
    await page.getByRole('button', { name: 'Загрузить отметки' }).click();
    await expect
      .poll(() => page.getByTestId('journal-outcome').textContent())
      .toMatch(/Загружено отметок: 4\. Заменены прежние загрузки № \d+/);
    const history = page.getByTestId('journal-history');
    const rowOf = (name: string) => history.locator('tr', { hasText: name });
    await expect
      .poll(() => rowOf('journal.xlsx').textContent())
      .toContain('заменена исправленным файлом');
    await expect.poll(() => rowOf('journal-fixed.csv').textContent()).toContain('действует');
    await expect.poll(() => rowOf('journal-fixed.csv').textContent()).toContain('заменила №');
    expect(await rowOf('journal.xlsx').getByRole('button', { name: 'Отменить' }).count()).toBe(0);
    page.once('dialog', (d) => void d.accept());
    await rowOf('journal-fixed.csv').getByRole('button', { name: 'Отменить' }).click();
    await expect.poll(() => rowOf('journal-fixed.csv').textContent()).toContain('отменена');
    await expect.poll(() => rowOf('journal.xlsx').textContent()).toContain('действует');
  });
});
