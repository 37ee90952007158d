import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, dataOf, signIn, type TestContext } from '../../../test/app';
import type {
  ActivityDetailView,
  PlanSummaryView,
  PlanView,
  TaskItemView,
} from '../../shared/plans';
import { createDemo } from './index';
import { DEMO_PASSWORD } from './world';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext({ now: () => new Date('2026-11-25T08:00:00Z') });
  await createDemo(ctx.services.deps, ctx.services);
}, 300_000);
afterAll(() => ctx.close());

describe('demo: plans of measures', () => {
  it("loads the five seed plans and this year's plan with realistic execution", async () => {
    const imc = await signIn(ctx.app, 'imc', DEMO_PASSWORD);
    const plans = dataOf<PlanSummaryView[]>(await imc.get('/api/plans'));
    expect(plans).toHaveLength(6);
    const counts = plans.map((p) => p.progress.total).sort((a, b) => a - b);
    expect(counts).toEqual([11, 15, 16, 16, 16, 26]);
    const seed001 = plans.find((p) => p.title.startsWith('Программа профилактических мер'))!;
    const full = dataOf<PlanView>(await imc.get(`/api/plans/${seed001.id}`));
    expect(full.sections.map((s) => s.number)).toEqual(['1', '2', '3', '4']);
    expect(full.activities.find((a) => a.number === '2.1')?.deadline.text).toBe(
      'согласно графику наблюдения',
    );
    const a31 = full.activities.find((a) => a.number === '3.1')!;
    expect(a31.targetSchools).toHaveLength(6);
    expect(a31.schools?.total).toBe(6);
    const current = plans.find((p) => p.periodStart === '2026-01-01')!;
    expect(current.progress.done).toBeGreaterThan(5);
    const detail = dataOf<ActivityDetailView>(await imc.get(`/api/plan-activities/${a31.id}`));
    expect(detail.schoolTasks.length).toBe(6);
  });

  it("a school of seed 001 finds the district's tasks among its own", async () => {
    const school = await signIn(ctx.app, 'school212', DEMO_PASSWORD);
    const tasks = dataOf<TaskItemView[]>(await school.get('/api/my-tasks?view=org'));
    expect(tasks.filter((t) => t.kind === 'schoolTask').length).toBeGreaterThanOrEqual(8);
    // The school administrator answers for the school's tasks personally.
    const mine = dataOf<TaskItemView[]>(await school.get('/api/my-tasks?view=user'));
    expect(mine.filter((t) => t.kind === 'schoolTask').length).toBeGreaterThanOrEqual(8);
    const imc = await signIn(ctx.app, 'imc', DEMO_PASSWORD);
    const imcOwn = dataOf<TaskItemView[]>(await imc.get('/api/my-tasks?view=user'));
    expect(imcOwn.some((t) => t.kind === 'activity')).toBe(true);
    const own = await signIn(ctx.app, 'school312', DEMO_PASSWORD);
    const plans = dataOf<PlanSummaryView[]>(await own.get('/api/plans'));
    expect(plans.map((p) => p.level)).toEqual(['school']);
  });
});
