import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../database';
import { expertGroupMembers, expertGroupSchools, expertGroups } from '../schema';
import { loadAssignments } from './users';
import type { Actor, Assignment } from '../../core/access/actor';
import { isRole } from '../../core/access/roles';
import type { UserRow } from './users';

/** Builds the actor of a user: role assignments, expert groups and supervised schools. */
export async function loadActor(db: Db, user: UserRow): Promise<Actor> {
  const records = await loadAssignments(db, [user.id]);
  const assignments: Assignment[] = records.flatMap((r) =>
    isRole(r.role)
      ? [
          {
            id: r.id,
            role: r.role,
            scopeKind: r.scopeKind,
            municipalityId: r.municipalityId,
            orgIds: r.orgs.map((o) => o.id),
          },
        ]
      : [],
  );
  const groups = await db
    .select({ id: expertGroups.id, isActive: expertGroups.isActive })
    .from(expertGroupMembers)
    .innerJoin(expertGroups, eq(expertGroups.id, expertGroupMembers.groupId))
    .where(eq(expertGroupMembers.userId, user.id));
  const activeIds = groups.filter((g) => g.isActive).map((g) => g.id);
  const supervised = activeIds.length
    ? await db
        .selectDistinct({ orgId: expertGroupSchools.orgId })
        .from(expertGroupSchools)
        .where(inArray(expertGroupSchools.groupId, activeIds))
    : [];
  return {
    userId: user.id,
    login: user.login,
    fullName: user.fullName,
    workplaceOrgId: user.workplaceOrgId,
    assignments,
    supervisedOrgIds: supervised.map((s) => s.orgId),
    expertGroupIds: groups.map((g) => g.id),
  };
}
