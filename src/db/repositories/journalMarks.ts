import { and, asc, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
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

/** The active import of the same bytes for the same school and year (null when none). */
export async function findActiveJournalFile(db: Db, orgId: number, year: number, sha256: string) {
  const rows = await db
    .select({ id: journalMarkFiles.id })
    .from(journalMarkFiles)
    .where(
      and(
        eq(journalMarkFiles.orgId, orgId),
        eq(journalMarkFiles.year, year),
        eq(journalMarkFiles.sha256, sha256),
        eq(journalMarkFiles.status, 'active'),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

/** Marks of a school's active files for one year in the given subjects (for replacement). */
export function listActiveMarkKeys(db: Db, orgId: number, year: number, subjectIds: number[]) {
  if (!subjectIds.length) return Promise.resolve([]);
  return db
    .select({
      fileId: journalMarks.fileId,
      studentCode: journalMarks.studentCode,
      studentId: journalMarks.studentId,
      subjectId: journalMarks.subjectId,
      subjectName: subjects.name,
      kind: journalMarks.kind,
      termType: journalMarks.termType,
      termNo: journalMarks.termNo,
    })
    .from(journalMarks)
    .innerJoin(journalMarkFiles, eq(journalMarkFiles.id, journalMarks.fileId))
    .innerJoin(subjects, eq(subjects.id, journalMarks.subjectId))
    .where(
      and(
        eq(journalMarkFiles.orgId, orgId),
        eq(journalMarkFiles.year, year),
        eq(journalMarkFiles.status, 'active'),
        inArray(journalMarks.subjectId, subjectIds),
      ),
    );
}

/** Files by id with their school's short name. */
export function findJournalFiles(db: Db, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ file: journalMarkFiles, orgShortName: organisations.shortName })
    .from(journalMarkFiles)
    .innerJoin(organisations, eq(organisations.id, journalMarkFiles.orgId))
    .where(inArray(journalMarkFiles.id, ids))
    .orderBy(asc(journalMarkFiles.id));
}

export async function findJournalFileById(db: Db, id: number) {
  return (await findJournalFiles(db, [id]))[0] ?? null;
}

export async function setJournalFilesStatus(
  db: Db,
  ids: number[],
  status: 'active' | 'replaced' | 'undone',
  byLogin?: string,
) {
  if (!ids.length) return;
  await db
    .update(journalMarkFiles)
    .set({
      status,
      ...(status === 'undone'
        ? { undoneAt: sql`now()`, undoneByLogin: byLogin ?? null }
        : { undoneAt: null, undoneByLogin: null }),
    })
    .where(inArray(journalMarkFiles.id, ids));
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
      municipalityId: journalMarkFiles.municipalityId,
      year: journalMarkFiles.year,
      marksCount: journalMarkFiles.marksCount,
      importedByLogin: journalMarkFiles.importedByLogin,
      importedAt: journalMarkFiles.importedAt,
      status: journalMarkFiles.status,
      replacesIds: journalMarkFiles.replacesIds,
      undoneAt: journalMarkFiles.undoneAt,
      undoneByLogin: journalMarkFiles.undoneByLogin,
    })
    .from(journalMarkFiles)
    .innerJoin(organisations, eq(organisations.id, journalMarkFiles.orgId))
    .where(and(scope, orgId === undefined ? undefined : eq(journalMarkFiles.orgId, orgId)))
    .orderBy(desc(journalMarkFiles.importedAt), desc(journalMarkFiles.id))
    .limit(500);
}

/** Marks of one school's active imports, by student code; optional year. */
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
    .innerJoin(
      journalMarkFiles,
      and(eq(journalMarkFiles.id, journalMarks.fileId), eq(journalMarkFiles.status, 'active')),
    )
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
