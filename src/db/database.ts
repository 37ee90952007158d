import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import lockfile from 'proper-lockfile';
import * as schema from './schema';
import { AppError } from '../core/errors';
import { AutoPrepareClient } from './autoPrepare';
import { COPY_BINARY_HEADER, COPY_BINARY_TRAILER } from './copyBinary';

export type DbSchema = typeof schema;
/** The query builder used by repositories. The same type on PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, DbSchema>;

export type DatabaseKind = 'pglite' | 'postgres';

/** A unit of work: the query builder bound to one transaction, plus bulk COPY. */
export interface Tx {
  db: Db;
  /**
   * Bulk-loads CSV text with `COPY <table> (<columns>) FROM STDIN (FORMAT csv)`.
   * `chunks` is CSV without a header; returns nothing, throws on bad data.
   */
  copyCsv(table: string, columns: readonly string[], chunks: Iterable<string>): Promise<void>;
  /**
   * Bulk-loads rows in PostgreSQL's binary COPY format (`copyBinary.ts`): `chunks` hold whole
   * rows, without the header and trailer, which are added here.
   */
  copyBinary(
    table: string,
    columns: readonly string[],
    chunks: Iterable<Uint8Array<ArrayBuffer>>,
  ): Promise<void>;
}

export interface Database {
  kind: DatabaseKind;
  /** Human-readable location for logs (data directory or URL without password). */
  location: string;
  db: Db;
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

const copySql = (
  table: string,
  columns: readonly string[],
  source: string,
  format: 'csv' | 'binary' = 'csv',
): string =>
  `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM ${source} WITH (FORMAT ${format})`;

/** Characters of CSV (or bytes of binary rows) per PGlite COPY statement. */
const PGLITE_COPY_CHARS = 8 * 1024 * 1024;

/** The binary COPY stream around row chunks: header, the chunks, trailer. */
function* binaryStream(chunks: Iterable<Uint8Array<ArrayBuffer>>): Generator<Uint8Array> {
  yield COPY_BINARY_HEADER;
  yield* chunks;
  yield COPY_BINARY_TRAILER;
}

/** Wraps an open PGlite instance (in memory or on disk). */
export function wrapPglite(
  client: PGlite,
  location: string,
  release?: () => Promise<void>,
): Database {
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  const txFor = (ptx: Transaction): Tx => ({
    db: drizzlePglite({ client: ptx as unknown as PGlite, schema }) as unknown as Db,
    async copyCsv(table, columns, chunks) {
      // One COPY per few megabytes: PGlite reads a COPY from one blob, so a large load is
      // split into several COPY statements in the same transaction instead of one huge blob.
      const sql = copySql(table, columns, "'/dev/blob'");
      let parts: string[] = [];
      let size = 0;
      for (const chunk of chunks) {
        parts.push(chunk);
        size += chunk.length;
        if (size >= PGLITE_COPY_CHARS) {
          await ptx.query(sql, [], { blob: new Blob(parts) });
          parts = [];
          size = 0;
        }
      }
      if (parts.length) await ptx.query(sql, [], { blob: new Blob(parts) });
    },
    async copyBinary(table, columns, chunks) {
      const sql = copySql(table, columns, "'/dev/blob'", 'binary');
      let parts: Uint8Array<ArrayBuffer>[] = [COPY_BINARY_HEADER];
      let size = 0;
      for (const chunk of chunks) {
        parts.push(chunk);
        size += chunk.length;
        if (size >= PGLITE_COPY_CHARS) {
          parts.push(COPY_BINARY_TRAILER);
          await ptx.query(sql, [], { blob: new Blob(parts) });
          parts = [COPY_BINARY_HEADER];
          size = 0;
        }
      }
      if (size) {
        parts.push(COPY_BINARY_TRAILER);
        await ptx.query(sql, [], { blob: new Blob(parts) });
      }
    },
  });
  return {
    kind: 'pglite',
    location,
    db,
    transaction: (work) => client.transaction((ptx) => work(txFor(ptx))),
    async migrate() {
      await migratePglite(drizzlePglite({ client, schema }), {
        migrationsFolder: MIGRATIONS_FOLDER,
      });
    },
    async close() {
      await client.close();
      if (release) await release();
    },
  };
}

/**
 * Opens the embedded database in a data directory. PGlite serves one process: the directory is
 * locked, and a second process gets a clear message instead of corrupting it.
 */
export async function openPglite(dataDir: string): Promise<Database> {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, { stale: 15_000, update: 5_000, realpath: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new AppError(
        'CONFLICT',
        `Папка данных ${dir} уже используется другим процессом vsoko. Встроенная база данных ` +
          '(PGlite) обслуживает только один процесс: остановите другой процесс (например, ' +
          'запущенный сервер) или укажите DATABASE_URL для работы с PostgreSQL.',
      );
    }
    throw error;
  }
  try {
    const client = await PGlite.create(path.join(dir, 'pgdata'));
    return wrapPglite(client, dir, release);
  } catch (error) {
    await release();
    throw error;
  }
}

export function wrapPgPool(pool: pg.Pool, location: string): Database {
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  let closing = false;
  // An idle connection can be ended by the server (restart, administrator, a dropped database);
  // without a listener node-postgres raises that as an uncaught error and the process exits.
  // The pool replaces the connection; the next query opens a new one.
  pool.on('error', (error) => {
    if (!closing) console.warn(`PostgreSQL: соединение закрыто сервером (${error.message})`);
  });
  return {
    kind: 'postgres',
    location,
    db,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: Tx = {
          db: drizzlePg({ client, schema }) as unknown as Db,
          async copyCsv(table, columns, chunks) {
            const stream = client.query(copyFrom(copySql(table, columns, 'STDIN')));
            await pipeline(Readable.from(chunks), stream);
          },
          async copyBinary(table, columns, chunks) {
            const stream = client.query(copyFrom(copySql(table, columns, 'STDIN', 'binary')));
            await pipeline(Readable.from(binaryStream(chunks)), stream);
          },
        };
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async migrate() {
      await migratePg(drizzlePg({ client: pool, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
    },
    async close() {
      closing = true;
      await pool.end();
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres';
  }
}

export function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10, Client: AutoPrepareClient });
  return wrapPgPool(pool, redactUrl(url));
}

export interface DatabaseConfig {
  databaseUrl?: string | undefined;
  dataDir: string;
}

/** PostgreSQL when `DATABASE_URL` is set, otherwise embedded PGlite in the data directory. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}
