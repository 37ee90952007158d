import type { Actor } from './actor';
import type { Permission } from './permissions';
import { GRANTS } from './permissions';

/**
 * The organisations a permission reaches for one actor. An organisation is in scope when its
 * municipality is in `municipalityIds` or its id is in `orgIds`; `any` means unrestricted by
 * organisation (reference data).
 */
export interface OrgScope {
  granted: boolean;
  any: boolean;
  municipalityIds: number[];
  orgIds: number[];
}

export function resolveScope(actor: Actor, permission: Permission): OrgScope {
  if (actor.system) return { granted: true, any: true, municipalityIds: [], orgIds: [] };
  const grants = GRANTS[permission];
  const municipalityIds = new Set<number>();
  const orgIds = new Set<number>();
  let granted = false;
  let any = false;
  for (const a of actor.assignments) {
    const reach = grants[a.role];
    if (!reach) continue;
    granted = true;
    if (reach === 'any') {
      any = true;
    } else if (reach === 'supervised') {
      // An expert never reaches, as an expert, the school where they work.
      for (const id of actor.supervisedOrgIds) if (id !== actor.workplaceOrgId) orgIds.add(id);
    } else if (a.scopeKind === 'municipality') {
      municipalityIds.add(a.municipalityId);
    } else {
      for (const id of a.orgIds) orgIds.add(id);
    }
  }
  return { granted, any, municipalityIds: [...municipalityIds], orgIds: [...orgIds] };
}

/** Whether one organisation (with its municipality) lies inside a scope. */
export function inScope(
  scope: OrgScope,
  target: { orgId: number | null; municipalityId: number },
): boolean {
  if (!scope.granted) return false;
  if (scope.any || scope.municipalityIds.includes(target.municipalityId)) return true;
  return target.orgId !== null && scope.orgIds.includes(target.orgId);
}

/** Whether a scope reaches a whole municipality (needed for municipality-level records). */
export function coversMunicipality(scope: OrgScope, municipalityId: number): boolean {
  return scope.granted && (scope.any || scope.municipalityIds.includes(municipalityId));
}
