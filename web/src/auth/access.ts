import { GRANTS, type Permission } from '../../../src/core/access/permissions';
import type { SessionView } from '../../../src/shared/auth';

/** An organisation (or a municipality-level record when orgId is null) a permission is checked on. */
export interface AccessTarget {
  orgId: number | null;
  municipalityId: number;
}

/**
 * Whether the session's assignments reach one record with a permission: the same rule the server
 * enforces (core/access/scope.ts), used to show or hide buttons. Meant for management
 * permissions, none of which reaches through expert supervision; the server stays the authority.
 */
export function canAt(session: SessionView, permission: Permission, target: AccessTarget): boolean {
  return session.assignments.some((a) => {
    const reach = GRANTS[permission][a.role];
    if (!reach || reach === 'supervised') return false;
    if (reach === 'any') return true;
    if (a.scopeKind === 'municipality') return a.municipalityId === target.municipalityId;
    return target.orgId !== null && a.orgIds.includes(target.orgId);
  });
}

/** Municipalities a permission reaches as a whole (where records of the district may be created). */
export function municipalitiesWith(
  session: SessionView,
  permission: Permission,
): { id: number; name: string }[] {
  const found = new Map<number, string>();
  for (const a of session.assignments) {
    const reach = GRANTS[permission][a.role];
    if ((reach === 'scope' && a.scopeKind === 'municipality') || reach === 'any') {
      found.set(a.municipalityId, a.municipalityName);
    }
  }
  return [...found].map(([id, name]) => ({ id, name }));
}
