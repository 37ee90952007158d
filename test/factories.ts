import type { Role } from '../src/core/access/roles';
import type { Db } from '../src/db/database';
import { insertOrg, type OrgRow } from '../src/db/repositories/organisations';
import {
  insertMunicipality,
  insertRegion,
  listAcademicYears,
} from '../src/db/repositories/reference';
import { insertUser, replaceAssignments, type UserRow } from '../src/db/repositories/users';
import { hashPassword } from '../src/services/auth/password';

export const PASSWORD = 'test-password';
let counter = 0;
const next = () => ++counter;

/** Builders that create whole valid records with sensible defaults; override what matters. */
export async function buildMunicipality(db: Db, name = `Район ${next()}`) {
  const region = await insertRegion(db, `r${next()}`, `Регион ${counter}`);
  return insertMunicipality(db, region.id, name);
}

export async function buildSchool(
  db: Db,
  municipalityId: number,
  overrides: Partial<Parameters<typeof insertOrg>[1]> = {},
): Promise<OrgRow> {
  const n = next();
  return insertOrg(db, {
    municipalityId,
    category: 'school',
    kind: 'school',
    fisLogin: `sch99${String(n).padStart(4, '0')}`,
    number: String(n),
    fullName: `Средняя общеобразовательная школа № ${n}`,
    shortName: `Школа № ${n}`,
    ...overrides,
  });
}

export async function buildBody(db: Db, municipalityId: number, kind = 'imc'): Promise<OrgRow> {
  const n = next();
  return insertOrg(db, {
    municipalityId,
    category: 'body',
    kind,
    fullName: `Информационно-методический центр ${n}`,
    shortName: `ИМЦ ${n}`,
  });
}

let hash: Promise<string> | null = null;

export interface UserSpec {
  role?: Role;
  municipalityId: number;
  /** For school-level roles: the school(s); the first is also the workplace. */
  orgIds?: number[];
  workplaceOrgId?: number | null;
  login?: string;
  isActive?: boolean;
}

export async function buildUser(db: Db, spec: UserSpec): Promise<UserRow> {
  hash ??= hashPassword(PASSWORD);
  const n = next();
  const orgIds = spec.orgIds ?? [];
  const user = await insertUser(db, {
    login: spec.login ?? `user${n}`,
    passwordHash: await hash,
    fullName: `Пользователь ${n}`,
    municipalityId: spec.municipalityId,
    workplaceOrgId: spec.workplaceOrgId === undefined ? (orgIds[0] ?? null) : spec.workplaceOrgId,
    isActive: spec.isActive ?? true,
  });
  if (spec.role) {
    const scopeKind =
      orgIds.length === 0 ? 'municipality' : orgIds.length === 1 ? 'school' : 'schools';
    await replaceAssignments(db, user.id, [
      { role: spec.role, scopeKind, municipalityId: spec.municipalityId, orgIds },
    ]);
  }
  return user;
}

export async function currentYear(db: Db) {
  const years = await listAcademicYears(db);
  const year = years.find((y) => y.isCurrent) ?? years[0];
  if (!year) throw new Error('no academic year');
  return year;
}
