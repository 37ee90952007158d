import type { Actor } from '../core/access/actor';
import type { Db } from '../db/database';
import { insertAudit, insertAudits, type AuditInsert } from '../db/repositories/audit';

export type AuditEntry = Omit<AuditInsert, 'userId' | 'userLogin'>;

/** Records one change in the audit log, inside the caller's transaction. */
export async function audit(db: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await insertAudit(db, {
    ...entry,
    userId: actor.system ? null : actor.userId,
    userLogin: actor.login,
  });
}

/** Records many changes at once (bulk imports: one entry per school), in the caller's transaction. */
export async function auditMany(
  db: Db,
  actor: Actor,
  entries: readonly AuditEntry[],
): Promise<void> {
  await insertAudits(
    db,
    entries.map((entry) => ({
      ...entry,
      userId: actor.system ? null : actor.userId,
      userLogin: actor.login,
    })),
  );
}

/** Keeps only the fields that changed, for compact before → after entries. */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: T,
  keys: readonly (keyof T)[],
): { before: Partial<T>; after: Partial<T> } | null {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of keys) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}
