import { z } from 'zod';
import { DEADLINE_KINDS } from '../core/plans/deadline';
import { EXECUTOR_KINDS } from '../core/plans/executors';
import { EVIDENCE_RECORD_KINDS, PLAN_LEVELS, isRecordLinkKind } from '../core/plans/model';
import { ACTIVITY_STATUSES, SETTABLE_STATUSES } from '../core/plans/status';
import { PLAN_COLUMNS } from '../core/plans/table';
import { optionalText } from './common';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Дата в формате ГГГГ-ММ-ДД');

export const planColumnDef = z.object({ key: z.enum(PLAN_COLUMNS), title: z.string().max(200) });
export type PlanColumnDefView = z.infer<typeof planColumnDef>;

export const approvalView = z.object({
  position: z.string(),
  name: z.string(),
  orderNumber: z.string().nullable(),
  orderDate: z.string().nullable(),
});

export const progressView = z.object({
  total: z.number().int(),
  planned: z.number().int(),
  inProgress: z.number().int(),
  done: z.number().int(),
  overdue: z.number().int(),
  cancelled: z.number().int(),
});
export type ProgressView = z.infer<typeof progressView>;

export const planSummaryView = z.object({
  id: z.number().int(),
  municipalityId: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  level: z.enum(PLAN_LEVELS),
  levelLabel: z.string(),
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  approval: approvalView.nullable(),
  progress: progressView,
  updatedAt: z.string(),
});
export type PlanSummaryView = z.infer<typeof planSummaryView>;

export const deadlineView = z.object({
  text: z.string(),
  kind: z.enum(DEADLINE_KINDS),
  kindLabel: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});

export const executorView = z.object({
  label: z.string(),
  kind: z.enum(EXECUTOR_KINDS),
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  userId: z.number().int().nullable(),
  userName: z.string().nullable(),
});

export const activityView = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  sectionId: z.number().int().nullable(),
  objectiveId: z.number().int().nullable(),
  parentId: z.number().int().nullable(),
  position: z.number().int(),
  number: z.string().nullable(),
  text: z.string(),
  deadline: deadlineView,
  result: z.string(),
  participants: z.string(),
  executorsText: z.string(),
  executors: z.array(executorView),
  targetSchools: z.array(z.object({ orgId: z.number().int(), name: z.string() })),
  unmatchedSchoolNumbers: z.array(z.string()),
  status: z.enum(SETTABLE_STATUSES),
  effectiveStatus: z.enum(ACTIVITY_STATUSES),
  statusLabel: z.string(),
  statusChangedAt: z.string().nullable(),
  /** Progress of the schools' tasks when the activity was cascaded. */
  schools: progressView.nullable(),
});
export type ActivityView = z.infer<typeof activityView>;

export const planView = planSummaryView.extend({
  place: z.string().nullable(),
  goals: z.array(z.string()),
  columns: z.array(planColumnDef),
  sourcePlanId: z.number().int().nullable(),
  objectives: z.array(z.object({ id: z.number().int(), text: z.string() })),
  sections: z.array(
    z.object({ id: z.number().int(), number: z.string().nullable(), title: z.string() }),
  ),
  activities: z.array(activityView),
  canManage: z.boolean(),
  canExecute: z.boolean(),
});
export type PlanView = z.infer<typeof planView>;

const trackedEntry = {
  id: z.number().int(),
  schoolTaskId: z.number().int().nullable(),
  userName: z.string(),
  at: z.string(),
};
export const commentView = z.object({ ...trackedEntry, text: z.string() });
export const historyView = z.object({
  ...trackedEntry,
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  note: z.string().nullable(),
});
export const evidenceView = z.object({
  ...trackedEntry,
  kind: z.enum(['file', 'link']),
  recordKind: z.string(),
  recordKindLabel: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  recordId: z.number().int().nullable(),
  documentId: z.number().int().nullable(),
  fileName: z.string().nullable(),
});
export type CommentView = z.infer<typeof commentView>;
export type HistoryView = z.infer<typeof historyView>;
export type EvidenceView = z.infer<typeof evidenceView>;

export const schoolTaskView = z.object({
  id: z.number().int(),
  activityId: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  status: z.enum(SETTABLE_STATUSES),
  effectiveStatus: z.enum(ACTIVITY_STATUSES),
  statusLabel: z.string(),
  statusChangedAt: z.string().nullable(),
  evidenceCount: z.number().int(),
});
export type SchoolTaskView = z.infer<typeof schoolTaskView>;

