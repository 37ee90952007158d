import { createHash } from 'node:crypto';
import pg from 'pg';

/** Longest statement text and most parameters a read is prepared with (bounds the variants). */
const MAX_TEXT = 16 * 1024;
const MAX_PARAMS = 32;

type QueryConfig = { text: string; name?: string; values?: unknown[] };

const isConfig = (x: unknown): x is QueryConfig =>
  typeof x === 'object' && x !== null && typeof (x as { text?: unknown }).text === 'string';

/**
 * A node-postgres client that runs every read (a SELECT of bounded size) as a named prepared
 * statement, named by a hash of its text — what postgres.js does by default. PostgreSQL then
 * parses each statement once per connection and, after a few executions, keeps a generic plan,
 * instead of parsing and planning it on every request (on the objectivity screens that was most
 * of the database's time). The text of a statement built by the query builder depends only on the
 * code path and the number of parameters, so the number of statements per connection stays
 * bounded; statements with long IN lists (more than MAX_PARAMS parameters) stay unnamed.
 * Not for a pooler in transaction mode (PgBouncer), which cannot keep prepared statements.
 */
export class AutoPrepareClient extends pg.Client {
  override query(...args: unknown[]): never {
    const [first, values] = args;
    if (isConfig(first) && first.name === undefined) {
      const params = Array.isArray(values) ? values.length : (first.values?.length ?? 0);
      const name = statementName(first.text, params);
      if (name) args[0] = { ...first, name };
    }
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}

/** The prepared statement name of a read, or null for what stays unnamed. */
export function statementName(text: string, params: number): string | null {
  if (params > MAX_PARAMS || text.length > MAX_TEXT || !/^\s*select\b/i.test(text)) return null;
  return `v${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
}
