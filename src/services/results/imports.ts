import type { Readable } from 'node:stream';
import type { Actor } from '../../core/access/actor';
import type { AppError } from '../../core/errors';
import { invalid, notFound } from '../../core/errors';
import { formatIssue, type ImportIssue } from '../../core/results/issues';
import type { TestDef } from '../../core/results/types';
import type { Db, Tx } from '../../db/database';
import { findOrgById, insertOrgs, type OrgRow } from '../../db/repositories/organisations';
import {
  copyWorks,
  findActiveBatches,
  findBatch,
  insertBatches,
  insertResultFile,
  listBatches,
  setBatchesReplaced,
  setBatchStatus,
} from '../../db/repositories/resultImports';
import { orgScopeWhere } from '../../db/repositories/scope';
import {
  findTestById,
  insertTest,
  testColumns,
  updateTest,
  type CatalogTest,
} from '../../db/repositories/testCatalog';
import { resultBatches } from '../../db/schema';
import { audit, auditMany } from '../audit';
import type { ServiceDeps } from '../deps';
import { requireScope, requireWritable } from '../guard';
import {
  buildImportPlan,
  type ImportPlan,
  type ImportRequest,
  type PlanOptions,
  type SchoolPlan,
} from './plan';
import { workColumns } from './workColumns';

export interface ImportOutcome {
  status: 'imported' | 'already_imported';
  fileName: string;
  testId: number;
  testName: string;
  batchIds: number[];
  works: number;
  schoolsCreated: string[];
  replacedBatchIds: number[];
  /** Warnings and notes of the file (errors refuse it instead). */
  issues: ImportIssue[];
}

/** Called inside the import transaction after each school's works are loaded. */
export type ImportProgress = (done: {
  school: string;
  works: number;
  index: number;
  of: number;
}) => void | Promise<void>;

const readAll = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
};

/** The first errors as one Russian message; all of them in `details`. */
function refusal(plan: ImportPlan): AppError {
  const errors = plan.issues.filter((i) => i.severity === 'error');
  const shown = errors.slice(0, 5).map(formatIssue);
  const more =
    errors.length > shown.length ? ` (и ещё ошибок: ${errors.length - shown.length})` : '';
  return invalid(`Файл не загружен. ${shown.join('; ')}${more}`, { issues: plan.issues });
}

/** Called after an import is committed or undone, with the municipalities whose results changed. */
export type ResultsChanged = (
  actor: Actor,
  municipalityIds: number[],
  change: 'import' | 'undo',
) => Promise<void>;

export class ResultImportService {
  private readonly listeners: ResultsChanged[] = [];

  constructor(private readonly deps: ServiceDeps) {}

  /** Registers a listener (the stored analysis re-runs this way). */
  onResultsChanged(listener: ResultsChanged): void {
    this.listeners.push(listener);
  }

  private async notify(actor: Actor, municipalityIds: number[], change: 'import' | 'undo') {
    if (!municipalityIds.length) return;
    for (const listener of this.listeners) await listener(actor, municipalityIds, change);
  }

  /** The school chosen in the upload form must be one the caller may import for. */
  private async requireChosenSchool(actor: Actor, orgId: number | undefined) {
    if (orgId === undefined) return;
    const row = await findOrgById(this.deps.database.db, orgId);
    if (!row) throw notFound('Организация');
    requireWritable(
      actor,
      'result.read',
      'result.import',
      { orgId, municipalityId: row.org.municipalityId },
      'Организация',
    );
  }

  /** Stores the upload and returns the plan: nothing in the database changes. */
  async preview(actor: Actor, req: ImportRequest, options: PlanOptions = { createSchools: false }) {
    requireScope(actor, 'result.import');
    await this.requireChosenSchool(actor, req.choice.orgId);
    if (!req.bytes.length) throw invalid(`Файл «${req.fileName}» пуст`);
    const stored = await this.deps.storage.put(req.bytes);
    const plan = await buildImportPlan(this.deps.database.db, actor, req, options);
    return { uploadKey: stored.key, plan };
  }

