import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../core/access/actor';
import { createRng } from '../../core/random';
import { KNOWN_TESTS } from '../../core/results/knownTests';
import { listRunResults } from '../../db/repositories/analysisRuns';
import { individualResultsTable, tableToCsv } from '../../importers/results/writers';
import { createTestContext, dataOf, signIn, type TestContext } from '../../../test/app';
import { buildMunicipality, buildUser, PASSWORD } from '../../../test/factories';
import { DEMO_MANIPULATIONS } from '../demo/results/manifest';
import { simulateSchoolWorks, taskDifficulties, type SimTest } from '../demo/results/simulation';

/**
 * One municipal ВПР file (Mathematics grade 4, 2023, catalog structure): ten schools of 50
 * pupils, school 207 manipulated as the demo manifest says (lenient scoring near the cuts), the
 * rest honest. Importing it re-runs the stored analysis; undoing a school's batch re-runs it too.
 */
const catalog = KNOWN_TESTS.find(
  (t) => t.procedure === 'vpr' && t.year === 2023 && t.subjectCode === 'math' && t.grade === 4,
);
const NUMBERS = ['207', '901', '902', '903', '904', '905', '906', '907', '908', '909'];
const MANIPULATED = DEMO_MANIPULATIONS.filter(
  (m) => m.subjects.includes('math') && m.yearIndexes.includes(0),
).map((m) => m.schoolNumber);

function municipalFile(): Buffer {
  if (!catalog?.cutScores) throw new Error('catalog entry missing');
  const rng = createRng(42);
  const tasks = catalog.tasks.map((t, i) => ({
    ...t,
    level: t.level ?? (i >= catalog.tasks.length - 4 ? ('П' as const) : ('Б' as const)),
  }));
  const test: SimTest = {
    subject: 'math',
    grade: 4,
    tasks,
    cutScores: catalog.cutScores,
    difficulty: taskDifficulties(rng, tasks),
  };
  const works = NUMBERS.flatMap((number, s) =>
    simulateSchoolWorks(
      rng,
      test,
      { number, fisLogin: `sch78${number}`, shortName: `Школа № ${number}` },
      ['4А', '4Б'].map((className) => ({
        className,
        pupils: Array.from({ length: 25 }, () => ({ ability: 0.3 * rng.normal() + rng.normal() })),
      })),
      0,
      10000 + s * 300,
    ),
  );
  return tableToCsv(
    individualResultsTable({
      title: 'ВПР 2023 Математика 4 класс',
      municipality: 'Тестовый район',
      tasks,
      works,
    }),
  );
}

let ctx: TestContext;
let municipalityId: number;

beforeAll(async () => {
  ctx = await createTestContext();
  municipalityId = (await buildMunicipality(ctx.database.db, 'Тестовый район')).id;
}, 60_000);
afterAll(() => ctx.close());

describe('stored analysis runs', () => {
  it('re-runs after an import, stores every school-year and flags the manipulated school', async () => {
    expect(MANIPULATED).toContain('207');
    const out = await ctx.services.resultImports.importFile(
      SYSTEM_ACTOR,
      { fileName: 'vpr_2023_math_4.csv', bytes: municipalFile(), choice: {} },
      { createSchools: true, municipalityId },
    );
    expect(out.status).toBe('imported');
    const runs = await ctx.services.analysisRuns.list(SYSTEM_ACTOR);
    expect(runs).toHaveLength(1);
    const run = runs[0];
    expect(run).toMatchObject({
      municipalityId,
      trigger: 'import',
      status: 'done',
      procedure: 'vpr',
      years: [2023],
      schools: 10,
      works: 500,
    });
    expect(run?.finishedAt).not.toBeNull();
    const results = await listRunResults(ctx.database.db, run?.id ?? 0, null);
    expect(results).toHaveLength(10);
    const flagged = results.filter((r) => r.result.flagged).map((r) => r.result.schoolLogin);
    expect(flagged).toContain('sch78207');
    expect(flagged.length).toBe(run?.flagged);
    const top = results.find((r) => r.result.schoolLogin === 'sch78207')?.result;
    expect(top?.score).toBeCloseTo(-Math.log10(top?.p ?? 1), 6);
    expect(top?.dossier.summary).toMatch(/[а-я]/);
    expect(top?.dossier.evidence.length).toBeGreaterThan(0);
  });

  it('re-runs after an undo and audits each run', async () => {
    const history = await ctx.services.resultImports.history(SYSTEM_ACTOR, {
      page: 1,
      pageSize: 50,
    });
    const batch = history.rows.find((b) => b.orgFisLogin === 'sch78909');
    expect(batch).toBeDefined();
    await ctx.services.resultImports.undo(SYSTEM_ACTOR, batch?.batch.id ?? 0);
    const runs = await ctx.services.analysisRuns.list(SYSTEM_ACTOR);
    expect(runs.map((r) => r.trigger)).toEqual(['undo', 'import']);
    expect(runs[0]?.schools).toBe(9);
    const audit = await ctx.services.auditLog.list(SYSTEM_ACTOR, { page: 1, pageSize: 100 });
    expect(audit.rows.filter((e) => e.entry.entity === 'analysis_run')).toHaveLength(2);
  });

  it('refuses bad q and stores a started run with parameters', async () => {
    await expect(
      ctx.services.analysisRuns.start(SYSTEM_ACTOR, { municipalityId, q: 2 }),
    ).rejects.toThrow(/от 0 до 1/);
    const run = await ctx.services.analysisRuns.start(SYSTEM_ACTOR, { municipalityId, q: 0.1 });
    expect(run).toMatchObject({ trigger: 'manual', status: 'done', q: expect.closeTo(0.1, 6) });
  });

  it('over HTTP: a school sees only its own entry, district staff the whole municipality', async () => {
    const db = ctx.database.db;
    const [run] = await ctx.services.analysisRuns.list(SYSTEM_ACTOR);
    const results = await listRunResults(db, run?.id ?? 0, null);
    const own = results.find((r) => r.result.schoolLogin === 'sch78207')?.result;
    const school = await buildUser(db, {
      role: 'school_admin',
      municipalityId,
      orgIds: [own?.orgId ?? 0],
    });
    const district = await buildUser(db, { role: 'district_specialist', municipalityId });
    const asSchool = await signIn(ctx.app, school.login, PASSWORD);
    const asDistrict = await signIn(ctx.app, district.login, PASSWORD);
    const seen = dataOf<{ results: { orgId: number }[] }>(
      await asSchool.get(`/api/analysis/runs/${run?.id}`),
    );
    expect(seen.results.map((r) => r.orgId)).toEqual([own?.orgId]);
    const all = dataOf<{ results: { orgId: number }[] }>(
      await asDistrict.get(`/api/analysis/runs/${run?.id}`),
    );
    expect(all.results).toHaveLength(results.length);
    expect((await asSchool.post('/api/analysis/runs', {})).statusCode).toBe(403);
    const started = dataOf<{ status: string; trigger: string }>(
      await asDistrict.post('/api/analysis/runs', { q: 0.05 }),
    );
    expect(started).toMatchObject({ status: 'done', trigger: 'manual' });
  });
});
