import type { z } from 'zod';
import type {
  ActivityDetailView,
  DashboardView,
  ImportPreviewView,
  PlanSummaryView,
  PlanView,
  TaskItemView,
  createActivityRequest,
  createPlanRequest,
  createSectionRequest,
  updateActivityRequest,
  updatePlanRequest,
  evidenceLinkRequest,
  setStatusRequest,
} from '../../../src/shared/plans';
import { api, qs } from './client';

type In<T extends z.ZodType> = z.input<T>;

/** What a status, comment or evidence is attached to: an activity or one school's task. */
export type TrackedKind = 'activity' | 'schoolTask';
const base = (kind: TrackedKind, id: number) =>
  kind === 'activity' ? `/api/plan-activities/${id}` : `/api/plan-tasks/${id}`;

export const planApi = {
  list: () => api.get<PlanSummaryView[]>('/api/plans'),
  get: (id: number) => api.get<PlanView>(`/api/plans/${id}`),
  create: (body: In<typeof createPlanRequest>) => api.post<PlanView>('/api/plans', body),
  update: (id: number, body: In<typeof updatePlanRequest>) =>
    api.patch<PlanView>(`/api/plans/${id}`, body),
  addObjective: (planId: number, text: string) =>
    api.post<PlanView>(`/api/plans/${planId}/objectives`, { text }),
  updateObjective: (id: number, text: string) =>
    api.patch<PlanView>(`/api/plan-objectives/${id}`, { text }),
  remove: (id: number) => api.delete<{ ok: true }>(`/api/plans/${id}`),
  copy: (id: number, body: { periodStart: string; periodEnd: string; title?: string }) =>
    api.post<PlanView>(`/api/plans/${id}/copy`, body),
  addActivity: (planId: number, body: In<typeof createActivityRequest>) =>
    api.post<ActivityDetailView>(`/api/plans/${planId}/activities`, body),
  addSection: (planId: number, body: In<typeof createSectionRequest>) =>
    api.post<PlanView>(`/api/plans/${planId}/sections`, body),
  updateActivity: (id: number, body: In<typeof updateActivityRequest>) =>
    api.patch<ActivityDetailView>(`/api/plan-activities/${id}`, body),
  removeActivity: (id: number) => api.delete<{ ok: true }>(`/api/plan-activities/${id}`),
  dashboard: (id: number) => api.get<DashboardView>(`/api/plans/${id}/dashboard`),
  exportDocxUrl: (id: number) => `/api/plans/${id}/export.docx`,
  exportXlsxUrl: (id: number) => `/api/plans/${id}/export.xlsx`,
  reportUrl: (id: number, from: string, to: string) => `/api/plans/${id}/report${qs({ from, to })}`,
  preview: (form: FormData) => api.post<ImportPreviewView>('/api/plans/import/preview', form),
  import: (form: FormData) => api.post<PlanView>('/api/plans/import', form),
  detail: (kind: TrackedKind, id: number) => api.get<ActivityDetailView>(base(kind, id)),
  setStatus: (kind: TrackedKind, id: number, body: In<typeof setStatusRequest>) =>
    api.post<ActivityDetailView>(`${base(kind, id)}/status`, body),
  comment: (kind: TrackedKind, id: number, text: string) =>
    api.post<ActivityDetailView>(`${base(kind, id)}/comments`, { text }),
  addLink: (kind: TrackedKind, id: number, body: In<typeof evidenceLinkRequest>) =>
    api.post<ActivityDetailView>(`${base(kind, id)}/evidence/link`, body),
  addFile: (kind: TrackedKind, id: number, form: FormData) =>
    api.post<ActivityDetailView>(`${base(kind, id)}/evidence/file`, form),
  setResponsible: (kind: TrackedKind, id: number, userId: number | null) =>
    api.put<ActivityDetailView>(`${base(kind, id)}/responsible`, { userId }),
  cascade: (activityId: number, orgIds?: number[]) =>
    api.post<ActivityDetailView>(`/api/plan-activities/${activityId}/cascade`, { orgIds }),
  myTasks: (view: 'user' | 'org', open: boolean) =>
    api.get<TaskItemView[]>(`/api/my-tasks${qs({ view, open: open ? 'true' : undefined })}`),
  reminders: () => api.get<TaskItemView[]>('/api/plan-reminders'),
};
