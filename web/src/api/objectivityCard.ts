import type {
  RegionAggregateView,
  RegionImportResult,
  SchoolCard,
  StandardReports,
} from '../../../src/shared/objectivityCard';
import { api, qs } from './client';

export interface TestChoice {
  year?: number | undefined;
  subject?: string | undefined;
  grade?: number | undefined;
}

/** School card, ФИС ОКО standard reports and the regional aggregates. */
export const objectivityCardApi = {
  card: (orgId: number, t: TestChoice) =>
    api.get<SchoolCard>(`/api/objectivity/schools/${orgId}/card${qs({ ...t })}`),
  reports: (q: TestChoice & { orgId?: number | undefined }) =>
    api.get<StandardReports>(`/api/objectivity/reports${qs({ ...q })}`),
  reportsXlsxUrl: (q: TestChoice & { orgId?: number | undefined }) =>
    `/api/objectivity/reports/xlsx${qs({ ...q })}`,
  regionAggregates: () => api.get<RegionAggregateView[]>('/api/objectivity/region-aggregates'),
  uploadRegion: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<RegionImportResult>('/api/objectivity/region-aggregates', form);
  },
};
