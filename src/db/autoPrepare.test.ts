import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from './database';
import { statementName } from './autoPrepare';
import { regions } from './schema';
import { createTestDatabase } from '../../test/db';

describe('statementName', () => {
  it('names a bounded read by its text, the same text the same name', () => {
    const a = statementName('select "id" from "organisations" where "id" = $1', 1);
    expect(a).toMatch(/^v[\w-]{20}$/);
    expect(statementName('select "id" from "organisations" where "id" = $1', 1)).toBe(a);
    expect(statementName('select "id" from "users" where "id" = $1', 1)).not.toBe(a);
    expect(statementName('  SELECT 1', 0)).not.toBeNull();
  });

  it('leaves writes, long IN lists and huge texts unnamed', () => {
    expect(statementName('insert into "x" values ($1)', 1)).toBeNull();
    expect(statementName('update "x" set "a" = $1', 1)).toBeNull();
    expect(statementName('COPY "x" FROM STDIN', 0)).toBeNull();
    expect(statementName('select 1 where 1 in ($1)', 33)).toBeNull();
    expect(statementName(`select ${'1,'.repeat(9000)}1`, 0)).toBeNull();
  });
});

describe('reads on the database', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('gives the same rows; on PostgreSQL the read is kept as a prepared statement', async () => {
    const read = (db: Database['db'], n: number) =>
      db.select({ n: sql<number>`${n}::int`, regions: sql<number>`count(*)::int` }).from(regions);
    expect(await read(database.db, 7)).toEqual(await read(database.db, 7));
    expect((await read(database.db, 7))[0]?.n).toBe(7);
    if (database.kind !== 'postgres') return;
    // One connection: the statement prepared on it is listed by the same session.
    await database.transaction(async ({ db }) => {
      await read(db, 8);
      const prepared = await db
        .select({ statement: sql<string>`statement` })
        .from(sql`pg_prepared_statements`)
        .where(sql`statement like ${'%::int%from "regions"%'}`);
      expect(prepared.length).toBeGreaterThan(0);
    });
  });
});
