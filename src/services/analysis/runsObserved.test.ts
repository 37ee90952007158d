import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../core/access/actor';
import { listRunResults } from '../../db/repositories/analysisRuns';
import { findOrgByFisLogin } from '../../db/repositories/organisations';
import { createTestContext, type TestContext } from '../../../test/app';
import { buildMunicipality } from '../../../test/factories';
import { importObserveResults } from '../../../test/observeData';

/**
 * Stored runs read the observation marks: without them the observerGap indicator has nothing to
 * compare; once school 320's honest 2022 is marked observed and its inflated 2023 unobserved, the
 * next run's dossier for 2023 carries the observerGap evidence.
 */
let ctx: TestContext;
let municipalityId: number;

beforeAll(async () => {
  ctx = await createTestContext();
  municipalityId = (await buildMunicipality(ctx.database.db, 'Тестовый район')).id;
  await importObserveResults(ctx, municipalityId);
}, 120_000);
afterAll(() => ctx.close());

const gapEvidence = async (runId: number, orgId: number) =>
  (await listRunResults(ctx.database.db, runId, [orgId])).flatMap((r) =>
    (r.result.dossier.evidence as { indicator: string }[])
      .filter((e) => e.indicator === 'observerGap')
      .map((e) => ({ year: r.result.year, ...e })),
  );

describe('stored runs with observation marks', () => {
  it('has no observerGap evidence without marks, and shows it once marks exist', async () => {
    const org = await findOrgByFisLogin(ctx.database.db, 'sch78320');
    if (!org) throw new Error('school 320 not imported');
    const [first] = await ctx.services.analysisRuns.list(SYSTEM_ACTOR);
    expect(first?.status).toBe('done');
    expect(await gapEvidence(first?.id ?? 0, org.id)).toEqual([]);

    await ctx.services.observations.set(SYSTEM_ACTOR, [
      { orgId: org.id, year: 2022, subject: 'math', grade: 4, observed: true },
      { orgId: org.id, year: 2023, subject: 'math', grade: 4, observed: false },
    ]);
    expect((await ctx.services.observations.status(municipalityId)).outdated).toBe(true);
    const run = await ctx.services.analysisRuns.rerunNow(SYSTEM_ACTOR, municipalityId, 'manual');
    expect(run.status).toBe('done');
    expect((await ctx.services.observations.status(municipalityId)).outdated).toBe(false);
    const evidence = await gapEvidence(run.id, org.id);
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({ year: 2023, subject: 'Математика', grade: 4 });
    expect((evidence[0] as unknown as { p: number }).p).toBeLessThan(0.05);
  });
});
