import type { Actor } from '../../core/access/actor';
import { coversMunicipality } from '../../core/access/scope';
import { analyze, ENGINE_VERSION } from '../../core/analytics/analyze';
import { buildDataset, type InputTest } from '../../core/analytics/build';
import { buildDossier } from '../../core/analytics/dossier';
import { unitKey } from '../../core/analytics/types';
import { forbidden, invalid, notFound } from '../../core/errors';
import {
  findRun,
  insertResults,
  insertRun,
  listMunicipalityTests,
  listMunicipalityWorks,
  listRunResults,
  listRuns,
  updateRun,
  type AnalysisRunRow,
} from '../../db/repositories/analysisRuns';
import { listMunicipalityMarks } from '../../db/repositories/objectivityObserve';
import { findOrgsByIds } from '../../db/repositories/organisations';
import { subjectName } from '../../importers/analytics/loadResults';
import { audit } from '../audit';
import type { ServiceDeps } from '../deps';
import { requireInScope, requireScope } from '../guard';
import { loadRegion, storeRunFigures } from '../objectivity/runFigures';

export type RunTrigger = 'manual' | 'cli' | 'import' | 'undo' | 'demo';

export interface RunRequest {
  municipalityId?: number | undefined;
  q?: number | undefined;
  years?: number[] | undefined;
  procedure?: string | undefined;
}

export interface RunProgress {
  (message: string): void;
}

const SUPPORT_Q = 0.1;

/** Stored runs of the objectivity engine over a municipality's active works. */
export class AnalysisRunService {
  private deferring = 0;
  private readonly deferred = new Set<number>();

  constructor(private readonly deps: ServiceDeps) {}

  /**
   * Runs `work` (e.g. importing many files) without re-running the analysis after each change;
   * returns the municipalities whose results changed, for the caller to run once at the end.
   */
  async deferReruns<T>(work: () => Promise<T>): Promise<{ result: T; changed: number[] }> {
    this.deferring++;
    try {
      const result = await work();
      return { result, changed: [...this.deferred] };
    } finally {
      this.deferring--;
      if (!this.deferring) this.deferred.clear();
    }
  }

  /** The municipality a run is for: the one asked, or the only one in the caller's reach. */
  private async municipalityFor(actor: Actor, requested: number | undefined): Promise<number> {
    const scope = requireScope(actor, 'analysis.run');
    if (requested !== undefined) {
      if (!coversMunicipality(scope, requested)) throw forbidden();
      return requested;
    }
    if (scope.municipalityIds.length === 1) return scope.municipalityIds[0] as number;
    throw invalid('Укажите муниципалитет, для которого выполняется анализ');
  }

  /** Reads the municipality's active works into the engine's input (absent works included). */
  private async loadInput(municipalityId: number, procedure: string, years?: number[]) {
    const { db } = this.deps.database;
    const tests = (await listMunicipalityTests(db, municipalityId, procedure)).filter(
      (t) => !years?.length || years.includes(t.test.year),
    );
    const inputs: InputTest[] = [];
    const orgIds = new Set<number>();
    let works = 0;
    for (const { test, subjectCode } of tests) {
      const rows = await listMunicipalityWorks(db, municipalityId, test.id);
      const { min3, min4, min5 } = test;
      inputs.push({
        subject: test.form ? `${subjectCode}:${test.form}` : subjectCode,
        grade: test.grade,
        year: test.year,
        tasks: test.tasks.map((t) => ({ code: t.code, max: t.max, level: t.level })),
        cuts: min3 !== null && min4 !== null && min5 !== null ? [min3, min4, min5] : null,
        works: rows.map((w) => {
          orgIds.add(w.orgId);
          return {
            school: String(w.orgId),
            className: w.className,
            scores: w.scores,
            total: w.total,
            mark: w.mark,
            journal: w.journalMark,
            absent: w.absent,
          };
        }),
      });
      works += rows.length;
    }
    // Observation marks «да»/«нет» by the engine's unit key (school = String(orgId)); a subject
    // with forms (rus:базовая) takes the mark of its subject.
    const variants = new Map<string, Set<string>>();
    for (const { test, subjectCode } of tests) {
      const set = variants.get(subjectCode) ?? new Set<string>();
      set.add(test.form ? `${subjectCode}:${test.form}` : subjectCode);
      variants.set(subjectCode, set);
    }
    const observed = new Map<string, boolean>();
    for (const m of await listMunicipalityMarks(db, municipalityId)) {
      if (m.observed === null) continue;
      for (const subject of variants.get(m.subjectCode) ?? [])
        observed.set(unitKey(String(m.orgId), subject, m.grade, m.year), m.observed);
    }
    return { inputs, observed, orgIds: [...orgIds], works };
  }

