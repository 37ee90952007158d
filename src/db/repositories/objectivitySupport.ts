import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import {
  analysisRuns,
  assessmentTests,
  journalMarkFiles,
  journalMarks,
  organisations,
  resultBatches,
  resultCodeLinks,
  resultWorks,
  subjects,
} from '../schema';

/** The municipality's newest finished analysis run (null when none). */
export async function latestDoneRun(db: Db, municipalityId: number) {
  const [row] = await db
    .select()
    .from(analysisRuns)
    .where(and(eq(analysisRuns.municipalityId, municipalityId), eq(analysisRuns.status, 'done')))
    .orderBy(desc(analysisRuns.id))
    .limit(1);
  return row ?? null;
}

/** Active schools of a municipality with number and short name. */
export async function municipalitySchools(db: Db, municipalityId: number) {
  return db
    .select({
      id: organisations.id,
      number: organisations.number,
      shortName: organisations.shortName,
    })
    .from(organisations)
    .where(
      and(
        eq(organisations.municipalityId, municipalityId),
        eq(organisations.category, 'school'),
        eq(organisations.isActive, true),
      ),
    )
    .orderBy(organisations.id);
}

export const EXTERNAL_PROCEDURES = ['vpr', 'oge', 'ege'] as const;

/**
 * A school's external works (ВПР, ОГЭ, ЕГЭ; active, present, with a mark) whose participant code
 * the school linked to a student by its code list. Two simple queries instead of one join keep
 * the plan independent of table statistics (bulk loads leave them stale).
 */
export async function listLinkedExternalWorks(db: Db, orgId: number, year?: number) {
  const conditions: SQL[] = [
    eq(resultWorks.orgId, orgId),
    eq(resultWorks.absent, false),
    sql`${resultWorks.mark} is not null`,
    eq(resultBatches.status, 'active'),
    inArray(assessmentTests.procedure, [...EXTERNAL_PROCEDURES]),
  ];
  if (year !== undefined) conditions.push(eq(assessmentTests.year, year));
  return db
    .select({
      workId: resultWorks.id,
      procedure: assessmentTests.procedure,
      year: assessmentTests.year,
      grade: assessmentTests.grade,
      subjectId: assessmentTests.subjectId,
      subject: subjects.name,
      studentId: resultCodeLinks.studentId,
      mark: resultWorks.mark,
    })
    .from(resultWorks)
    .innerJoin(resultBatches, eq(resultBatches.id, resultWorks.batchId))
    .innerJoin(assessmentTests, eq(assessmentTests.id, resultWorks.testId))
    .innerJoin(subjects, eq(subjects.id, assessmentTests.subjectId))
    .innerJoin(
      resultCodeLinks,
      and(
        eq(resultCodeLinks.orgId, resultWorks.orgId),
        eq(resultCodeLinks.testId, resultWorks.testId),
        eq(resultCodeLinks.participantCode, resultWorks.participantCode),
      ),
    )
    .where(and(...conditions))
    .orderBy(resultWorks.id);
}

/**
 * A school's промежуточная / итоговая marks of linked students in the given school years, from
 * its active journal imports (replaced and undone imports do not count).
 */
export async function listAttestationMarks(db: Db, orgId: number, years: number[]) {
  if (!years.length) return [];
  return db
    .select({
      id: journalMarks.id,
      studentId: journalMarks.studentId,
      subjectId: journalMarks.subjectId,
      year: journalMarks.year,
      kind: journalMarks.kind,
      mark: journalMarks.mark,
    })
    .from(journalMarks)
    .innerJoin(
      journalMarkFiles,
      and(eq(journalMarkFiles.id, journalMarks.fileId), eq(journalMarkFiles.status, 'active')),
    )
    .where(
      and(
        eq(journalMarks.orgId, orgId),
        inArray(journalMarks.year, years),
        inArray(journalMarks.kind, ['intermediate', 'final']),
        sql`${journalMarks.studentId} is not null`,
      ),
    )
    .orderBy(journalMarks.id);
}

/** Years (of external tests) in which the school has linked works, newest first. */
export async function listLinkedYears(db: Db, orgId: number): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: assessmentTests.year })
    .from(resultCodeLinks)
    .innerJoin(assessmentTests, eq(assessmentTests.id, resultCodeLinks.testId))
    .where(
      and(
        eq(resultCodeLinks.orgId, orgId),
        inArray(assessmentTests.procedure, [...EXTERNAL_PROCEDURES]),
      ),
    )
    .orderBy(desc(assessmentTests.year));
  return rows.map((r) => r.year);
}