  /** Imports a file uploaded earlier by `preview`. */
  async commitUpload(
    actor: Actor,
    uploadKey: string,
    fileName: string,
    choice: ImportRequest['choice'],
  ): Promise<ImportOutcome> {
    requireScope(actor, 'result.import');
    await this.requireChosenSchool(actor, choice.orgId);
    let bytes: Buffer;
    try {
      bytes = await readAll(await this.deps.storage.open(uploadKey));
    } catch {
      throw invalid('Загруженный файл не найден: загрузите его ещё раз');
    }
    return this.importFile(
      actor,
      { fileName, bytes, choice },
      { createSchools: false },
      undefined,
      uploadKey,
    );
  }

  /**
   * Imports one file in one transaction: the test (created or completed from the file), schools
   * (CLI only), one batch per school replacing the earlier active one, works by COPY. Refused
   * files change nothing; the same bytes again change nothing.
   */
  async importFile(
    actor: Actor,
    req: ImportRequest,
    options: PlanOptions,
    progress?: ImportProgress,
    storedKey?: string,
  ): Promise<ImportOutcome> {
    requireScope(actor, 'result.import');
    if (!req.bytes.length) throw invalid(`Файл «${req.fileName}» пуст`);
    const plan = await buildImportPlan(this.deps.database.db, actor, req, options);
    if (!plan.ok) throw refusal(plan);
    if (plan.alreadyImported && plan.catalogTest) {
      return {
        status: 'already_imported',
        fileName: req.fileName,
        testId: plan.catalogTest.id,
        testName: plan.testName ?? '',
        batchIds: [],
        works: 0,
        schoolsCreated: [],
        replacedBatchIds: [],
        issues: plan.issues,
      };
    }
    const storageKey = storedKey ?? (await this.deps.storage.put(req.bytes)).key;
    const applied = await this.deps.database.transaction(async (tx) => {
      // The batches to replace are read again inside the transaction.
      if (plan.catalogTest) {
        const active = await findActiveBatches(
          tx.db,
          plan.catalogTest.id,
          plan.schools.flatMap((s) => (s.org ? [s.org.id] : [])),
        );
        for (const s of plan.schools) {
          s.replacesBatchId = active.find((b) => b.orgId === s.org?.id)?.id ?? null;
        }
      }
      return this.apply(tx, actor, plan, storageKey, progress);
    });
    const { municipalityIds, ...outcome } = applied;
    await this.notify(actor, municipalityIds, 'import');
    return outcome;
  }

