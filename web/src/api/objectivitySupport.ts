import type {
  CompareView,
  SupportProgrammeRequest,
  SupportProgrammeResult,
} from '../../../src/shared/objectivitySupport';
import { api, qs } from './client';

/** Endpoints of the support part of «Объективность результатов». */
export const objectivitySupportApi = {
  createProgramme: (body: SupportProgrammeRequest) =>
    api.post<SupportProgrammeResult>('/api/objectivity/support-programme', body),
  compare: (orgId: number, year?: number) =>
    api.get<CompareView>(`/api/objectivity/compare${qs({ orgId, year })}`),
};
