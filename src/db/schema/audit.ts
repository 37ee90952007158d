import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every change: who, when, what, before → after. Bulk loads write one entry per batch with
 * counts in `after`. Scope columns let each role read only the entries of its organisations.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: integer('user_id'),
    userLogin: text('user_login').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    municipalityId: integer('municipality_id'),
    orgId: integer('org_id'),
    summary: text('summary').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_municipality_idx').on(t.municipalityId),
    index('audit_log_org_idx').on(t.orgId),
  ],
);
