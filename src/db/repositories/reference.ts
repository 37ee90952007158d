import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { preparedPer } from '../prepared';
import { academicYears, municipalities, regions, subjects } from '../schema';

export type AcademicYearRow = typeof academicYears.$inferSelect;
export type SubjectRow = typeof subjects.$inferSelect;
export type MunicipalityRow = typeof municipalities.$inferSelect;

export async function listMunicipalities(db: Db) {
  return db
    .select({
      id: municipalities.id,
      name: municipalities.name,
      regionId: regions.id,
      regionName: regions.name,
    })
    .from(municipalities)
    .innerJoin(regions, eq(regions.id, municipalities.regionId))
    .orderBy(asc(regions.name), asc(municipalities.name));
}

export async function findMunicipality(db: Db, id: number): Promise<MunicipalityRow | null> {
  const [row] = await db.select().from(municipalities).where(eq(municipalities.id, id));
  return row ?? null;
}

export async function countMunicipalities(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(municipalities);
  return row?.n ?? 0;
}

export async function insertRegion(db: Db, code: string, name: string) {
  const [row] = await db.insert(regions).values({ code, name }).returning();
  if (!row) throw new Error('insert regions returned nothing');
  return row;
}

export async function findRegionByCode(db: Db, code: string) {
  const [row] = await db.select().from(regions).where(eq(regions.code, code));
  return row ?? null;
}

export async function insertMunicipality(db: Db, regionId: number, name: string) {
  const [row] = await db.insert(municipalities).values({ regionId, name }).returning();
  if (!row) throw new Error('insert municipalities returned nothing');
  return row;
}

export async function listAcademicYears(db: Db): Promise<AcademicYearRow[]> {
  return db.select().from(academicYears).orderBy(desc(academicYears.startYear));
}

export async function findAcademicYear(db: Db, id: number): Promise<AcademicYearRow | null> {
  const [row] = await db.select().from(academicYears).where(eq(academicYears.id, id));
  return row ?? null;
}

export async function findAcademicYearByStart(db: Db, startYear: number) {
  const [row] = await db.select().from(academicYears).where(eq(academicYears.startYear, startYear));
  return row ?? null;
}

export async function insertAcademicYear(
  db: Db,
  values: typeof academicYears.$inferInsert,
): Promise<AcademicYearRow> {
  const [row] = await db.insert(academicYears).values(values).returning();
  if (!row) throw new Error('insert academic_years returned nothing');
  return row;
}

export async function clearCurrentAcademicYear(db: Db): Promise<void> {
  await db.update(academicYears).set({ isCurrent: false }).where(eq(academicYears.isCurrent, true));
}

const subjectsQuery = preparedPer((db: Db) =>
  db.select().from(subjects).orderBy(asc(subjects.id)).prepare('vsoko_subjects'),
);

export async function listSubjects(db: Db): Promise<SubjectRow[]> {
  return subjectsQuery(db).execute();
}

export async function upsertSubjects(db: Db, values: (typeof subjects.$inferInsert)[]) {
  if (!values.length) return;
  await db.insert(subjects).values(values).onConflictDoNothing({ target: subjects.code });
}
