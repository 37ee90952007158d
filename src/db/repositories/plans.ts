import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import {
  organisations,
  planActivities,
  planActivityExecutors,
  planActivityTargets,
  planObjectives,
  planSections,
  plans,
  users,
} from '../schema';

export type PlanRow = typeof plans.$inferSelect;
export type PlanInsert = typeof plans.$inferInsert;
export type ActivityRow = typeof planActivities.$inferSelect;
export type ActivityInsert = typeof planActivities.$inferInsert;
export type SectionRow = typeof planSections.$inferSelect;
export type ObjectiveRow = typeof planObjectives.$inferSelect;

const planSelection = { plan: plans, orgName: organisations.shortName };

export async function listPlans(db: Db, f: { scope: SQL; level?: string; orgId?: number }) {
  const conditions: SQL[] = [f.scope];
  if (f.level) conditions.push(eq(plans.level, f.level as PlanRow['level']));
  if (f.orgId) conditions.push(eq(plans.orgId, f.orgId));
  return db
    .select(planSelection)
    .from(plans)
    .innerJoin(organisations, eq(organisations.id, plans.orgId))
    .where(and(...conditions))
    .orderBy(desc(plans.periodStart), asc(plans.title));
}

export async function findPlan(db: Db, id: number) {
  const [row] = await db
    .select(planSelection)
    .from(plans)
    .innerJoin(organisations, eq(organisations.id, plans.orgId))
    .where(eq(plans.id, id));
  return row ?? null;
}

export async function insertPlan(db: Db, values: PlanInsert): Promise<PlanRow> {
  const [row] = await db.insert(plans).values(values).returning();
  if (!row) throw new Error('insert plans returned nothing');
  return row;
}

export async function updatePlan(db: Db, id: number, values: Partial<PlanInsert>) {
  const [row] = await db
    .update(plans)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(plans.id, id))
    .returning();
  if (!row) throw new Error('update plans returned nothing');
  return row;
}

export async function deletePlan(db: Db, id: number) {
  await db.delete(plans).where(eq(plans.id, id));
}

export async function touchPlan(db: Db, id: number) {
  await db.update(plans).set({ updatedAt: new Date() }).where(eq(plans.id, id));
}

/** Status and deadline of every activity of the given plans (for progress counts). */
export async function activityStatuses(db: Db, planIds: number[]) {
  if (!planIds.length) return [];
  return db
    .select({
      planId: planActivities.planId,
      status: planActivities.status,
      deadlineTo: planActivities.deadlineTo,
    })
    .from(planActivities)
    .where(inArray(planActivities.planId, planIds));
}

export async function insertSection(db: Db, values: typeof planSections.$inferInsert) {
  const [row] = await db.insert(planSections).values(values).returning();
  if (!row) throw new Error('insert plan_sections returned nothing');
  return row;
}

export async function insertObjective(db: Db, values: typeof planObjectives.$inferInsert) {
  const [row] = await db.insert(planObjectives).values(values).returning();
  if (!row) throw new Error('insert plan_objectives returned nothing');
  return row;
}

export async function findObjective(db: Db, id: number) {
  const [row] = await db.select().from(planObjectives).where(eq(planObjectives.id, id));
  return row ?? null;
}

export async function updateObjective(db: Db, id: number, text: string) {
  const [row] = await db
    .update(planObjectives)
    .set({ text })
    .where(eq(planObjectives.id, id))
    .returning();
  if (!row) throw new Error('update plan_objectives returned nothing');
  return row;
}

export async function listSections(db: Db, planId: number) {
  return db
    .select()
    .from(planSections)
    .where(eq(planSections.planId, planId))
    .orderBy(asc(planSections.position));
}

export async function listObjectives(db: Db, planId: number) {
  return db
    .select()
    .from(planObjectives)
    .where(eq(planObjectives.planId, planId))
    .orderBy(asc(planObjectives.position));
}

export async function insertActivity(db: Db, values: ActivityInsert): Promise<ActivityRow> {
  const [row] = await db.insert(planActivities).values(values).returning();
  if (!row) throw new Error('insert plan_activities returned nothing');
  return row;
}

