import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import {
  academicYears,
  expertGroups,
  monitoringCampaignSchools,
  monitoringCampaigns,
  monitoringEvents,
  monitoringTemplateVersions,
  monitoringTemplates,
  organisations,
  users,
} from '../schema';

export type TemplateRow = typeof monitoringTemplates.$inferSelect;
export type TemplateVersionRow = typeof monitoringTemplateVersions.$inferSelect;
export type CampaignRow = typeof monitoringCampaigns.$inferSelect;
export type CampaignSchoolRow = typeof monitoringCampaignSchools.$inferSelect;
export type EventRow = typeof monitoringEvents.$inferSelect;

export async function insertTemplate(db: Db, values: typeof monitoringTemplates.$inferInsert) {
  const [row] = await db.insert(monitoringTemplates).values(values).returning();
  if (!row) throw new Error('insert monitoring_templates returned nothing');
  return row;
}

export async function findTemplate(db: Db, id: number): Promise<TemplateRow | null> {
  const [row] = await db.select().from(monitoringTemplates).where(eq(monitoringTemplates.id, id));
  return row ?? null;
}

export async function findTemplateByCode(db: Db, municipalityId: number, code: string) {
  const [row] = await db
    .select()
    .from(monitoringTemplates)
    .where(
      and(
        eq(monitoringTemplates.municipalityId, municipalityId),
        eq(monitoringTemplates.code, code),
      ),
    );
  return row ?? null;
}

export async function listTemplates(db: Db, municipalityId: number): Promise<TemplateRow[]> {
  return db
    .select()
    .from(monitoringTemplates)
    .where(eq(monitoringTemplates.municipalityId, municipalityId))
    .orderBy(asc(monitoringTemplates.id));
}

export async function listVersions(db: Db, templateIds: number[]) {
  if (!templateIds.length) return [];
  const usage = db
    .select({ versionId: monitoringCampaigns.templateVersionId, n: count().as('n') })
    .from(monitoringCampaigns)
    .groupBy(monitoringCampaigns.templateVersionId)
    .as('usage');
  return db
    .select({
      version: monitoringTemplateVersions,
      createdByName: users.fullName,
      usedByCampaigns: usage.n,
    })
    .from(monitoringTemplateVersions)
    .leftJoin(users, eq(users.id, monitoringTemplateVersions.createdBy))
    .leftJoin(usage, eq(usage.versionId, monitoringTemplateVersions.id))
    .where(inArray(monitoringTemplateVersions.templateId, templateIds))
    .orderBy(asc(monitoringTemplateVersions.templateId), desc(monitoringTemplateVersions.version));
}

export async function insertVersion(
  db: Db,
  values: typeof monitoringTemplateVersions.$inferInsert,
) {
  const [row] = await db.insert(monitoringTemplateVersions).values(values).returning();
  if (!row) throw new Error('insert monitoring_template_versions returned nothing');
  return row;
}

export async function findVersion(db: Db, id: number) {
  const [row] = await db
    .select({ version: monitoringTemplateVersions, template: monitoringTemplates })
    .from(monitoringTemplateVersions)
    .innerJoin(
      monitoringTemplates,
      eq(monitoringTemplates.id, monitoringTemplateVersions.templateId),
    )
    .where(eq(monitoringTemplateVersions.id, id));
  return row ?? null;
}

const campaignSelection = {
  campaign: monitoringCampaigns,
  academicYearName: academicYears.name,
  version: monitoringTemplateVersions,
  template: monitoringTemplates,
};

function campaignQuery(db: Db) {
  return db
    .select(campaignSelection)
    .from(monitoringCampaigns)
    .innerJoin(academicYears, eq(academicYears.id, monitoringCampaigns.academicYearId))
    .innerJoin(
      monitoringTemplateVersions,
      eq(monitoringTemplateVersions.id, monitoringCampaigns.templateVersionId),
    )
    .innerJoin(
      monitoringTemplates,
      eq(monitoringTemplates.id, monitoringTemplateVersions.templateId),
    );
}
export type CampaignHead = Awaited<ReturnType<typeof findCampaign>> & {};

