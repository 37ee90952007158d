/**
 * The school card and the ФИС ОКО standard reports: read the figures stored with the newest
 * finished analysis run of the school's municipality (never recomputed from works per request),
 * the run's dossiers, and the imported regional aggregates.
 */
import type { Actor } from '../../core/access/actor';
import { coversMunicipality, type OrgScope } from '../../core/access/scope';
import type { Figures } from '../../core/objectivity/figures';
import {
  regionFigures,
  type RegionFigures,
  type RegionMissing,
} from '../../core/objectivity/figuresRegion';
import { invalid, notFound } from '../../core/errors';
import type { StoredDossier } from '../../db/schema/analysis';
import { findOrgById, findOrgsByIds } from '../../db/repositories/organisations';
import {
  latestDoneRun,
  listRegionAggregates,
  listRunSchools,
  regionOfMunicipality,
  type FiguresRow,
  type RegionAggregateRowDb,
} from '../../db/repositories/objectivityCard';
import { subjectName } from '../../importers/analytics/loadResults';
import type {
  CardQuery,
  ReportsQuery,
  SchoolCard,
  StandardReports,
  TestRef,
} from '../../shared/objectivityCard';
import type { ServiceDeps } from '../deps';
import { requireInScope, requireScope } from '../guard';
import type { RunStore } from './runStore';

type RunRow = NonNullable<Awaited<ReturnType<typeof latestDoneRun>>>;

const testRef = (t: { subject: string; grade: number; year: number }): TestRef => ({
  subject: t.subject,
  subjectName: subjectName(t.subject),
  grade: t.grade,
  year: t.year,
});

/** The asked test when it exists, else the newest year's first test (same subject/grade if given). */
function pickTest(tests: TestRef[], q: CardQuery): TestRef | null {
  const match = (t: TestRef) =>
    (q.subject === undefined || t.subject === q.subject) &&
    (q.grade === undefined || t.grade === q.grade) &&
    (q.year === undefined || t.year === q.year);
  return (
    tests.find(match) ??
    tests.find((t) => t.subject === q.subject && t.grade === q.grade) ??
    tests[0] ??
    null
  );
}

const runRef = (run: RunRow) => ({
  id: run.id,
  finishedAt: run.finishedAt ? run.finishedAt.toISOString() : null,
  engineVersion: run.engineVersion,
  q: run.q,
});

function sortTests(tests: TestRef[]): TestRef[] {
  return tests.sort(
    (a, b) =>
      b.year - a.year || a.subjectName.localeCompare(b.subjectName, 'ru') || a.grade - b.grade,
  );
}

const figuresOf = (
  rows: readonly FiguresRow[],
  t: { subject: string; grade: number; year: number },
) => rows.find((r) => r.subject === t.subject && r.grade === t.grade && r.year === t.year) ?? null;

/** One subject × grade over the years: marks and the journal comparison (the dynamics). */
const summaryOf = (rows: readonly FiguresRow[], t: { subject: string; grade: number }) =>
  rows
    .filter((r) => r.subject === t.subject && r.grade === t.grade)
    .map((r) => ({
      year: r.year,
      marks: r.figures.figures.marks,
      journalPercent: r.figures.figures.journal?.percent ?? null,
    }));

