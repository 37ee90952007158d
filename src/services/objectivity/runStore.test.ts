import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { analysisResults } from '../../db/schema';
import { createTestDatabase } from '../../../test/db';
import { buildMunicipality, buildSchool } from '../../../test/factories';
import { storeRun } from '../../../test/objectivityFixtures';
import { RunStore } from './runStore';

let database: Database;
let municipalityId: number;
let orgId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  municipalityId = (await buildMunicipality(database.db, 'Район')).id;
  orgId = (await buildSchool(database.db, municipalityId, { fisLogin: 'sch500001' })).id;
});
afterAll(() => database.close());

const year = 2025;
const evidence = [{ subject: 'Математика', grade: 5, indicator: 'cutExcess', p: 0.001, n: 40 }];

describe('RunStore', () => {
  it('reads a finished run once: later reads come from memory', async () => {
    const run = await storeRun(
      database.db,
      municipalityId,
      [year],
      [{ orgId, login: 'sch500001', year, flagged: true, q: 0.01, evidence }],
    );
    const store = new RunStore(database);
    const [first, concurrent] = await Promise.all([
      store.share(run, orgId),
      store.share(run, orgId),
    ]);
    expect(concurrent).toBe(first);
    expect(first.results.map((r) => [r.year, r.flagged])).toEqual([[year, true]]);
    const screen = await store.screen(run, year);
    expect(screen.get(orgId)).toMatchObject({ flagged: true, q: 0.01, evidence });

    // The rows of a finished run never change; deleting them here proves the second read
    // does not go to the database.
    await database.db.delete(analysisResults).where(eq(analysisResults.runId, run.id));
    expect((await store.share(run, orgId)).results).toHaveLength(1);
    expect((await store.screen(run, year)).get(orgId)?.flagged).toBe(true);
    // A fresh store (another process) sees the database as it is.
    expect((await new RunStore(database).share(run, orgId)).results).toHaveLength(0);
  });

  it('does not keep a run that is not finished', async () => {
    const run = await storeRun(
      database.db,
      municipalityId,
      [year],
      [{ orgId, login: 'sch500001', year, flagged: false }],
    );
    const store = new RunStore(database);
    const running = { ...run, status: 'running' };
    expect((await store.share(running, orgId)).results).toHaveLength(1);
    await database.db.delete(analysisResults).where(eq(analysisResults.runId, run.id));
    expect((await store.share(running, orgId)).results).toHaveLength(0);
    expect((await store.screen(running, year)).size).toBe(0);
  });

  it('drops the least recently used shares beyond its memory bound', async () => {
    const run = await storeRun(
      database.db,
      municipalityId,
      [year],
      [{ orgId, login: 'sch500001', year, flagged: true, evidence }],
    );
    const store = new RunStore(database, 10);
    await store.share(run, orgId);
    await database.db.delete(analysisResults).where(eq(analysisResults.runId, run.id));
    expect((await store.share(run, orgId)).results).toHaveLength(0);
  });
});
