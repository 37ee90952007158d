import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../core/access/actor';
import { analyze } from '../../core/analytics/analyze';
import { buildDataset } from '../../core/analytics/build';
import { splitUnits } from '../../core/analytics/unit';
import { listMunicipalityTests, listMunicipalityWorks } from '../../db/repositories/analysisRuns';
import { findOrgByFisLogin } from '../../db/repositories/organisations';
import { createTestContext, type TestContext } from '../../../test/app';
import { buildMunicipality } from '../../../test/factories';
import { importMunicipalVpr } from '../../../test/objectivityData';

const fixture = (name: string) => readFileSync(`test/fixtures/objectivity/${name}`);

let ctx: TestContext;
let municipalityId: number;

beforeAll(async () => {
  ctx = await createTestContext();
  municipalityId = (await buildMunicipality(ctx.database.db, 'Тестовый район')).id;
  await importMunicipalVpr(ctx, municipalityId, ['207', '901', '902', '903', '904', '905']);
}, 60_000);
afterAll(() => ctx.close());

/** The engine run over the same works, as the run pipeline builds it. */
async function engineRun() {
  const db = ctx.database.db;
  const [t] = await listMunicipalityTests(db, municipalityId, 'vpr');
  if (!t) throw new Error('no test');
  const rows = await listMunicipalityWorks(db, municipalityId, t.test.id);
  const { data } = buildDataset([
    {
      subject: t.subjectCode,
      grade: t.test.grade,
      year: t.test.year,
      tasks: t.test.tasks.map((x) => ({ code: x.code, max: x.max, level: x.level })),
      cuts: [t.test.min3 ?? 0, t.test.min4 ?? 0, t.test.min5 ?? 0],
      works: rows.map((w) => ({ ...w, school: String(w.orgId), journal: w.journalMark })),
    },
  ]);
  return { data, result: analyze(data) };
}

describe('school card figures stored with the run', () => {
  it('gives the figures the engine computes, for the school and the municipality', async () => {
    const org = await findOrgByFisLogin(ctx.database.db, 'sch78207');
    if (!org) throw new Error('school missing');
    const card = await ctx.services.objectivityCard.card(SYSTEM_ACTOR, org.id, {});
    expect(card.selected).toMatchObject({ subject: 'math', grade: 4, year: 2023 });
    expect(card.tests).toHaveLength(1);
    const { data, result } = await engineRun();
    const unit = result.schools.find((s) => s.school === String(org.id))?.units[0];
    if (!unit || !card.current) throw new Error('no figures');
    expect(card.current.school.marks.percent).toEqual(unit.tables.marks.percent);
    expect(card.current.school.marks.participants).toBe(unit.works);
    expect(unit.works).toBeGreaterThan(40);
    expect(card.current.school.journal.percent).toEqual(unit.tables.journal.percent);
    expect(card.current.school.tasks.tasks).toEqual(unit.tables.tasks);
    expect(card.current.school.tasks.levels).toEqual(unit.tables.levels);
    expect(card.current.school.scores.percent).toEqual(unit.tables.scoreDistribution);
    expect(card.current.school.scores.cuts).toEqual([6, 10, 15]);
    expect(card.current.school.scores.expected).toEqual(
      unit.expected.map((x) => Math.round(x * 100) / 100),
    );
    expect(card.current.municipality?.marks.percent).toEqual(
      result.tests[0]?.municipality.marks.percent,
    );
    expect(card.current.classes.map((c) => c.name)).toEqual(['4А', '4Б']);
    // The class tables add up to the school's.
    const test = data.tests[0];
    if (!test) throw new Error('no test');
    const school = splitUnits(test).schools.find((u) => data.schools[u.school] === String(org.id));
    expect(school?.works.length).toBe(unit.works);
    const sum = card.current.classes.reduce((a, c) => a + c.figures.journal.pairs, 0);
    expect(sum).toBe(card.current.school.journal.pairs);
    expect(card.current.region).toEqual({ missing: 'нет данных региона' });
    expect(card.dynamics.map((d) => d.year)).toEqual([2023]);
    expect(card.results).toHaveLength(1);
    expect(card.results[0]?.summary).toMatch(/[а-я]/);
  });

  it('imports regional aggregates all-or-nothing, re-runs and shows the region', async () => {
    const svc = ctx.services.regionAggregates;
    await expect(
      svc.importFile(
        SYSTEM_ACTOR,
        { fileName: 'bad.csv', bytes: fixture('region_aggregates_bad.csv') },
        municipalityId,
      ),
    ).rejects.toThrow(/Файл «bad\.csv», строка 3, столбец 2 «Предмет»: неизвестный предмет/);
    expect(await svc.list(SYSTEM_ACTOR, { municipalityId })).toEqual([]);
    const runsBefore = await ctx.services.analysisRuns.list(SYSTEM_ACTOR);

    const first = await svc.importFile(
      SYSTEM_ACTOR,
      { fileName: 'region.csv', bytes: fixture('region_aggregates_vpr.csv') },
      municipalityId,
    );
    expect(first).toEqual({ rows: 2, added: 2, changed: 0, unchanged: 0 });
    const runsAfter = await ctx.services.analysisRuns.list(SYSTEM_ACTOR);
    expect(runsAfter.length).toBe(runsBefore.length + 1);

    const again = await svc.importFile(
      SYSTEM_ACTOR,
      { fileName: 'region.csv', bytes: fixture('region_aggregates_vpr.csv') },
      municipalityId,
    );
    expect(again).toEqual({ rows: 2, added: 0, changed: 0, unchanged: 2 });
    expect((await ctx.services.analysisRuns.list(SYSTEM_ACTOR)).length).toBe(runsAfter.length);
    const audit = await ctx.services.auditLog.list(SYSTEM_ACTOR, { page: 1, pageSize: 100 });
    expect(audit.rows.filter((e) => e.entry.entity === 'region_aggregates')).toHaveLength(1);

    const org = await findOrgByFisLogin(ctx.database.db, 'sch78901');
    const card = await ctx.services.objectivityCard.card(SYSTEM_ACTOR, org?.id ?? 0, {
      subject: 'math',
      grade: 4,
      year: 2023,
    });
    expect(card.current?.region).toMatchObject({
      level: 'region',
      participants: 41235,
      percent: [3.1, 24.6, 45.2, 27.1],
      journalPercent: [14.8, 79.5, 5.7],
    });
    const region = card.current?.region;
    if (!region || 'missing' in region) throw new Error('region expected');
    expect(region.tasks.tasks.find((t) => t.task === '9.2')?.percent).toBe(45.3);

    const reports = await ctx.services.objectivityCard.reports(SYSTEM_ACTOR, {
      municipalityId,
      orgId: org?.id,
    });
    expect(reports.school?.figures.marks).toEqual(card.current?.school.marks);
    expect(reports.municipality?.marks).toEqual(card.current?.municipality?.marks);
    expect(reports.region).toEqual(region);
    expect(reports.schools).toHaveLength(6);
  });
});
