import {
  DEADLINE_KIND_LABELS,
  DEADLINE_KINDS,
  parseDeadline,
  type DeadlineKind,
} from '../../core/plans/deadline';
import {
  EVIDENCE_RECORD_LABELS,
  PLAN_LEVEL_LABELS,
  type EvidenceRecordKind,
} from '../../core/plans/model';
import { progressOf, type Progress } from '../../core/plans/progress';
import {
  ACTIVITY_STATUS_LABELS,
  daysUntil,
  effectiveStatus,
  isDueSoon,
  type SettableStatus,
} from '../../core/plans/status';
import type { ActivityRow, PlanRow } from '../../db/repositories/plans';
import type { PlanColumnDef } from '../../db/schema/plans';
import type { PlanImport } from '../../importers/plans';
import type { PlanBundle } from '../../services/plans/bundle';
import type { PlanActivityService } from '../../services/plans/activities';
import type { TaskItem } from '../../services/plans/tracking';
import type {
  ActivityDetailView,
  ActivityView,
  ImportPreviewView,
  PlanSummaryView,
  PlanView,
  SchoolTaskView,
  TaskItemView,
} from '../../shared/plans';

const kindOf = (k: string): DeadlineKind =>
  (DEADLINE_KINDS as readonly string[]).includes(k) ? (k as DeadlineKind) : 'unparsed';

const deadlineOf = (a: {
  deadlineText: string;
  deadlineKind: string;
  deadlineFrom: string | null;
  deadlineTo: string | null;
}) => ({
  text: a.deadlineText,
  kind: kindOf(a.deadlineKind),
  kindLabel: DEADLINE_KIND_LABELS[kindOf(a.deadlineKind)],
  from: a.deadlineFrom,
  to: a.deadlineTo,
});

const approvalOf = (p: PlanRow) =>
  p.approvalName || p.approvalPosition
    ? {
        position: p.approvalPosition ?? '',
        name: p.approvalName ?? '',
        orderNumber: p.approvalOrderNumber,
        orderDate: p.approvalOrderDate,
      }
    : null;

export function presentPlanSummary(
  r: { plan: PlanRow; orgName: string },
  progress: Progress,
): PlanSummaryView {
  return {
    id: r.plan.id,
    municipalityId: r.plan.municipalityId,
    orgId: r.plan.orgId,
    orgName: r.orgName,
    level: r.plan.level,
    levelLabel: PLAN_LEVEL_LABELS[r.plan.level],
    title: r.plan.title,
    periodStart: r.plan.periodStart,
    periodEnd: r.plan.periodEnd,
    approval: approvalOf(r.plan),
    progress,
    updatedAt: r.plan.updatedAt.toISOString(),
  };
}

export function presentPlanList(result: {
  rows: { plan: PlanRow; orgName: string }[];
  statuses: { planId: number; status: SettableStatus; deadlineTo: string | null }[];
  today: string;
}): PlanSummaryView[] {
  return result.rows.map((r) =>
    presentPlanSummary(
      r,
      progressOf(
        result.statuses.filter((s) => s.planId === r.plan.id),
        result.today,
      ),
    ),
  );
}

type ExecutorRow = PlanBundle['executors'][number];
type TargetRow = PlanBundle['targets'][number];
type SchoolTaskRow = PlanBundle['schoolTasks'][number];

export function presentActivity(
  a: ActivityRow,
  executors: ExecutorRow[],
  targets: TargetRow[],
  schoolTasks: SchoolTaskRow[],
  today: string,
): ActivityView {
  const effective = effectiveStatus(a.status, a.deadlineTo, today);
  const tasks = schoolTasks.filter((t) => t.task.activityId === a.id);
  return {
    id: a.id,
    planId: a.planId,
    sectionId: a.sectionId,
    objectiveId: a.objectiveId,
    parentId: a.parentId,
    position: a.position,
    number: a.number,
    text: a.text,
    deadline: deadlineOf(a),
    result: a.result,
    participants: a.participants,
    executorsText: a.executorsText,
    executors: executors
      .filter((e) => e.executor.activityId === a.id)
      .map((e) => ({
        label: e.executor.label,
        kind: e.executor.kind,
        orgId: e.executor.orgId,
        orgName: e.orgName,
        userId: e.executor.userId,
        userName: e.userName,
      })),
    targetSchools: targets
      .filter((t) => t.activityId === a.id)
      .map((t) => ({ orgId: t.orgId, name: t.name })),
    unmatchedSchoolNumbers: a.unmatchedSchoolNumbers,
    status: a.status,
    effectiveStatus: effective,
    statusLabel: ACTIVITY_STATUS_LABELS[effective],
    statusChangedAt: a.statusChangedAt?.toISOString() ?? null,
    schools: tasks.length
      ? progressOf(
          tasks.map((t) => ({ status: t.task.status, deadlineTo: a.deadlineTo })),
          today,
        )
      : null,
  };
}