  /** Starts a run for the caller (district staff) and waits for it. */
  async start(
    actor: Actor,
    req: RunRequest,
    trigger: RunTrigger = 'manual',
    progress?: RunProgress,
  ) {
    const municipalityId = await this.municipalityFor(actor, req.municipalityId);
    const q = req.q ?? 0.05;
    if (!(q > 0 && q < 1)) throw invalid(`Уровень q должен быть числом от 0 до 1, получено «${q}»`);
    return this.run(actor, municipalityId, { ...req, q }, trigger, progress);
  }

  /**
   * Runs the engine and stores the run: the row is created as `running` first (so its status is
   * visible), results and the final status are written in one transaction; a failure is stored
   * as `failed` with its message. Never throws for engine or data problems.
   */
  async run(
    actor: Actor,
    municipalityId: number,
    req: RunRequest & { q: number },
    trigger: RunTrigger,
    progress: RunProgress = () => {},
  ): Promise<AnalysisRunRow> {
    const { database } = this.deps;
    const procedure = req.procedure ?? 'vpr';
    const run = await insertRun(database.db, {
      municipalityId,
      procedure,
      q: req.q,
      supportQ: SUPPORT_Q,
      years: req.years ?? [],
      engineVersion: ENGINE_VERSION,
      trigger,
      status: 'running',
      startedByLogin: actor.login,
      startedAt: this.deps.now(),
    });
    try {
      progress(`Запуск № ${run.id}: чтение результатов из базы…`);
      const input = await this.loadInput(municipalityId, procedure, req.years);
      progress(
        `Прочитано работ: ${input.works}, работ (предмет × класс × год): ${input.inputs.length}`,
      );
      const { data, problems } = buildDataset(input.inputs, input.observed);
      data.region = await loadRegion(database.db, municipalityId, procedure);
      const result = analyze(data, { q: req.q, supportQ: SUPPORT_Q });
      progress(`Анализ выполнен: школо-лет ${result.schools.length}`);
      const orgs = new Map((await findOrgsByIds(database.db, input.orgIds)).map((o) => [o.id, o]));
      const years = [...new Set(result.schools.map((s) => s.year))].sort((a, b) => a - b);
      const flagged = result.schools.filter((s) => s.flagged).length;
      const notes = problems.map(
        (p) => `${subjectName(p.subject)}, ${p.grade} класс, ${p.year}: ${p.message}`,
      );
      return await database.transaction(async ({ db }) => {
        await insertResults(
          db,
          result.schools.map((s) => {
            const orgId = Number(s.school);
            const dossier = buildDossier(s, subjectName);
            return {
              runId: run.id,
              orgId,
              schoolLogin: orgs.get(orgId)?.fisLogin ?? '',
              year: s.year,
              p: s.p,
              score: s.score,
              qValue: s.q,
              flagged: s.flagged,
              supportList: s.supportList,
              yearsInRow: s.yearsInRow,
              tests: s.tests,
              dossier: {
                summary: dossier.summary,
                evidence: dossier.evidence,
                caveats: dossier.caveats,
                driver: s.driver ? { ...s.driver, subject: subjectName(s.driver.subject) } : null,
                units: s.units.map((u) => ({
                  subject: subjectName(u.subject),
                  grade: u.grade,
                  works: u.works,
                  classes: u.classes.map((c) => ({ name: c.name, works: c.works })),
                })),
              },
            };
          }),
        );
        await storeRunFigures(db, run.id, municipalityId, data, result);
        const finished = {
          status: 'done',
          error: notes.length ? `Не вошли в анализ: ${notes.join('; ')}` : null,
          years,
          schools: new Set(result.schools.map((s) => s.school)).size,
          flagged,
          works: input.works,
          finishedAt: this.deps.now(),
        };
        await updateRun(db, run.id, finished);
        await audit(db, actor, {
          action: 'create',
          entity: 'analysis_run',
          entityId: run.id,
          municipalityId,
          orgId: null,
          summary: `Анализ объективности № ${run.id} (q = ${req.q}): школо-лет ${result.schools.length}, с признаками ${flagged}`,
          after: { ...finished, q: req.q, procedure, trigger, engineVersion: ENGINE_VERSION },
        });
        return (await findRun(db, run.id)) as AnalysisRunRow;
      });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      await database.transaction(async ({ db }) => {
        await updateRun(db, run.id, {
          status: 'failed',
          error: message,
          finishedAt: this.deps.now(),
        });
        await audit(db, actor, {
          action: 'create',
          entity: 'analysis_run',
          entityId: run.id,
          municipalityId,
          orgId: null,
          summary: `Анализ объективности № ${run.id} завершился ошибкой: ${message}`,
          after: { status: 'failed', error: message },
        });
      });
      return (await findRun(database.db, run.id)) as AnalysisRunRow;
    }
  }

