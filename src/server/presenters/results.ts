import { describeTestKey } from '../../core/results/types';
import type { findBatch, WorkRow } from '../../db/repositories/resultImports';
import type { CatalogTest } from '../../db/repositories/testCatalog';
import {
  BATCH_STATUS_LABELS,
  BATCH_STATUSES,
  RESULTS_FILE_KIND_LABELS,
  type BatchView,
  type ImportPreviewView,
  type TestView,
  type WorkView,
} from '../../shared/results';
import type { ImportPlan } from '../../services/results/plan';

export const presentTest = (t: CatalogTest): TestView => ({
  id: t.id,
  name: describeTestKey(t, t.subjectName),
  procedure: t.procedure,
  year: t.year,
  session: t.session,
  subjectId: t.subjectId,
  subjectCode: t.subjectCode,
  subjectName: t.subjectName,
  grade: t.grade,
  form: t.form,
  tasks: t.tasks.map((task) => ({
    code: task.code,
    max: task.max,
    level: task.level,
    skill: task.skill ?? null,
  })),
  maxTotal: t.maxTotal,
  cutScores: t.cutScores,
  structureCertainty: t.structureCertainty,
  scaleCertainty: t.scaleCertainty,
  source: t.source,
});

export function presentPreview(uploadKey: string, plan: ImportPlan): ImportPreviewView {
  const structure = plan.analysis?.structure;
  const kind = plan.parsed.kind;
  return {
    uploadKey,
    fileName: plan.fileName,
    sheet: plan.parsed.sheet,
    kind,
    kindLabel: kind ? RESULTS_FILE_KIND_LABELS[kind] : null,
    testName: plan.testName,
    testId: plan.catalogTest?.id ?? null,
    tasks: (structure?.tasks ?? []).map((t) => ({
      code: t.code,
      max: t.max,
      level: t.level,
      skill: t.skill ?? null,
    })),
    maxTotal: structure?.maxTotal ?? null,
    cutScores: structure?.cutScores ?? null,
    schools: plan.schools.map((s) => ({
      login: s.login,
      name: s.name,
      municipality: s.municipality,
      orgId: s.org?.id ?? null,
      orgName: s.org?.shortName ?? null,
      willCreate: s.createIn !== null,
      works: s.works,
      absent: s.absent,
      classes: s.classes,
      replacesBatchId: s.replacesBatchId,
    })),
    works: plan.parsed.works.length,
    absent: plan.parsed.works.absentCount(),
    alreadyImported: plan.alreadyImported,
    ok: plan.ok,
    issues: plan.issues,
  };
}

type BatchRecord = NonNullable<Awaited<ReturnType<typeof findBatch>>>;

const isStatus = (s: string): s is BatchView['status'] =>
  (BATCH_STATUSES as readonly string[]).includes(s);

export function presentBatch(r: BatchRecord): BatchView {
  const status = isStatus(r.batch.status) ? r.batch.status : 'undone';
  return {
    id: r.batch.id,
    fileName: r.fileName,
    fileKind: r.fileKind,
    sha256: r.sha256,
    testId: r.batch.testId,
    testName: describeTestKey(
      {
        procedure: r.procedure as TestView['procedure'],
        year: r.year,
        session: r.session as TestView['session'],
        subjectCode: '',
        grade: r.grade,
        form: r.form,
      },
      r.subjectName,
    ),
    orgId: r.batch.orgId,
    orgName: r.orgShortName,
    orgLogin: r.orgFisLogin,
    status,
    statusLabel: BATCH_STATUS_LABELS[status],
    replacesId: r.batch.replacesId,
    works: r.batch.worksCount,
    absent: r.batch.absentCount,
    importedAt: r.importedAt.toISOString(),
    importedBy: r.importedByLogin,
    undoneAt: r.batch.undoneAt?.toISOString() ?? null,
    undoneBy: r.batch.undoneByLogin,
  };
}

export const presentWork = (w: WorkRow, links: Map<string, string>): WorkView => ({
  id: w.id,
  participantCode: w.participantCode,
  className: w.className,
  variant: w.variant,
  absent: w.absent,
  scores: w.scores,
  total: w.total,
  testScore: w.testScore,
  mark: w.mark,
  markFromFile: w.markFromFile,
  journalMark: w.journalMark,
  studentCode: links.get(w.participantCode) ?? null,
});
