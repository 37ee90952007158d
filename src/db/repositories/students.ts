import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { classMemberships, classes, students } from '../schema';

export type StudentRow = typeof students.$inferSelect;

export async function listStudents(db: Db, orgId: number, limit: number, offset: number) {
  const where = eq(students.orgId, orgId);
  const [rows, [count]] = await Promise.all([
    db
      .select({
        student: students,
        classNames: sql<
          string[]
        >`coalesce(array_agg(${classes.parallel}::text || ${classes.letter} order by ${classes.parallel}) filter (where ${classes.id} is not null), '{}')`,
      })
      .from(students)
      .leftJoin(classMemberships, eq(classMemberships.studentId, students.id))
      .leftJoin(classes, eq(classes.id, classMemberships.classId))
      .where(where)
      .groupBy(students.id)
      .orderBy(asc(students.code))
      .limit(limit)
      .offset(offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(students)
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export async function findStudentsByCodes(db: Db, orgId: number, codes: string[]) {
  if (!codes.length) return [];
  return db
    .select()
    .from(students)
    .where(and(eq(students.orgId, orgId), inArray(students.code, codes)));
}

export async function insertStudents(db: Db, orgId: number, codes: string[]) {
  if (!codes.length) return [];
  return db
    .insert(students)
    .values(codes.map((code) => ({ orgId, code })))
    .returning();
}

export async function addMemberships(db: Db, classId: number, studentIds: number[]) {
  if (!studentIds.length) return;
  await db
    .insert(classMemberships)
    .values(studentIds.map((studentId) => ({ studentId, classId })))
    .onConflictDoNothing();
}

/** Student codes of a school's classes in one academic year, by class and code. */
export async function listClassRosters(db: Db, orgId: number, academicYearId: number) {
  return db
    .select({ parallel: classes.parallel, letter: classes.letter, code: students.code })
    .from(classMemberships)
    .innerJoin(classes, eq(classes.id, classMemberships.classId))
    .innerJoin(students, eq(students.id, classMemberships.studentId))
    .where(and(eq(classes.orgId, orgId), eq(classes.academicYearId, academicYearId)))
    .orderBy(asc(classes.parallel), asc(classes.letter), asc(students.code));
}
