import { and, desc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, dataOf, signIn, type TestContext } from '../../../test/app';
import { SYSTEM_ACTOR } from '../../core/access/actor';
import { docxText } from '../../../test/docx';
import { compareMarks, spearman } from '../../core/objectivity/externalInternal';
import {
  assessmentTests,
  journalMarkFiles,
  journalMarks,
  resultBatches,
  resultCodeLinks,
  resultWorks,
} from '../../db/schema';
import type { AnalysisSchoolResult } from '../../shared/analysis';
import type { CompareView, SupportProgrammeResult } from '../../shared/objectivitySupport';
import type { PlanView } from '../../shared/plans';
import { createDemo } from '../demo';
import { DEMO_MANIPULATIONS } from '../demo/results/manifest';
import { DEMO_PASSWORD, type DemoWorld } from '../demo/world';

let ctx: TestContext;
let world: DemoWorld;

beforeAll(async () => {
  ctx = await createTestContext({ now: () => new Date('2026-11-25T08:00:00Z') });
  world = await createDemo(ctx.services.deps, ctx.services);
}, 600_000);
afterAll(() => ctx.close());

const school = (number: string) => world.schools.find((s) => s.number === number)!;

describe('objectivity support on the demo district', () => {
  it('generates the programme for flagged schools as a plan with their figures', async () => {
    const imc = await signIn(ctx.app, 'imc', DEMO_PASSWORD);
    const runs = dataOf<{ id: number; status: string; years: number[] }[]>(
      await imc.get('/api/analysis/runs'),
    );
    const run = runs.find((r) => r.status === 'done')!;
    const year = Math.max(...run.years);
    const detail = dataOf<{ results: AnalysisSchoolResult[] }>(
      await imc.get(`/api/analysis/runs/${run.id}`),
    );
    const flagged = detail.results.filter((r) => r.year === year && r.flagged);
    const manipulated = DEMO_MANIPULATIONS.filter((m) => m.yearIndexes.includes(2)).map((m) =>
      school(m.schoolNumber),
    );
    const chosen = manipulated.filter((s) => flagged.some((f) => f.orgId === s.id));
    expect(chosen.length).toBeGreaterThanOrEqual(2);
    const res = await imc.post('/api/objectivity/support-programme', {
      orgIds: chosen.map((s) => s.id),
      year,
    });
    const out = dataOf<SupportProgrammeResult>(res);
    expect(out.runId).toBe(run.id);
    const plan = dataOf<PlanView>(await imc.get(`/api/plans/${out.planId}`));
    expect(plan.level).toBe('district');
    expect(plan.sections.map((s) => s.number)).toEqual(['1', '2', '3', '4']);
    expect(plan.sections[1]!.title).toContain('Контроль');
    const numbers = new Set(chosen.map((s) => s.number));
    for (const s of chosen) {
      const result = flagged.find((f) => f.orgId === s.id)!;
      const ev = result.evidence[0]!;
      const analysis = plan.activities.find((a) =>
        a.text.startsWith(`Анализ результатов ВПР в ОО № ${s.number} в динамике`),
      )!;
      expect(analysis.text).toContain(`${ev.subject}, ${ev.grade} класс`);
      expect(analysis.text).toContain(`(n = ${ev.n})`);
      expect(analysis.targetSchools.map((t) => t.orgId)).toEqual([s.id]);
      const observers = plan.activities.find(
        (a) => a.text.includes(`ОО № ${s.number}:`) && a.text.startsWith('Привлечение'),
      )!;
      const from = [...observers.participants.matchAll(/№ (\d+)/g)].map((m) => m[1]!);
      expect(from).toHaveLength(2);
      for (const n of from) {
        expect(numbers.has(n)).toBe(false);
        const orgId = school(n).id;
        expect(detail.results.some((r) => r.orgId === orgId && r.year === year && r.flagged)).toBe(
          false,
        );
      }
    }
    const all = plan.activities.find((a) => a.number === '3.1')!;
    expect(all.targetSchools.map((t) => t.orgId).sort()).toEqual(chosen.map((s) => s.id).sort());
    const docx = await imc.get(`/api/plans/${out.planId}/export.docx`);
    expect(docx.statusCode).toBe(200);
    const text = await docxText(docx.rawPayload);
    expect(text).toContain('Контроль за организацией и проведением процедур');
    expect(text).toContain(`ОО № ${chosen[0]!.number}`);
  });

  it('compares ВПР and ОГЭ marks with the same students’ internal marks', async () => {
    const s = school(DEMO_MANIPULATIONS.find((m) => m.kind === 'raised_to_journal')!.schoolNumber);
    const director = await signIn(ctx.app, `school${s.number}`, DEMO_PASSWORD);
    const view = dataOf<CompareView>(await director.get(`/api/objectivity/compare?orgId=${s.id}`));
    expect(view.year).not.toBeNull();
    const procedures = new Set(view.groups.map((g) => `${g.procedure}:${g.kind}`));
    expect(procedures).toEqual(new Set(['vpr:intermediate', 'oge:final']));
    // Independent recount of one group straight from the tables.
    const g = view.groups.find((x) => x.procedure === 'vpr' && x.subject === 'Русский язык')!;
    const db = ctx.database.db;
    const [test] = await db
      .select()
      .from(assessmentTests)
      .where(
        and(
          eq(assessmentTests.procedure, 'vpr'),
          eq(assessmentTests.year, g.year),
          eq(assessmentTests.grade, g.grade),
          eq(assessmentTests.subjectId, (await subjectId('rus'))!),
        ),
      );
    const works = await db
      .select({ code: resultWorks.participantCode, mark: resultWorks.mark })
      .from(resultWorks)
      .innerJoin(resultBatches, eq(resultBatches.id, resultWorks.batchId))
      .where(
        and(
          eq(resultWorks.testId, test!.id),
          eq(resultWorks.orgId, s.id),
          eq(resultBatches.status, 'active'),
          eq(resultWorks.absent, false),
        ),
      );
    const links = await db
      .select()
      .from(resultCodeLinks)
      .where(and(eq(resultCodeLinks.testId, test!.id), eq(resultCodeLinks.orgId, s.id)));
    const marks = await db
      .select({ studentId: journalMarks.studentId, mark: journalMarks.mark })
      .from(journalMarks)
      .innerJoin(journalMarkFiles, eq(journalMarkFiles.id, journalMarks.fileId))
      .where(
        and(
          eq(journalMarkFiles.status, 'active'),
          eq(journalMarks.orgId, s.id),
          eq(journalMarks.kind, 'intermediate'),
          inArray(
            journalMarks.studentId,
            links.map((l) => l.studentId),
          ),
          eq(journalMarks.subjectId, test!.subjectId),
        ),
      );
    const student = new Map(links.map((l) => [l.participantCode, l.studentId]));
    const internal = new Map(marks.map((m) => [m.studentId, m.mark]));
    const pairs = works.flatMap((w) => {
      const i = internal.get(student.get(w.code) ?? -1);
      return w.mark !== null && i !== undefined ? [{ external: w.mark, internal: i }] : [];
    });
    const expected = compareMarks(pairs);
    expect(g.n).toBe(expected.n);
    expect(g.n).toBeGreaterThan(20);
    expect(g.table).toEqual(expected.table);
    expect(g.lowered).toEqual(expected.lowered);
    expect(g.spearman).toBeCloseTo(expected.spearman ?? NaN);
    // A school user sees only its own school.
    const other = world.schools.find((x) => x.id !== s.id)!;
    expect((await director.get(`/api/objectivity/compare?orgId=${other.id}`)).statusCode).toBe(404);
  });

  it('ОГЭ is written by the grade-8 ВПР cohort of the year before, linked to the same students', async () => {
    const db = ctx.database.db;
    const math = (await subjectId('math'))!;
    const linkedMarks = async (procedure: string, year: number, grade: number) => {
      const [test] = await db
        .select()
        .from(assessmentTests)
        .where(
          and(
            eq(assessmentTests.procedure, procedure),
            eq(assessmentTests.year, year),
            eq(assessmentTests.grade, grade),
            eq(assessmentTests.subjectId, math),
          ),
        );
      expect(test, `${procedure} ${year} ${grade}`).toBeDefined();
      const rows = await db
        .select({ studentId: resultCodeLinks.studentId, mark: resultWorks.mark })
        .from(resultWorks)
        .innerJoin(resultBatches, eq(resultBatches.id, resultWorks.batchId))
        .innerJoin(
          resultCodeLinks,
          and(
            eq(resultCodeLinks.testId, resultWorks.testId),
            eq(resultCodeLinks.orgId, resultWorks.orgId),
            eq(resultCodeLinks.participantCode, resultWorks.participantCode),
          ),
        )
        .where(
          and(
            eq(resultWorks.testId, test!.id),
            eq(resultBatches.status, 'active'),
            eq(resultWorks.absent, false),
          ),
        );
      return new Map(rows.flatMap((r) => (r.mark === null ? [] : [[r.studentId, r.mark]])));
    };
    const [ogeTest] = await db
      .select({ year: assessmentTests.year })
      .from(assessmentTests)
      .where(eq(assessmentTests.procedure, 'oge'))
      .orderBy(desc(assessmentTests.year))
      .limit(1);
    const year = ogeTest!.year;
    const oge = await linkedMarks('oge', year, 9);
    const vpr8 = await linkedMarks('vpr', year - 1, 8);
    const vpr7 = await linkedMarks('vpr', year - 2, 7);
    const both = [...oge.keys()].filter((id) => vpr8.has(id));
    // Nearly every ОГЭ writer wrote ВПР in grade 8 (absences and new classes aside).
    expect(both.length).toBeGreaterThan(oge.size * 0.8);
    expect([...oge.keys()].filter((id) => vpr7.has(id)).length).toBeGreaterThan(oge.size * 0.7);
    // Same students, same abilities: the marks agree far beyond chance.
    const rho = spearman(
      both.map((id) => vpr8.get(id)!),
      both.map((id) => oge.get(id)!),
    );
    expect(rho).toBeGreaterThan(0.4);
    // A school's own journal export was corrected: the replaced import stays in the history.
    const history = await ctx.services.journalMarks.history(SYSTEM_ACTOR, world.schools[0]!.id);
    expect(history.map((f) => f.status).sort()).toContain('replaced');
    expect(history.find((f) => f.fileName.endsWith('_ispravlennyj.csv'))?.status).toBe('active');
  });
});

async function subjectId(code: string): Promise<number | undefined> {
  const { subjects } = await import('../../db/schema');
  const [row] = await ctx.database.db.select().from(subjects).where(eq(subjects.code, code));
  return row?.id;
}
