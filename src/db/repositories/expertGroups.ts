import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import {
  expertGroupMembers,
  expertGroupSchools,
  expertGroups,
  organisations,
  roleAssignments,
  subjects,
  users,
} from '../schema';

export type ExpertGroupRow = typeof expertGroups.$inferSelect;

export interface ExpertGroupRecord {
  group: ExpertGroupRow;
  subjectName: string | null;
  members: {
    userId: number;
    fullName: string;
    login: string;
    workplaceOrgId: number | null;
    workplaceName: string | null;
    isLeader: boolean;
  }[];
  schools: { orgId: number; shortName: string; fisLogin: string | null }[];
}

/** Groups visible by municipality, or by membership / supervised schools. */
export function expertGroupScope(municipalityIds: number[], groupIds: number[], any: boolean): SQL {
  if (any) return sql`true`;
  const parts: SQL[] = [];
  if (municipalityIds.length) parts.push(inArray(expertGroups.municipalityId, municipalityIds));
  if (groupIds.length) parts.push(inArray(expertGroups.id, groupIds));
  return or(...parts) ?? sql`false`;
}

export async function listExpertGroups(db: Db, scope: SQL): Promise<ExpertGroupRecord[]> {
  const rows = await db
    .select({ group: expertGroups, subjectName: subjects.name })
    .from(expertGroups)
    .leftJoin(subjects, eq(subjects.id, expertGroups.subjectId))
    .where(scope)
    .orderBy(asc(expertGroups.name));
  return attachDetails(db, rows);
}

export async function findExpertGroup(db: Db, id: number): Promise<ExpertGroupRecord | null> {
  const rows = await db
    .select({ group: expertGroups, subjectName: subjects.name })
    .from(expertGroups)
    .leftJoin(subjects, eq(subjects.id, expertGroups.subjectId))
    .where(eq(expertGroups.id, id));
  const [record] = await attachDetails(db, rows);
  return record ?? null;
}

async function attachDetails(
  db: Db,
  rows: { group: ExpertGroupRow; subjectName: string | null }[],
): Promise<ExpertGroupRecord[]> {
  const ids = rows.map((r) => r.group.id);
  if (!ids.length) return [];
  const [members, schools] = await Promise.all([
    db
      .select({
        groupId: expertGroupMembers.groupId,
        userId: users.id,
        fullName: users.fullName,
        login: users.login,
        workplaceOrgId: users.workplaceOrgId,
        workplaceName: organisations.shortName,
        isLeader: expertGroupMembers.isLeader,
      })
      .from(expertGroupMembers)
      .innerJoin(users, eq(users.id, expertGroupMembers.userId))
      .leftJoin(organisations, eq(organisations.id, users.workplaceOrgId))
      .where(inArray(expertGroupMembers.groupId, ids))
      .orderBy(asc(users.fullName)),
    db
      .select({
        groupId: expertGroupSchools.groupId,
        orgId: organisations.id,
        shortName: organisations.shortName,
        fisLogin: organisations.fisLogin,
      })
      .from(expertGroupSchools)
      .innerJoin(organisations, eq(organisations.id, expertGroupSchools.orgId))
      .where(inArray(expertGroupSchools.groupId, ids))
      .orderBy(asc(organisations.id)),
  ]);
  return rows.map((r) => ({
    group: r.group,
    subjectName: r.subjectName,
    members: members.filter((m) => m.groupId === r.group.id).map(({ groupId: _g, ...m }) => m),
    schools: schools.filter((s) => s.groupId === r.group.id).map(({ groupId: _g, ...s }) => s),
  }));
}

export async function insertExpertGroup(db: Db, values: typeof expertGroups.$inferInsert) {
  const [row] = await db.insert(expertGroups).values(values).returning();
  if (!row) throw new Error('insert expert_groups returned nothing');
  return row;
}

export async function updateExpertGroup(
  db: Db,
  id: number,
  values: Partial<typeof expertGroups.$inferInsert>,
) {
  await db
    .update(expertGroups)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(expertGroups.id, id));
}

export async function replaceMembers(
  db: Db,
  groupId: number,
  members: { userId: number; isLeader: boolean }[],
) {
  await db.delete(expertGroupMembers).where(eq(expertGroupMembers.groupId, groupId));
  if (members.length)
    await db.insert(expertGroupMembers).values(members.map((m) => ({ groupId, ...m })));
}

export async function replaceSchools(db: Db, groupId: number, orgIds: number[]) {
  await db.delete(expertGroupSchools).where(eq(expertGroupSchools.groupId, groupId));
  if (orgIds.length)
    await db.insert(expertGroupSchools).values(orgIds.map((orgId) => ({ groupId, orgId })));
}

/** Active users holding the expert role in a municipality (candidates for group membership). */
export async function listExpertCandidates(db: Db, municipalityId: number) {
  return db
    .selectDistinct({
      userId: users.id,
      fullName: users.fullName,
      login: users.login,
      workplaceOrgId: users.workplaceOrgId,
      workplaceName: organisations.shortName,
    })
    .from(users)
    .innerJoin(
      roleAssignments,
      and(
        eq(roleAssignments.userId, users.id),
        eq(roleAssignments.role, 'expert'),
        eq(roleAssignments.municipalityId, municipalityId),
      ),
    )
    .leftJoin(organisations, eq(organisations.id, users.workplaceOrgId))
    .where(and(eq(users.municipalityId, municipalityId), eq(users.isActive, true)))
    .orderBy(asc(users.fullName), asc(users.id));
}
