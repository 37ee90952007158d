import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../core/access/actor';
import { createTestContext, type TestContext } from '../../../test/app';
import { docxImages } from '../../../test/docx';
import { createDemo } from './index';
import type { DemoWorld } from './world';

describe('demo: ВСОКО monitoring', () => {
  let ctx: TestContext;
  let world: DemoWorld;
  beforeAll(async () => {
    ctx = await createTestContext();
    world = await createDemo(ctx.services.deps, ctx.services);
  }, 600_000);
  afterAll(() => ctx?.close());

  it('has a finished run of last year and one in progress compared with it', async () => {
    const campaigns = await ctx.services.campaigns.list(SYSTEM_ACTOR);
    expect(campaigns.map((c) => c.head.campaign.status).sort()).toEqual(['active', 'closed']);
    const current = campaigns.find((c) => c.head.campaign.status === 'active');
    if (!current) throw new Error('no current run');
    const screen = await ctx.services.monitoringScreen.screen(
      SYSTEM_ACTOR,
      current.head.campaign.id,
    );
    expect(screen.rows).toHaveLength(world.schools.length);
    const statuses = new Set(screen.rows.map((r) => `${r.selfStatus}/${r.cardStatus}`));
    expect(statuses).toContain('not_started/not_started');
    expect(statuses).toContain('submitted/final');
    expect(statuses).toContain('returned/not_started');
    expect(screen.rows.some((r) => r.delta !== null)).toBe(true);
    const violations = screen.rows.map((r) => r.scheduleViolations ?? 0);
    expect(violations.filter((v) => v > 0).length).toBeGreaterThan(3);
    expect(violations.filter((v) => v === 0).length).toBeGreaterThan(3);
    // The regulation is a document of the ИМЦ; the report has the three charts.
    expect(current.head.campaign.regulationDocumentId).not.toBeNull();
    const report = await ctx.services.monitoringScreen.report(
      SYSTEM_ACTOR,
      current.head.campaign.id,
    );
    expect(await docxImages(report.bytes)).toHaveLength(3);
  });
});
