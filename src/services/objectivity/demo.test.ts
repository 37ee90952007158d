import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../core/access/actor';
import { loadActor } from '../../db/repositories/actors';
import { findUserByLogin } from '../../db/repositories/users';
import { auditLog } from '../../db/schema';
import { createTestContext, type TestContext } from '../../../test/app';
import { createDemo } from '../demo/index';
import {
  DEMO_EXPLAINING_SCHOOL,
  DEMO_FEDERAL_LIST,
  DEMO_SHNOR_SCHOOL,
  demoVprYears,
  federalCsv,
} from '../demo/objectivity';
import { DEMO_MANIPULATIONS, type ManipulationKind } from '../demo/results/manifest';
import type { DemoWorld } from '../demo/world';
import type { ScreenView } from '../../shared/objectivityScreen';

/** The indicator each simulated manipulation is built to trip (core/analytics/indicators). */
const INDICATOR_OF: Record<ManipulationKind, string> = {
  lenient_near_cut: 'cutExcess',
  help_on_hard_tasks: 'itemProfile',
  raised_to_journal: 'concordance',
  flat_gain: 'yearChange',
};
const SUBJECT_NAMES = { rus: 'Русский язык', math: 'Математика' } as const;

describe('objectivity screen on the demo district', () => {
  let ctx: TestContext;
  let world: DemoWorld;
  let years: number[];
  const screens = new Map<number, ScreenView>();
  const number = (orgId: number) => world.schools.find((s) => s.id === orgId)?.number;

  beforeAll(async () => {
    ctx = await createTestContext();
    world = await createDemo(ctx.services.deps, ctx.services);
    years = demoVprYears(world);
    for (const year of years)
      screens.set(year, await ctx.services.objectivityScreen.screen(SYSTEM_ACTOR, { year }));
  }, 600_000);
  afterAll(() => ctx?.close());

  it('lists every demo school each year, the latest year by default', async () => {
    const latest = await ctx.services.objectivityScreen.screen(SYSTEM_ACTOR, {});
    expect(latest.year).toBe(years.at(-1));
    for (const year of years) expect(screens.get(year)?.rows).toHaveLength(world.schools.length);
  });

  it('shows the strongly manipulated schools as high risk with the indicator of their kind', () => {
    // «Strongly»: every manifest entry manipulates at least 80 % of the eligible works.
    const strong = DEMO_MANIPULATIONS.filter((m) => m.rate >= 0.8);
    expect(strong.length).toBe(DEMO_MANIPULATIONS.length);
    for (const m of strong) {
      for (const yearIndex of m.yearIndexes) {
        const year = years[yearIndex] as number;
        const row = screens.get(year)?.rows.find((r) => number(r.orgId) === m.schoolNumber);
        expect({ school: m.schoolNumber, year, risk: row?.risk }).toEqual({
          school: m.schoolNumber,
          year,
          risk: 'high',
        });
        const indicator = row?.indicators.find((i) => i.indicator === INDICATOR_OF[m.kind]);
        const subjects = m.subjects.map((s) => SUBJECT_NAMES[s]);
        expect(
          indicator?.details.some((d) => subjects.some((s) => d.startsWith(`${s},`))),
          `${m.schoolNumber} ${year} ${m.kind}`,
        ).toBe(true);
      }
    }
  });

  it('flags honest schools no more often than the false-discovery control allows', () => {
    // Benjamini–Hochberg at q = 0.05 bounds the expected share of honest school-years among the
    // flagged ones by q. A single realisation can only be held to that share rounded up, so the
    // test allows ⌈q · R⌉ honest flags among the R flagged school-years of the demo (R ≈ 9, so at
    // most one) — and then also at most q of all honest school-years.
    const manipulated = (n: string | undefined, yearIndex: number) =>
      DEMO_MANIPULATIONS.some((m) => m.schoolNumber === n && m.yearIndexes.includes(yearIndex));
    let flagged = 0;
    let honestFlagged = 0;
    let honest = 0;
    for (const [yearIndex, year] of years.entries()) {
      for (const row of screens.get(year)?.rows ?? []) {
        const isHonest = !manipulated(number(row.orgId), yearIndex);
        if (row.risk === 'high') flagged++;
        if (isHonest) honest++;
        if (isHonest && row.risk === 'high') honestFlagged++;
      }
    }
    const q = screens.get(years[0] as number)?.q ?? 0.05;
    expect(flagged).toBeGreaterThanOrEqual(9);
    expect(honestFlagged).toBeLessThanOrEqual(Math.ceil(q * flagged));
    expect(honestFlagged / honest).toBeLessThanOrEqual(q);
  });

  it('shows the official lists beside the engine flags', async () => {
    for (const [yearIndex, year] of years.entries()) {
      const view = screens.get(year) as ScreenView;
      const listed = view.rows.filter((r) => r.federal).map((r) => number(r.orgId));
      const expected = DEMO_FEDERAL_LIST.filter((e) =>
        (e.yearIndexes as readonly number[]).includes(yearIndex),
      ).map((e) => e.number);
      expect(listed.sort()).toEqual([...expected].sort());
      const shnor = view.rows.filter((r) => r.shnor).map((r) => number(r.orgId));
      expect(shnor).toEqual(yearIndex === years.length - 1 ? [DEMO_SHNOR_SCHOOL] : []);
    }
    // The same federal file again changes nothing; the other municipality's login is reported.
    const again = await ctx.services.officialLists.import(
      SYSTEM_ACTOR,
      'federal',
      { fileName: 'federal_list_vpr.csv', bytes: federalCsv(world) },
      world.municipalityId,
    );
    expect(again.changed).toBe(false);
    expect(again.unknownLogins).toEqual(['sch999901']);
  });

  it('records the demo due-process trail: explanation, decision, audit', async () => {
    const s = world.schools.find((x) => x.number === DEMO_EXPLAINING_SCHOOL);
    if (!s) throw new Error('school missing');
    const year = years.at(-1) as number;
    const user = await findUserByLogin(ctx.database.db, `school${DEMO_EXPLAINING_SCHOOL}`);
    if (!user) throw new Error('user missing');
    const schoolActor = await loadActor(ctx.database.db, user);
    const view = await ctx.services.dueProcess.view(schoolActor, s.id, year);
    expect(view.risk).toBe('high');
    expect(view.evidence.length).toBeGreaterThan(0);
    expect(view.events.map((e) => [e.kind, e.authorLogin])).toEqual([
      ['explanation', `school${DEMO_EXPLAINING_SCHOOL}`],
      ['decision', 'imc'],
    ]);
    expect(view.status).toBe('observers');
    expect(view.events[0]?.file?.name).toBe('protokol-proverki-vpr.txt');
    const row = screens.get(year)?.rows.find((r) => r.orgId === s.id);
    expect(row?.dueStatusLabel).toBe('направить наблюдателей');
    const audits = await ctx.database.db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.entity, ['objectivity_explanation', 'objectivity_decision']));
    expect(audits.map((a) => [a.entity, a.userLogin, a.orgId])).toEqual([
      ['objectivity_explanation', `school${DEMO_EXPLAINING_SCHOOL}`, s.id],
      ['objectivity_decision', 'imc', s.id],
    ]);
    const lists = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entity, 'official_list'));
    expect(lists).toHaveLength(2);
  });

  it('refuses an explanation where there are no signs at all', async () => {
    const year = years.at(-1) as number;
    const honest = screens
      .get(year)
      ?.rows.find((r) => r.risk === 'none' && !r.federal && r.orgId !== undefined);
    if (!honest) throw new Error('no honest school');
    await expect(
      ctx.services.dueProcess.explain(SYSTEM_ACTOR, honest.orgId, { year, text: 'x' }, null),
    ).rejects.toThrow('пояснение не требуется');
  });
});
