import { ALLOWED_SCOPES, ROLE_LABELS, SCHOOL_GRANTABLE_ROLES } from '../core/access/roles';
import { coversMunicipality, inScope, type OrgScope } from '../core/access/scope';
import { forbidden, invalid } from '../core/errors';
import type { Db } from '../db/database';
import { findOrgsByIds } from '../db/repositories/organisations';
import { findMunicipality } from '../db/repositories/reference';
import type { AssignmentValues } from '../db/repositories/users';
import type { AssignmentInput } from '../shared/users';

/**
 * Checks role assignments a caller wants to grant: the scope kind fits the role, the
 * organisations exist, are schools of the assignment's municipality, and lie in the caller's
 * `user.manage` scope. School administrators grant only school-level roles in their school.
 */
export async function validateAssignments(
  db: Db,
  manageScope: OrgScope,
  inputs: AssignmentInput[],
): Promise<AssignmentValues[]> {
  const result: AssignmentValues[] = [];
  for (const a of inputs) {
    const label = ROLE_LABELS[a.role];
    if (!ALLOWED_SCOPES[a.role].includes(a.scopeKind)) {
      throw invalid(`Роль «${label}» не назначается с такой областью действия`);
    }
    if (!(await findMunicipality(db, a.municipalityId))) throw invalid('Муниципалитет не найден');
    const districtWide = coversMunicipality(manageScope, a.municipalityId);
    if (!districtWide && !SCHOOL_GRANTABLE_ROLES.includes(a.role)) {
      throw forbidden(`Роль «${label}» может назначить только администратор района`);
    }
    if (a.scopeKind === 'municipality') {
      if (!districtWide)
        throw forbidden('Область «муниципалитет» может назначить только администратор района');
      result.push({
        role: a.role,
        scopeKind: a.scopeKind,
        municipalityId: a.municipalityId,
        orgIds: [],
      });
      continue;
    }
    const orgIds = [...new Set(a.orgIds)];
    if (!orgIds.length) throw invalid(`Для роли «${label}» выберите организацию`);
    if (a.scopeKind === 'school' && orgIds.length !== 1) {
      throw invalid(`Для роли «${label}» выберите одну организацию`);
    }
    const orgs = await findOrgsByIds(db, orgIds);
    if (orgs.length !== orgIds.length) throw invalid('Организация не найдена');
    for (const org of orgs) {
      if (org.municipalityId !== a.municipalityId) {
        throw invalid(`«${org.shortName}» не относится к выбранному муниципалитету`);
      }
      if (org.category !== 'school') {
        throw invalid(`«${org.shortName}» — не образовательная организация`);
      }
      if (!inScope(manageScope, { orgId: org.id, municipalityId: org.municipalityId })) {
        throw forbidden(`Нет прав назначать роли в «${org.shortName}»`);
      }
    }
    result.push({ role: a.role, scopeKind: a.scopeKind, municipalityId: a.municipalityId, orgIds });
  }
  return result;
}