export const personView = z.object({
  id: z.number().int(),
  fullName: z.string(),
  position: z.string().nullable(),
});
export type PersonView = z.infer<typeof personView>;

export const activityDetailView = z.object({
  activity: activityView,
  plan: z.object({
    id: z.number().int(),
    title: z.string(),
    orgId: z.number().int(),
    municipalityId: z.number().int(),
    level: z.enum(PLAN_LEVELS),
  }),
  /** Set when the detail is of one school's task. */
  schoolTask: schoolTaskView.nullable(),
  schoolTasks: z.array(schoolTaskView),
  comments: z.array(commentView),
  evidence: z.array(evidenceView),
  history: z.array(historyView),
  /** The person answering for the activity or the school's task, and who may be chosen. */
  responsible: personView.nullable(),
  responsibleCandidates: z.array(personView),
  canManage: z.boolean(),
  canExecute: z.boolean(),
});
export type ActivityDetailView = z.infer<typeof activityDetailView>;

export const taskItemView = z.object({
  kind: z.enum(['activity', 'schoolTask']),
  id: z.number().int(),
  activityId: z.number().int(),
  planId: z.number().int(),
  planTitle: z.string(),
  number: z.string().nullable(),
  text: z.string(),
  deadline: deadlineView,
  orgId: z.number().int(),
  orgName: z.string(),
  executorsText: z.string(),
  status: z.enum(SETTABLE_STATUSES),
  effectiveStatus: z.enum(ACTIVITY_STATUSES),
  statusLabel: z.string(),
  daysLeft: z.number().int().nullable(),
  dueSoon: z.boolean(),
});
export type TaskItemView = z.infer<typeof taskItemView>;

export const dashboardRow = z.object({
  key: z.string(),
  label: z.string(),
  progress: progressView,
});
export const dashboardView = z.object({
  planId: z.number().int(),
  total: progressView,
  bySection: z.array(dashboardRow),
  byExecutor: z.array(dashboardRow),
  byMonth: z.array(dashboardRow),
  bySchool: z.array(dashboardRow),
});
export type DashboardView = z.infer<typeof dashboardView>;

// Requests

const approvalInput = z.object({
  position: z.string().trim().max(500),
  name: z.string().trim().max(200),
  orderNumber: optionalText(100),
  orderDate: isoDay.nullish(),
});

export const createPlanRequest = z.object({
  orgId: z.number().int().positive(),
  level: z.enum(PLAN_LEVELS),
  title: z.string().trim().min(1, 'Укажите название плана').max(1000),
  periodStart: isoDay,
  periodEnd: isoDay,
  approval: approvalInput.nullish(),
  place: optionalText(200),
  goals: z.array(z.string().trim().min(1).max(2000)).max(50).optional(),
  columns: z.array(planColumnDef).min(2).max(7).optional(),
});
export type CreatePlanRequest = z.infer<typeof createPlanRequest>;

export const updatePlanRequest = createPlanRequest.omit({ orgId: true, level: true }).partial();
export type UpdatePlanRequest = z.infer<typeof updatePlanRequest>;

export const planListQuery = z.object({
  level: z.enum(PLAN_LEVELS).optional(),
  orgId: z.coerce.number().int().optional(),
});

export const createSectionRequest = z.object({
  number: optionalText(20),
  title: z.string().trim().min(1, 'Укажите название раздела').max(1000),
});

/** A task of the plan («Задачи» under its goals). */
export const objectiveRequest = z.object({
  text: z.string().trim().min(1, 'Укажите задачу').max(2000),
});

const activityFields = {
  sectionId: z.number().int().positive().nullish(),
  objectiveId: z.number().int().positive().nullish(),
  parentId: z.number().int().positive().nullish(),
  number: optionalText(20),
  text: z.string().trim().min(1, 'Укажите мероприятие').max(4000),
  deadlineText: z.string().trim().max(500).optional(),
  result: z.string().trim().max(4000).optional(),
  executorsText: z.string().trim().max(1000).optional(),
  participants: z.string().trim().max(1000).optional(),
};
export const createActivityRequest = z.object(activityFields);
export type CreateActivityRequest = z.infer<typeof createActivityRequest>;
export const updateActivityRequest = z.object(activityFields).partial();
export type UpdateActivityRequest = z.infer<typeof updateActivityRequest>;