  private async apply(
    tx: Tx,
    actor: Actor,
    plan: ImportPlan,
    storageKey: string,
    progress?: ImportProgress,
  ): Promise<ImportOutcome & { municipalityIds: number[] }> {
    const { db } = tx;
    const analysis = plan.analysis;
    const key = plan.key;
    if (!analysis?.structure.tasks || !key || plan.subjectId === null) throw refusal(plan);
    const test = await this.settleTest(db, actor, plan);
    const schoolsCreated: string[] = [];
    const file = await insertResultFile(db, {
      sha256: plan.sha256,
      fileName: plan.fileName,
      kind: plan.parsed.kind ?? 'individual',
      testId: test.id,
      storageKey,
      importedBy: actor.system ? null : actor.userId,
      importedByLogin: actor.login,
    });
    const batchIds: number[] = [];
    // Batch and organisation per school (by its index in the analysis); -1: not loaded.
    const batchOf = new Int32Array(analysis.schools.length).fill(-1);
    const orgOf = new Int32Array(analysis.schools.length).fill(-1);
    // Per-school rows go in multi-row statements: a region file names ~2,000 schools.
    const toCreate = plan.schools.filter((s) => !s.org && s.createIn !== null && s.login);
    const created = await this.createSchools(db, actor, toCreate);
    for (const org of created) schoolsCreated.push(`${org.fisLogin ?? ''} «${org.shortName}»`);
    const createdByLogin = new Map(created.map((o) => [o.fisLogin, o]));
    const targets = plan.schools.flatMap((school) => {
      const org = school.org ?? createdByLogin.get(school.login) ?? null;
      return org ? [{ school, org }] : [];
    });
    const replaced = targets.flatMap((t) =>
      t.school.replacesBatchId ? [t.school.replacesBatchId] : [],
    );
    await setBatchesReplaced(db, replaced);
    const batches = await insertBatches(
      db,
      targets.map(({ school, org }) => ({
        fileId: file.id,
        testId: test.id,
        orgId: org.id,
        municipalityId: org.municipalityId,
        status: 'active' as const,
        replacesId: school.replacesBatchId,
        worksCount: school.works,
        absentCount: school.absent,
      })),
    );
    const loaded: { org: OrgRow; works: number; summary: number }[] = [];
    let works = 0;
    for (const [k, { school, org }] of targets.entries()) {
      const batch = batches[k] as (typeof batches)[number];
      batchOf[school.summary] = batch.id;
      orgOf[school.summary] = org.id;
      batchIds.push(batch.id);
      loaded.push({ org, works: school.works, summary: school.summary });
      works += school.works;
    }
    await auditMany(
      db,
      actor,
      targets.map(({ school, org }, k) => ({
        action: 'import',
        entity: 'result_batch',
        entityId: batches[k]?.id ?? null,
        municipalityId: org.municipalityId,
        orgId: org.id,
        summary: `Загружены результаты «${plan.testName}» для «${org.shortName}» из файла «${plan.fileName}»: работ ${school.works}${school.replacesBatchId ? `, заменена загрузка № ${school.replacesBatchId}` : ''}`,
        after: {
          fileName: plan.fileName,
          sha256: plan.sha256,
          works: school.works,
          replacesId: school.replacesBatchId,
        },
      })),
    );
    // COPY in slices so that progress is reported while the transaction loads: a school is
    // reported once the slice holding its last work is in.
    const columns = workColumns(analysis, test.id, batchOf, orgOf);
    const lastAt = new Int32Array(analysis.schools.length).fill(-1);
    for (let k = 0; k < columns.length; k++) lastAt[columns.schoolIndex(k)] = k;
    const pending = loaded.sort((a, b) => (lastAt[a.summary] ?? 0) - (lastAt[b.summary] ?? 0));
    const slice = Math.min(20_000, Math.max(1_000, Math.ceil(columns.length / 20)));
    let reported = 0;
    for (let from = 0; from < columns.length || reported < pending.length; from += slice) {
      const to = Math.min(columns.length, from + slice);
      await copyWorks(tx, columns, from, to);
      while (reported < pending.length && (lastAt[pending[reported]?.summary ?? 0] ?? 0) < to) {
        const l = pending[reported++] as (typeof pending)[number];
        await progress?.({
          school: l.org.shortName,
          works: l.works,
          index: reported,
          of: plan.schools.length,
        });
      }
    }
    return {
      status: 'imported',
      fileName: plan.fileName,
      testId: test.id,
      testName: plan.testName ?? '',
      batchIds,
      works,
      schoolsCreated,
      replacedBatchIds: replaced,
      issues: plan.issues,
      municipalityIds: [...new Set(targets.map((t) => t.org.municipalityId))],
    };
  }

