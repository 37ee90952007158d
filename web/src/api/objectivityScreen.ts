import type { z } from 'zod';
import type {
  DecisionRequest,
  DueProcessView,
  listImportResult,
  listsOverview,
  schoolListEntry,
  ScreenQuery,
  ScreenView,
} from '../../../src/shared/objectivityScreen';
import { api, qs } from './client';

export type ListImportResult = z.infer<typeof listImportResult>;
export type ListsOverview = z.infer<typeof listsOverview>;
export type SchoolListEntry = z.infer<typeof schoolListEntry>;

const screenParams = (q: ScreenQuery) =>
  qs({
    year: q.year,
    procedure: q.procedure,
    subject: q.subject,
    grade: q.grade,
    search: q.search,
    sort: q.sort,
    desc: q.desc,
    orgId: q.orgId,
  });

/** The district screen «Объективность результатов», official lists and due process. */
export const objectivityScreenApi = {
  screen: (q: ScreenQuery) => api.get<ScreenView>(`/api/objectivity/screen${screenParams(q)}`),
  screenXlsxUrl: (q: ScreenQuery) => `/api/objectivity/screen.xlsx${screenParams(q)}`,
  lists: () => api.get<ListsOverview>('/api/objectivity/lists'),
  importList: (form: FormData) => api.upload<ListImportResult>('/api/objectivity/lists', form),
  schoolLists: (orgId: number) =>
    api.get<SchoolListEntry[]>(`/api/objectivity/schools/${orgId}/official-lists`),
  dueProcess: (orgId: number, year: number) =>
    api.get<DueProcessView>(`/api/objectivity/schools/${orgId}/due-process?year=${year}`),
  explain: (orgId: number, form: FormData) =>
    api.upload<DueProcessView>(`/api/objectivity/schools/${orgId}/explanations`, form),
  decide: (orgId: number, body: DecisionRequest) =>
    api.post<DueProcessView>(`/api/objectivity/schools/${orgId}/decisions`, body),
  explanationFileUrl: (id: number) => `/api/objectivity/explanations/${id}/file`,
};
