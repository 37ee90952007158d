import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPostgres, wrapPglite } from '../src/db/database';

declare module 'vitest' {
  export interface ProvidedContext {
    dbKind: 'pglite' | 'postgres';
    pgliteDump: string;
    pgUrl: string;
    pgTemplate: string;
    pgPrefix: string;
  }
}

/** Replaces the database name of a PostgreSQL URL. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Migrates once per run and hands each test file a copy: PGlite files load a dump of the migrated
 * data directory; PostgreSQL files clone a migrated template database.
 */
export default async function setup(project: TestProject) {
  // By project name: the project's `env` applies to its test workers, not to this setup, which
  // runs in the main process (reading VSOKO_TEST_DB here made every project PGlite).
  const kind = project.name === 'postgres' ? 'postgres' : 'pglite';
  project.provide('dbKind', kind);
  if (kind === 'pglite') {
    if (!process.env.TEST_DATABASE_URL && project.name === 'pglite') {
      if (process.env.CI === 'true') {
        throw new Error(
          'CI=true: TEST_DATABASE_URL is required, the suite must also run on PostgreSQL',
        );
      }
      console.warn('[vsoko] TEST_DATABASE_URL is not set: the PostgreSQL run is skipped.');
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vsoko-test-'));
    const client = await PGlite.create();
    const database = wrapPglite(client, 'memory');
    await database.migrate();
    const dump = await client.dumpDataDir('none');
    const file = path.join(dir, 'template.tar');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await database.close();
    project.provide('pgliteDump', file);
    return () => rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const prefix = `vsoko_t${process.pid}_`;
  const template = `${prefix}template`;
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL at TEST_DATABASE_URL does not answer: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const database = openPostgres(withDatabase(url, template));
  await database.migrate();
  await database.close();
  project.provide('pgUrl', url);
  project.provide('pgTemplate', template);
  project.provide('pgPrefix', prefix);
  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${prefix}%`],
    );
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
    await admin.end();
  };
}
