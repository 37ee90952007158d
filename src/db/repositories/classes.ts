import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { academicYears, classes, organisations } from '../schema';

export type ClassRow = typeof classes.$inferSelect;

const classWithYear = { cls: classes, academicYearName: academicYears.name };

export async function listClasses(db: Db, orgId: number, academicYearId?: number) {
  const conditions = [eq(classes.orgId, orgId)];
  if (academicYearId) conditions.push(eq(classes.academicYearId, academicYearId));
  return db
    .select(classWithYear)
    .from(classes)
    .innerJoin(academicYears, eq(academicYears.id, classes.academicYearId))
    .where(and(...conditions))
    .orderBy(sql`${academicYears.startYear} desc`, asc(classes.parallel), asc(classes.letter));
}

export async function findClassById(db: Db, id: number) {
  const [row] = await db
    .select({ ...classWithYear, municipalityId: organisations.municipalityId })
    .from(classes)
    .innerJoin(academicYears, eq(academicYears.id, classes.academicYearId))
    .innerJoin(organisations, eq(organisations.id, classes.orgId))
    .where(eq(classes.id, id));
  return row ?? null;
}

export async function findClassByName(
  db: Db,
  orgId: number,
  academicYearId: number,
  parallel: number,
  letter: string,
): Promise<ClassRow | null> {
  const [row] = await db
    .select()
    .from(classes)
    .where(
      and(
        eq(classes.orgId, orgId),
        eq(classes.academicYearId, academicYearId),
        eq(classes.parallel, parallel),
        eq(classes.letter, letter),
      ),
    );
  return row ?? null;
}

export async function insertClass(db: Db, values: typeof classes.$inferInsert): Promise<ClassRow> {
  const [row] = await db.insert(classes).values(values).returning();
  if (!row) throw new Error('insert classes returned nothing');
  return row;
}

export async function insertClasses(db: Db, values: (typeof classes.$inferInsert)[]) {
  if (!values.length) return [];
  return db.insert(classes).values(values).returning();
}

export async function updateClass(
  db: Db,
  id: number,
  values: Partial<typeof classes.$inferInsert>,
): Promise<ClassRow> {
  const [row] = await db
    .update(classes)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(classes.id, id))
    .returning();
  if (!row) throw new Error('update classes returned nothing');
  return row;
}

export async function deleteClass(db: Db, id: number): Promise<void> {
  await db.delete(classes).where(eq(classes.id, id));
}
