/**
 * The aggregates the engine shares with any SQL engine — per school and test (subject × grade ×
 * year): the mark distribution («Статистика по отметкам») and the journal comparison (Понизили /
 * Подтвердили / Повысили) — computed by the engine's own functions and, side by side for the
 * benchmark, by DuckDB over the same works. DuckDB is a dev dependency loaded only here, with a
 * dynamic import: production code never loads it.
 */
import { journalTable, markCounts, markStatistics } from '../../core/analytics/standardTables';
import type { Dataset } from '../../core/analytics/types';
import { schoolUnits } from '../../core/analytics/unit';

export interface UnitAggregate {
  /** Index into `Dataset.tests` and `Dataset.schools`. */
  test: number;
  school: number;
  participants: number;
  /** Works with marks 2, 3, 4, 5 and their % of the marked works (null when none). */
  marks: [number, number, number, number];
  markPercent: [number, number, number, number] | null;
  pairs: number;
  lowered: number;
  confirmed: number;
  raised: number;
  /** Понизили / Подтвердили / Повысили, % of pairs (null when none). */
  journalPercent: [number, number, number] | null;
}

/** The engine: units by school (`schoolUnits`), then the standard tables' counts and shares. */
export function engineAggregates(data: Dataset): UnitAggregate[] {
  const out: UnitAggregate[] = [];
  data.tests.forEach((test, t) => {
    for (const unit of schoolUnits(test)) {
      const counts = markCounts(test, unit.works);
      const marks = markStatistics(counts);
      const journal = journalTable(counts);
      out.push({
        test: t,
        school: unit.school,
        participants: counts.participants,
        marks: counts.marks,
        markPercent: marks.percent,
        pairs: journal.pairs,
        lowered: journal.lowered,
        confirmed: journal.confirmed,
        raised: journal.raised,
        journalPercent: journal.percent,
      });
    }
  });
  return out;
}

/** Shares as the standard tables round them: % with one decimal (half up). */
const share = (part: string, whole: string): string =>
  `CASE WHEN ${whole} > 0 THEN round(1000 * ${part}::DOUBLE / ${whole}) / 10 END`;

const AGGREGATES_SQL = `
WITH counts AS (
  SELECT test, school,
    count(*)::INTEGER AS participants,
    count(*) FILTER (WHERE mark = 2)::INTEGER AS m2,
    count(*) FILTER (WHERE mark = 3)::INTEGER AS m3,
    count(*) FILTER (WHERE mark = 4)::INTEGER AS m4,
    count(*) FILTER (WHERE mark = 5)::INTEGER AS m5,
    count(*) FILTER (WHERE mark >= 2)::INTEGER AS marked,
    count(*) FILTER (WHERE mark >= 2 AND journal >= 2)::INTEGER AS pairs,
    count(*) FILTER (WHERE mark >= 2 AND journal >= 2 AND mark < journal)::INTEGER AS lowered,
    count(*) FILTER (WHERE mark >= 2 AND journal >= 2 AND mark = journal)::INTEGER AS confirmed,
    count(*) FILTER (WHERE mark >= 2 AND journal >= 2 AND mark > journal)::INTEGER AS raised
  FROM works
  GROUP BY test, school
)
SELECT test, school, participants, m2, m3, m4, m5, marked,
  ${share('m2', 'marked')}, ${share('m3', 'marked')}, ${share('m4', 'marked')}, ${share('m5', 'marked')},
  pairs, lowered, confirmed, raised,
  ${share('lowered', 'pairs')}, ${share('confirmed', 'pairs')}, ${share('raised', 'pairs')}
FROM counts
ORDER BY test, school`;

export interface DuckDbRun {
  rows: UnitAggregate[];
  /** Creating the in-memory database and appending the works. */
  loadSeconds: number;
  /** The query, with its result read into the same objects as the engine's. */
  querySeconds: number;
  threads: number;
  version: string;
}

/** Rows per appended data chunk (DuckDB's vector size). */
const CHUNK = 2048;

/**
 * The same aggregates in DuckDB: the works' test, school, mark and journal mark are appended to
 * an in-memory table in data chunks (column vectors, no text), then one GROUP BY query.
 */
export async function duckdbAggregates(data: Dataset): Promise<DuckDbRun> {
  const duckdb = await import('@duckdb/node-api');
  const { DuckDBInstance, DuckDBDataChunk, SMALLINT, INTEGER, TINYINT } = duckdb;
  let started = performance.now();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(
      'CREATE TABLE works (test SMALLINT, school INTEGER, mark TINYINT, journal TINYINT)',
    );
    const appender = await connection.createAppender('works');
    const types = [SMALLINT, INTEGER, TINYINT, TINYINT];
    data.tests.forEach((test, t) => {
      for (let from = 0; from < test.n; from += CHUNK) {
        const to = Math.min(test.n, from + CHUNK);
        const chunk = DuckDBDataChunk.create(types, to - from);
        chunk.setColumns([
          new Array<number>(to - from).fill(t),
          Array.from(test.school.subarray(from, to)),
          Array.from(test.mark.subarray(from, to)),
          Array.from(test.journal.subarray(from, to)),
        ]);
        appender.appendDataChunk(chunk);
      }
    });
    appender.closeSync();
    const loadSeconds = (performance.now() - started) / 1000;

    started = performance.now();
    const reader = await connection.runAndReadAll(AGGREGATES_SQL);
    const rows = reader.getRowsJS().map((r): UnitAggregate => {
      const n = (i: number): number => r[i] as number;
      const maybe = (i: number): number | null => (r[i] === null ? null : n(i));
      return {
        test: n(0),
        school: n(1),
        participants: n(2),
        marks: [n(3), n(4), n(5), n(6)],
        markPercent: maybe(8) === null ? null : [n(8), n(9), n(10), n(11)],
        pairs: n(12),
        lowered: n(13),
        confirmed: n(14),
        raised: n(15),
        journalPercent: maybe(16) === null ? null : [n(16), n(17), n(18)],
      };
    });
    const querySeconds = (performance.now() - started) / 1000;
    const settings = await connection.runAndReadAll(
      "SELECT current_setting('threads')::INTEGER, version()",
    );
    const [threads, version] = settings.getRowsJS()[0] as [number, string];
    return { rows, loadSeconds, querySeconds, threads, version };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The first difference between two lists of aggregates, in Russian; null when identical. */
export function aggregatesDiffer(
  a: readonly UnitAggregate[],
  b: readonly UnitAggregate[],
): string | null {
  if (a.length !== b.length) return `разное число строк: ${a.length} и ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    const x = JSON.stringify(a[i]);
    const y = JSON.stringify(b[i]);
    if (x !== y) return `строка ${i + 1}: ${x} ≠ ${y}`;
  }
  return null;
}
