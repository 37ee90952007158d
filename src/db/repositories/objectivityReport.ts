import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { objectivityFigures } from '../schema';

/** Schools with stored figures per test (subject, grade) of a run and year. */
export async function countReportSchools(db: Db, runId: number, year: number) {
  return db
    .select({
      subject: objectivityFigures.subject,
      grade: objectivityFigures.grade,
      schools: sql<number>`count(*)::int`,
    })
    .from(objectivityFigures)
    .where(
      and(
        eq(objectivityFigures.runId, runId),
        eq(objectivityFigures.year, year),
        isNotNull(objectivityFigures.orgId),
      ),
    )
    .groupBy(objectivityFigures.subject, objectivityFigures.grade);
}
