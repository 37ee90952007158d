import type { Actor } from '../../core/access/actor';
import { coversMunicipality, inScope, resolveScope } from '../../core/access/scope';
import { AppError, invalid, notFound } from '../../core/errors';
import { observedComparison, sumsFromFigures } from '../../core/objectivity/observedComparison';
import { formatIssue, issue, type ImportIssue } from '../../core/results/issues';
import type { Db } from '../../db/database';
import { listRuns } from '../../db/repositories/analysisRuns';
import { latestDoneRun } from '../../db/repositories/objectivityCard';
import {
  administrationSums,
  findOrgsByFisLogins,
  insertMark,
  lastMarkChange,
  listAdministrations,
  listMarks,
  listScopedMarks,
  updateMark,
} from '../../db/repositories/objectivityObserve';
import { findOrgById, findOrgsByIds, type OrgRow } from '../../db/repositories/organisations';
import { listSubjects } from '../../db/repositories/reference';
import { OBSERVATION_HEADER, parseObservations } from '../../importers/observations';
import type {
  ObservationChangeSummary,
  ObservationItem,
  ObservationList,
  ObservationRunStatus,
  ObservationsQuery,
  ObservedComparison,
} from '../../shared/objectivityObserve';
import { audit } from '../audit';
import type { ServiceDeps } from '../deps';
import { requireInScope, requireScope, requireWritable } from '../guard';
import { observerGapEvidence } from './observeEvidence';
import type { RunStore } from './runStore';

export type MarkSource = 'ui' | 'csv' | 'demo';

const yesNo = (v: boolean | null) => (v === null ? 'не известно' : v ? 'да' : 'нет');

/**
 * Observation marks («общественное наблюдение») of administrations: district staff set them in the
 * UI or import the analyze CLI's CSV; everyone with `objectivity.read` sees those of their scope.
 * The stored analysis reads them on its next run (see analysis/runs.ts); a change does not re-run
 * it, the status says the latest run is outdated.
 */
