import type { Actor } from '../core/access/actor';
import type { Permission } from '../core/access/permissions';
import { inScope, resolveScope, type OrgScope } from '../core/access/scope';
import { forbidden, notFound } from '../core/errors';

/** The scope of a permission, or 403 when the actor holds it nowhere. */
export function requireScope(actor: Actor, permission: Permission): OrgScope {
  const scope = resolveScope(actor, permission);
  if (!scope.granted) throw forbidden();
  return scope;
}

/**
 * Checks one record against a permission. A record outside the caller's scope is reported as
 * not found, so that ids of other schools' records reveal nothing.
 */
export function requireInScope(
  actor: Actor,
  permission: Permission,
  target: { orgId: number | null; municipalityId: number },
  what?: string,
): OrgScope {
  const scope = requireScope(actor, permission);
  if (!inScope(scope, target)) throw notFound(what);
  return scope;
}

/**
 * For changes to one record: not found when the caller cannot even read it, forbidden when it
 * can read it but not change it.
 */
export function requireWritable(
  actor: Actor,
  read: Permission,
  manage: Permission,
  target: { orgId: number | null; municipalityId: number },
  what?: string,
): OrgScope {
  if (!inScope(resolveScope(actor, read), target)) {
    // A manager without read rights would be odd, but do not leak existence either way.
    if (!inScope(resolveScope(actor, manage), target)) throw notFound(what);
  }
  const scope = resolveScope(actor, manage);
  if (!inScope(scope, target)) throw forbidden();
  return scope;
}
