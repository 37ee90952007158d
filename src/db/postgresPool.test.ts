import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from './database';
import { createTestDatabase } from '../../test/db';

describe('a connection ended by the server', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('does not crash the process; the next query gets a new connection', async () => {
    const pid = async () =>
      (await database.db.select({ pid: sql<number>`pg_backend_pid()` }).from(sql`(select 1) x`))[0]
        ?.pid;
    // Several connections at once, so the pool keeps idle ones.
    const before = await Promise.all([pid(), pid(), pid()]);
    expect(before[0]).toBeTypeOf('number');
    if (database.kind !== 'postgres') return;
    const uncaught: unknown[] = [];
    const onError = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onError);
    try {
      // Ends every other connection to this database, the pool's idle one included.
      await database.transaction(({ db }) =>
        db
          .select({ ok: sql<boolean>`pg_terminate_backend(pid)` })
          .from(sql`pg_stat_activity`)
          .where(sql`datname = current_database() and pid <> pg_backend_pid()`),
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      const after = await pid();
      expect(after).toBeTypeOf('number');
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onError);
    }
  });
});
