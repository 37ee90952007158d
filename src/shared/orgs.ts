import { z } from 'zod';
import { ORG_CATEGORIES, ORG_KINDS, type OrgKind } from '../core/registry/organisations';
import { optionalText, pageQuery, text } from './common';

export const ORG_SORTS = ['number', 'name', 'updated'] as const;
export type OrgSort = (typeof ORG_SORTS)[number];

const kindEnum = z.enum(ORG_KINDS as [OrgKind, ...OrgKind[]]);

export const orgView = z.object({
  id: z.number().int(),
  municipalityId: z.number().int(),
  municipalityName: z.string(),
  category: z.enum(ORG_CATEGORIES),
  kind: kindEnum,
  kindLabel: z.string(),
  fisLogin: z.string().nullable(),
  number: z.string().nullable(),
  fullName: z.string(),
  shortName: z.string(),
  address: z.string().nullable(),
  directorName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  isActive: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrgView = z.infer<typeof orgView>;

export const orgListQuery = pageQuery.extend({
  category: z.enum(ORG_CATEGORIES).optional(),
  kind: kindEnum.optional(),
  municipalityId: z.coerce.number().int().optional(),
  q: z.string().trim().max(200).optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
  /** Order of the list: by number (default), by short name, or the latest changed first. */
  sort: z.enum(ORG_SORTS).optional(),
});
export type OrgListQuery = z.infer<typeof orgListQuery>;

const fisLogin = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^sch\d{4,8}$/, 'Логин ФИС ОКО имеет вид sch и цифры, например sch780212')
  .nullish()
  .or(z.literal('').transform(() => null))
  .transform((v) => v ?? null);

const orgFields = {
  kind: kindEnum,
  fisLogin,
  number: optionalText(20),
  fullName: text(500),
  shortName: text(200),
  address: optionalText(500),
  directorName: optionalText(200),
  phone: optionalText(100),
  email: optionalText(200),
  website: optionalText(300),
};

export const createOrgRequest = z.object({
  municipalityId: z.number().int().positive(),
  ...orgFields,
});
export type CreateOrgRequest = z.infer<typeof createOrgRequest>;

export const updateOrgRequest = z.object({ ...orgFields, isActive: z.boolean() }).partial();
export type UpdateOrgRequest = z.infer<typeof updateOrgRequest>;

export const orgResponse = z.object({ data: orgView });
