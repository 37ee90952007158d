import {
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './access';
import { documents } from './documents';
import { municipalities, organisations } from './registry';

/**
 * One loaded file of an official list: `federal` (schools with signs of non-objective ВПР
 * results, Рособрнадзор / ФИОКО) or `shnor` (schools with low results). Entries of the
 * municipality's schools for the file's years replace the earlier ones.
 */
export const officialListImports = pgTable(
  'official_list_imports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    list: text('list', { enum: ['federal', 'shnor'] }).notNull(),
    years: smallint('years').array().notNull(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    /** Rows of the file, rows of this municipality's schools, logins not found. */
    rows: integer('rows').notNull(),
    matched: integer('matched').notNull(),
    unknownLogins: text('unknown_logins').array().notNull().default([]),
    importedByLogin: text('imported_by_login').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('official_list_imports_municipality_idx').on(t.municipalityId, t.list)],
);

/** Federal markers per grade × subject (counts) as in the list's columns 4 РУ … 5 МА. */
export interface FederalMarkers {
  r4: number;
  m4: number;
  r5: number;
  m5: number;
}

/** A school on an official list in one year. */
export const officialListEntries = pgTable(
  'official_list_entries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    importId: integer('import_id')
      .notNull()
      .references(() => officialListImports.id),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    list: text('list', { enum: ['federal', 'shnor'] }).notNull(),
    year: smallint('year').notNull(),
    login: text('login').notNull(),
    /** The school's name as written in the list. */
    listedName: text('listed_name').notNull(),
    /** Federal list: markers per grade × subject; null for ШНОР. */
    markers: jsonb('markers').$type<FederalMarkers>(),
    /** Federal list: the total number of markers. */
    markerTotal: integer('marker_total'),
    /** ШНОР: the stated ground (free text of the list), if any. */
    note: text('note'),
  },
  (t) => [
    uniqueIndex('official_list_entries_key').on(t.list, t.year, t.orgId),
    index('official_list_entries_municipality_idx').on(t.municipalityId, t.year),
  ],
);

/** A school's explanation of the signs found in one year (never edited; newer ones follow). */
export const objectivityExplanations = pgTable(
  'objectivity_explanations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    year: smallint('year').notNull(),
    text: text('text').notNull(),
    documentId: integer('document_id').references(() => documents.id),
    authorId: integer('author_id').references(() => users.id),
    authorLogin: text('author_login').notNull(),
    authorName: text('author_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('objectivity_explanations_key').on(t.orgId, t.year)],
);

/** A decision of district staff on a school-year (never edited; the newest one is in force). */
export const objectivityDecisions = pgTable(
  'objectivity_decisions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    year: smallint('year').notNull(),
    decision: text('decision', {
      enum: ['cleared', 'keep_risk', 'observers', 'recheck'],
    }).notNull(),
    reason: text('reason').notNull(),
    authorId: integer('author_id').references(() => users.id),
    authorLogin: text('author_login').notNull(),
    authorName: text('author_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('objectivity_decisions_key').on(t.orgId, t.year)],
);
