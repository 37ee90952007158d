import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../core/access/actor';
import { listRunResults } from '../../db/repositories/analysisRuns';
import { createTestContext, type TestContext } from '../../../test/app';
import { createDemo } from './index';
import { DEMO_MANIPULATIONS, manipulationsOf } from './results/manifest';
import type { DemoWorld } from './world';

/**
 * The demo's observation marks follow the simulation's manifest, and the demo analysis (which runs
 * after them) still flags exactly the manipulated school-years, now with observerGap evidence
 * for school 320, whose first two years were observed.
 */
describe('demo: observation marks', () => {
  let ctx: TestContext;
  let world: DemoWorld;
  beforeAll(async () => {
    ctx = await createTestContext();
    world = await createDemo(ctx.services.deps, ctx.services);
  }, 900_000);
  afterAll(() => ctx?.close());

  it('marks every administration, never a manipulated one as observed', async () => {
    const { rows, status } = await ctx.services.observations.list(SYSTEM_ACTOR, {});
    expect(rows.length).toBeGreaterThan(1000);
    expect(rows.every((r) => r.observed !== null)).toBe(true);
    const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
    const number = new Map(world.schools.map((s) => [s.id, s.number]));
    const observedShare = rows.filter((r) => r.observed).length / rows.length;
    expect(observedShare).toBeGreaterThan(0.2);
    expect(observedShare).toBeLessThan(0.45);
    for (const r of rows) {
      const manipulated = manipulationsOf(
        number.get(r.orgId) ?? '',
        r.subject,
        years.indexOf(r.year),
      );
      if (manipulated.length) expect(r.observed).toBe(false);
    }
    const of305 = rows.filter((r) => number.get(r.orgId) === '305' && r.subject === 'rus');
    expect(of305.filter((r) => r.observed).map((r) => r.year)).toEqual(
      of305.filter((r) => r.year === years[0]).map(() => years[0]),
    );
    // The analysis ran after the marks were stored.
    expect(status.map((s) => s.outdated)).toEqual([false]);
  });

  it('flags exactly the manipulated school-years, with observerGap evidence for school 320', async () => {
    const [run] = await ctx.services.analysisRuns.list(SYSTEM_ACTOR);
    const results = await listRunResults(ctx.database.db, run?.id ?? 0, null);
    const number = new Map(world.schools.map((s) => [s.id, s.number]));
    const years = [...new Set(results.map((r) => r.result.year))].sort((a, b) => a - b);
    const flagged = results
      .filter((r) => r.result.flagged)
      .map((r) => `${number.get(r.result.orgId)}:${years.indexOf(r.result.year)}`)
      .sort();
    const expected = DEMO_MANIPULATIONS.flatMap((m) =>
      m.yearIndexes.map((i) => `${m.schoolNumber}:${i}`),
    ).sort();
    expect(flagged).toEqual(expected);
    const last320 = results.find(
      (r) => number.get(r.result.orgId) === '320' && r.result.year === years[2],
    );
    const indicators = (last320?.result.dossier.evidence as { indicator: string }[]).map(
      (e) => e.indicator,
    );
    expect(indicators).toContain('observerGap');
  });
});
