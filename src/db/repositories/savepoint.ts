import { sql } from 'drizzle-orm';
import type { Db } from '../database';

/**
 * Runs statements inside a savepoint of the current transaction. When they fail, the
 * transaction is rolled back to the savepoint and stays usable; the error is returned.
 */
export async function withSavepoint(db: Db, work: () => Promise<void>): Promise<unknown> {
  await db.execute(sql`savepoint vsoko_sp`);
  try {
    await work();
    await db.execute(sql`release savepoint vsoko_sp`);
    return null;
  } catch (error) {
    await db.execute(sql`rollback to savepoint vsoko_sp`);
    return error;
  }
}
