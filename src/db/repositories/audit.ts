import { and, desc, eq, gte, ilike, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { auditLog, organisations } from '../schema';

export interface AuditInsert {
  userId: number | null;
  userLogin: string;
  action: string;
  entity: string;
  entityId: string | number | null;
  municipalityId: number | null;
  orgId: number | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

const auditValues = (entry: AuditInsert) => ({
  userId: entry.userId,
  userLogin: entry.userLogin,
  action: entry.action,
  entity: entry.entity,
  entityId: entry.entityId === null ? null : String(entry.entityId),
  municipalityId: entry.municipalityId,
  orgId: entry.orgId,
  summary: entry.summary,
  before: entry.before ?? null,
  after: entry.after ?? null,
});

export async function insertAudit(db: Db, entry: AuditInsert): Promise<void> {
  await db.insert(auditLog).values(auditValues(entry));
}

/** Many entries in a few multi-row inserts (one per 500 entries), in order. */
export async function insertAudits(db: Db, entries: readonly AuditInsert[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) {
    await db.insert(auditLog).values(entries.slice(i, i + 500).map(auditValues));
  }
}

export interface AuditFilter {
  scope: SQL;
  entity?: string | undefined;
  action?: string | undefined;
  user?: string | undefined;
  orgId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

export async function listAudit(db: Db, f: AuditFilter) {
  const conditions: SQL[] = [f.scope];
  if (f.entity) conditions.push(eq(auditLog.entity, f.entity));
  if (f.action) conditions.push(eq(auditLog.action, f.action));
  if (f.user) conditions.push(ilike(auditLog.userLogin, `%${f.user}%`));
  if (f.orgId) conditions.push(eq(auditLog.orgId, f.orgId));
  if (f.from) conditions.push(gte(auditLog.at, new Date(`${f.from}T00:00:00Z`)));
  if (f.to) {
    const end = new Date(`${f.to}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 1);
    conditions.push(lt(auditLog.at, end));
  }
  const where = and(...conditions);
  const [rows, [count]] = await Promise.all([
    db
      .select({ entry: auditLog, orgName: organisations.shortName })
      .from(auditLog)
      .leftJoin(organisations, eq(organisations.id, auditLog.orgId))
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(f.limit)
      .offset(f.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}
