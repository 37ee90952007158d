import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { TestDef, TestKey } from '../../core/results/types';
import type { Db } from '../database';
import { assessmentTests, subjects } from '../schema';

export type TestRow = typeof assessmentTests.$inferSelect;
export type TestInsert = typeof assessmentTests.$inferInsert;

/** A catalog row with its subject, as the services use it. */
export interface CatalogTest extends TestDef {
  id: number;
  subjectId: number;
  subjectName: string;
  updatedAt: Date;
}

const withSubject = {
  test: assessmentTests,
  subjectCode: subjects.code,
  subjectName: subjects.name,
};

function toCatalogTest(r: {
  test: TestRow;
  subjectCode: string;
  subjectName: string;
}): CatalogTest {
  const t = r.test;
  return {
    id: t.id,
    procedure: t.procedure as TestDef['procedure'],
    year: t.year,
    session: t.session as TestDef['session'],
    subjectId: t.subjectId,
    subjectCode: r.subjectCode,
    subjectName: r.subjectName,
    grade: t.grade,
    form: t.form,
    tasks: t.tasks,
    maxTotal: t.maxTotal,
    cutScores:
      t.min3 !== null && t.min4 !== null && t.min5 !== null
        ? { min3: t.min3, min4: t.min4, min5: t.min5 }
        : null,
    structureCertainty: t.structureCertainty as TestDef['structureCertainty'],
    scaleCertainty: t.scaleCertainty as TestDef['scaleCertainty'],
    source: t.source,
    updatedAt: t.updatedAt,
  };
}

/** Catalog columns for a test definition (cut scores split into three columns). */
export function testColumns(def: Omit<TestDef, 'subjectCode'>, subjectId: number): TestInsert {
  return {
    procedure: def.procedure,
    year: def.year,
    session: def.session,
    subjectId,
    grade: def.grade,
    form: def.form,
    tasks: def.tasks,
    maxTotal: def.maxTotal,
    min3: def.cutScores?.min3 ?? null,
    min4: def.cutScores?.min4 ?? null,
    min5: def.cutScores?.min5 ?? null,
    structureCertainty: def.structureCertainty,
    scaleCertainty: def.scaleCertainty,
    source: def.source,
  };
}

export interface TestFilter {
  procedure?: string | undefined;
  year?: number | undefined;
  subjectId?: number | undefined;
  grade?: number | undefined;
}

export async function listTests(db: Db, f: TestFilter = {}): Promise<CatalogTest[]> {
  const conditions: SQL[] = [];
  if (f.procedure) conditions.push(eq(assessmentTests.procedure, f.procedure));
  if (f.year) conditions.push(eq(assessmentTests.year, f.year));
  if (f.subjectId) conditions.push(eq(assessmentTests.subjectId, f.subjectId));
  if (f.grade) conditions.push(eq(assessmentTests.grade, f.grade));
  const rows = await db
    .select(withSubject)
    .from(assessmentTests)
    .innerJoin(subjects, eq(subjects.id, assessmentTests.subjectId))
    .where(and(...conditions))
    .orderBy(
      desc(assessmentTests.year),
      asc(assessmentTests.procedure),
      asc(assessmentTests.grade),
      asc(subjects.id),
      asc(assessmentTests.form),
    );
  return rows.map(toCatalogTest);
}

export async function findTestById(db: Db, id: number): Promise<CatalogTest | null> {
  const [row] = await db
    .select(withSubject)
    .from(assessmentTests)
    .innerJoin(subjects, eq(subjects.id, assessmentTests.subjectId))
    .where(eq(assessmentTests.id, id));
  return row ? toCatalogTest(row) : null;
}

export async function findTestByKey(
  db: Db,
  key: Omit<TestKey, 'subjectCode'>,
  subjectId: number,
): Promise<CatalogTest | null> {
  const [row] = await db
    .select(withSubject)
    .from(assessmentTests)
    .innerJoin(subjects, eq(subjects.id, assessmentTests.subjectId))
    .where(
      and(
        eq(assessmentTests.procedure, key.procedure),
        eq(assessmentTests.year, key.year),
        eq(assessmentTests.session, key.session),
        eq(assessmentTests.subjectId, subjectId),
        eq(assessmentTests.grade, key.grade),
        eq(assessmentTests.form, key.form),
      ),
    );
  return row ? toCatalogTest(row) : null;
}

export async function insertTest(db: Db, values: TestInsert): Promise<TestRow> {
  const [row] = await db.insert(assessmentTests).values(values).returning();
  if (!row) throw new Error('insert assessment_tests returned nothing');
  return row;
}

export async function updateTest(
  db: Db,
  id: number,
  values: Partial<TestInsert>,
): Promise<TestRow> {
  const [row] = await db
    .update(assessmentTests)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(assessmentTests.id, id))
    .returning();
  if (!row) throw new Error('update assessment_tests returned nothing');
  return row;
}

/** Adds shipped tests that are missing; never changes rows users may have edited. */
export async function insertMissingTests(db: Db, values: TestInsert[]): Promise<void> {
  if (!values.length) return;
  await db.insert(assessmentTests).values(values).onConflictDoNothing();
}
