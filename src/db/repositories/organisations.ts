import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { preparedPer } from '../prepared';
import { municipalities, organisations } from '../schema';

export type OrgRow = typeof organisations.$inferSelect;
export type OrgInsert = typeof organisations.$inferInsert;

const withMunicipality = {
  org: organisations,
  municipalityName: municipalities.name,
};

const orgByIdQuery = preparedPer((db: Db) =>
  db
    .select(withMunicipality)
    .from(organisations)
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(eq(organisations.id, sql.placeholder('id')))
    .prepare('vsoko_org_by_id'),
);

export async function findOrgById(db: Db, id: number) {
  const [row] = await orgByIdQuery(db).execute({ id });
  return row ?? null;
}

const oneOrgQuery = preparedPer((db: Db) =>
  db
    .select()
    .from(organisations)
    .where(eq(organisations.id, sql.placeholder('id')))
    .prepare('vsoko_one_org'),
);

export async function findOrgsByIds(db: Db, ids: number[]): Promise<OrgRow[]> {
  if (!ids.length) return [];
  if (ids.length === 1) return oneOrgQuery(db).execute({ id: ids[0] });
  return db
    .select()
    .from(organisations)
    .where(sql`${organisations.id} in ${ids}`);
}

export async function findOrgByFisLogin(db: Db, fisLogin: string): Promise<OrgRow | null> {
  const [row] = await db.select().from(organisations).where(eq(organisations.fisLogin, fisLogin));
  return row ?? null;
}

/** Organisations by ФИС ОКО login, for many logins in a few queries. */
export async function findOrgsByFisLogins(
  db: Db,
  fisLogins: readonly string[],
): Promise<Map<string, OrgRow>> {
  const found = new Map<string, OrgRow>();
  for (let i = 0; i < fisLogins.length; i += 1000) {
    const rows = await db
      .select()
      .from(organisations)
      .where(inArray(organisations.fisLogin, fisLogins.slice(i, i + 1000)));
    for (const row of rows) if (row.fisLogin) found.set(row.fisLogin, row);
  }
  return found;
}

export interface OrgListFilter {
  scope: SQL;
  category?: 'school' | 'body' | undefined;
  kind?: string | undefined;
  municipalityId?: number | undefined;
  q?: string | undefined;
  includeInactive: boolean;
  sort?: 'number' | 'name' | 'updated' | undefined;
  limit: number;
  offset: number;
}

const byNumber = sql`nullif(regexp_replace(${organisations.number}, '\\D', '', 'g'), '')::int nulls last`;

function orderOf(sort: OrgListFilter['sort']): SQL[] {
  if (sort === 'name') return [asc(organisations.shortName), asc(organisations.id)];
  if (sort === 'updated') return [desc(organisations.updatedAt), asc(organisations.id)];
  return [asc(organisations.category), byNumber, asc(organisations.shortName)];
}

export async function listOrgs(db: Db, f: OrgListFilter) {
  const conditions: SQL[] = [f.scope];
  if (f.category) conditions.push(eq(organisations.category, f.category));
  if (f.kind) conditions.push(eq(organisations.kind, f.kind));
  if (f.municipalityId) conditions.push(eq(organisations.municipalityId, f.municipalityId));
  if (!f.includeInactive) conditions.push(eq(organisations.isActive, true));
  if (f.q) {
    const like = `%${f.q}%`;
    const search = or(
      ilike(organisations.shortName, like),
      ilike(organisations.fullName, like),
      ilike(organisations.fisLogin, like),
      eq(organisations.number, f.q),
    );
    if (search) conditions.push(search);
  }
  const where = and(...conditions);
  const [rows, [count]] = await Promise.all([
    db
      .select(withMunicipality)
      .from(organisations)
      .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
      .where(where)
      .orderBy(...orderOf(f.sort))
      .limit(f.limit)
      .offset(f.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(organisations)
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export async function insertOrg(db: Db, values: OrgInsert): Promise<OrgRow> {
  const [row] = await db.insert(organisations).values(values).returning();
  if (!row) throw new Error('insert organisations returned nothing');
  return row;
}

/** Many organisations in a few multi-row inserts; rows come back in the given order. */
export async function insertOrgs(db: Db, values: readonly OrgInsert[]): Promise<OrgRow[]> {
  const out: OrgRow[] = [];
  for (let i = 0; i < values.length; i += 500) {
    const rows = await db
      .insert(organisations)
      .values(values.slice(i, i + 500))
      .returning();
    rows.sort((a, b) => a.id - b.id);
    out.push(...rows);
  }
  return out;
}

export async function updateOrg(db: Db, id: number, values: Partial<OrgInsert>): Promise<OrgRow> {
  const [row] = await db
    .update(organisations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(organisations.id, id))
    .returning();
  if (!row) throw new Error('update organisations returned nothing');
  return row;
}