export function presentPlan(b: PlanBundle): PlanView {
  return {
    ...presentPlanSummary(b, progressOf(b.activities, b.today)),
    place: b.plan.place,
    goals: b.plan.goals,
    columns: b.plan.columns as PlanColumnDef[],
    sourcePlanId: b.plan.sourcePlanId,
    objectives: b.objectives.map((o) => ({ id: o.id, text: o.text })),
    sections: b.sections.map((s) => ({ id: s.id, number: s.number, title: s.title })),
    activities: b.activities.map((a) =>
      presentActivity(a, b.executors, b.targets, b.schoolTasks, b.today),
    ),
    canManage: b.canManage,
    canExecute: b.canExecute,
  };
}

function presentSchoolTask(
  t: SchoolTaskRow,
  deadlineTo: string | null,
  today: string,
  evidenceCount: number,
): SchoolTaskView {
  const effective = effectiveStatus(t.task.status, deadlineTo, today);
  return {
    id: t.task.id,
    activityId: t.task.activityId,
    orgId: t.task.orgId,
    orgName: t.orgName,
    status: t.task.status,
    effectiveStatus: effective,
    statusLabel: ACTIVITY_STATUS_LABELS[effective],
    statusChangedAt: t.task.statusChangedAt?.toISOString() ?? null,
    evidenceCount,
  };
}

type Detail = Awaited<ReturnType<PlanActivityService['detail']>>;

export function presentDetail(d: Detail): ActivityDetailView {
  const entry = (e: { id: number; schoolTaskId: number | null; userName: string; at: Date }) => ({
    id: e.id,
    schoolTaskId: e.schoolTaskId,
    userName: e.userName,
    at: e.at.toISOString(),
  });
  const status = d.task ? d.task.status : d.activity.status;
  const effective = effectiveStatus(status, d.activity.deadlineTo, d.today);
  return {
    activity: {
      ...presentActivity(d.activity, d.executors, d.targets, d.schoolTasks, d.today),
      ...(d.task
        ? {
            status,
            effectiveStatus: effective,
            statusLabel: ACTIVITY_STATUS_LABELS[effective],
            statusChangedAt: d.task.statusChangedAt?.toISOString() ?? null,
          }
        : {}),
    },
    plan: {
      id: d.plan.id,
      title: d.plan.title,
      orgId: d.plan.orgId,
      municipalityId: d.plan.municipalityId,
      level: d.plan.level,
    },
    schoolTask: d.task
      ? presentSchoolTask(
          { task: d.task, orgName: d.task.orgName },
          d.activity.deadlineTo,
          d.today,
          d.evidenceCounts.get(d.task.id) ?? 0,
        )
      : null,
    schoolTasks: d.schoolTasks.map((t) =>
      presentSchoolTask(t, d.activity.deadlineTo, d.today, d.evidenceCounts.get(t.task.id) ?? 0),
    ),
    comments: d.comments.map((c) => ({ ...entry(c), text: c.text })),
    evidence: d.evidence.map((e) => ({
      ...entry(e.evidence),
      kind: e.evidence.kind,
      recordKind: e.evidence.recordKind,
      recordKindLabel:
        EVIDENCE_RECORD_LABELS[e.evidence.recordKind as EvidenceRecordKind] ??
        e.evidence.recordKind,
      title: e.evidence.title,
      url: e.evidence.url,
      recordId: e.evidence.recordId,
      documentId: e.evidence.documentId,
      fileName: e.fileName,
    })),
    history: d.history.map((h) => ({
      ...entry(h),
      fromStatus: h.fromStatus,
      toStatus: h.toStatus,
      note: h.note,
    })),
    responsible: d.responsible,
    responsibleCandidates: d.responsibleCandidates,
    canManage: d.canManage,
    canExecute: d.canExecute,
  };
}

export function presentTaskItem(i: TaskItem, today: string): TaskItemView {
  const effective = effectiveStatus(i.status, i.activity.deadlineTo, today);
  return {
    kind: i.kind,
    id: i.id,
    activityId: i.activity.id,
    planId: i.activity.planId,
    planTitle: i.planTitle,
    number: i.activity.number,
    text: i.activity.text,
    deadline: deadlineOf(i.activity),
    orgId: i.orgId,
    orgName: i.orgName,
    executorsText: i.activity.executorsText,
    status: i.status,
    effectiveStatus: effective,
    statusLabel: ACTIVITY_STATUS_LABELS[effective],
    daysLeft: i.activity.deadlineTo ? daysUntil(i.activity.deadlineTo, today) : null,
    dueSoon: isDueSoon(i.status, i.activity.deadlineTo, today),
  };
}

export function presentPreview(
  fileName: string,
  imp: PlanImport,
  period: { start: string; end: string } | null,
): ImportPreviewView {
  const { header, structure } = imp;
  return {
    fileName,
    title: header.title,
    level: header.level,
    periodStart: header.period?.start ?? null,
    periodEnd: header.period?.end ?? null,
    approval: header.approval,
    goals: header.goals,
    objectives: structure.tasks,
    sample: imp.sample,
    mapping: imp.mapping,
    sections: structure.sections,
    activities: structure.activities.map((a) => ({
      number: a.number,
      text: a.text,
      deadline: a.deadline,
      deadlineKind: parseKind(a.deadline, period),
      executors: a.executors,
      section: a.sectionIndex === null ? null : (structure.sections[a.sectionIndex]?.title ?? null),
      subRow: a.parentIndex !== null,
    })),
  };
}

const parseKind = (text: string, period: { start: string; end: string } | null) =>
  parseDeadline(text, period).kind;
