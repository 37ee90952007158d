import type { z } from 'zod';
import type { ErrorResponse } from '../../../src/shared/common';
import type {
  BatchView,
  createTestRequest,
  ImportOutcomeView,
  ImportPreviewView,
  ResultTestView,
  TestView,
  updateTestRequest,
  WorksData,
} from '../../../src/shared/results';
import { api, ApiError, getCsrfToken, qs } from './client';
import type { Page } from './endpoints';

type In<T extends z.ZodType> = z.input<T>;

/** The upload form's fields: the test (when the file has no title) and the school. */
export interface ImportFields {
  procedure?: string | undefined;
  year?: number | undefined;
  session?: string | undefined;
  subjectCode?: string | undefined;
  grade?: number | undefined;
  orgId?: number | undefined;
}

/**
 * Uploads a results file for preview with XMLHttpRequest, which (unlike fetch) reports upload
 * progress for the progress bar.
 */
export function uploadForPreview(
  file: File,
  fields: ImportFields,
  onProgress: (share: number) => void,
): Promise<ImportPreviewView> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (v !== undefined && v !== '') form.append(k, String(v));
  }
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/results/imports/preview');
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () =>
      reject(new ApiError(0, 'NETWORK', 'Сервер недоступен. Проверьте подключение и повторите.'));
    xhr.onload = () => {
      let json: unknown;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve((json as { data: ImportPreviewView }).data);
      } else {
        const err = (json as ErrorResponse | null)?.error;
        reject(
          new ApiError(
            xhr.status,
            err?.code ?? 'HTTP',
            err?.message ?? `Ошибка сервера (${xhr.status})`,
            err?.details,
          ),
        );
      }
    };
    xhr.send(form);
  });
}

export const resultsApi = {
  catalog: (params: { year?: number | undefined; procedure?: string | undefined }) =>
    api.get<TestView[]>(`/api/results/catalog${qs(params)}`),
  createTest: (body: In<typeof createTestRequest>) =>
    api.post<TestView>('/api/results/catalog', body),
  updateTest: (id: number, body: In<typeof updateTestRequest>) =>
    api.patch<TestView>(`/api/results/catalog/${id}`, body),
  commit: (preview: ImportPreviewView, fields: ImportFields) =>
    api.post<ImportOutcomeView>('/api/results/imports', {
      uploadKey: preview.uploadKey,
      fileName: preview.fileName,
      ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== '')),
    }),
  history: (params: { orgId?: number | undefined; page?: number; pageSize?: number }) =>
    api.get<Page<BatchView>>(`/api/results/imports${qs(params)}`),
  undo: (id: number) => api.post<BatchView>(`/api/results/imports/${id}/undo`),
  tests: () => api.get<ResultTestView[]>('/api/results/tests'),
  works: (testId: number, orgId: number, className?: string) =>
    api.get<WorksData>(`/api/results/tests/${testId}/works${qs({ orgId, className })}`),
};
