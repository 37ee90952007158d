import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildSchool, buildUser, PASSWORD } from '../factories';
import { storeRun } from '../objectivityFixtures';
import { hasBrowser, loginAs, startE2E, type E2E } from './harness';

describe.skipIf(!hasBrowser())('«Объективность результатов» in Chromium', () => {
  let e2e: E2E;
  let flaggedId = 0;
  beforeAll(async () => {
    e2e = await startE2E();
    const db = e2e.ctx.database.db;
    const m = await buildMunicipality(db, 'МО «Объективность»');
    const s1 = await buildSchool(db, m.id, { fisLogin: 'sch880001', shortName: 'Школа № 1' });
    await buildSchool(db, m.id, { fisLogin: 'sch880002', shortName: 'Школа № 2' });
    flaggedId = s1.id;
    await buildUser(db, { login: 'spec', role: 'district_specialist', municipalityId: m.id });
    await buildUser(db, {
      login: 'zam1',
      role: 'school_admin',
      municipalityId: m.id,
      orgIds: [s1.id],
    });
    await storeRun(
      db,
      m.id,
      [2025],
      [
        {
          orgId: s1.id,
          login: 'sch880001',
          year: 2025,
          flagged: true,
          supportList: true,
          yearsInRow: 1,
          q: 0.001,
          evidence: [{ subject: 'Математика', grade: 4, indicator: 'cutExcess', p: 0.0004, n: 31 }],
          units: [{ subject: 'Математика', grade: 4, works: 50 }],
        },
      ],
    );
  });
  afterAll(() => e2e?.close());

  it('district staff see the risk list, load the federal list and see its markers', async () => {
    const { page, baseUrl } = e2e;
    await loginAs(e2e, 'spec', PASSWORD);
    await page.goto(`${baseUrl}/objectivity`);
    const table = page.getByRole('table', { name: 'Объективность результатов по школам' });
    await expect.poll(() => table.textContent()).toContain('Школа № 1');
    await expect.poll(() => table.textContent()).toContain('высокий');
    await expect.poll(() => table.textContent()).toContain('нет данных');
    await page.goto(`${baseUrl}/objectivity/lists`);
    await page.locator('input[type="file"]').setInputFiles({
      name: 'federal_list.csv',
      mimeType: 'text/csv',
      buffer: readFileSync(path.join(__dirname, '../fixtures/objectivity/federal_list.csv')),
    });
    await page.getByRole('button', { name: 'Загрузить', exact: true }).click();
    await expect.poll(() => page.locator('body').textContent()).toContain('Загружено');
    await page.goto(`${baseUrl}/objectivity`);
    await expect.poll(() => table.textContent()).toContain('ФС: 2');
  });

  it('a school user opening the screen is sent to its own card', async () => {
    const { page, baseUrl } = e2e;
    await page.context().clearCookies();
    await loginAs(e2e, 'zam1', PASSWORD);
    await page.goto(`${baseUrl}/objectivity`);
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/objectivity/schools/${flaggedId}`);
  });
});
