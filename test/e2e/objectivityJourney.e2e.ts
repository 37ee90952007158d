import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/core/access/actor';
import { DEFAULT_SIMULATION, simulate } from '../../src/core/analytics/validation/simulate';
import { listRunResults } from '../../src/db/repositories/analysisRuns';
import { findOrgsByIds } from '../../src/db/repositories/organisations';
import { datasetToFiles } from '../../src/importers/analytics/writeDataset';
import { docxText } from '../docx';
import { buildMunicipality, buildUser, PASSWORD } from '../factories';
import { hasBrowser, loginAs, startE2E, type E2E } from './harness';

/**
 * The journey on a simulated municipality (three years of ВПР, some schools marking
 * leniently), imported through the real importer and analysed once: district staff open the
 * screen, drill into a school the engine flagged, download its справка; a school user sees only
 * its own card.
 */
describe.skipIf(!hasBrowser())('objectivity journey in Chromium', () => {
  let e2e: E2E;
  let flagged = { id: 0, name: '' };
  let other = 0;
  beforeAll(async () => {
    e2e = await startE2E();
    const { services, database } = e2e.ctx;
    const m = await buildMunicipality(database.db, 'Район объективности');
    const { data } = simulate({
      ...DEFAULT_SIMULATION,
      seed: 7,
      schools: 30,
      years: [2024, 2025],
      sizes: [40, 60],
      manipulatedShare: 0.2,
      manipulation: { kind: 'lenient', strength: 0.8 },
    });
    await services.analysisRuns.deferReruns(async () => {
      for (const file of datasetToFiles(data, 'Район объективности'))
        await services.resultImports.importFile(
          SYSTEM_ACTOR,
          { fileName: file.name, bytes: file.bytes, choice: {} },
          { createSchools: true, municipalityId: m.id },
        );
    });
    const run = await services.analysisRuns.run(SYSTEM_ACTOR, m.id, { q: 0.05 }, 'cli');
    const results = (await listRunResults(database.db, run.id, null)).map((r) => r.result);
    const hit = results.find((r) => r.flagged && r.year === 2025);
    const honest = results.find((r) => !r.flagged && !r.supportList && r.year === 2025);
    if (!hit || !honest) throw new Error('the simulated municipality has no flagged school');
    const [org] = await findOrgsByIds(database.db, [hit.orgId]);
    flagged = { id: hit.orgId, name: org?.shortName ?? '' };
    other = honest.orgId;
    await buildUser(database.db, {
      login: 'imc',
      role: 'district_specialist',
      municipalityId: m.id,
    });
    await buildUser(database.db, {
      login: 'zam',
      role: 'school_admin',
      municipalityId: m.id,
      orgIds: [flagged.id],
    });
  }, 240_000);
  afterAll(() => e2e?.close());

  it('district staff open the screen, drill into a flagged school and download its справка', async () => {
    const { page, baseUrl } = e2e;
    await loginAs(e2e, 'imc', PASSWORD);
    await page.goto(`${baseUrl}/objectivity`);
    const table = page.getByRole('table', { name: 'Объективность результатов по школам' });
    const row = table.getByRole('row').filter({ hasText: flagged.name });
    await expect.poll(() => row.textContent()).toContain('высокий');
    await row.getByRole('link', { name: flagged.name }).click();
    await page.waitForURL(new RegExp(`/objectivity/schools/${flagged.id}`));
    await expect
      .poll(() =>
        page.getByRole('img', { name: 'Гистограмма первичных баллов' }).locator('svg').count(),
      )
      .toBe(1);
    await expect
      .poll(() => page.locator('body').textContent())
      .toContain('признаки необъективности');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Аналитическая справка (DOCX)' }).click(),
    ]);
    const text = await docxText(await readFile(await download.path()));
    expect(text).toContain('АНАЛИТИЧЕСКАЯ СПРАВКА');
    expect(text).toContain(flagged.name);
  });

  it('a school user sees its own card and not another school’s', async () => {
    const { page, baseUrl } = e2e;
    await page.context().clearCookies();
    await loginAs(e2e, 'zam', PASSWORD);
    await page.goto(`${baseUrl}/objectivity`);
    await expect
      .poll(() => new URL(page.url()).pathname)
      .toBe(`/objectivity/schools/${flagged.id}`);
    await expect
      .poll(() =>
        page.getByRole('img', { name: 'Гистограмма первичных баллов' }).locator('svg').count(),
      )
      .toBe(1);
    await page.goto(`${baseUrl}/objectivity/schools/${other}`);
    await expect
      .poll(() => page.locator('body').textContent())
      .toContain('не найдена или недоступна');
    expect(await page.getByRole('img', { name: 'Гистограмма первичных баллов' }).count()).toBe(0);
  });
});
