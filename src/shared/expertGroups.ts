import { z } from 'zod';
import { optionalText, text } from './common';

export const expertGroupView = z.object({
  id: z.number().int(),
  municipalityId: z.number().int(),
  name: z.string(),
  subjectId: z.number().int().nullable(),
  subjectName: z.string().nullable(),
  description: z.string().nullable(),
  isActive: z.boolean(),
  members: z.array(
    z.object({
      userId: z.number().int(),
      fullName: z.string(),
      login: z.string(),
      workplaceOrgId: z.number().int().nullable(),
      workplaceName: z.string().nullable(),
      isLeader: z.boolean(),
    }),
  ),
  schools: z.array(
    z.object({ orgId: z.number().int(), shortName: z.string(), fisLogin: z.string().nullable() }),
  ),
});
export type ExpertGroupView = z.infer<typeof expertGroupView>;

const groupFields = {
  name: text(300),
  subjectId: z.number().int().positive().nullish(),
  description: optionalText(2000),
  isActive: z.boolean(),
  members: z
    .array(z.object({ userId: z.number().int().positive(), isLeader: z.boolean().default(false) }))
    .max(200),
  schoolOrgIds: z.array(z.number().int().positive()).max(500),
};

export const createExpertGroupRequest = z.object({
  municipalityId: z.number().int().positive(),
  ...groupFields,
  isActive: groupFields.isActive.default(true),
  members: groupFields.members.default([]),
  schoolOrgIds: groupFields.schoolOrgIds.default([]),
});
export type CreateExpertGroupRequest = z.infer<typeof createExpertGroupRequest>;

export const updateExpertGroupRequest = z.object(groupFields).partial();
export type UpdateExpertGroupRequest = z.infer<typeof updateExpertGroupRequest>;

export const expertGroupResponse = z.object({ data: expertGroupView });
export const expertGroupListResponse = z.object({ data: z.array(expertGroupView) });

/** A user who may join an expert group: holds the expert role in the group's municipality. */
export const expertCandidateView = z.object({
  userId: z.number().int(),
  fullName: z.string(),
  login: z.string(),
  workplaceOrgId: z.number().int().nullable(),
  workplaceName: z.string().nullable(),
});
export type ExpertCandidateView = z.infer<typeof expertCandidateView>;

export const expertCandidatesQuery = z.object({
  municipalityId: z.coerce.number().int().positive(),
});
export const expertCandidatesResponse = z.object({ data: z.array(expertCandidateView) });
