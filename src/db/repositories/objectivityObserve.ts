import { and, eq, inArray, max, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { OrgScope } from '../../core/access/scope';
import type { Db } from '../database';
import { preparedPer } from '../prepared';
import {
  assessmentTests,
  observationMarks,
  organisations,
  resultBatches,
  resultWorks,
  subjects,
} from '../schema';
import { orgScopeWhere } from './scope';

export type ObservationMarkRow = typeof observationMarks.$inferSelect;
export type ObservationMarkInsert = typeof observationMarks.$inferInsert;

/** Observation marks apply to ВПР administrations (ОГЭ/ЕГЭ are run externally). */
export const OBSERVED_PROCEDURE = 'vpr';

export interface AdministrationFilter {
  scope: OrgScope;
  year?: number | undefined;
  subjectCode?: string | undefined;
  grade?: number | undefined;
  orgId?: number | undefined;
}

/**
 * Administrations with active ВПР results (school × year × subject × grade) in a scope, with the
 * number of works and the stored observation mark if any.
 */
export async function listAdministrations(db: Db, f: AdministrationFilter) {
  const conditions: SQL[] = [
    orgScopeWhere(f.scope, resultBatches.orgId, resultBatches.municipalityId),
    eq(resultBatches.status, 'active'),
    eq(assessmentTests.procedure, OBSERVED_PROCEDURE),
  ];
  if (f.year !== undefined) conditions.push(eq(assessmentTests.year, f.year));
  if (f.subjectCode !== undefined) conditions.push(eq(subjects.code, f.subjectCode));
  if (f.grade !== undefined) conditions.push(eq(assessmentTests.grade, f.grade));
  if (f.orgId !== undefined) conditions.push(eq(resultBatches.orgId, f.orgId));
  return db
    .select({
      orgId: resultBatches.orgId,
      municipalityId: resultBatches.municipalityId,
      orgShortName: organisations.shortName,
      fisLogin: organisations.fisLogin,
      year: assessmentTests.year,
      subjectId: subjects.id,
      subjectCode: subjects.code,
      subjectName: subjects.name,
      grade: assessmentTests.grade,
      works: sql<number>`sum(${resultBatches.worksCount})::int`,
      observed: observationMarks.observed,
      source: observationMarks.source,
      setByLogin: observationMarks.setByLogin,
      setAt: observationMarks.setAt,
    })
    .from(resultBatches)
    .innerJoin(assessmentTests, eq(assessmentTests.id, resultBatches.testId))
    .innerJoin(subjects, eq(subjects.id, assessmentTests.subjectId))
    .innerJoin(organisations, eq(organisations.id, resultBatches.orgId))
    .leftJoin(
      observationMarks,
      and(
        eq(observationMarks.orgId, resultBatches.orgId),
        eq(observationMarks.year, assessmentTests.year),
        eq(observationMarks.subjectId, subjects.id),
        eq(observationMarks.grade, assessmentTests.grade),
      ),
    )
    .where(and(...conditions))
    .groupBy(
      resultBatches.orgId,
      resultBatches.municipalityId,
      organisations.shortName,
      organisations.fisLogin,
      assessmentTests.year,
      subjects.id,
      subjects.code,
      subjects.name,
      assessmentTests.grade,
      observationMarks.id,
    )
    .orderBy(
      organisations.shortName,
      resultBatches.orgId,
      assessmentTests.year,
      subjects.code,
      assessmentTests.grade,
    );
}

/** Stored marks of some schools (any value, «не известно» included). */
const marksSelect = (db: Db) =>
  db
    .select({ mark: observationMarks, subjectCode: subjects.code, subjectName: subjects.name })
    .from(observationMarks)
    .innerJoin(subjects, eq(subjects.id, observationMarks.subjectId));

const schoolMarksQuery = preparedPer((db: Db) =>
  marksSelect(db)
    .where(eq(observationMarks.orgId, sql.placeholder('orgId')))
    .prepare('vsoko_school_observation_marks'),
);

export async function listMarks(db: Db, orgIds: readonly number[]) {
  if (!orgIds.length) return [];
  if (orgIds.length === 1) return schoolMarksQuery(db).execute({ orgId: orgIds[0] });
  return marksSelect(db).where(inArray(observationMarks.orgId, [...orgIds]));
}

/** Stored marks «да»/«нет» in a scope, for the CSV export. */
export async function listScopedMarks(db: Db, f: AdministrationFilter) {
  const conditions: SQL[] = [
    orgScopeWhere(f.scope, observationMarks.orgId, observationMarks.municipalityId),
    sql`${observationMarks.observed} is not null`,
  ];
  if (f.year !== undefined) conditions.push(eq(observationMarks.year, f.year));
  if (f.subjectCode !== undefined) conditions.push(eq(subjects.code, f.subjectCode));
  if (f.grade !== undefined) conditions.push(eq(observationMarks.grade, f.grade));
  if (f.orgId !== undefined) conditions.push(eq(observationMarks.orgId, f.orgId));
  return db
    .select({
      fisLogin: organisations.fisLogin,
      year: observationMarks.year,
      subjectName: subjects.name,
      grade: observationMarks.grade,
      observed: observationMarks.observed,
    })
    .from(observationMarks)
    .innerJoin(subjects, eq(subjects.id, observationMarks.subjectId))
    .innerJoin(organisations, eq(organisations.id, observationMarks.orgId))
    .where(and(...conditions))
    .orderBy(organisations.fisLogin, observationMarks.year, subjects.name, observationMarks.grade);
}

/** Schools by their ФИС ОКО logins. */
export async function findOrgsByFisLogins(db: Db, logins: readonly string[]) {
  if (!logins.length) return [];
  return db
    .select()
    .from(organisations)
    .where(inArray(organisations.fisLogin, [...logins]));
}

/** Marks «да»/«нет» of a municipality, for the analysis engine. */
export async function listMunicipalityMarks(db: Db, municipalityId: number) {
  return db
    .select({
      orgId: observationMarks.orgId,
      year: observationMarks.year,
      subjectCode: subjects.code,
      grade: observationMarks.grade,
      observed: observationMarks.observed,
    })
    .from(observationMarks)
    .innerJoin(subjects, eq(subjects.id, observationMarks.subjectId))
    .where(
      and(
        eq(observationMarks.municipalityId, municipalityId),
        sql`${observationMarks.observed} is not null`,
      ),
    );
}

/** When a municipality's marks last changed (null: never marked). */
export async function lastMarkChange(db: Db, municipalityId: number): Promise<Date | null> {
  const [row] = await db
    .select({ at: max(observationMarks.setAt) })
    .from(observationMarks)
    .where(eq(observationMarks.municipalityId, municipalityId));
  return row?.at ?? null;
}

export async function insertMark(db: Db, row: ObservationMarkInsert): Promise<void> {
  await db.insert(observationMarks).values(row);
}

export async function updateMark(
  db: Db,
  id: number,
  patch: Pick<ObservationMarkInsert, 'observed' | 'source' | 'setByLogin' | 'setAt'>,
): Promise<void> {
  await db.update(observationMarks).set(patch).where(eq(observationMarks.id, id));
}

type Value = number | Placeholder;

function sumsSelect(db: Db, municipalityId: Value, orgId?: Value) {
  const present = sql`not ${resultWorks.absent}`;
  const withTotal = sql`${present} and ${resultWorks.total} is not null and ${assessmentTests.maxTotal} > 0`;
  const marked = sql`${present} and ${resultWorks.mark} between 2 and 5`;
  const conditions: SQL[] = [
    eq(resultBatches.municipalityId, municipalityId),
    eq(resultBatches.status, 'active'),
    eq(assessmentTests.procedure, OBSERVED_PROCEDURE),
  ];
  // The works' own org column as well: the (test, org) index then reads one school's works.
  if (orgId !== undefined)
    conditions.push(eq(resultBatches.orgId, orgId), eq(resultWorks.orgId, orgId));
  return db
    .select({
      subject: subjects.code,
      grade: assessmentTests.grade,
      year: assessmentTests.year,
      n: sql<number>`(count(*) filter (where ${withTotal}))::int`,
      scorePctSum: sql<number>`coalesce(sum(${resultWorks.total} * 100.0 / ${assessmentTests.maxTotal}) filter (where ${withTotal}), 0)::float8`,
      marked: sql<number>`(count(*) filter (where ${marked}))::int`,
      markSum: sql<number>`coalesce(sum(${resultWorks.mark}) filter (where ${marked}), 0)::int`,
      mark2: sql<number>`(count(*) filter (where ${marked} and ${resultWorks.mark} = 2))::int`,
      mark45: sql<number>`(count(*) filter (where ${marked} and ${resultWorks.mark} >= 4))::int`,
    })
    .from(resultWorks)
    .innerJoin(resultBatches, eq(resultBatches.id, resultWorks.batchId))
    .innerJoin(assessmentTests, eq(assessmentTests.id, resultWorks.testId))
    .innerJoin(subjects, eq(subjects.id, assessmentTests.subjectId))
    .where(and(...conditions))
    .groupBy(subjects.code, assessmentTests.grade, assessmentTests.year);
}

/** One school's sums: on every opening of a school card, so prepared once. */
const schoolSumsQuery = preparedPer((db: Db) =>
  sumsSelect(db, sql.placeholder('municipalityId'), sql.placeholder('orgId')).prepare(
    'vsoko_school_administration_sums',
  ),
);

/**
 * Sums over present works per administration (test) and school, for the comparison: with
 * `orgId` that school's, otherwise the whole municipality's per test (orgId 0).
 */
export async function administrationSums(db: Db, municipalityId: number, orgId?: number) {
  if (orgId !== undefined) return schoolSumsQuery(db).execute({ municipalityId, orgId });
  return sumsSelect(db, municipalityId);
}
