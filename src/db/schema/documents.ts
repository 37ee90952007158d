import { bigint, boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './access';
import { municipalities, organisations } from './registry';

/**
 * Uploaded documents. The bytes live in file storage behind `FileStorage`; the row keeps the
 * metadata and the storage key. A new version of a document points at the one it replaces.
 */
export const documents = pgTable(
  'documents',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    /** Owner organisation: a school or a body. */
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    version: integer('version').notNull().default(1),
    replacesId: integer('replaces_id'),
    isCurrent: boolean('is_current').notNull().default(true),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('documents_org_idx').on(t.orgId)],
);
