import type { ExpertCandidateView } from '../../../src/shared/expertGroups';
import { api, qs } from './client';

/** Endpoints of the registry pages that are not in endpoints.ts. */
export const registryEndpoints = {
  expertCandidates: (municipalityId: number) =>
    api.get<ExpertCandidateView[]>(`/api/expert-groups/candidates${qs({ municipalityId })}`),
};
