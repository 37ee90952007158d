import type { Db } from './database';

/**
 * A query built once per database handle and executed with placeholders (`sql.placeholder`),
 * for the reads every request makes: building a query costs more CPU than running it.
 * Transactions have their own handle and get their own statement.
 */
export function preparedPer<T>(build: (db: Db) => T): (db: Db) => T {
  const statements = new WeakMap<Db, T>();
  return (db) => {
    let statement = statements.get(db);
    if (!statement) {
      statement = build(db);
      statements.set(db, statement);
    }
    return statement;
  };
}
