import { and, asc, desc, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import {
  journalMarkFiles,
  journalMarks,
  organisations,
  resultCodeLinks,
  subjects,
} from '../schema';

export type JournalFileInsert = typeof journalMarkFiles.$inferInsert;
export type JournalMarkInsert = typeof journalMarks.$inferInsert;

export const listSubjectRefs = (db: Db) =>
  db
    .select({
      id: subjects.id,
      code: subjects.code,
      name: subjects.name,
      shortName: subjects.shortName,
    })
    .from(subjects);

export async function findJournalFile(db: Db, orgId: number, sha256: string) {
  const rows = await db
    .select({ id: journalMarkFiles.id })
    .from(journalMarkFiles)
    .where(and(eq(journalMarkFiles.orgId, orgId), eq(journalMarkFiles.sha256, sha256)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertJournalFile(db: Db, row: JournalFileInsert) {
  const [inserted] = await db.insert(journalMarkFiles).values(row).returning();
  if (!inserted) throw new Error('journal_mark_files insert returned nothing');
  return inserted;
}

/** Inserts marks in chunks (journal files are one school's year: thousands of rows). */
export async function insertJournalMarks(db: Db, rows: JournalMarkInsert[]) {
  for (let i = 0; i < rows.length; i += 2000) {
    await db.insert(journalMarks).values(rows.slice(i, i + 2000));
  }
}

export function listJournalFiles(db: Db, scope: SQL | undefined, orgId?: number) {
  return db
    .select({
      id: journalMarkFiles.id,
      fileName: journalMarkFiles.fileName,
      orgId: journalMarkFiles.orgId,
      orgShortName: organisations.shortName,
      year: journalMarkFiles.year,
      marksCount: journalMarkFiles.marksCount,
      importedByLogin: journalMarkFiles.importedByLogin,
      importedAt: journalMarkFiles.importedAt,
    })
    .from(journalMarkFiles)
    .innerJoin(organisations, eq(organisations.id, journalMarkFiles.orgId))
    .where(and(scope, orgId === undefined ? undefined : eq(journalMarkFiles.orgId, orgId)))
    .orderBy(desc(journalMarkFiles.importedAt), desc(journalMarkFiles.id))
    .limit(500);
}

/** Marks of one school, linked students first; optional year. */
export function listSchoolMarks(db: Db, orgId: number, year?: number, onlyLinked = false) {
  return db
    .select({
      studentCode: journalMarks.studentCode,
      studentId: journalMarks.studentId,
      className: journalMarks.className,
      subjectName: subjects.name,
      year: journalMarks.year,
      kind: journalMarks.kind,
      termType: journalMarks.termType,
      termNo: journalMarks.termNo,
      mark: journalMarks.mark,
    })
    .from(journalMarks)
    .innerJoin(subjects, eq(subjects.id, journalMarks.subjectId))
    .where(
      and(
        eq(journalMarks.orgId, orgId),
        year === undefined ? undefined : eq(journalMarks.year, year),
        onlyLinked ? isNotNull(journalMarks.studentId) : undefined,
      ),
    )
    .orderBy(
      asc(journalMarks.studentCode),
      asc(subjects.name),
      asc(journalMarks.kind),
      asc(journalMarks.termNo),
    )
    .limit(5000);
}

/** Student ids of ВПР participant codes the school has linked (any administration). */
export function findLinkedParticipants(db: Db, orgId: number, codes: string[]) {
  if (!codes.length) return Promise.resolve([]);
  return db
    .select({ code: resultCodeLinks.participantCode, studentId: resultCodeLinks.studentId })
    .from(resultCodeLinks)
    .where(and(eq(resultCodeLinks.orgId, orgId), inArray(resultCodeLinks.participantCode, codes)));
}
