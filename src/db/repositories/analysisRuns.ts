import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import {
  analysisResults,
  analysisRuns,
  assessmentTests,
  organisations,
  resultBatches,
  resultWorks,
  subjects,
} from '../schema';

export type AnalysisRunRow = typeof analysisRuns.$inferSelect;
export type AnalysisResultRow = typeof analysisResults.$inferSelect;

/** Tests of one procedure with active works in a municipality. */
export async function listMunicipalityTests(db: Db, municipalityId: number, procedure: string) {
  return db
    .selectDistinct({ test: assessmentTests, subjectCode: subjects.code })
    .from(resultBatches)
    .innerJoin(assessmentTests, eq(assessmentTests.id, resultBatches.testId))
    .innerJoin(subjects, eq(subjects.id, assessmentTests.subjectId))
    .where(
      and(
        eq(resultBatches.municipalityId, municipalityId),
        eq(resultBatches.status, 'active'),
        eq(assessmentTests.procedure, procedure),
      ),
    );
}

/** Active works of one test in a municipality, with the school's id. */
export async function listMunicipalityWorks(db: Db, municipalityId: number, testId: number) {
  return db
    .select({
      orgId: resultWorks.orgId,
      className: resultWorks.className,
      scores: resultWorks.scores,
      total: resultWorks.total,
      mark: resultWorks.mark,
      journalMark: resultWorks.journalMark,
      absent: resultWorks.absent,
    })
    .from(resultWorks)
    .innerJoin(resultBatches, eq(resultBatches.id, resultWorks.batchId))
    .where(
      and(
        eq(resultWorks.testId, testId),
        eq(resultBatches.municipalityId, municipalityId),
        eq(resultBatches.status, 'active'),
      ),
    )
    .orderBy(resultWorks.orgId, resultWorks.id);
}

export async function insertRun(db: Db, row: typeof analysisRuns.$inferInsert) {
  const [out] = await db.insert(analysisRuns).values(row).returning();
  return out as AnalysisRunRow;
}

export async function updateRun(
  db: Db,
  id: number,
  patch: Partial<typeof analysisRuns.$inferInsert>,
): Promise<void> {
  await db.update(analysisRuns).set(patch).where(eq(analysisRuns.id, id));
}

export async function insertResults(
  db: Db,
  rows: (typeof analysisResults.$inferInsert)[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db.insert(analysisResults).values(rows.slice(i, i + 500));
  }
}

export async function listRuns(db: Db, municipalityIds: number[] | 'any', limit = 50) {
  const where: SQL | undefined =
    municipalityIds === 'any' ? undefined : inArray(analysisRuns.municipalityId, municipalityIds);
  if (municipalityIds !== 'any' && !municipalityIds.length) return [];
  return db.select().from(analysisRuns).where(where).orderBy(desc(analysisRuns.id)).limit(limit);
}

export async function findRun(db: Db, id: number): Promise<AnalysisRunRow | null> {
  const [row] = await db.select().from(analysisRuns).where(eq(analysisRuns.id, id));
  return row ?? null;
}

/** Results of a run with the school's short name; `orgIds` limits them (null = all). */
export async function listRunResults(db: Db, runId: number, orgIds: number[] | null) {
  if (orgIds && !orgIds.length) return [];
  const conditions: SQL[] = [eq(analysisResults.runId, runId)];
  if (orgIds) conditions.push(inArray(analysisResults.orgId, orgIds));
  return db
    .select({ result: analysisResults, orgName: organisations.shortName })
    .from(analysisResults)
    .innerJoin(organisations, eq(organisations.id, analysisResults.orgId))
    .where(and(...conditions))
    .orderBy(analysisResults.year, desc(analysisResults.score), organisations.shortName);
}

/** Municipalities with active results. */
export async function municipalitiesWithResults(db: Db): Promise<number[]> {
  const rows = await db
    .selectDistinct({ id: resultBatches.municipalityId })
    .from(resultBatches)
    .where(eq(resultBatches.status, 'active'));
  return rows.map((r) => r.id).sort((a, b) => a - b);
}
