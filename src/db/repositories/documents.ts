import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { documents, organisations, users } from '../schema';

export type DocumentRow = typeof documents.$inferSelect;

const docSelection = {
  doc: documents,
  orgName: organisations.shortName,
  uploadedByName: users.fullName,
};

export async function listDocuments(
  db: Db,
  f: { scope: SQL; orgId?: number | undefined; kind?: string | undefined; includeHistory: boolean },
) {
  const conditions: SQL[] = [f.scope];
  if (f.orgId) conditions.push(eq(documents.orgId, f.orgId));
  if (f.kind) conditions.push(eq(documents.kind, f.kind));
  if (!f.includeHistory) conditions.push(eq(documents.isCurrent, true));
  return db
    .select(docSelection)
    .from(documents)
    .innerJoin(organisations, eq(organisations.id, documents.orgId))
    .leftJoin(users, eq(users.id, documents.uploadedBy))
    .where(and(...conditions))
    .orderBy(desc(documents.uploadedAt), desc(documents.id));
}

export async function findDocument(db: Db, id: number) {
  const [row] = await db
    .select(docSelection)
    .from(documents)
    .innerJoin(organisations, eq(organisations.id, documents.orgId))
    .leftJoin(users, eq(users.id, documents.uploadedBy))
    .where(eq(documents.id, id));
  return row ?? null;
}

export async function insertDocument(db: Db, values: typeof documents.$inferInsert) {
  const [row] = await db.insert(documents).values(values).returning();
  if (!row) throw new Error('insert documents returned nothing');
  return row;
}

export async function markSuperseded(db: Db, id: number) {
  await db.update(documents).set({ isCurrent: false }).where(eq(documents.id, id));
}
