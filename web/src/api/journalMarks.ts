import type { z } from 'zod';
import type {
  journalFileView,
  journalOutcomeView,
  journalPreviewRequest,
  journalPreviewView,
  studentMarkView,
} from '../../../src/shared/journalMarks';
import { api, qs } from './client';

export type JournalPreview = z.infer<typeof journalPreviewView>;
export type JournalOutcome = z.infer<typeof journalOutcomeView>;
export type JournalFile = z.infer<typeof journalFileView>;
export type StudentMark = z.infer<typeof studentMarkView>;
export type JournalRequest = z.input<typeof journalPreviewRequest>;

/** Marks from electronic journals: upload, mapping preview, commit, history, a school's marks. */
export const journalApi = {
  upload: (file: File, orgId: number, year: number) => {
    const form = new FormData();
    form.append('orgId', String(orgId));
    form.append('year', String(year));
    form.append('file', file, file.name);
    return api.upload<JournalPreview>('/api/results/journal/upload', form);
  },
  preview: (body: JournalRequest) => api.post<JournalPreview>('/api/results/journal/preview', body),
  commit: (body: JournalRequest) => api.post<JournalOutcome>('/api/results/journal/imports', body),
  history: () => api.get<JournalFile[]>('/api/results/journal/imports'),
  undo: (id: number) => api.post<JournalFile>(`/api/results/journal/imports/${id}/undo`),
  marks: (orgId: number, year?: number) =>
    api.get<StudentMark[]>(`/api/results/journal/marks${qs({ orgId, year })}`),
};
