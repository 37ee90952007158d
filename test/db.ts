import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openPostgres, wrapPglite, type Database } from '../src/db/database';
import { withDatabase } from './globalSetup';

/** A freshly migrated database of its own for one test file (copied from the run's template). */
export async function createTestDatabase(): Promise<Database> {
  if (inject('dbKind') === 'pglite') {
    const blob = new Blob([readFileSync(inject('pgliteDump'))]);
    const client = await PGlite.create({ loadDataDir: blob });
    return wrapPglite(client, 'memory');
  }
  const url = inject('pgUrl');
  const name = `${inject('pgPrefix')}${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  } finally {
    await admin.end();
  }
  const database = openPostgres(withDatabase(url, name));
  const close = database.close.bind(database);
  return {
    ...database,
    async close() {
      await close();
      const drop = new pg.Client({ connectionString: url });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}
