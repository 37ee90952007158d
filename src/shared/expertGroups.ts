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
