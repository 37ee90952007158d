import type {
  ObservationChangeSummary,
  ObservationItem,
  ObservationList,
  ObservationsQuery,
  ObservedComparison,
} from '../../../src/shared/objectivityObserve';
import { api, qs } from './client';

/** Observation marks of ВПР administrations and the observed vs unobserved comparison. */
export const observeApi = {
  list: (query: ObservationsQuery = {}) =>
    api.get<ObservationList>(`/api/objectivity/observations${qs({ ...query })}`),
  set: (items: ObservationItem[]) =>
    api.put<ObservationChangeSummary>('/api/objectivity/observations', { items }),
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<ObservationChangeSummary>('/api/objectivity/observations/import', form);
  },
  exportUrl: (query: ObservationsQuery = {}) =>
    `/api/objectivity/observations/export${qs({ ...query })}`,
  comparison: (orgId: number) =>
    api.get<ObservedComparison>(`/api/objectivity/schools/${orgId}/observed`),
};
