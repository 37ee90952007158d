import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import {
  municipalities,
  organisations,
  roleAssignmentOrgs,
  roleAssignments,
  users,
} from '../schema';

export type UserRow = typeof users.$inferSelect;
export type UserInsert = typeof users.$inferInsert;

export interface AssignmentRecord {
  id: number;
  userId: number;
  role: string;
  scopeKind: 'municipality' | 'school' | 'schools';
  municipalityId: number;
  municipalityName: string;
  orgs: { id: number; shortName: string }[];
}

export async function findUserById(db: Db, id: number): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function findUserByLogin(db: Db, login: string): Promise<UserRow | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.login}) = lower(${login})`);
  return row ?? null;
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

export async function insertUser(db: Db, values: UserInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  if (!row) throw new Error('insert users returned nothing');
  return row;
}

export async function updateUser(
  db: Db,
  id: number,
  values: Partial<UserInsert>,
): Promise<UserRow> {
  const [row] = await db
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  if (!row) throw new Error('update users returned nothing');
  return row;
}

export async function loadAssignments(db: Db, userIds: number[]): Promise<AssignmentRecord[]> {
  if (!userIds.length) return [];
  const rows = await db
    .select({ a: roleAssignments, municipalityName: municipalities.name })
    .from(roleAssignments)
    .innerJoin(municipalities, eq(municipalities.id, roleAssignments.municipalityId))
    .where(inArray(roleAssignments.userId, userIds))
    .orderBy(asc(roleAssignments.id));
  const ids = rows.map((r) => r.a.id);
  const orgRows = ids.length
    ? await db
        .select({
          assignmentId: roleAssignmentOrgs.assignmentId,
          id: organisations.id,
          shortName: organisations.shortName,
        })
        .from(roleAssignmentOrgs)
        .innerJoin(organisations, eq(organisations.id, roleAssignmentOrgs.orgId))
        .where(inArray(roleAssignmentOrgs.assignmentId, ids))
    : [];
  return rows.map(({ a, municipalityName }) => ({
    id: a.id,
    userId: a.userId,
    role: a.role,
    scopeKind: a.scopeKind,
    municipalityId: a.municipalityId,
    municipalityName,
    orgs: orgRows
      .filter((o) => o.assignmentId === a.id)
      .map((o) => ({ id: o.id, shortName: o.shortName })),
  }));
}

export interface AssignmentValues {
  role: string;
  scopeKind: 'municipality' | 'school' | 'schools';
  municipalityId: number;
  orgIds: number[];
}

export async function replaceAssignments(
  db: Db,
  userId: number,
  assignments: AssignmentValues[],
): Promise<void> {
  await db.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
  for (const a of assignments) {
    const [row] = await db
      .insert(roleAssignments)
      .values({ userId, role: a.role, scopeKind: a.scopeKind, municipalityId: a.municipalityId })
      .returning({ id: roleAssignments.id });
    if (!row) throw new Error('insert role_assignments returned nothing');
    if (a.orgIds.length) {
      await db
        .insert(roleAssignmentOrgs)
        .values(a.orgIds.map((orgId) => ({ assignmentId: row.id, orgId })));
    }
  }
}

export interface UserListFilter {
  /** Which users the caller may see: by municipality or by workplace. */
  scope: SQL;
  q?: string | undefined;
  role?: string | undefined;
  orgId?: number | undefined;
  limit: number;
  offset: number;
}

export async function listUsers(db: Db, f: UserListFilter) {
  const conditions: SQL[] = [f.scope];
  if (f.q) {
    const like = `%${f.q}%`;
    const search = or(ilike(users.login, like), ilike(users.fullName, like));
    if (search) conditions.push(search);
  }
  if (f.role) {
    conditions.push(
      sql`exists (select 1 from ${roleAssignments} ra where ra.user_id = ${users.id} and ra.role = ${f.role})`,
    );
  }
  if (f.orgId) conditions.push(eq(users.workplaceOrgId, f.orgId));
  const where = and(...conditions);
  const [rows, [count]] = await Promise.all([
    db
      .select({ user: users, workplaceName: organisations.shortName })
      .from(users)
      .leftJoin(organisations, eq(organisations.id, users.workplaceOrgId))
      .where(where)
      .orderBy(asc(users.fullName))
      .limit(f.limit)
      .offset(f.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export async function findUserWithWorkplace(db: Db, id: number) {
  const [row] = await db
    .select({ user: users, workplaceName: organisations.shortName })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.workplaceOrgId))
    .where(eq(users.id, id));
  return row ?? null;
}
