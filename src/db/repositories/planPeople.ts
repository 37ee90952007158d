import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../database';
import {
  documents,
  monitoringCampaignSchools,
  monitoringCampaigns,
  plans,
  roleAssignmentOrgs,
  roleAssignments,
  users,
} from '../schema';

/**
 * Active users of an organisation: those working there and those whose role assignment names
 * it (a school administrator of the school).
 */
export async function listOrgPeople(db: Db, orgId: number) {
  const assigned = db
    .select({ id: roleAssignments.userId })
    .from(roleAssignments)
    .innerJoin(roleAssignmentOrgs, eq(roleAssignmentOrgs.assignmentId, roleAssignments.id))
    .where(eq(roleAssignmentOrgs.orgId, orgId));
  return db
    .select({ id: users.id, fullName: users.fullName, position: users.position })
    .from(users)
    .where(
      and(
        eq(users.isActive, true),
        or(eq(users.workplaceOrgId, orgId), inArray(users.id, assigned)),
      ),
    )
    .orderBy(asc(users.fullName));
}

export async function findPerson(db: Db, id: number) {
  const [row] = await db
    .select({ id: users.id, fullName: users.fullName, position: users.position })
    .from(users)
    .where(eq(users.id, id));
  return row ?? null;
}

/** A registry document's owner and title (for an evidence link). */
export async function findDocumentRef(db: Db, id: number) {
  const [row] = await db
    .select({
      title: documents.title,
      orgId: documents.orgId,
      municipalityId: documents.municipalityId,
    })
    .from(documents)
    .where(eq(documents.id, id));
  return row ?? null;
}

/** A monitoring campaign's municipality, title and participating schools. */
export async function findCampaignRef(db: Db, id: number) {
  const [row] = await db
    .select({
      title: monitoringCampaigns.title,
      municipalityId: monitoringCampaigns.municipalityId,
    })
    .from(monitoringCampaigns)
    .where(eq(monitoringCampaigns.id, id));
  if (!row) return null;
  const schools = await db
    .select({ orgId: monitoringCampaignSchools.orgId })
    .from(monitoringCampaignSchools)
    .where(eq(monitoringCampaignSchools.campaignId, id));
  return { ...row, orgIds: schools.map((s) => s.orgId) };
}

export async function findPlanRef(db: Db, id: number) {
  const [row] = await db
    .select({ title: plans.title, orgId: plans.orgId, municipalityId: plans.municipalityId })
    .from(plans)
    .where(eq(plans.id, id));
  return row ?? null;
}
