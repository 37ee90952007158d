import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { Answers } from '../../core/monitoring/scoring';
import type { TemplateDefinition } from '../../core/monitoring/template';
import { expertGroups, users } from './access';
import { documents } from './documents';
import { academicYears, municipalities, organisations } from './registry';

/** A monitoring template (questionnaire, checklist or expert card) of a municipality. */
export const monitoringTemplates = pgTable(
  'monitoring_templates',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    purpose: text('purpose').notNull(),
    description: text('description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('monitoring_templates_code_uq').on(t.municipalityId, t.code)],
);

/** An immutable version of a template's sections and indicators. */
export const monitoringTemplateVersions = pgTable(
  'monitoring_template_versions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    templateId: integer('template_id')
      .notNull()
      .references(() => monitoringTemplates.id),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<TemplateDefinition>().notNull(),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('monitoring_template_versions_uq').on(t.templateId, t.version)],
);

/** A monitoring run: regulation, template version, deadlines and target schools. */
export const monitoringCampaigns = pgTable(
  'monitoring_campaigns',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    academicYearId: integer('academic_year_id')
      .notNull()
      .references(() => academicYears.id),
    title: text('title').notNull(),
    templateVersionId: integer('template_version_id')
      .notNull()
      .references(() => monitoringTemplateVersions.id),
    status: text('status').notNull().default('draft'),
    /** The regulation as cited, e.g. «Приказ ИМЦ от 12.01.2023 № 14-о». */
    regulation: text('regulation'),
    regulationDocumentId: integer('regulation_document_id').references(() => documents.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    selfReportDue: date('self_report_due', { mode: 'string' }).notNull(),
    expertDue: date('expert_due', { mode: 'string' }).notNull(),
    /** The run this one is compared with on the screen. */
    previousCampaignId: integer('previous_campaign_id'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('monitoring_campaigns_municipality_idx').on(t.municipalityId)],
);

/** One target school of a campaign: its self-report, its expert card and the assigned group. */
export const monitoringCampaignSchools = pgTable(
  'monitoring_campaign_schools',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => monitoringCampaigns.id, { onDelete: 'cascade' }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    expertGroupId: integer('expert_group_id')
      .notNull()
      .references(() => expertGroups.id),
    selfStatus: text('self_status').notNull().default('not_started'),
    selfAnswers: jsonb('self_answers').$type<Answers>().notNull().default({}),
    selfPercent: real('self_percent'),
    selfSubmittedAt: timestamp('self_submitted_at', { withTimezone: true }),
    returnComment: text('return_comment'),
    cardStatus: text('card_status').notNull().default('not_started'),
    cardAnswers: jsonb('card_answers').$type<Answers>().notNull().default({}),
    cardPercent: real('card_percent'),
    cardComment: text('card_comment'),
    expertUserId: integer('expert_user_id').references(() => users.id),
    cardFinalAt: timestamp('card_final_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('monitoring_campaign_schools_uq').on(t.campaignId, t.orgId),
    index('monitoring_campaign_schools_org_idx').on(t.orgId),
  ],
);

/** The history of a school's self-report and expert card: every save, submit, return, lock. */
export const monitoringEvents = pgTable(
  'monitoring_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    campaignSchoolId: integer('campaign_school_id')
      .notNull()
      .references(() => monitoringCampaignSchools.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: integer('user_id').references(() => users.id),
    userName: text('user_name').notNull(),
    action: text('action').notNull(),
    comment: text('comment'),
    percent: real('percent'),
    snapshot: jsonb('snapshot').$type<Answers>(),
  },
  (t) => [index('monitoring_events_school_idx').on(t.campaignSchoolId)],
);
