import { boolean, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { municipalities, organisations, subjects } from './registry';

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    login: text('login').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    fullName: text('full_name').notNull(),
    position: text('position'),
    email: text('email'),
    phone: text('phone'),
    /** The municipality whose administrators manage this account. */
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    /** Where the user works: a school or a body. */
    workplaceOrgId: integer('workplace_org_id').references(() => organisations.id),
    isActive: boolean('is_active').notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('users_municipality_idx').on(t.municipalityId)],
);

export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    scopeKind: text('scope_kind', { enum: ['municipality', 'school', 'schools'] }).notNull(),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('role_assignments_user_idx').on(t.userId)],
);

/** The schools of a `school` or `schools` assignment. */
export const roleAssignmentOrgs = pgTable(
  'role_assignment_orgs',
  {
    assignmentId: integer('assignment_id')
      .notNull()
      .references(() => roleAssignments.id, { onDelete: 'cascade' }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.orgId] })],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the session token; the token itself lives only in the cookie. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const expertGroups = pgTable('expert_groups', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  municipalityId: integer('municipality_id')
    .notNull()
    .references(() => municipalities.id),
  name: text('name').notNull(),
  /** Subject focus of the group, if any (e.g. an РМО group of mathematics teachers). */
  subjectId: integer('subject_id').references(() => subjects.id),
  description: text('description'),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const expertGroupMembers = pgTable(
  'expert_group_members',
  {
    groupId: integer('group_id')
      .notNull()
      .references(() => expertGroups.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    isLeader: boolean('is_leader').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] })],
);

export const expertGroupSchools = pgTable(
  'expert_group_schools',
  {
    groupId: integer('group_id')
      .notNull()
      .references(() => expertGroups.id, { onDelete: 'cascade' }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.orgId] })],
);