export class ObservationService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly runs: RunStore,
  ) {}

  /** Administrations with results in the caller's scope, with their marks and the run status. */
  async list(actor: Actor, query: ObservationsQuery): Promise<ObservationList> {
    const scope = await this.readScope(actor, query.orgId);
    const { db } = this.deps.database;
    const rows = await listAdministrations(db, {
      scope,
      year: query.year,
      subjectCode: query.subject,
      grade: query.grade,
      orgId: query.orgId,
    });
    // The run status is for those who change marks: whole municipalities they manage.
    const manage = resolveScope(actor, 'objectivity.manage');
    const municipalities = new Set(
      [...rows.map((r) => r.municipalityId), ...scope.municipalityIds].filter((m) =>
        coversMunicipality(manage, m),
      ),
    );
    return {
      rows: rows.map((r) => ({
        orgId: r.orgId,
        orgShortName: r.orgShortName,
        fisLogin: r.fisLogin,
        year: r.year,
        subject: r.subjectCode,
        subjectName: r.subjectName,
        grade: r.grade,
        works: r.works,
        observed: r.observed,
        marked: r.setAt !== null,
        source: r.source,
        setByLogin: r.setByLogin,
        setAt: r.setAt?.toISOString() ?? null,
      })),
      canManage: manage.granted,
      status: await Promise.all(
        [...municipalities].sort((a, b) => a - b).map((m) => this.status(m)),
      ),
    };
  }

  /** The read scope; a school filter outside it is not found. */
  private async readScope(actor: Actor, orgId: number | undefined) {
    const scope = requireScope(actor, 'objectivity.read');
    if (orgId === undefined) return scope;
    const found = await findOrgById(this.deps.database.db, orgId);
    if (!found) throw notFound('Организация');
    return requireInScope(
      actor,
      'objectivity.read',
      { orgId, municipalityId: found.org.municipalityId },
      'Организация',
    );
  }

  /** Whether the municipality's latest analysis run started before the marks last changed. */
  async status(municipalityId: number): Promise<ObservationRunStatus> {
    const { db } = this.deps.database;
    const changed = await lastMarkChange(db, municipalityId);
    const [run] = await listRuns(db, [municipalityId], 1);
    return {
      municipalityId,
      lastMarkChange: changed?.toISOString() ?? null,
      latestRunId: run?.id ?? null,
      latestRunStartedAt: run?.startedAt.toISOString() ?? null,
      outdated: !!run && !!changed && changed.getTime() > run.startedAt.getTime(),
    };
  }

  /** Sets marks (one, or a filtered selection at once); unchanged ones are left as they are. */
  async set(
    actor: Actor,
    items: readonly ObservationItem[],
    source: MarkSource = 'ui',
  ): Promise<ObservationChangeSummary> {
    requireScope(actor, 'objectivity.manage');
    const out = await this.deps.database.transaction(async ({ db }) => {
      const orgs = new Map(
        (await findOrgsByIds(db, [...new Set(items.map((i) => i.orgId))])).map((o) => [o.id, o]),
      );
      for (const i of items) {
        const org = orgs.get(i.orgId);
        if (!org) throw notFound('Организация');
        requireWritable(
          actor,
          'objectivity.read',
          'objectivity.manage',
          { orgId: org.id, municipalityId: org.municipalityId },
          'Организация',
        );
      }
      return this.apply(db, actor, items, orgs, source, null);
    });
    return out.summary;
  }

  /**
   * Imports the observations CSV (header `Логин ОО;Год;Предмет;Параллель;Общественное
   * наблюдение`): all or nothing, every problem named with file, row and column; logins unknown
   * or outside the caller's scope are refused. Re-importing the same file changes nothing.
   */
  async importCsv(
    actor: Actor,
    fileName: string,
    bytes: Uint8Array,
  ): Promise<ObservationChangeSummary> {
    const scope = requireScope(actor, 'objectivity.manage');
    const out = await this.deps.database.transaction(async ({ db }) => {
      const subjects = await listSubjects(db);
      const parsed = parseObservations(fileName, bytes, subjects);
      const errors: ImportIssue[] = parsed.issues.filter((i) => i.severity === 'error');
      const units = [...parsed.observed].map(([key, observed]) => {
        const [login, year, subject, grade] = key.split('|') as [string, string, string, string];
        return { key, login, year: Number(year), subject, grade: Number(grade), observed };
      });
      const byLogin = new Map(
        (await findOrgsByFisLogins(db, [...new Set(units.map((u) => u.login))])).map((o) => [
          o.fisLogin as string,
          o,
        ]),
      );
      const formatErrors = errors.length;
      const reported = new Set<string>();
      for (const u of units) {
        const org = byLogin.get(u.login);
        const reachable =
          org && inScope(scope, { orgId: org.id, municipalityId: org.municipalityId });
        if (reachable || reported.has(u.login)) continue;
        reported.add(u.login);
        errors.push(
          issue(
            { file: fileName, sheet: null },
            'error',
            `логин ОО «${u.login}» не найден среди организаций, доступных вам`,
            parsed.rowOf.get(u.key) ?? null,
            `1 «${OBSERVATION_HEADER[0]}»`,
          ),
        );
      }
      if (errors.length) {
        errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
        const more = errors.length > 5 ? ` (и ещё ошибок: ${errors.length - 5})` : '';
        const message = `Файл не загружен. ${errors.slice(0, 5).map(formatIssue).join('; ')}${more}`;
        // Only schools the caller cannot reach: the file names records that are not found.
        if (!formatErrors) throw new AppError('NOT_FOUND', message, { issues: errors });
        throw invalid(message, { issues: errors });
      }
      const orgs = new Map([...byLogin.values()].map((o) => [o.id, o]));
      const items = units.map((u) => ({
        orgId: (byLogin.get(u.login) as OrgRow).id,
        year: u.year,
        subject: u.subject,
        grade: u.grade,
        observed: u.observed,
      }));
      return this.apply(db, actor, items, orgs, 'csv', fileName);
    });
    return out.summary;
  }

  /** Stored «да»/«нет» marks of the caller's scope in the CSV format the import reads. */
  async exportCsv(
    actor: Actor,
    query: ObservationsQuery,
  ): Promise<{ fileName: string; bytes: Buffer }> {
    const scope = await this.readScope(actor, query.orgId);
    const rows = await listScopedMarks(this.deps.database.db, {
      scope,
      year: query.year,
      subjectCode: query.subject,
      grade: query.grade,
      orgId: query.orgId,
    });
    const lines = [OBSERVATION_HEADER.join(';')];
    for (const r of rows) {
      if (!r.fisLogin) continue;
      lines.push([r.fisLogin, r.year, r.subjectName, r.grade, yesNo(r.observed)].join(';'));
    }
    return {
      fileName: 'общественное_наблюдение.csv',
      bytes: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'),
    };
  }

  /** Observed vs unobserved results of one school with the observerGap evidence of the last run. */
  async comparison(actor: Actor, orgId: number): Promise<ObservedComparison> {
    const { db } = this.deps.database;
    const found = await findOrgById(db, orgId);
    if (!found) throw notFound('Организация');
    const org = found.org;
    requireInScope(
      actor,
      'objectivity.read',
      { orgId, municipalityId: org.municipalityId },
      'Организация',
    );
    // The municipality side comes from the figures stored with the latest run (reading the
    // municipality's works on every card would cost seconds on a large municipality).
    const latest = await latestDoneRun(db, org.municipalityId);
    const empty = { results: [], figures: [] };
    const [school, municipal, own, marks, subjects] = await Promise.all([
      administrationSums(db, org.municipalityId, orgId),
      latest ? this.runs.share(latest, null) : empty,
      latest ? this.runs.share(latest, orgId) : empty,
      listMarks(db, [orgId]),
      listSubjects(db),
    ]);
    const municipality = municipal.figures
      .filter((row) => !row.subject.includes(':'))
      .map((row) => sumsFromFigures({ ...row.figures.figures, subject: row.subject }));
    const status = new Map(
      marks.map((m) => [`${m.subjectCode}|${m.mark.grade}|${m.mark.year}`, m.mark.observed]),
    );
    const rows = observedComparison(
      school,
      municipality,
      (subject, grade, year) => status.get(`${subject}|${grade}|${year}`) ?? null,
    );
    const results = own.results.map((result) => ({ result }));
    const names = new Map(subjects.map((s) => [s.code, s.name]));
    return {
      orgId,
      orgShortName: org.shortName,
      runId: latest?.id ?? null,
      rows: rows.map((r) => {
        const subjectName = names.get(r.subject) ?? r.subject;
        return {
          ...r,
          subjectName,
          evidence: observerGapEvidence(results, subjectName, r.grade),
        };
      }),
    };
  }

  /** Writes the changed marks and one audit entry per school with before → after. */
  private async apply(
    db: Db,
    actor: Actor,
    items: readonly ObservationItem[],
    orgs: ReadonlyMap<number, OrgRow>,
    source: MarkSource,
    fileName: string | null,
  ): Promise<{ summary: ObservationChangeSummary }> {
    const subjects = new Map((await listSubjects(db)).map((s) => [s.code, s]));
    const existing = new Map(
      (await listMarks(db, [...orgs.keys()])).map((m) => [
        `${m.mark.orgId}|${m.mark.year}|${m.subjectCode}|${m.mark.grade}`,
        m.mark,
      ]),
    );
    const now = this.deps.now();
    const changes = new Map<
      number,
      { before: Record<string, string>; after: Record<string, string> }
    >();
    const seen = new Map<string, boolean | null>();
    let unchanged = 0;
    for (const item of items) {
      const subject = subjects.get(item.subject);
      if (!subject) throw invalid(`Предмет «${item.subject}» не найден в справочнике предметов`);
      const key = `${item.orgId}|${item.year}|${item.subject}|${item.grade}`;
      if (seen.has(key) && seen.get(key) !== item.observed)
        throw invalid('Для одной и той же работы указаны разные значения');
      if (seen.has(key)) continue;
      seen.set(key, item.observed);
      const before = existing.get(key);
      if (before ? before.observed === item.observed : item.observed === null) {
        unchanged++;
        continue;
      }
      const patch = { observed: item.observed, source, setByLogin: actor.login, setAt: now };
      if (before) await updateMark(db, before.id, patch);
      else {
        const org = orgs.get(item.orgId) as OrgRow;
        await insertMark(db, {
          ...patch,
          orgId: item.orgId,
          municipalityId: org.municipalityId,
          year: item.year,
          subjectId: subject.id,
          grade: item.grade,
        });
      }
      const label = `${item.year}, ${subject.name}, ${item.grade} класс`;
      const entry = changes.get(item.orgId) ?? { before: {}, after: {} };
      entry.before[label] = before ? yesNo(before.observed) : 'не отмечено';
      entry.after[label] = yesNo(item.observed);
      changes.set(item.orgId, entry);
    }
    for (const [orgId, change] of changes) {
      const org = orgs.get(orgId) as OrgRow;
      const count = Object.keys(change.after).length;
      await audit(db, actor, {
        action: 'update',
        entity: 'observation_mark',
        entityId: orgId,
        municipalityId: org.municipalityId,
        orgId,
        summary: `Общественное наблюдение ${org.shortName}: изменено отметок ${count}${fileName ? ` (файл «${fileName}»)` : ''}`,
        before: change.before,
        after: change.after,
      });
    }
    const changed = [...changes.values()].reduce((a, c) => a + Object.keys(c.after).length, 0);
    return { summary: { rows: items.length, changed, unchanged } };
  }
}
