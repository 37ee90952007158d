import type { Actor } from '../../core/access/actor';
import { invalid } from '../../core/errors';
import { EVIDENCE_RECORD_LABELS, isRecordLinkKind } from '../../core/plans/model';
import { ACTIVITY_STATUS_LABELS, isoToday } from '../../core/plans/status';
import type { Db } from '../../db/database';
import { insertDocument } from '../../db/repositories/documents';
import {
  deleteActivity,
  listActivities,
  listExecutors,
  listObjectives,
  listSections,
  listTargets,
  maxActivityPosition,
  touchPlan,
  updateActivity,
  type ActivityRow,
} from '../../db/repositories/plans';
import {
  insertComment,
  insertEvidence,
  insertHistory,
  listComments,
  listEvidence,
  listHistory,
  listSchoolTasks,
  updateSchoolTask,
} from '../../db/repositories/planTracking';
import { MAX_DOCUMENT_BYTES } from '../../shared/documents';
import type {
  CreateActivityRequest,
  EvidenceLinkRequest,
  SetStatusRequest,
  UpdateActivityRequest,
} from '../../shared/plans';
import { audit } from '../audit';
import type { ServiceDeps } from '../deps';
import type { UploadedFile } from '../documents';
import {
  can,
  loadExecutable,
  loadTracked,
  loadWritablePlan,
  planTarget,
  type Tracked,
  type TrackedRef,
} from './access';
import { resolveRecord } from './records';
import { insertResolvedActivity, loadDirectory, updateResolvedActivity } from './resolve';
import { responsibleOf } from './assign';

export const shortText = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);
export const label = (a: ActivityRow) =>
  `${a.number ? `${a.number.replace(/\.$/, '')} ` : ''}«${shortText(a.text)}»`;

async function checkLinks(db: Db, planId: number, input: UpdateActivityRequest, selfId?: number) {
  if (input.sectionId && !(await listSections(db, planId)).some((s) => s.id === input.sectionId))
    throw invalid('Раздел не найден в этом плане');
  if (
    input.objectiveId &&
    !(await listObjectives(db, planId)).some((o) => o.id === input.objectiveId)
  )
    throw invalid('Задача не найдена в этом плане');
  const rows = await listActivities(db, [planId]);
  if (input.parentId) {
    const parent = rows.find((r) => r.id === input.parentId);
    if (!parent || parent.id === selfId || parent.parentId !== null)
      throw invalid('Родительское мероприятие должно быть пунктом этого же плана верхнего уровня');
  }
}

export class PlanActivityService {
  constructor(private readonly deps: ServiceDeps) {}

  private today() {
    return isoToday(this.deps.now());
  }

  async add(actor: Actor, planId: number, input: CreateActivityRequest) {
    return this.deps.database.transaction(async ({ db }) => {
      const { plan } = await loadWritablePlan(db, actor, planId);
      await checkLinks(db, planId, input);
      const dir = await loadDirectory(db, plan.municipalityId);
      const row = await insertResolvedActivity(
        db,
        planId,
        {
          sectionId: input.sectionId ?? null,
          objectiveId: input.objectiveId ?? null,
          parentId: input.parentId ?? null,
          position: (await maxActivityPosition(db, planId)) + 1,
          number: input.number ?? null,
          text: input.text,
          deadlineText: input.deadlineText ?? '',
          result: input.result ?? '',
          executorsText: input.executorsText ?? '',
          participants: input.participants ?? '',
        },
        { start: plan.periodStart, end: plan.periodEnd },
        dir,
      );
      await touchPlan(db, planId);
      await audit(db, actor, {
        action: 'create',
        entity: 'plan_activity',
        entityId: row.id,
        municipalityId: plan.municipalityId,
        orgId: plan.orgId,
        summary: `В план «${shortText(plan.title)}» добавлено мероприятие ${label(row)}`,
        after: row,
      });
      return row.id;
    });
  }

