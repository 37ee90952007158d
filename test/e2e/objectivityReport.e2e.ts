import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText } from '../docx';
import { buildMunicipality, buildUser, PASSWORD } from '../factories';
import { importMunicipalVpr } from '../objectivityData';
import { hasBrowser, loginAs, startE2E, type E2E } from './harness';

describe.skipIf(!hasBrowser())('objectivity справка in Chromium', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    const db = e2e.ctx.database.db;
    const m = await buildMunicipality(db, 'Тестовый район');
    await importMunicipalVpr(e2e.ctx, m.id, ['207', '901', '902', '903', '904', '905']);
    await buildUser(db, { login: 'uo', role: 'district_admin', municipalityId: m.id });
  }, 120_000);
  afterAll(() => e2e?.close());

  it('a district user downloads the district справка from the analysis page', async () => {
    const { page, baseUrl } = e2e;
    await loginAs(e2e, 'uo', PASSWORD);
    await page.goto(`${baseUrl}/analysis`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Аналитическая справка (DOCX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('spravka-objectivity-2023.docx');
    const path = await download.path();
    const text = await docxText(await readFile(path));
    expect(text).toContain('АНАЛИТИЧЕСКАЯ СПРАВКА');
    expect(text).toContain('Школа № 207');
  });
});