  /** Re-runs the analysis after results changed, with the parameters of the last run. */
  async rerun(actor: Actor, municipalityIds: readonly number[], trigger: RunTrigger) {
    if (this.deferring) {
      for (const id of municipalityIds) this.deferred.add(id);
      return;
    }
    for (const municipalityId of new Set(municipalityIds))
      await this.rerunNow(actor, municipalityId, trigger);
  }

  /** Runs now with the parameters (q, procedure) of the municipality's last run. */
  async rerunNow(actor: Actor, municipalityId: number, trigger: RunTrigger) {
    const [last] = await listRuns(this.deps.database.db, [municipalityId], 1);
    return this.run(
      actor,
      municipalityId,
      { q: last?.q ?? 0.05, procedure: last?.procedure ?? 'vpr' },
      trigger,
    );
  }

  /** Municipalities whose runs the caller may see at all (whole or some of their schools). */
  private async visibleMunicipalities(actor: Actor): Promise<number[] | 'any'> {
    const scope = requireScope(actor, 'analysis.read');
    if (scope.any) return 'any';
    const orgs = await findOrgsByIds(this.deps.database.db, scope.orgIds);
    return [...new Set([...scope.municipalityIds, ...orgs.map((o) => o.municipalityId)])];
  }

  /** One school the caller may read (404 otherwise). */
  private async requireSchool(actor: Actor, orgId: number) {
    const [org] = await findOrgsByIds(this.deps.database.db, [orgId]);
    if (!org) throw notFound('Организация');
    requireInScope(
      actor,
      'analysis.read',
      { orgId, municipalityId: org.municipalityId },
      'Организация',
    );
    return org;
  }

  /** Runs the caller may see, newest first; with `orgId`, the runs covering that school. */
  async list(actor: Actor, orgId?: number) {
    if (orgId !== undefined) {
      const org = await this.requireSchool(actor, orgId);
      return listRuns(this.deps.database.db, [org.municipalityId]);
    }
    return listRuns(this.deps.database.db, await this.visibleMunicipalities(actor));
  }

  /** A run with the school-year results the caller may see (with `orgId`, that school's only). */
  async get(actor: Actor, id: number, orgId?: number) {
    const scope = requireScope(actor, 'analysis.read');
    const { db } = this.deps.database;
    const run = await findRun(db, id);
    if (!run) throw notFound('Запуск анализа');
    if (orgId !== undefined) {
      const org = await this.requireSchool(actor, orgId);
      if (org.municipalityId !== run.municipalityId) throw notFound('Запуск анализа');
      return { run, results: await listRunResults(db, id, [orgId]) };
    }
    const whole = coversMunicipality(scope, run.municipalityId);
    if (!whole) {
      const orgs = await findOrgsByIds(db, scope.orgIds);
      if (!orgs.some((o) => o.municipalityId === run.municipalityId))
        throw notFound('Запуск анализа');
    }
    const results = await listRunResults(db, id, whole ? null : scope.orgIds);
    return { run, results };
  }
}
