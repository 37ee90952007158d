import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { users } from './access';
import { documents } from './documents';
import { municipalities, organisations } from './registry';

/** A column of the plan's official table, as the source document titled it. */
export interface PlanColumnDef {
  key: 'number' | 'task' | 'text' | 'deadline' | 'result' | 'executors' | 'participants';
  title: string;
}

/**
 * Plans of measures and road maps (district, municipality, school). The owner organisation is
 * a body for district and municipal plans and the school for a school's plan; access follows it.
 */
export const plans = pgTable(
  'plans',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    level: text('level', { enum: ['district', 'municipality', 'school'] }).notNull(),
    title: text('title').notNull(),
    /** The «УТВЕРЖДАЮ» block (or the approving order for a road map). */
    approvalPosition: text('approval_position'),
    approvalName: text('approval_name'),
    approvalOrderNumber: text('approval_order_number'),
    approvalOrderDate: date('approval_order_date'),
    /** «г. Санкт-Петербург» under the title. */
    place: text('place'),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    goals: jsonb('goals').$type<string[]>().notNull().default([]),
    columns: jsonb('columns').$type<PlanColumnDef[]>().notNull(),
    /** Last year's plan this one was made from. */
    sourcePlanId: integer('source_plan_id').references((): AnyPgColumn => plans.id),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plans_municipality_idx').on(t.municipalityId), index('plans_org_idx').on(t.orgId)],
);

export const planSections = pgTable(
  'plan_sections',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    number: text('number'),
    title: text('title').notNull(),
  },
  (t) => [index('plan_sections_plan_idx').on(t.planId)],
);

/** The plan's tasks («Задачи» of a school plan, under its goals). */
export const planObjectives = pgTable(
  'plan_objectives',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
  },
  (t) => [index('plan_objectives_plan_idx').on(t.planId)],
);

export const planActivities = pgTable(
  'plan_activities',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    sectionId: integer('section_id').references(() => planSections.id, { onDelete: 'set null' }),
    objectiveId: integer('objective_id').references(() => planObjectives.id, {
      onDelete: 'set null',
    }),
    /** A sub-row of another activity (road map item 11 of seed 004). */
    parentId: integer('parent_id').references((): AnyPgColumn => planActivities.id, {
      onDelete: 'cascade',
    }),
    position: integer('position').notNull(),
    /** The number as written («1.1.», «11»), null when the row has none. */
    number: text('number'),
    text: text('text').notNull(),
    /** The deadline as written and its normalised range (null when it names no dates). */
    deadlineText: text('deadline_text').notNull().default(''),
    deadlineKind: text('deadline_kind').notNull(),
    deadlineFrom: date('deadline_from'),
    deadlineTo: date('deadline_to'),
    result: text('result').notNull().default(''),
    executorsText: text('executors_text').notNull().default(''),
    participants: text('participants').notNull().default(''),
    /** School numbers named in the text («ОО №№ 8, 212») that match no school. */
    unmatchedSchoolNumbers: jsonb('unmatched_school_numbers')
      .$type<string[]>()
      .notNull()
      .default([]),
    status: text('status', { enum: ['planned', 'in_progress', 'done', 'cancelled'] })
      .notNull()
      .default('planned'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
    /** The person answering for the activity (a user of the plan's owner organisation). */
    responsibleUserId: integer('responsible_user_id').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plan_activities_plan_idx').on(t.planId),
    index('plan_activities_deadline_idx').on(t.deadlineTo),
  ],
);

/** Executors of an activity: bodies, people, positions, «ОО»; linked when recognised. */
export const planActivityExecutors = pgTable(
  'plan_activity_executors',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    activityId: integer('activity_id')
      .notNull()
      .references(() => planActivities.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    kind: text('kind', { enum: ['body', 'person', 'position', 'schools'] }).notNull(),
    orgId: integer('org_id').references(() => organisations.id),
    userId: integer('user_id').references(() => users.id),
  },
  (t) => [
    index('plan_activity_executors_activity_idx').on(t.activityId),
    index('plan_activity_executors_user_idx').on(t.userId),
    index('plan_activity_executors_org_idx').on(t.orgId),
  ],
);

/** Schools an activity targets («ОО №№ 8, 212, 215»). */
export const planActivityTargets = pgTable(
  'plan_activity_targets',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => planActivities.id, { onDelete: 'cascade' }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.orgId] })],
);

/**
 * The cascade: a district activity each target school must carry out becomes one task per
 * school, tracked by the school and visible to the district.
 */
export const planSchoolTasks = pgTable(
  'plan_school_tasks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    activityId: integer('activity_id')
      .notNull()
      .references(() => planActivities.id, { onDelete: 'cascade' }),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    responsibleUserId: integer('responsible_user_id').references(() => users.id),
    status: text('status', { enum: ['planned', 'in_progress', 'done', 'cancelled'] })
      .notNull()
      .default('planned'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('plan_school_tasks_activity_org_uq').on(t.activityId, t.orgId),
    index('plan_school_tasks_org_idx').on(t.orgId),
  ],
);

const trackedRecord = {
  activityId: integer('activity_id')
    .notNull()
    .references(() => planActivities.id, { onDelete: 'cascade' }),
  /** Set when the entry belongs to one school's task rather than to the activity itself. */
  schoolTaskId: integer('school_task_id').references(() => planSchoolTasks.id, {
    onDelete: 'cascade',
  }),
  userId: integer('user_id').references(() => users.id),
  userName: text('user_name').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
};

export const planStatusHistory = pgTable(
  'plan_status_history',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...trackedRecord,
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note'),
  },
  (t) => [index('plan_status_history_activity_idx').on(t.activityId)],
);

export const planComments = pgTable(
  'plan_comments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...trackedRecord,
    text: text('text').notNull(),
  },
  (t) => [index('plan_comments_activity_idx').on(t.activityId)],
);

/** Evidence of execution: an uploaded file (a document) or a link to a record or address. */
export const planEvidence = pgTable(
  'plan_evidence',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...trackedRecord,
    kind: text('kind', { enum: ['file', 'link'] }).notNull(),
    documentId: integer('document_id').references(() => documents.id),
    recordKind: text('record_kind').notNull(),
    /** The linked record of another module (document, monitoring campaign, plan), by kind. */
    recordId: integer('record_id'),
    url: text('url'),
    title: text('title').notNull(),
  },
  (t) => [index('plan_evidence_activity_idx').on(t.activityId)],
);
