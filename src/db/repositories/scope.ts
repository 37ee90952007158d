import { inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { OrgScope } from '../../core/access/scope';

/** SQL condition for rows of organisations inside a scope. */
export function orgScopeWhere(
  scope: OrgScope,
  orgCol: AnyPgColumn,
  municipalityCol: AnyPgColumn,
): SQL {
  if (!scope.granted) return sql`false`;
  if (scope.any) return sql`true`;
  const parts: SQL[] = [];
  if (scope.municipalityIds.length) parts.push(inArray(municipalityCol, scope.municipalityIds));
  if (scope.orgIds.length) parts.push(inArray(orgCol, scope.orgIds));
  return or(...parts) ?? sql`false`;
}