export async function findCampaign(db: Db, id: number) {
  const [row] = await campaignQuery(db).where(eq(monitoringCampaigns.id, id));
  return row ?? null;
}

/** Campaigns of the given municipalities, or holding one of the given schools. */
export async function listCampaignHeads(db: Db, where: SQL) {
  const ids = db
    .selectDistinct({ id: monitoringCampaigns.id })
    .from(monitoringCampaigns)
    .leftJoin(
      monitoringCampaignSchools,
      eq(monitoringCampaignSchools.campaignId, monitoringCampaigns.id),
    )
    .where(where);
  return campaignQuery(db)
    .where(inArray(monitoringCampaigns.id, ids))
    .orderBy(desc(monitoringCampaigns.startsOn), desc(monitoringCampaigns.id));
}

export async function insertCampaign(db: Db, values: typeof monitoringCampaigns.$inferInsert) {
  const [row] = await db.insert(monitoringCampaigns).values(values).returning();
  if (!row) throw new Error('insert monitoring_campaigns returned nothing');
  return row;
}

export async function updateCampaign(
  db: Db,
  id: number,
  values: Partial<typeof monitoringCampaigns.$inferInsert>,
) {
  await db
    .update(monitoringCampaigns)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(monitoringCampaigns.id, id));
}

const schoolSelection = {
  cs: monitoringCampaignSchools,
  orgName: organisations.shortName,
  municipalityId: organisations.municipalityId,
  expertGroupName: expertGroups.name,
  expertName: users.fullName,
};

export async function listCampaignSchools(db: Db, campaignIds: number[]) {
  if (!campaignIds.length) return [];
  return db
    .select(schoolSelection)
    .from(monitoringCampaignSchools)
    .innerJoin(organisations, eq(organisations.id, monitoringCampaignSchools.orgId))
    .innerJoin(expertGroups, eq(expertGroups.id, monitoringCampaignSchools.expertGroupId))
    .leftJoin(users, eq(users.id, monitoringCampaignSchools.expertUserId))
    .where(inArray(monitoringCampaignSchools.campaignId, campaignIds))
    .orderBy(asc(organisations.shortName));
}
export type CampaignSchoolRecord = Awaited<ReturnType<typeof listCampaignSchools>>[number];

export async function findCampaignSchool(db: Db, id: number): Promise<CampaignSchoolRecord | null> {
  const [row] = await db
    .select(schoolSelection)
    .from(monitoringCampaignSchools)
    .innerJoin(organisations, eq(organisations.id, monitoringCampaignSchools.orgId))
    .innerJoin(expertGroups, eq(expertGroups.id, monitoringCampaignSchools.expertGroupId))
    .leftJoin(users, eq(users.id, monitoringCampaignSchools.expertUserId))
    .where(eq(monitoringCampaignSchools.id, id));
  return row ?? null;
}

export async function insertCampaignSchools(
  db: Db,
  values: (typeof monitoringCampaignSchools.$inferInsert)[],
) {
  if (values.length) await db.insert(monitoringCampaignSchools).values(values);
}

export async function updateCampaignSchool(
  db: Db,
  id: number,
  values: Partial<typeof monitoringCampaignSchools.$inferInsert>,
) {
  await db
    .update(monitoringCampaignSchools)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(monitoringCampaignSchools.id, id));
}

export async function insertEvent(db: Db, values: typeof monitoringEvents.$inferInsert) {
  await db.insert(monitoringEvents).values(values);
}

export async function listEvents(db: Db, campaignSchoolId: number): Promise<EventRow[]> {
  return db
    .select()
    .from(monitoringEvents)
    .where(eq(monitoringEvents.campaignSchoolId, campaignSchoolId))
    .orderBy(asc(monitoringEvents.at), asc(monitoringEvents.id));
}
