import { ROLE_LABELS, isRole } from '../../core/access/roles';
import type { AssignmentRecord, UserRow } from '../../db/repositories/users';
import type { AssignmentView, SessionView } from '../../shared/auth';
import type { UserView } from '../../shared/users';
import type { SessionInfo } from '../../services/auth/authService';

export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function presentAssignments(records: AssignmentRecord[]): AssignmentView[] {
  return records.flatMap((a) =>
    isRole(a.role)
      ? [
          {
            id: a.id,
            role: a.role,
            roleLabel: ROLE_LABELS[a.role],
            scopeKind: a.scopeKind,
            municipalityId: a.municipalityId,
            municipalityName: a.municipalityName,
            orgIds: a.orgs.map((o) => o.id),
            orgNames: a.orgs.map((o) => o.shortName),
          },
        ]
      : [],
  );
}

export function presentSession(info: SessionInfo): SessionView {
  return {
    user: {
      id: info.user.id,
      login: info.user.login,
      fullName: info.user.fullName,
      position: info.user.position,
      workplaceOrgId: info.user.workplaceOrgId,
      workplaceName: info.workplaceName,
      mustChangePassword: info.user.mustChangePassword,
    },
    assignments: presentAssignments(info.assignments),
    permissions: info.permissions,
    csrfToken: info.csrfToken,
  };
}

export function presentUser(
  user: UserRow,
  workplaceName: string | null,
  assignments: AssignmentRecord[],
): UserView {
  return {
    id: user.id,
    login: user.login,
    fullName: user.fullName,
    position: user.position,
    email: user.email,
    phone: user.phone,
    municipalityId: user.municipalityId,
    workplaceOrgId: user.workplaceOrgId,
    workplaceName,
    isActive: user.isActive,
    mustChangePassword: user.mustChangePassword,
    lastLoginAt: iso(user.lastLoginAt),
    assignments: presentAssignments(assignments.filter((a) => a.userId === user.id)),
  };
}
