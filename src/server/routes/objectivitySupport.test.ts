import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, dataOf, errorOf, signIn, type TestContext } from '../../../test/app';
import { PASSWORD } from '../../../test/factories';
import { seedSupportWorld, type SupportWorld } from '../../../test/fixtures/objectivitySupport';
import { auditLog } from '../../db/schema';
import type { CompareView, SupportProgrammeResult } from '../../shared/objectivitySupport';
import type { PlanView } from '../../shared/plans';

let ctx: TestContext;
let ids: SupportWorld;

beforeAll(async () => {
  ctx = await createTestContext();
  ids = await seedSupportWorld(ctx);
}, 120_000);
afterAll(() => ctx.close());

describe('objectivity support API', () => {
  it('compares ОГЭ marks with итоговая marks of the same students', async () => {
    const dir = await signIn(ctx.app, 'dir71', PASSWORD);
    const view = dataOf<CompareView>(await dir.get(`/api/objectivity/compare?orgId=${ids.s1}`));
    expect(view.year).toBe(2025);
    expect(view.groups).toHaveLength(1);
    const g = view.groups[0]!;
    expect(g).toMatchObject({
      procedure: 'oge',
      procedureLabel: 'ОГЭ',
      subject: 'Математика',
      grade: 9,
      kind: 'final',
      n: 12,
    });
    expect(g.lowered.count).toBe(5);
    expect(g.confirmed.count).toBe(6);
    expect(g.raised.count).toBe(1);
    expect(g.agreement).toBeCloseTo(0.5);
    expect(g.table[2]).toEqual([0, 0, 3, 2]);
    expect(g.spearman).toBeGreaterThan(0.5);
    expect(g.note).toContain('Малая выборка');
    // Another school of the district is out of a school user's reach.
    expect((await dir.get(`/api/objectivity/compare?orgId=${ids.s2}`)).statusCode).toBe(404);
    const empty = dataOf<CompareView>(
      await (
        await signIn(ctx.app, 'imc71', PASSWORD)
      ).get(`/api/objectivity/compare?orgId=${ids.s3}`),
    );
    expect(empty).toMatchObject({ year: null, groups: [] });
  });

  it('creates the support programme as a district plan with observers from unflagged schools', async () => {
    const imc = await signIn(ctx.app, 'imc71', PASSWORD);
    const out = dataOf<SupportProgrammeResult>(
      await imc.post('/api/objectivity/support-programme', { orgIds: [ids.s1], year: 2025 }),
    );
    expect(out.schools).toBe(1);
    const plan = dataOf<PlanView>(await imc.get(`/api/plans/${out.planId}`));
    expect(plan.orgId).toBe(ids.imc);
    expect(plan.periodStart).toBe('2025-09-01');
    expect(plan.sections.map((s) => s.number)).toEqual(['1', '2', '3', '4']);
    const analysis = plan.activities.find((a) => a.text.includes('в динамике'))!;
    expect(analysis.text).toContain(
      'Математика, 5 класс — избыток работ у границ отметок (n = 57)',
    );
    expect(analysis.text).toContain('признаки 2 года подряд');
    expect(analysis.targetSchools.map((t) => t.orgId)).toEqual([ids.s1]);
    const observers = plan.activities.find((a) => a.text.startsWith('Привлечение специалистов'))!;
    expect(observers.participants).toBe('Наблюдатели из других школ: № 7103, № 7104');
    const [entry] = (await ctx.database.db.select().from(auditLog)).filter(
      (e) => e.action === 'generate' && e.entityId === String(out.planId),
    );
    expect(entry?.summary).toContain('программа адресного сопровождения ОО № 7101');
  });

  it('refuses a school user, bad input and schools of several districts', async () => {
    const dir = await signIn(ctx.app, 'dir71', PASSWORD);
    const res = await dir.post('/api/objectivity/support-programme', {
      orgIds: [ids.s1],
      year: 2025,
    });
    expect([403, 404]).toContain(res.statusCode);
    const imc = await signIn(ctx.app, 'imc71', PASSWORD);
    const bad = await imc.post('/api/objectivity/support-programme', { orgIds: [], year: 2025 });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toContain('Выберите хотя бы одну школу');
    const body = await imc.post('/api/objectivity/support-programme', {
      orgIds: [ids.imc],
      year: 2025,
    });
    expect(body.statusCode).toBe(400);
    expect(errorOf(body).message).toContain('не образовательная организация');
  });
});
