import { z } from 'zod';
import { ROLES, SCOPE_KINDS } from '../core/access/roles';
import { PERMISSION_LIST } from '../core/access/permissions';
import { loginField } from './common';

export const loginRequest = z.object({
  login: z.string().trim().min(1, 'Введите логин').max(100),
  password: z.string().min(1, 'Введите пароль').max(200),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const PASSWORD_MIN_LENGTH = 8;

export const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Пароль должен содержать не менее ${PASSWORD_MIN_LENGTH} символов`)
  .max(200);

export const changePasswordRequest = z.object({
  currentPassword: z.string().min(1, 'Введите текущий пароль'),
  newPassword,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;

export const assignmentView = z.object({
  id: z.number().int(),
  role: z.enum(ROLES),
  roleLabel: z.string(),
  scopeKind: z.enum(SCOPE_KINDS),
  municipalityId: z.number().int(),
  municipalityName: z.string(),
  orgIds: z.array(z.number().int()),
  orgNames: z.array(z.string()),
});
export type AssignmentView = z.infer<typeof assignmentView>;

export const sessionView = z.object({
  user: z.object({
    id: z.number().int(),
    login: z.string(),
    fullName: z.string(),
    position: z.string().nullable(),
    workplaceOrgId: z.number().int().nullable(),
    workplaceName: z.string().nullable(),
    mustChangePassword: z.boolean(),
  }),
  assignments: z.array(assignmentView),
  /** Permissions the user holds somewhere (the UI shows only sections it can use). */
  permissions: z.array(z.enum(PERMISSION_LIST as [string, ...string[]])),
  csrfToken: z.string(),
});
export type SessionView = z.infer<typeof sessionView>;
export const sessionResponse = z.object({ data: sessionView });

export const metaResponse = z.object({
  data: z.object({
    name: z.string(),
    version: z.string(),
    demo: z.boolean(),
    setupRequired: z.boolean(),
    database: z.enum(['pglite', 'postgres']),
  }),
});
export type MetaView = z.infer<typeof metaResponse>['data'];

export const setupRequest = z.object({
  setupToken: z.string().trim().min(1, 'Введите код установки из журнала сервера'),
  regionCode: z.string().trim().min(1).max(10),
  regionName: z.string().trim().min(1).max(200),
  municipalityName: z.string().trim().min(1).max(200),
  login: loginField,
  fullName: z.string().trim().min(1).max(200),
  password: newPassword,
});
export type SetupRequest = z.infer<typeof setupRequest>;
