/**
 * The web client's per-record rule (web/src/auth/access.ts, used to show or hide buttons) must
 * agree with the server's scope resolution for every management permission.
 */
import { describe, expect, it } from 'vitest';
import type { Actor, Assignment } from '../src/core/access/actor';
import { GRANTS, PERMISSION_LIST } from '../src/core/access/permissions';
import { ROLE_LABELS, ROLES, type ScopeKind } from '../src/core/access/roles';
import { inScope, resolveScope } from '../src/core/access/scope';
import type { SessionView } from '../src/shared/auth';
import { canAt, municipalitiesWith } from '../web/src/auth/access';

const M = 1;
const OTHER_M = 2;
const SCHOOL = 10;
const NEIGHBOUR = 11;

const shapes: { scopeKind: ScopeKind; orgIds: number[] }[] = [
  { scopeKind: 'municipality', orgIds: [] },
  { scopeKind: 'school', orgIds: [SCHOOL] },
  { scopeKind: 'schools', orgIds: [SCHOOL, NEIGHBOUR] },
];

const targets = [
  { orgId: SCHOOL, municipalityId: M },
  { orgId: NEIGHBOUR, municipalityId: M },
  { orgId: 99, municipalityId: OTHER_M },
  { orgId: null, municipalityId: M },
];

// Management permissions never reach through expert supervision, which the session does not carry.
const managed = PERMISSION_LIST.filter((p) =>
  Object.values(GRANTS[p]).every((reach) => reach !== 'supervised'),
);

function sessionOf(assignments: Assignment[]): SessionView {
  return {
    user: {
      id: 1,
      login: 'u',
      fullName: 'U',
      position: null,
      workplaceOrgId: SCHOOL,
      workplaceName: null,
      mustChangePassword: false,
    },
    assignments: assignments.map((a) => ({
      ...a,
      roleLabel: ROLE_LABELS[a.role],
      municipalityName: `М${a.municipalityId}`,
      orgNames: a.orgIds.map(String),
    })),
    permissions: [],
    csrfToken: 'x',
  };
}

describe('web access rule', () => {
  it('agrees with resolveScope for every role, scope shape, permission and target', () => {
    const mismatches: string[] = [];
    for (const role of ROLES) {
      for (const shape of shapes) {
        const assignment: Assignment = { id: 1, role, municipalityId: M, ...shape };
        const actor: Actor = {
          userId: 1,
          login: 'u',
          fullName: 'U',
          workplaceOrgId: SCHOOL,
          assignments: [assignment],
          supervisedOrgIds: [],
          expertGroupIds: [],
        };
        const session = sessionOf([assignment]);
        for (const permission of managed) {
          for (const target of targets) {
            const server = inScope(resolveScope(actor, permission), target);
            const client = canAt(session, permission, target);
            if (server !== client) {
              mismatches.push(`${role}/${shape.scopeKind}/${permission}/${JSON.stringify(target)}`);
            }
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('lists the municipalities a permission covers as a whole', () => {
    const session = sessionOf([
      { id: 1, role: 'school_admin', scopeKind: 'school', municipalityId: M, orgIds: [SCHOOL] },
      {
        id: 2,
        role: 'district_admin',
        scopeKind: 'municipality',
        municipalityId: OTHER_M,
        orgIds: [],
      },
    ]);
    expect(municipalitiesWith(session, 'user.manage')).toEqual([{ id: OTHER_M, name: 'М2' }]);
    expect(municipalitiesWith(session, 'org.manage').map((m) => m.id)).toEqual([OTHER_M]);
  });
});