  async update(actor: Actor, id: number, input: UpdateActivityRequest) {
    await this.deps.database.transaction(async ({ db }) => {
      const { activity } = await loadTracked(db, actor, { activityId: id });
      const { plan } = await loadWritablePlan(db, actor, activity.planId);
      await checkLinks(db, plan.id, input, id);
      const dir = await loadDirectory(db, plan.municipalityId);
      const changes = Object.fromEntries(
        Object.entries(input).filter(([, v]) => v !== undefined),
      ) as Partial<ActivityRow>;
      const row = await updateResolvedActivity(
        db,
        activity,
        changes,
        { start: plan.periodStart, end: plan.periodEnd },
        dir,
      );
      await touchPlan(db, plan.id);
      await audit(db, actor, {
        action: 'update',
        entity: 'plan_activity',
        entityId: id,
        municipalityId: plan.municipalityId,
        orgId: plan.orgId,
        summary: `Изменено мероприятие ${label(row)} плана «${shortText(plan.title)}»`,
        before: Object.fromEntries(
          Object.keys(changes).map((k) => [k, activity[k as keyof ActivityRow]]),
        ),
        after: changes,
      });
    });
  }

  async remove(actor: Actor, id: number) {
    await this.deps.database.transaction(async ({ db }) => {
      const { activity } = await loadTracked(db, actor, { activityId: id });
      const { plan } = await loadWritablePlan(db, actor, activity.planId);
      await deleteActivity(db, id);
      await touchPlan(db, plan.id);
      await audit(db, actor, {
        action: 'delete',
        entity: 'plan_activity',
        entityId: id,
        municipalityId: plan.municipalityId,
        orgId: plan.orgId,
        summary: `Удалено мероприятие ${label(activity)} плана «${shortText(plan.title)}»`,
        before: activity,
      });
    });
  }

  /** An activity (or one school's task) with comments, evidence, history and schools' progress. */
  async detail(actor: Actor, ref: TrackedRef) {
    const { db } = this.deps.database;
    const t = await loadTracked(db, actor, ref);
    const taskId = t.task?.id ?? null;
    const showSchools = taskId === null && can(actor, 'plan.read', planTarget(t.plan));
    const schoolTasks = showSchools ? await listSchoolTasks(db, [t.activity.id]) : [];
    const evidenceAll = await listEvidence(db, t.activity.id, null, true);
    return {
      ...t,
      today: this.today(),
      executors: await listExecutors(db, [t.activity.id]),
      targets: await listTargets(db, [t.activity.id]),
      schoolTasks,
      evidenceCounts: countBy(evidenceAll.map((e) => e.evidence.schoolTaskId)),
      comments: await listComments(db, t.activity.id, taskId),
      evidence: await listEvidence(db, t.activity.id, taskId),
      history: await listHistory(db, t.activity.id, taskId),
      ...(await responsibleOf(db, t, can(actor, 'plan.execute', t.target))),
      canManage: taskId === null && can(actor, 'plan.manage', planTarget(t.plan)),
      canExecute: can(actor, 'plan.execute', t.target),
    };
  }

  private async tracked(
    actor: Actor,
    ref: TrackedRef,
    work: (db: Db, t: Tracked) => Promise<void>,
  ) {
    await this.deps.database.transaction(async ({ db }) => {
      const t = await loadExecutable(db, actor, ref);
      await work(db, t);
      await touchPlan(db, t.plan.id);
    });
    return this.detail(actor, ref);
  }

  private whose(t: Tracked) {
    return t.task ? ` (${t.task.orgName})` : '';
  }

  async setStatus(actor: Actor, ref: TrackedRef, input: SetStatusRequest) {
    return this.tracked(actor, ref, async (db, t) => {
      const from = t.task ? t.task.status : t.activity.status;
      if (from === input.status && !input.note) return;
      const at = this.deps.now();
      if (t.task)
        await updateSchoolTask(db, t.task.id, { status: input.status, statusChangedAt: at });
      else await updateActivity(db, t.activity.id, { status: input.status, statusChangedAt: at });
      await insertHistory(db, {
        activityId: t.activity.id,
        schoolTaskId: t.task?.id ?? null,
        userId: actor.system ? null : actor.userId,
        userName: actor.fullName,
        fromStatus: from,
        toStatus: input.status,
        note: input.note ?? null,
        at,
      });
      await audit(db, actor, {
        action: 'status',
        entity: t.task ? 'plan_school_task' : 'plan_activity',
        entityId: t.task?.id ?? t.activity.id,
        municipalityId: t.target.municipalityId,
        orgId: t.target.orgId,
        summary: `Мероприятие ${label(t.activity)}${this.whose(t)}: ${ACTIVITY_STATUS_LABELS[from]} → ${ACTIVITY_STATUS_LABELS[input.status]}`,
        before: { status: from },
        after: { status: input.status, note: input.note ?? null },
      });
    });
  }

