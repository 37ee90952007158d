import { and, eq, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { municipalities, objectivityFigures, regionAggregates } from '../schema';

/**
 * Stored figures of a run for one year, as the analytical report reads them: the municipality
 * rows (org_id null) and every school row, or only the given school's rows.
 */
export async function listReportFigures(db: Db, runId: number, year: number, orgId: number | null) {
  const orgs: SQL | undefined =
    orgId === null
      ? undefined
      : or(isNull(objectivityFigures.orgId), eq(objectivityFigures.orgId, orgId));
  return db
    .select({
      orgId: objectivityFigures.orgId,
      subject: objectivityFigures.subject,
      grade: objectivityFigures.grade,
      works: objectivityFigures.works,
      figures: objectivityFigures.figures,
    })
    .from(objectivityFigures)
    .where(and(eq(objectivityFigures.runId, runId), eq(objectivityFigures.year, year), orgs))
    .orderBy(objectivityFigures.subject, objectivityFigures.grade);
}

/** Imported region-level figures of one procedure and year for the municipality's region. */
export async function listRegionAggregatesFor(
  db: Db,
  municipalityId: number,
  procedure: string,
  year: number,
) {
  return db
    .select({
      subject: regionAggregates.subject,
      grade: regionAggregates.grade,
      participants: regionAggregates.participants,
      markPercent: regionAggregates.markPercent,
      journalPercent: regionAggregates.journalPercent,
    })
    .from(regionAggregates)
    .innerJoin(municipalities, eq(municipalities.regionId, regionAggregates.regionId))
    .where(
      and(
        eq(municipalities.id, municipalityId),
        eq(regionAggregates.procedure, procedure),
        eq(regionAggregates.year, year),
      ),
    );
}

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
