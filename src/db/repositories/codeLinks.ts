import { and, eq } from 'drizzle-orm';
import type { Db } from '../database';
import { resultCodeLinks, students } from '../schema';

/** Replaces a school's links for one test (the latest code list wins). */
export async function replaceCodeLinks(
  db: Db,
  orgId: number,
  testId: number,
  links: { participantCode: string; studentId: number }[],
) {
  await db
    .delete(resultCodeLinks)
    .where(and(eq(resultCodeLinks.orgId, orgId), eq(resultCodeLinks.testId, testId)));
  if (links.length) {
    await db.insert(resultCodeLinks).values(links.map((l) => ({ ...l, orgId, testId })));
  }
}

/** participant code → the school's student code, for one school and test. */
export async function listCodeLinks(db: Db, orgId: number, testId: number) {
  return db
    .select({ participantCode: resultCodeLinks.participantCode, studentCode: students.code })
    .from(resultCodeLinks)
    .innerJoin(students, eq(students.id, resultCodeLinks.studentId))
    .where(and(eq(resultCodeLinks.orgId, orgId), eq(resultCodeLinks.testId, testId)));
}