export class ObjectivityCardService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly runs: RunStore,
  ) {}

  /** Region figures of one test from the imported aggregates, on the stored task structure. */
  private async regionRows(municipalityId: number, procedure: string) {
    const { db } = this.deps.database;
    const regionId = await regionOfMunicipality(db, municipalityId);
    return regionId === null ? [] : listRegionAggregates(db, regionId, procedure);
  }

  private region(rows: RegionAggregateRowDb[], f: Figures): RegionFigures | RegionMissing {
    const row = rows.find(
      (r) => r.subject === f.subject && r.grade === f.grade && r.year === f.year,
    );
    return regionFigures(
      row
        ? {
            participants: row.participants,
            markPercent: row.markPercent,
            ...(row.journalPercent ? { journalPercent: row.journalPercent } : {}),
            taskPercent: row.taskPercent,
          }
        : undefined,
      {
        itemLabels: f.tasks.tasks.map((t) => t.task),
        itemLevels: f.tasks.tasks.map((t) => t.level),
        itemMax: Uint8Array.from(f.tasks.tasks.map((t) => t.max)),
      },
    );
  }

  /** One school's card (404 outside the caller's `objectivity.read` scope). */
  async card(actor: Actor, orgId: number, q: CardQuery): Promise<SchoolCard> {
    const { db } = this.deps.database;
    const org = (await findOrgById(db, orgId))?.org;
    if (!org) throw notFound('Организация');
    requireInScope(
      actor,
      'objectivity.read',
      { orgId, municipalityId: org.municipalityId },
      'Организация',
    );
    const school = {
      orgId,
      name: org.shortName,
      fullName: org.fullName,
      fisLogin: org.fisLogin,
      municipalityId: org.municipalityId,
    };
    const run = await latestDoneRun(db, org.municipalityId);
    if (!run)
      return {
        school,
        run: null,
        tests: [],
        selected: null,
        current: null,
        dynamics: [],
        results: [],
      };
    const [share, municipalShare, regionRows] = await Promise.all([
      this.runs.share(run, orgId),
      this.runs.share(run, null),
      this.regionRows(org.municipalityId, run.procedure),
    ]);
    const resultRows = share.results;
    const tests = sortTests(share.figures.map(testRef));
    const selected = pickTest(tests, q);
    const results = resultRows.map((r) => {
      const dossier = r.dossier as StoredDossier;
      return {
        year: r.year,
        p: r.p,
        q: r.qValue,
        flagged: r.flagged,
        supportList: r.supportList,
        yearsInRow: r.yearsInRow,
        summary: dossier.summary,
        evidence: dossier.evidence as SchoolCard['results'][number]['evidence'],
        caveats: dossier.caveats,
      };
    });
    if (!selected)
      return { school, run: runRef(run), tests, selected, current: null, dynamics: [], results };
    const currentRow = figuresOf(share.figures, selected);
    const municipalRow = figuresOf(municipalShare.figures, selected);
    const own = summaryOf(share.figures, selected);
    const municipal = summaryOf(municipalShare.figures, selected);
    const current = currentRow?.figures;
    const municipality = municipalRow?.figures.figures ?? null;
    const municipalYears = new Map(municipal.map((m) => [m.year, m]));
    return {
      school,
      run: runRef(run),
      tests,
      selected,
      current: current
        ? {
            school: current.figures,
            classes: current.classes,
            municipality,
            region: this.region(regionRows, current.figures),
          }
        : null,
      dynamics: own.map(({ year, marks, journalPercent }) => {
        const m = municipalYears.get(year);
        return {
          year,
          participants: marks.participants,
          percent: marks.percent,
          qualityRate: marks.qualityRate,
          successRate: marks.successRate,
          meanMark: marks.meanMark,
          journalPercent,
          municipalityQualityRate: m?.marks.qualityRate ?? null,
          municipalityJournalPercent: m?.journalPercent ?? null,
        };
      }),
      results,
    };
  }

  /** Whether the scope reaches the municipality as a whole or through some of its schools. */
  private async reachesMunicipality(scope: OrgScope, municipalityId: number) {
    if (coversMunicipality(scope, municipalityId)) return { whole: true, orgIds: null };
    const orgs = (await findOrgsByIds(this.deps.database.db, scope.orgIds)).filter(
      (o) => o.municipalityId === municipalityId,
    );
    return orgs.length ? { whole: false, orgIds: orgs.map((o) => o.id) } : null;
  }

  /** The municipality the reports are for: the school's, the asked one, or the caller's own. */
  private async reportMunicipality(actor: Actor, scope: OrgScope, q: ReportsQuery) {
    const { db } = this.deps.database;
    if (q.orgId !== undefined) {
      const org = (await findOrgById(db, q.orgId))?.org;
      if (!org) throw notFound('Организация');
      requireInScope(
        actor,
        'objectivity.read',
        { orgId: org.id, municipalityId: org.municipalityId },
        'Организация',
      );
      return org.municipalityId;
    }
    if (q.municipalityId !== undefined) return q.municipalityId;
    if (scope.municipalityIds.length) return scope.municipalityIds[0] as number;
    const [first] = await findOrgsByIds(db, scope.orgIds);
    if (first) return first.municipalityId;
    throw invalid('Укажите муниципалитет или школу');
  }

  /**
   * ФИС ОКО standard tables of one test: the chosen school, the municipality and the region
   * (when imported). Municipality and region rows are aggregates and are shown to everyone who
   * reaches a school of the municipality; schools are listed within the caller's scope.
   */
  async reports(actor: Actor, q: ReportsQuery): Promise<StandardReports> {
    const { db } = this.deps.database;
    const scope = requireScope(actor, 'objectivity.read');
    const municipalityId = await this.reportMunicipality(actor, scope, q);
    const reach = await this.reachesMunicipality(scope, municipalityId);
    if (!reach) throw notFound('Муниципалитет');
    const empty = {
      municipalityId,
      run: null,
      tests: [],
      selected: null,
      schools: [],
      school: null,
      municipality: null,
      region: null,
    };
    const run = await latestDoneRun(db, municipalityId);
    if (!run) return empty;
    const municipalShare = await this.runs.share(run, null);
    const tests = sortTests(municipalShare.figures.map(testRef));
    const selected = pickTest(tests, q);
    const schools = await listRunSchools(db, run.id, reach.orgIds);
    if (!selected) return { ...empty, run: runRef(run), tests, schools };
    const municipality = figuresOf(municipalShare.figures, selected)?.figures.figures ?? null;
    let school: StandardReports['school'] = null;
    if (q.orgId !== undefined) {
      const row = figuresOf((await this.runs.share(run, q.orgId)).figures, selected);
      const name = schools.find((s) => s.orgId === q.orgId)?.name ?? '';
      if (row) school = { orgId: q.orgId, name, figures: row.figures.figures };
    }
    return {
      municipalityId,
      run: runRef(run),
      tests,
      selected,
      schools,
      school,
      municipality,
      region: municipality
        ? this.region(await this.regionRows(municipalityId, run.procedure), municipality)
        : null,
    };
  }
}
