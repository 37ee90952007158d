import { and, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { preparedPer } from '../prepared';
import { sessions, users } from '../schema';
import type { Actor, Assignment } from '../../core/access/actor';
import { isRole } from '../../core/access/roles';
import type { UserRow } from './users';

interface AssignmentJson {
  id: number;
  role: string;
  scopeKind: Assignment['scopeKind'];
  municipalityId: number;
  orgIds: number[];
}

/**
 * The parts of an actor as three JSON columns of one row: role assignments with their schools,
 * the expert groups of the user, and the schools the user's active groups supervise. `userId` is
 * the SQL of the user's id (a column of the outer query or a parameter), so the whole actor
 * comes with the same round trip as the session or the user.
 */
function actorColumns(userId: SQL) {
  return {
    assignments: sql<AssignmentJson[]>`(select coalesce(jsonb_agg(jsonb_build_object(
        'id', a.id, 'role', a.role, 'scopeKind', a.scope_kind, 'municipalityId', a.municipality_id,
        'orgIds', (select coalesce(jsonb_agg(o.org_id order by o.org_id), '[]'::jsonb)
          from role_assignment_orgs o where o.assignment_id = a.id)) order by a.id), '[]'::jsonb)
      from role_assignments a where a.user_id = ${userId})`,
    groupIds: sql<number[]>`(select coalesce(jsonb_agg(m.group_id order by m.group_id), '[]'::jsonb)
      from expert_group_members m where m.user_id = ${userId})`,
    supervisedOrgIds: sql<number[]>`(select coalesce(jsonb_agg(distinct s.org_id), '[]'::jsonb)
      from expert_group_members m
      join expert_groups g on g.id = m.group_id and g.is_active
      join expert_group_schools s on s.group_id = m.group_id
      where m.user_id = ${userId})`,
  };
}

interface ActorParts {
  assignments: AssignmentJson[];
  groupIds: number[];
  supervisedOrgIds: number[];
}

function buildActor(user: UserRow, parts: ActorParts): Actor {
  const assignments: Assignment[] = parts.assignments.flatMap((a) =>
    isRole(a.role)
      ? [
          {
            id: a.id,
            role: a.role,
            scopeKind: a.scopeKind,
            municipalityId: a.municipalityId,
            orgIds: a.orgIds,
          },
        ]
      : [],
  );
  return {
    userId: user.id,
    login: user.login,
    fullName: user.fullName,
    workplaceOrgId: user.workplaceOrgId,
    assignments,
    supervisedOrgIds: parts.supervisedOrgIds,
    expertGroupIds: parts.groupIds,
  };
}

const userIdColumn = sql.raw('"users"."id"');

/** Builds the actor of a user: role assignments, expert groups and supervised schools. */
export async function loadActor(db: Db, user: UserRow): Promise<Actor> {
  const [row] = await db
    .select(actorColumns(userIdColumn))
    .from(users)
    .where(eq(users.id, user.id));
  return buildActor(user, row ?? { assignments: [], groupIds: [], supervisedOrgIds: [] });
}

/** The session with its user and actor; PostgreSQL parses and plans it once per connection. */
const sessionActorQuery = preparedPer((db: Db) =>
  db
    .select({ session: sessions, user: users, ...actorColumns(userIdColumn) })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder('id')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        eq(users.isActive, true),
      ),
    )
    .prepare('vsoko_session_actor'),
);

/**
 * A live session (not expired, active user) with its user and actor, in one prepared query: this
 * runs on every authenticated request.
 */
export async function findLiveSessionActor(db: Db, id: string, now: Date) {
  const [row] = await sessionActorQuery(db).execute({ id, now });
  if (!row) return null;
  return { session: row.session, user: row.user, actor: buildActor(row.user, row) };
}
