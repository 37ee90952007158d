import { and, asc, desc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import {
  documents,
  organisations,
  planActivities,
  planActivityExecutors,
  planComments,
  planEvidence,
  plans,
  planSchoolTasks,
  planStatusHistory,
} from '../schema';

export type SchoolTaskRow = typeof planSchoolTasks.$inferSelect;

export async function insertSchoolTasks(
  db: Db,
  rows: (typeof planSchoolTasks.$inferInsert)[],
): Promise<SchoolTaskRow[]> {
  if (!rows.length) return [];
  return db.insert(planSchoolTasks).values(rows).onConflictDoNothing().returning();
}

const taskSelection = { task: planSchoolTasks, orgName: organisations.shortName };

export async function listSchoolTasks(db: Db, activityIds: number[]) {
  if (!activityIds.length) return [];
  return db
    .select(taskSelection)
    .from(planSchoolTasks)
    .innerJoin(organisations, eq(organisations.id, planSchoolTasks.orgId))
    .where(inArray(planSchoolTasks.activityId, activityIds))
    .orderBy(asc(organisations.shortName));
}

export async function findSchoolTask(db: Db, id: number) {
  const [row] = await db
    .select({ ...taskSelection, activity: planActivities, plan: plans })
    .from(planSchoolTasks)
    .innerJoin(organisations, eq(organisations.id, planSchoolTasks.orgId))
    .innerJoin(planActivities, eq(planActivities.id, planSchoolTasks.activityId))
    .innerJoin(plans, eq(plans.id, planActivities.planId))
    .where(eq(planSchoolTasks.id, id));
  return row ?? null;
}

export async function updateSchoolTask(
  db: Db,
  id: number,
  values: Partial<typeof planSchoolTasks.$inferInsert>,
) {
  const [row] = await db
    .update(planSchoolTasks)
    .set(values)
    .where(eq(planSchoolTasks.id, id))
    .returning();
  if (!row) throw new Error('update plan_school_tasks returned nothing');
  return row;
}

/** Entries of the activity itself (schoolTaskId null) or of one school's task. */
const ownerWhere = (
  table: typeof planComments | typeof planEvidence | typeof planStatusHistory,
  activityId: number,
  schoolTaskId: number | null,
  includeSchools: boolean,
): SQL | undefined =>
  and(
    eq(table.activityId, activityId),
    schoolTaskId !== null
      ? eq(table.schoolTaskId, schoolTaskId)
      : includeSchools
        ? undefined
        : isNull(table.schoolTaskId),
  );

export async function insertHistory(db: Db, values: typeof planStatusHistory.$inferInsert) {
  await db.insert(planStatusHistory).values(values);
}

export async function insertComment(db: Db, values: typeof planComments.$inferInsert) {
  const [row] = await db.insert(planComments).values(values).returning();
  if (!row) throw new Error('insert plan_comments returned nothing');
  return row;
}

export async function insertEvidence(db: Db, values: typeof planEvidence.$inferInsert) {
  const [row] = await db.insert(planEvidence).values(values).returning();
  if (!row) throw new Error('insert plan_evidence returned nothing');
  return row;
}

export async function listHistory(
  db: Db,
  activityId: number,
  schoolTaskId: number | null,
  includeSchools = false,
) {
  return db
    .select()
    .from(planStatusHistory)
    .where(ownerWhere(planStatusHistory, activityId, schoolTaskId, includeSchools))
    .orderBy(desc(planStatusHistory.at), desc(planStatusHistory.id));
}

export async function listComments(
  db: Db,
  activityId: number,
  schoolTaskId: number | null,
  includeSchools = false,
) {
  return db
    .select()
    .from(planComments)
    .where(ownerWhere(planComments, activityId, schoolTaskId, includeSchools))
    .orderBy(asc(planComments.at), asc(planComments.id));
}

export async function listEvidence(
  db: Db,
  activityId: number,
  schoolTaskId: number | null,
  includeSchools = false,
) {
  return db
    .select({ evidence: planEvidence, fileName: documents.fileName })
    .from(planEvidence)
    .leftJoin(documents, eq(documents.id, planEvidence.documentId))
    .where(ownerWhere(planEvidence, activityId, schoolTaskId, includeSchools))
    .orderBy(asc(planEvidence.at), asc(planEvidence.id));
}

/** Evidence per activity of a plan (own entries only), for reports. */
export async function listPlanEvidence(db: Db, planId: number) {
  return db
    .select({ evidence: planEvidence })
    .from(planEvidence)
    .innerJoin(planActivities, eq(planActivities.id, planEvidence.activityId))
    .where(eq(planActivities.planId, planId));
}

/** Activities whose executors name the user or one of the organisations, or of plans they own. */
export async function findTaskActivities(
  db: Db,
  f: { userId: number | null; orgIds: number[]; planOwnerOrgIds: number[] },
) {
  const byExecutor: SQL[] = [];
  if (f.userId !== null) byExecutor.push(eq(planActivityExecutors.userId, f.userId));
  if (f.orgIds.length) byExecutor.push(inArray(planActivityExecutors.orgId, f.orgIds));
  const ids = new Set<number>();
  if (f.userId !== null) {
    const rows = await db
      .select({ id: planActivities.id })
      .from(planActivities)
      .where(eq(planActivities.responsibleUserId, f.userId));
    for (const r of rows) ids.add(r.id);
  }
  if (byExecutor.length) {
    const rows = await db
      .selectDistinct({ id: planActivityExecutors.activityId })
      .from(planActivityExecutors)
      .where(or(...byExecutor));
    for (const r of rows) ids.add(r.id);
  }
  if (f.planOwnerOrgIds.length) {
    const rows = await db
      .select({ id: planActivities.id })
      .from(planActivities)
      .innerJoin(plans, eq(plans.id, planActivities.planId))
      .where(inArray(plans.orgId, f.planOwnerOrgIds));
    for (const r of rows) ids.add(r.id);
  }
  if (!ids.size) return [];
  return db
    .select({ activity: planActivities, plan: plans, orgName: organisations.shortName })
    .from(planActivities)
    .innerJoin(plans, eq(plans.id, planActivities.planId))
    .innerJoin(organisations, eq(organisations.id, plans.orgId))
    .where(inArray(planActivities.id, [...ids]));
}

/** Schools' tasks of the organisations or assigned to the user. */
export async function findTaskSchoolTasks(db: Db, f: { userId: number | null; orgIds: number[] }) {
  const conditions: SQL[] = [];
  if (f.userId !== null) conditions.push(eq(planSchoolTasks.responsibleUserId, f.userId));
  if (f.orgIds.length) conditions.push(inArray(planSchoolTasks.orgId, f.orgIds));
  if (!conditions.length) return [];
  return db
    .select({
      task: planSchoolTasks,
      activity: planActivities,
      plan: plans,
      orgName: organisations.shortName,
    })
    .from(planSchoolTasks)
    .innerJoin(planActivities, eq(planActivities.id, planSchoolTasks.activityId))
    .innerJoin(plans, eq(plans.id, planActivities.planId))
    .innerJoin(organisations, eq(organisations.id, planSchoolTasks.orgId))
    .where(or(...conditions));
}
