import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrgByFisLogin } from '../../src/db/repositories/organisations';
import { buildMunicipality, buildUser, PASSWORD } from '../factories';
import { importMunicipalVpr } from '../objectivityData';
import { hasBrowser, loginAs, startE2E, type E2E } from './harness';

const REGION = fileURLToPath(
  new URL('../fixtures/objectivity/region_aggregates_vpr.csv', import.meta.url),
);

describe.skipIf(!hasBrowser())('school card and ФИС ОКО reports in Chromium', () => {
  let e2e: E2E;
  let own = 0;
  beforeAll(async () => {
    e2e = await startE2E();
    const db = e2e.ctx.database.db;
    const m = await buildMunicipality(db, 'Район карточек');
    await importMunicipalVpr(e2e.ctx, m.id, ['207', '901', '902']);
    own = (await findOrgByFisLogin(db, 'sch78207'))?.id ?? 0;
    await buildUser(db, { login: 'uo-e2e', role: 'district_admin', municipalityId: m.id });
  }, 120_000);
  afterAll(() => e2e?.close());

  it('district staff upload the regional table and see the region on the card', async () => {
    const { page, baseUrl } = e2e;
    await loginAs(e2e, 'uo-e2e', PASSWORD);
    await page.goto(`${baseUrl}/objectivity/reports?level=municipality`);
    await expect
      .poll(() => page.getByRole('table', { name: 'Статистика по отметкам' }).textContent())
      .toContain('Муниципалитет');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByLabel('Файл с региональными показателями').click(),
    ]);
    await chooser.setFiles(REGION);
    await page.getByRole('button', { name: 'Загрузить' }).click();
    await expect
      .poll(() =>
        page.getByRole('table', { name: 'Загруженные региональные показатели' }).textContent(),
      )
      .toContain('41235');
    await page.goto(`${baseUrl}/objectivity/schools/${own}`);
    await expect
      .poll(() =>
        page.getByRole('img', { name: 'Гистограмма первичных баллов' }).locator('svg').count(),
      )
      .toBe(1);
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: 'Сравнение отметок с отметками по журналу' })
          .first()
          .textContent(),
      )
      .toContain('Регион');
    await expect.poll(() => page.getByText('Доказательства (досье анализа)').count()).toBe(1);
  });
});
