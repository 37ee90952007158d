import type { Actor } from '../../core/access/actor';
import { notFound } from '../../core/errors';
import { summariseWorks } from '../../core/results/summary';
import { findOrgById, findOrgsByIds } from '../../db/repositories/organisations';
import { listActiveWorks, listTestsWithResults } from '../../db/repositories/resultImports';
import { orgScopeWhere } from '../../db/repositories/scope';
import { findTestById, listTests } from '../../db/repositories/testCatalog';
import { resultBatches } from '../../db/schema';
import type { ServiceDeps } from '../deps';
import { requireInScope, requireScope } from '../guard';

/** The results browser: tests with results in scope, and the works of one school. */
export class ResultsService {
  constructor(private readonly deps: ServiceDeps) {}

  async tests(actor: Actor) {
    const { db } = this.deps.database;
    const scope = requireScope(actor, 'result.read');
    const rows = await listTestsWithResults(
      db,
      orgScopeWhere(scope, resultBatches.orgId, resultBatches.municipalityId),
    );
    if (!rows.length) return [];
    const orgs = new Map(
      (await findOrgsByIds(db, [...new Set(rows.map((r) => r.orgId))])).map((o) => [o.id, o]),
    );
    const testIds = new Set(rows.map((r) => r.testId));
    const tests = (await listTests(db)).filter((t) => testIds.has(t.id));
    return tests.map((test) => ({
      test,
      schools: rows
        .filter((r) => r.testId === test.id)
        .map((r) => ({
          orgId: r.orgId,
          orgName: orgs.get(r.orgId)?.shortName ?? '',
          works: r.works,
          absent: r.absent,
        }))
        .sort((a, b) => a.orgName.localeCompare(b.orgName, 'ru', { numeric: true })),
    }));
  }

  async works(actor: Actor, testId: number, orgId: number, className?: string) {
    const { db } = this.deps.database;
    const org = await findOrgById(db, orgId);
    if (!org) throw notFound('Организация');
    requireInScope(
      actor,
      'result.read',
      { orgId, municipalityId: org.org.municipalityId },
      'Организация',
    );
    const test = await findTestById(db, testId);
    if (!test) throw notFound('Работа');
    const all = await listActiveWorks(db, testId, [orgId]);
    const classes = [...new Set(all.flatMap((w) => (w.className ? [w.className] : [])))].sort(
      (a, b) => a.localeCompare(b, 'ru', { numeric: true }),
    );
    const works = className ? all.filter((w) => w.className === className) : all;
    return {
      test,
      orgId,
      orgName: org.org.shortName,
      classes,
      works,
      summary: summariseWorks(works, test.tasks, test.maxTotal),
    };
  }
}
