import type { AuditEntryView } from '../../../src/shared/audit';
import type { MetaView, SessionView } from '../../../src/shared/auth';
import type { ClassView } from '../../../src/shared/classes';
import type { DocumentView } from '../../../src/shared/documents';
import type { ExpertGroupView } from '../../../src/shared/expertGroups';
import type { OrgView } from '../../../src/shared/orgs';
import type { AcademicYearView, ReferenceData } from '../../../src/shared/reference';
import type { StudentView } from '../../../src/shared/students';
import type { UserView } from '../../../src/shared/users';
import type { z } from 'zod';
import type { createOrgRequest, updateOrgRequest } from '../../../src/shared/orgs';
import type { createClassRequest, updateClassRequest } from '../../../src/shared/classes';
import type {
  createUserRequest,
  resetPasswordRequest,
  setAssignmentsRequest,
  updateUserRequest,
} from '../../../src/shared/users';
import type {
  createExpertGroupRequest,
  updateExpertGroupRequest,
} from '../../../src/shared/expertGroups';
import type { setupRequest } from '../../../src/shared/auth';
import { api, qs } from './client';

/** Request bodies as the client writes them (before server-side defaults). */
type In<T extends z.ZodType> = z.input<T>;

export interface Page<T> {
  items: T[];
  total: number;
}

export const endpoints = {
  meta: () => api.get<MetaView>('/api/meta'),
  setup: (body: In<typeof setupRequest>) => api.post<{ ok: true }>('/api/setup', body),
  login: (login: string, password: string) =>
    api.post<SessionView>('/api/auth/login', { login, password }),
  logout: () => api.post<{ ok: true }>('/api/auth/logout'),
  session: () => api.get<SessionView>('/api/auth/session'),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<{ ok: true }>('/api/auth/password', { currentPassword, newPassword }),

  reference: () => api.get<ReferenceData>('/api/reference'),
  createAcademicYear: (startYear: number, isCurrent: boolean) =>
    api.post<AcademicYearView>('/api/reference/academic-years', { startYear, isCurrent }),

  orgs: (params: Record<string, string | number | undefined>) =>
    api.get<Page<OrgView>>(`/api/orgs${qs(params)}`),
  org: (id: number) => api.get<OrgView>(`/api/orgs/${id}`),
  createOrg: (body: In<typeof createOrgRequest>) => api.post<OrgView>('/api/orgs', body),
  updateOrg: (id: number, body: In<typeof updateOrgRequest>) =>
    api.patch<OrgView>(`/api/orgs/${id}`, body),

  classes: (orgId: number, academicYearId?: number) =>
    api.get<ClassView[]>(`/api/orgs/${orgId}/classes${qs({ academicYearId })}`),
  createClass: (orgId: number, body: In<typeof createClassRequest>) =>
    api.post<ClassView>(`/api/orgs/${orgId}/classes`, body),
  updateClass: (id: number, body: In<typeof updateClassRequest>) =>
    api.patch<ClassView>(`/api/classes/${id}`, body),
  deleteClass: (id: number) => api.delete<{ ok: true }>(`/api/classes/${id}`),

  students: (orgId: number, page: number, pageSize = 100) =>
    api.get<Page<StudentView>>(`/api/orgs/${orgId}/students${qs({ page, pageSize })}`),
  addStudents: (orgId: number, codes: string[], classId?: number | null) =>
    api.post<{ created: number; existing: number }>(`/api/orgs/${orgId}/students`, {
      codes,
      classId,
    }),

  users: (params: Record<string, string | number | undefined>) =>
    api.get<Page<UserView>>(`/api/users${qs(params)}`),
  user: (id: number) => api.get<UserView>(`/api/users/${id}`),
  createUser: (body: In<typeof createUserRequest>) => api.post<UserView>('/api/users', body),
  updateUser: (id: number, body: In<typeof updateUserRequest>) =>
    api.patch<UserView>(`/api/users/${id}`, body),
  setAssignments: (id: number, body: In<typeof setAssignmentsRequest>) =>
    api.put<UserView>(`/api/users/${id}/assignments`, body),
  resetPassword: (id: number, body: In<typeof resetPasswordRequest>) =>
    api.post<{ ok: true }>(`/api/users/${id}/password`, body),

  expertGroups: () => api.get<ExpertGroupView[]>('/api/expert-groups'),
  expertGroup: (id: number) => api.get<ExpertGroupView>(`/api/expert-groups/${id}`),
  createExpertGroup: (body: In<typeof createExpertGroupRequest>) =>
    api.post<ExpertGroupView>('/api/expert-groups', body),
  updateExpertGroup: (id: number, body: In<typeof updateExpertGroupRequest>) =>
    api.patch<ExpertGroupView>(`/api/expert-groups/${id}`, body),

  documents: (params: Record<string, string | number | undefined>) =>
    api.get<DocumentView[]>(`/api/documents${qs(params)}`),
  uploadDocument: (form: FormData) => api.upload<DocumentView>('/api/documents', form),
  documentFileUrl: (id: number) => `/api/documents/${id}/file`,

  audit: (params: Record<string, string | number | undefined>) =>
    api.get<Page<AuditEntryView>>(`/api/audit${qs(params)}`),
};
