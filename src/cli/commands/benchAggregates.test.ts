import { describe, expect, it } from 'vitest';
import { tinyTest } from '../../core/analytics/testing';
import type { Dataset } from '../../core/analytics/types';
import { aggregatesDiffer, duckdbAggregates, engineAggregates } from './benchAggregates';

/**
 * Two tests, three schools. Test 0: school 0 has marks 5, 3, 2 with journal 4, 3, 3 (one raised,
 * one confirmed, one lowered) and a work without a mark; school 1 has marks 4, 4 without journal
 * marks. Test 1: school 2 only, mark 3 with journal 5 (lowered) and mark 4 with journal 4.
 */
const data: Dataset = {
  schools: ['sch1', 'sch2', 'sch3'],
  classes: [],
  tests: [
    tinyTest([
      { school: 0, total: 9, mark: 5, journal: 4 },
      { school: 1, total: 6, mark: 4 },
      { school: 0, total: 3, mark: 3, journal: 3 },
      { school: 0, total: 1, mark: 2, journal: 3 },
      { school: 1, total: 7, mark: 4 },
      { school: 0, total: 0, journal: 4 },
    ]),
    tinyTest([
      { school: 2, total: 4, mark: 3, journal: 5 },
      { school: 2, total: 6, mark: 4, journal: 4 },
    ]),
  ],
  observed: new Map(),
};

describe('shared aggregates: engine and DuckDB', () => {
  it('the engine counts marks and the journal comparison per school and test', () => {
    const rows = engineAggregates(data);
    expect(rows.map((r) => [r.test, r.school])).toEqual([
      [0, 0],
      [0, 1],
      [1, 2],
    ]);
    expect(rows[0]).toMatchObject({
      participants: 4,
      marks: [1, 1, 0, 1],
      markPercent: [33.3, 33.3, 0, 33.3],
      pairs: 3,
      lowered: 1,
      confirmed: 1,
      raised: 1,
      journalPercent: [33.3, 33.3, 33.3],
    });
    expect(rows[1]).toMatchObject({ marks: [0, 0, 2, 0], pairs: 0, journalPercent: null });
    expect(rows[2]).toMatchObject({ pairs: 2, lowered: 1, confirmed: 1, raised: 0 });
  });

  it('DuckDB gives the same numbers', async () => {
    const duck = await duckdbAggregates(data);
    expect(aggregatesDiffer(engineAggregates(data), duck.rows)).toBeNull();
    expect(duck.threads).toBeGreaterThan(0);
  });

  it('a difference is reported', () => {
    const rows = engineAggregates(data);
    const changed = rows.map((r, i) => (i === 2 ? { ...r, raised: 9 } : r));
    expect(aggregatesDiffer(rows, changed)).toMatch(/^строка 3:/);
    expect(aggregatesDiffer(rows, rows.slice(1))).toMatch(/разное число строк/);
  });
});