  /** The catalog entry for the file's test: created from the file, or completed where empty. */
  private async settleTest(db: Db, actor: Actor, plan: ImportPlan): Promise<CatalogTest> {
    const key = plan.key;
    const structure = plan.analysis?.structure;
    if (!key || !structure || plan.subjectId === null) throw refusal(plan);
    const fill = structure.fill;
    const current = plan.catalogTest;
    if (!current) {
      const def: TestDef = {
        ...key,
        tasks: structure.tasks ?? [],
        maxTotal: structure.maxTotal,
        cutScores: structure.cutScores,
        structureCertainty: 'file',
        scaleCertainty: structure.cutScores ? 'file' : null,
        source: `Выведено из файла «${plan.fileName}»`,
      };
      const row = await insertTest(db, testColumns(def, plan.subjectId));
      await audit(db, actor, {
        action: 'create',
        entity: 'assessment_test',
        entityId: row.id,
        municipalityId: null,
        orgId: null,
        summary: `В каталог добавлена работа «${plan.testName}» по файлу «${plan.fileName}»`,
        after: row,
      });
      return (await findTestById(db, row.id)) as CatalogTest;
    }
    if (fill.tasks || fill.maxTotal !== undefined || fill.cutScores) {
      const next: TestDef = {
        ...current,
        tasks: fill.tasks ?? current.tasks,
        maxTotal: fill.maxTotal ?? current.maxTotal,
        cutScores: current.cutScores ?? fill.cutScores ?? null,
        structureCertainty:
          fill.tasks && !current.tasks.length ? 'file' : current.structureCertainty,
        scaleCertainty: !current.cutScores && fill.cutScores ? 'file' : current.scaleCertainty,
      };
      await updateTest(db, current.id, testColumns(next, current.subjectId));
      await audit(db, actor, {
        action: 'update',
        entity: 'assessment_test',
        entityId: current.id,
        municipalityId: null,
        orgId: null,
        summary: `Каталог дополнен по файлу «${plan.fileName}»: «${plan.testName}»`,
        before: { tasks: current.tasks, maxTotal: current.maxTotal, cutScores: current.cutScores },
        after: { tasks: next.tasks, maxTotal: next.maxTotal, cutScores: next.cutScores },
      });
      return (await findTestById(db, current.id)) as CatalogTest;
    }
    return current;
  }

  /** Schools a municipal export names but the registry lacks (CLI), with an audit entry each. */
  private async createSchools(db: Db, actor: Actor, schools: SchoolPlan[]): Promise<OrgRow[]> {
    const rows = await insertOrgs(
      db,
      schools.map((s) => {
        const shortName = s.name?.trim() || `ОО ${s.login ?? ''}`;
        return {
          municipalityId: s.createIn as number,
          category: 'school' as const,
          kind: 'school',
          fisLogin: s.login,
          fullName: shortName,
          shortName,
        };
      }),
    );
    await auditMany(
      db,
      actor,
      rows.map((row) => ({
        action: 'create',
        entity: 'organisation',
        entityId: row.id,
        municipalityId: row.municipalityId,
        orgId: row.id,
        summary: `Создана ОО «${row.shortName}» (${row.fisLogin ?? ''}) по выгрузке результатов`,
        after: row,
      })),
    );
    return rows;
  }

  async history(
    actor: Actor,
    q: { orgId?: number | undefined; testId?: number | undefined; page: number; pageSize: number },
  ) {
    const scope = requireScope(actor, 'result.read');
    return listBatches(this.deps.database.db, {
      scope: orgScopeWhere(scope, resultBatches.orgId, resultBatches.municipalityId),
      orgId: q.orgId,
      testId: q.testId,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
  }

  /** Undoes an active batch; the batch it replaced, if any, becomes active again. */
  async undo(actor: Actor, batchId: number) {
    const undone = await this.deps.database.transaction(async ({ db }) => {
      const row = await findBatch(db, batchId);
      if (!row) throw notFound('Загрузка');
      requireWritable(
        actor,
        'result.read',
        'result.import',
        { orgId: row.batch.orgId, municipalityId: row.batch.municipalityId },
        'Загрузка',
      );
      if (row.batch.status !== 'active') {
        throw invalid('Отменить можно только действующую загрузку');
      }
      await setBatchStatus(db, batchId, 'undone', actor.login);
      let restored: number | null = null;
      if (row.batch.replacesId) {
        const previous = await findBatch(db, row.batch.replacesId);
        if (previous?.batch.status === 'replaced') {
          await setBatchStatus(db, previous.batch.id, 'active');
          restored = previous.batch.id;
        }
      }
      await audit(db, actor, {
        action: 'undo',
        entity: 'result_batch',
        entityId: batchId,
        municipalityId: row.batch.municipalityId,
        orgId: row.batch.orgId,
        summary: `Отменена загрузка результатов № ${batchId} («${row.fileName}», «${row.orgShortName}»)${restored ? `; снова действует загрузка № ${restored}` : ''}`,
        before: { status: 'active' },
        after: { status: 'undone', restored },
      });
      return (await findBatch(db, batchId)) as NonNullable<Awaited<ReturnType<typeof findBatch>>>;
    });
    await this.notify(actor, [undone.batch.municipalityId], 'undo');
    return undone;
  }
}
