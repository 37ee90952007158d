import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import {
  analysisRuns,
  assessmentTests,
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
 * the school linked to a student, joined with that student's промежуточная / итоговая mark in
 * the test's subject and school year (a spring test of year Y is school year Y − 1). When a
 * student has several marks of one kind (two files), the latest imported wins.
 */
export async function listExternalInternalPairs(db: Db, orgId: number, year?: number) {
  const conditions: SQL[] = [
    eq(resultWorks.orgId, orgId),
    eq(resultWorks.absent, false),
    sql`${resultWorks.mark} is not null`,
    eq(resultBatches.status, 'active'),
    inArray(assessmentTests.procedure, [...EXTERNAL_PROCEDURES]),
    inArray(journalMarks.kind, ['intermediate', 'final']),
  ];
  if (year !== undefined) conditions.push(eq(assessmentTests.year, year));
  return db
    .selectDistinctOn([resultWorks.id, journalMarks.kind], {
      workId: resultWorks.id,
      procedure: assessmentTests.procedure,
      year: assessmentTests.year,
      grade: assessmentTests.grade,
      subject: subjects.name,
      kind: journalMarks.kind,
      external: resultWorks.mark,
      internal: journalMarks.mark,
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
    .innerJoin(
      journalMarks,
      and(
        eq(journalMarks.studentId, resultCodeLinks.studentId),
        eq(journalMarks.orgId, resultWorks.orgId),
        eq(journalMarks.subjectId, assessmentTests.subjectId),
        sql`${journalMarks.year} = ${assessmentTests.year} - 1`,
      ),
    )
    .where(and(...conditions))
    .orderBy(resultWorks.id, journalMarks.kind, desc(journalMarks.id));
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
