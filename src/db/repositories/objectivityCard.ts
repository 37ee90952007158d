import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { preparedPer } from '../prepared';
import {
  analysisResults,
  analysisRuns,
  municipalities,
  objectivityFigures,
  organisations,
  regionAggregates,
} from '../schema';

export type FiguresRow = typeof objectivityFigures.$inferSelect;
export type FiguresInsert = typeof objectivityFigures.$inferInsert;
export type RegionAggregateRowDb = typeof regionAggregates.$inferSelect;
export type RegionAggregateInsert = typeof regionAggregates.$inferInsert;

export async function insertFigures(db: Db, rows: FiguresInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db.insert(objectivityFigures).values(rows.slice(i, i + 200));
}

const latestDoneRunQuery = preparedPer((db: Db) =>
  db
    .select()
    .from(analysisRuns)
    .where(
      and(
        eq(analysisRuns.municipalityId, sql.placeholder('municipalityId')),
        eq(analysisRuns.procedure, sql.placeholder('procedure')),
        eq(analysisRuns.status, 'done'),
      ),
    )
    .orderBy(desc(analysisRuns.id))
    .limit(1)
    .prepare('vsoko_latest_done_run'),
);

/** The newest finished run of a municipality (figures are stored with it). */
export async function latestDoneRun(db: Db, municipalityId: number, procedure = 'vpr') {
  const [row] = await latestDoneRunQuery(db).execute({ municipalityId, procedure });
  return row ?? null;
}

export interface FiguresFilter {
  runId: number;
  /** A school's rows; null = the municipality's rows. */
  orgId: number | null;
  subject?: string | undefined;
  grade?: number | undefined;
  year?: number | undefined;
}

/** Stored figures of a run for one school or the municipality, optionally one test. */
export async function listFigures(db: Db, f: FiguresFilter): Promise<FiguresRow[]> {
  const where: SQL[] = [eq(objectivityFigures.runId, f.runId)];
  where.push(
    f.orgId === null ? isNull(objectivityFigures.orgId) : eq(objectivityFigures.orgId, f.orgId),
  );
  if (f.subject !== undefined) where.push(eq(objectivityFigures.subject, f.subject));
  if (f.grade !== undefined) where.push(eq(objectivityFigures.grade, f.grade));
  if (f.year !== undefined) where.push(eq(objectivityFigures.year, f.year));
  return db
    .select()
    .from(objectivityFigures)
    .where(and(...where))
    .orderBy(
      asc(objectivityFigures.year),
      asc(objectivityFigures.subject),
      asc(objectivityFigures.grade),
    );
}

/** Schools with figures for a test in a run, limited to `orgIds` (null = all). */
export async function listRunSchools(db: Db, runId: number, orgIds: number[] | null) {
  if (orgIds && !orgIds.length) return [];
  const where: SQL[] = [eq(objectivityFigures.runId, runId)];
  if (orgIds) where.push(inArray(objectivityFigures.orgId, orgIds));
  return db
    .selectDistinct({ orgId: organisations.id, name: organisations.shortName })
    .from(objectivityFigures)
    .innerJoin(organisations, eq(organisations.id, objectivityFigures.orgId))
    .where(and(...where))
    .orderBy(organisations.shortName);
}

/** A school's school-year results (dossiers) in a run. */
export async function listSchoolResults(db: Db, runId: number, orgId: number) {
  return db
    .select()
    .from(analysisResults)
    .where(and(eq(analysisResults.runId, runId), eq(analysisResults.orgId, orgId)))
    .orderBy(desc(analysisResults.year));
}

const regionOfMunicipalityQuery = preparedPer((db: Db) =>
  db
    .select({ regionId: municipalities.regionId })
    .from(municipalities)
    .where(eq(municipalities.id, sql.placeholder('id')))
    .prepare('vsoko_region_of_municipality'),
);

export async function regionOfMunicipality(db: Db, municipalityId: number): Promise<number | null> {
  const [row] = await regionOfMunicipalityQuery(db).execute({ id: municipalityId });
  return row?.regionId ?? null;
}

export async function municipalitiesOfRegion(db: Db, regionId: number): Promise<number[]> {
  const rows = await db
    .select({ id: municipalities.id })
    .from(municipalities)
    .where(eq(municipalities.regionId, regionId));
  return rows.map((r) => r.id);
}

const regionAggregatesQuery = preparedPer((db: Db) =>
  db
    .select()
    .from(regionAggregates)
    .where(
      and(
        eq(regionAggregates.regionId, sql.placeholder('regionId')),
        eq(regionAggregates.procedure, sql.placeholder('procedure')),
      ),
    )
    .orderBy(
      desc(regionAggregates.year),
      asc(regionAggregates.subject),
      asc(regionAggregates.grade),
    )
    .prepare('vsoko_region_aggregates'),
);

export async function listRegionAggregates(
  db: Db,
  regionId: number,
  procedure?: string,
): Promise<RegionAggregateRowDb[]> {
  if (procedure) return regionAggregatesQuery(db).execute({ regionId, procedure });
  return db
    .select()
    .from(regionAggregates)
    .where(eq(regionAggregates.regionId, regionId))
    .orderBy(
      desc(regionAggregates.year),
      asc(regionAggregates.subject),
      asc(regionAggregates.grade),
    );
}

export async function insertRegionAggregate(db: Db, row: RegionAggregateInsert) {
  const [out] = await db.insert(regionAggregates).values(row).returning();
  return out as RegionAggregateRowDb;
}

export async function updateRegionAggregate(
  db: Db,
  id: number,
  patch: Partial<RegionAggregateInsert>,
): Promise<void> {
  await db.update(regionAggregates).set(patch).where(eq(regionAggregates.id, id));
}
