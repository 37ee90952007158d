import type { Database } from '../db/database';
import type { FileStorage } from '../storage/fileStorage';

/** What services need from the outside world. Built once by the server or the CLI. */
export interface ServiceDeps {
  database: Database;
  storage: FileStorage;
  now: () => Date;
}
