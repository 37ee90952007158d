import path from 'node:path';
import { openDatabase, type Database } from '../db/database';
import { createServices, type Services } from '../services';
import { ensureReferenceData } from '../services/reference';
import { localFileStorage } from '../storage/fileStorage';

/** Settings read from the environment, shared by every command. */
export interface Env {
  databaseUrl: string | undefined;
  dataDir: string;
  filesDir: string;
  port: number;
  host: string;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const dataDir = path.resolve(env.VSOKO_DATA_DIR ?? './data');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`PORT должен быть номером порта, получено «${env.PORT}»`);
  }
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    filesDir: path.resolve(env.VSOKO_FILES_DIR ?? path.join(dataDir, 'files')),
    port,
    host: env.HOST ?? '127.0.0.1',
  };
}

export interface Runtime {
  env: Env;
  database: Database;
  services: Services;
  close(): Promise<void>;
}

/** Opens the database (PGlite or PostgreSQL), applies migrations and reference data. */
export async function openRuntime(env: Env): Promise<Runtime> {
  const database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
  try {
    await database.migrate();
    await ensureReferenceData(database.db, new Date());
  } catch (error) {
    await database.close();
    throw error;
  }
  const services = createServices({
    database,
    storage: localFileStorage(env.filesDir),
    now: () => new Date(),
  });
  return { env, database, services, close: () => database.close() };
}

export const describeDatabase = (db: Database) =>
  db.kind === 'pglite' ? `встроенная PGlite, папка ${db.location}` : `PostgreSQL ${db.location}`;