export async function updateActivity(db: Db, id: number, values: Partial<ActivityInsert>) {
  const [row] = await db
    .update(planActivities)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(planActivities.id, id))
    .returning();
  if (!row) throw new Error('update plan_activities returned nothing');
  return row;
}

export async function deleteActivity(db: Db, id: number) {
  await db.delete(planActivities).where(eq(planActivities.id, id));
}

export async function maxActivityPosition(db: Db, planId: number): Promise<number> {
  const rows = await db
    .select({ position: planActivities.position })
    .from(planActivities)
    .where(eq(planActivities.planId, planId))
    .orderBy(desc(planActivities.position))
    .limit(1);
  return rows[0]?.position ?? 0;
}

export async function listActivities(db: Db, planIds: number[]) {
  if (!planIds.length) return [];
  return db
    .select()
    .from(planActivities)
    .where(inArray(planActivities.planId, planIds))
    .orderBy(asc(planActivities.planId), asc(planActivities.position));
}

export async function findActivitiesByIds(db: Db, ids: number[]) {
  if (!ids.length) return [];
  return db.select().from(planActivities).where(inArray(planActivities.id, ids));
}

/** One activity with the plan's owner, for access checks. */
export async function findActivity(db: Db, id: number) {
  const [row] = await db
    .select({ activity: planActivities, plan: plans })
    .from(planActivities)
    .innerJoin(plans, eq(plans.id, planActivities.planId))
    .where(eq(planActivities.id, id));
  return row ?? null;
}

export async function replaceExecutors(
  db: Db,
  activityId: number,
  rows: Omit<typeof planActivityExecutors.$inferInsert, 'activityId'>[],
) {
  await db.delete(planActivityExecutors).where(eq(planActivityExecutors.activityId, activityId));
  if (rows.length) {
    await db.insert(planActivityExecutors).values(rows.map((r) => ({ ...r, activityId })));
  }
}

export async function replaceTargets(db: Db, activityId: number, orgIds: number[]) {
  await db.delete(planActivityTargets).where(eq(planActivityTargets.activityId, activityId));
  if (orgIds.length) {
    await db.insert(planActivityTargets).values(orgIds.map((orgId) => ({ activityId, orgId })));
  }
}

export async function listExecutors(db: Db, activityIds: number[]) {
  if (!activityIds.length) return [];
  return db
    .select({
      executor: planActivityExecutors,
      orgName: organisations.shortName,
      userName: users.fullName,
    })
    .from(planActivityExecutors)
    .leftJoin(organisations, eq(organisations.id, planActivityExecutors.orgId))
    .leftJoin(users, eq(users.id, planActivityExecutors.userId))
    .where(inArray(planActivityExecutors.activityId, activityIds))
    .orderBy(asc(planActivityExecutors.activityId), asc(planActivityExecutors.position));
}

export async function listTargets(db: Db, activityIds: number[]) {
  if (!activityIds.length) return [];
  return db
    .select({
      activityId: planActivityTargets.activityId,
      orgId: planActivityTargets.orgId,
      name: organisations.shortName,
    })
    .from(planActivityTargets)
    .innerJoin(organisations, eq(organisations.id, planActivityTargets.orgId))
    .where(inArray(planActivityTargets.activityId, activityIds))
    .orderBy(asc(organisations.shortName));
}

/** Schools of a municipality by number, for «ОО №№ 8, 212». */
export async function schoolsOfMunicipality(db: Db, municipalityId: number) {
  return db
    .select({ id: organisations.id, number: organisations.number, kind: organisations.kind })
    .from(organisations)
    .where(
      and(
        eq(organisations.municipalityId, municipalityId),
        eq(organisations.category, 'school'),
        eq(organisations.isActive, true),
      ),
    );
}

export async function bodiesOfMunicipality(db: Db, municipalityId: number) {
  return db
    .select({
      id: organisations.id,
      kind: organisations.kind,
      shortName: organisations.shortName,
    })
    .from(organisations)
    .where(
      and(eq(organisations.municipalityId, municipalityId), eq(organisations.category, 'body')),
    );
}

export async function usersOfMunicipality(db: Db, municipalityId: number) {
  return db
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .where(and(eq(users.municipalityId, municipalityId), eq(users.isActive, true)));
}
