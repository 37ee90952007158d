import { z } from 'zod';
import { ROLES, SCOPE_KINDS } from '../core/access/roles';
import { assignmentView, newPassword } from './auth';
import { loginField, optionalText, pageQuery, text } from './common';

export const userView = z.object({
  id: z.number().int(),
  login: z.string(),
  fullName: z.string(),
  position: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  municipalityId: z.number().int(),
  workplaceOrgId: z.number().int().nullable(),
  workplaceName: z.string().nullable(),
  isActive: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  assignments: z.array(assignmentView),
});
export type UserView = z.infer<typeof userView>;

export const userListQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  role: z.enum(ROLES).optional(),
  orgId: z.coerce.number().int().optional(),
});
export type UserListQuery = z.infer<typeof userListQuery>;

export const assignmentInput = z.object({
  role: z.enum(ROLES),
  scopeKind: z.enum(SCOPE_KINDS),
  municipalityId: z.number().int().positive(),
  orgIds: z.array(z.number().int().positive()).max(500).default([]),
});
export type AssignmentInput = z.infer<typeof assignmentInput>;

export const createUserRequest = z.object({
  login: loginField,
  fullName: text(200),
  position: optionalText(200),
  email: optionalText(200),
  phone: optionalText(100),
  municipalityId: z.number().int().positive(),
  workplaceOrgId: z.number().int().positive().nullish(),
  password: newPassword,
  mustChangePassword: z.boolean().default(true),
  assignments: z.array(assignmentInput).max(20).default([]),
});
export type CreateUserRequest = z.infer<typeof createUserRequest>;

export const updateUserRequest = z
  .object({
    fullName: text(200),
    position: optionalText(200),
    email: optionalText(200),
    phone: optionalText(100),
    workplaceOrgId: z.number().int().positive().nullable(),
    isActive: z.boolean(),
  })
  .partial();
export type UpdateUserRequest = z.infer<typeof updateUserRequest>;

export const setAssignmentsRequest = z.object({
  assignments: z.array(assignmentInput).max(20),
});
export type SetAssignmentsRequest = z.infer<typeof setAssignmentsRequest>;

export const resetPasswordRequest = z.object({
  password: newPassword,
  mustChangePassword: z.boolean().default(true),
});
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequest>;

export const userResponse = z.object({ data: userView });
export const userListResponse = z.object({
  data: z.object({ items: z.array(userView), total: z.number().int() }),
});
