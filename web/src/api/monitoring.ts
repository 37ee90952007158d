import type { z } from 'zod';
import type {
  CampaignSchoolView,
  CampaignView,
  createCampaignRequest,
  createTemplateRequest,
  newVersionRequest,
  saveCardRequest,
  saveSelfRequest,
  ScreenView,
  TemplateView,
  updateCampaignRequest,
} from '../../../src/shared/monitoring';
import type { saveScheduleRequest, ScheduleView } from '../../../src/shared/schedules';
import { api, qs } from './client';

type In<T extends z.ZodType> = z.input<T>;

/** Endpoints of the schedules and the ВСОКО monitoring. */
export const monitoringApi = {
  schedule: (orgId: number, academicYearId: number) =>
    api.get<ScheduleView>(`/api/orgs/${orgId}/schedule${qs({ academicYearId })}`),
  saveSchedule: (orgId: number, body: In<typeof saveScheduleRequest>) =>
    api.put<ScheduleView>(`/api/orgs/${orgId}/schedule`, body),
  uploadSchedule: (orgId: number, form: FormData) =>
    api.upload<ScheduleView>(`/api/orgs/${orgId}/schedule/upload`, form),

  templates: (municipalityId: number) =>
    api.get<TemplateView[]>(`/api/monitoring/templates${qs({ municipalityId })}`),
  template: (id: number) => api.get<TemplateView>(`/api/monitoring/templates/${id}`),
  createTemplate: (body: In<typeof createTemplateRequest>) =>
    api.post<TemplateView>('/api/monitoring/templates', body),
  addVersion: (id: number, body: In<typeof newVersionRequest>) =>
    api.post<TemplateView>(`/api/monitoring/templates/${id}/versions`, body),
  installBuiltins: (municipalityId: number) =>
    api.post<{ added: number }>('/api/monitoring/templates/builtin', { municipalityId }),

  campaigns: () => api.get<CampaignView[]>('/api/monitoring/campaigns'),
  campaign: (id: number) => api.get<CampaignView>(`/api/monitoring/campaigns/${id}`),
  createCampaign: (body: In<typeof createCampaignRequest>) =>
    api.post<CampaignView>('/api/monitoring/campaigns', body),
  updateCampaign: (id: number, body: In<typeof updateCampaignRequest>) =>
    api.patch<CampaignView>(`/api/monitoring/campaigns/${id}`, body),
  screen: (id: number) => api.get<ScreenView>(`/api/monitoring/campaigns/${id}/screen`),
  screenXlsxUrl: (id: number) => `/api/monitoring/campaigns/${id}/screen.xlsx`,
  reportDocxUrl: (id: number) => `/api/monitoring/campaigns/${id}/report.docx`,
  regulationUrl: (id: number) => `/api/monitoring/campaigns/${id}/regulation`,

  campaignSchool: (id: number) =>
    api.get<CampaignSchoolView>(`/api/monitoring/campaign-schools/${id}`),
  saveSelf: (id: number, body: In<typeof saveSelfRequest>) =>
    api.put<CampaignSchoolView>(`/api/monitoring/campaign-schools/${id}/self`, body),
  saveCard: (id: number, body: In<typeof saveCardRequest>) =>
    api.put<CampaignSchoolView>(`/api/monitoring/campaign-schools/${id}/card`, body),
  returnSelf: (id: number, comment: string) =>
    api.post<CampaignSchoolView>(`/api/monitoring/campaign-schools/${id}/return`, { comment }),
  reopenCard: (id: number, reason: string) =>
    api.post<CampaignSchoolView>(`/api/monitoring/campaign-schools/${id}/reopen`, { reason }),
  reopenCampaign: (id: number, reason: string) =>
    api.post<CampaignView>(`/api/monitoring/campaigns/${id}/reopen`, { reason }),
};
