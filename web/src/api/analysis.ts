import type {
  AnalysisRun,
  AnalysisSchoolResult,
  StartAnalysisRequest,
} from '../../../src/shared/analysis';
import { api } from './client';

export const analysisApi = {
  runs: () => api.get<AnalysisRun[]>('/api/analysis/runs'),
  run: (id: number) =>
    api.get<{ run: AnalysisRun; results: AnalysisSchoolResult[] }>(`/api/analysis/runs/${id}`),
  start: (body: StartAnalysisRequest) => api.post<AnalysisRun>('/api/analysis/runs', body),
};