  async comment(actor: Actor, ref: TrackedRef, text: string) {
    return this.tracked(actor, ref, async (db, t) => {
      const row = await insertComment(db, {
        activityId: t.activity.id,
        schoolTaskId: t.task?.id ?? null,
        userId: actor.system ? null : actor.userId,
        userName: actor.fullName,
        text,
        at: this.deps.now(),
      });
      await audit(db, actor, {
        action: 'comment',
        entity: 'plan_activity',
        entityId: t.activity.id,
        municipalityId: t.target.municipalityId,
        orgId: t.target.orgId,
        summary: `Комментарий к мероприятию ${label(t.activity)}${this.whose(t)}`,
        after: { id: row.id, text },
      });
    });
  }

  async addLink(actor: Actor, ref: TrackedRef, input: EvidenceLinkRequest) {
    return this.tracked(actor, ref, async (db, t) => {
      const kind = input.recordKind;
      const record =
        isRecordLinkKind(kind) && input.recordId
          ? await resolveRecord(db, actor, kind, input.recordId)
          : null;
      const title = input.title || record?.title || '';
      const url = record?.url ?? input.url ?? '';
      const row = await insertEvidence(db, {
        activityId: t.activity.id,
        schoolTaskId: t.task?.id ?? null,
        userId: actor.system ? null : actor.userId,
        userName: actor.fullName,
        kind: 'link',
        recordKind: kind,
        recordId: record ? (input.recordId ?? null) : null,
        url,
        title,
        at: this.deps.now(),
      });
      await audit(db, actor, {
        action: 'evidence',
        entity: 'plan_activity',
        entityId: t.activity.id,
        municipalityId: t.target.municipalityId,
        orgId: t.target.orgId,
        summary: `Подтверждение (${EVIDENCE_RECORD_LABELS[kind]}) «${title}» к мероприятию ${label(t.activity)}${this.whose(t)}`,
        after: { id: row.id, recordKind: kind, recordId: row.recordId, url },
      });
    });
  }

  /** Evidence as a file: stored as a document («Отчёт, справка») of the executing organisation. */
  async addFile(actor: Actor, ref: TrackedRef, title: string, file: UploadedFile) {
    if (!file.bytes.length) throw invalid(`Файл «${file.fileName}» пуст`);
    if (file.bytes.length > MAX_DOCUMENT_BYTES) {
      throw invalid(`Файл «${file.fileName}» больше ${MAX_DOCUMENT_BYTES / 1024 / 1024} МБ`);
    }
    const { db } = this.deps.database;
    await loadExecutable(db, actor, ref);
    const stored = await this.deps.storage.put(file.bytes);
    try {
      return await this.tracked(actor, ref, async (tx, t) => {
        const doc = await insertDocument(tx, {
          municipalityId: t.target.municipalityId,
          orgId: t.target.orgId,
          kind: 'report',
          title,
          description: `Подтверждение выполнения мероприятия ${label(t.activity)} плана «${shortText(t.plan.title)}»`,
          fileName: file.fileName,
          mimeType: file.mimeType,
          sizeBytes: stored.size,
          sha256: stored.sha256,
          storageKey: stored.key,
          uploadedBy: actor.system ? null : actor.userId,
        });
        await insertEvidence(tx, {
          activityId: t.activity.id,
          schoolTaskId: t.task?.id ?? null,
          userId: actor.system ? null : actor.userId,
          userName: actor.fullName,
          kind: 'file',
          recordKind: 'document',
          documentId: doc.id,
          url: null,
          title,
          at: this.deps.now(),
        });
        await audit(tx, actor, {
          action: 'evidence',
          entity: 'plan_activity',
          entityId: t.activity.id,
          municipalityId: t.target.municipalityId,
          orgId: t.target.orgId,
          summary: `Файл «${file.fileName}» приложен к мероприятию ${label(t.activity)}${this.whose(t)}`,
          after: { documentId: doc.id, title, sha256: stored.sha256 },
        });
      });
    } catch (error) {
      await this.deps.storage.remove(stored.key);
      throw error;
    }
  }
}

function countBy(keys: (number | null)[]): Map<number | null, number> {
  const m = new Map<number | null, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}