export const setStatusRequest = z.object({
  status: z.enum(SETTABLE_STATUSES),
  note: optionalText(2000),
});
export type SetStatusRequest = z.infer<typeof setStatusRequest>;

export const commentRequest = z.object({
  text: z.string().trim().min(1, 'Напишите комментарий').max(4000),
});

/**
 * A link to a record of another module (`recordId` of a document, monitoring campaign or plan;
 * the title defaults to the record's) or to any address (`url` and `title`).
 */
export const evidenceLinkRequest = z
  .object({
    recordKind: z.enum(EVIDENCE_RECORD_KINDS),
    recordId: z.number().int().positive().optional(),
    title: z.string().trim().max(500).optional(),
    url: z.string().trim().max(2000).optional(),
  })
  .superRefine((v, ctx) => {
    if (isRecordLinkKind(v.recordKind)) {
      if (!v.recordId)
        ctx.addIssue({ code: 'custom', message: 'Выберите запись', path: ['recordId'] });
      return;
    }
    if (!v.url) ctx.addIssue({ code: 'custom', message: 'Укажите ссылку', path: ['url'] });
    if (!v.title)
      ctx.addIssue({ code: 'custom', message: 'Укажите название подтверждения', path: ['title'] });
  });
export type EvidenceLinkRequest = z.infer<typeof evidenceLinkRequest>;

export const responsibleRequest = z.object({
  /** null clears the responsible person. */
  userId: z.number().int().positive().nullable(),
});

export const evidenceFileFields = z.object({
  title: z.string().trim().min(1, 'Укажите название подтверждения').max(500),
});

export const cascadeRequest = z.object({
  /** Target schools; by default the schools named in the activity. */
  orgIds: z.array(z.number().int().positive()).max(500).optional(),
});

export const copyPlanRequest = z.object({
  title: z.string().trim().min(1).max(1000).optional(),
  periodStart: isoDay,
  periodEnd: isoDay,
});
export type CopyPlanRequest = z.infer<typeof copyPlanRequest>;

export const myTasksQuery = z.object({
  view: z.enum(['user', 'org']).default('user'),
  orgId: z.coerce.number().int().optional(),
  open: z.enum(['true', 'false']).optional(),
});
export type MyTasksQuery = z.infer<typeof myTasksQuery>;

export const reportQuery = z.object({ from: isoDay, to: isoDay });

export const columnMapping = z.object(
  Object.fromEntries(
    PLAN_COLUMNS.map((c) => [c, z.number().int().min(0).max(30).optional()]),
  ) as Record<(typeof PLAN_COLUMNS)[number], z.ZodOptional<z.ZodNumber>>,
);

/** Fields of the import request (multipart, next to the file). */
export const importPlanFields = z.object({
  orgId: z.coerce.number().int().positive(),
  level: z.enum(PLAN_LEVELS),
  title: z.string().trim().max(1000).optional(),
  periodStart: isoDay.optional(),
  periodEnd: isoDay.optional(),
  /** JSON of the column mapping chosen in the preview. */
  mapping: z.string().optional(),
});
export type ImportPlanFields = z.infer<typeof importPlanFields>;

export const importPreviewView = z.object({
  fileName: z.string(),
  title: z.string().nullable(),
  level: z.enum(PLAN_LEVELS).nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  approval: approvalView.nullable(),
  goals: z.array(z.string()),
  objectives: z.array(z.string()),
  sample: z.array(z.array(z.string())),
  mapping: columnMapping,
  sections: z.array(z.object({ number: z.string().nullable(), title: z.string() })),
  activities: z.array(
    z.object({
      number: z.string().nullable(),
      text: z.string(),
      deadline: z.string(),
      deadlineKind: z.enum(DEADLINE_KINDS),
      executors: z.string(),
      section: z.string().nullable(),
      subRow: z.boolean(),
    }),
  ),
});
export type ImportPreviewView = z.infer<typeof importPreviewView>;

export const planResponse = z.object({ data: planView });
export const planListResponse = z.object({ data: z.array(planSummaryView) });
export const activityDetailResponse = z.object({ data: activityDetailView });
export const activityResponse = z.object({ data: activityView });
export const taskListResponse = z.object({ data: z.array(taskItemView) });
export const dashboardResponse = z.object({ data: dashboardView });
export const importPreviewResponse = z.object({ data: importPreviewView });
export const schoolTaskListResponse = z.object({ data: z.array(schoolTaskView) });
