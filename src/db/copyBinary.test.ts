import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, smallint, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db';
import { BinaryRows } from './copyBinary';
import type { Database } from './database';

interface Row {
  n: number | null;
  s: number | null;
  t: string | null;
  b: boolean;
  a: (number | null)[];
}

const rows: Row[] = [
  { n: 1, s: -32768, t: 'A-15', b: true, a: [0, 1, 32767] },
  { n: -2147483648, s: 32767, t: 'Класс «5А»', b: false, a: [null, -1, null] },
  { n: 2147483647, s: null, t: null, b: true, a: [] },
  { n: null, s: 0, t: '', b: false, a: [7] },
];

/** All rows, many times over, through buffers small enough to split them into many chunks. */
function* encode(times: number): Generator<Uint8Array<ArrayBuffer>> {
  const out = new BinaryRows(256);
  for (let k = 0; k < times; k++) {
    for (const r of rows) {
      const done = out.reserve(
        2 + 5 * 4 + 4 + 2 + 1 + 3 * (r.t?.length ?? 0) + 24 + 6 * r.a.length,
      );
      if (done) yield done;
      out.fields(5);
      out.int4(r.n);
      out.int2(r.s);
      out.text(r.t);
      out.bool(r.b);
      out.beginInt2Array(r.a.length);
      for (const v of r.a) out.item(v);
      out.endArray();
    }
  }
  if (out.length) yield out.take();
}

const probe = pgTable('copy_binary_probe', {
  n: integer('n'),
  s: smallint('s'),
  t: text('t'),
  b: boolean('b').notNull(),
  a: smallint('a').array().notNull(),
});

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.execute(
    sql.raw(
      'create table copy_binary_probe (n integer, s smallint, t text, b boolean, a smallint[])',
    ),
  );
});
afterAll(() => database.close());

describe('binary COPY', () => {
  it('loads every value exactly, across chunk boundaries', async () => {
    await database.transaction((tx) =>
      tx.copyBinary('copy_binary_probe', ['n', 's', 't', 'b', 'a'], encode(100)),
    );
    const read = await database.db.select().from(probe);
    expect(read).toHaveLength(rows.length * 100);
    expect(read.slice(0, rows.length)).toEqual(rows);
    expect(read.slice(-rows.length)).toEqual(rows);
  });

  it('refuses a value that does not fit its column type', () => {
    const out = new BinaryRows();
    out.reserve(100);
    expect(() => out.int2(32768)).toThrow('does not fit smallint');
    expect(() => out.int2(1.5)).toThrow('does not fit smallint');
    expect(() => out.int4(2 ** 31)).toThrow('does not fit integer');
  });
});
