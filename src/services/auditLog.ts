import type { Actor } from '../core/access/actor';
import { listAudit } from '../db/repositories/audit';
import { orgScopeWhere } from '../db/repositories/scope';
import { auditLog } from '../db/schema';
import type { AuditListQuery } from '../shared/audit';
import type { ServiceDeps } from './deps';
import { requireScope } from './guard';

export class AuditLogService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(actor: Actor, q: AuditListQuery) {
    const scope = requireScope(actor, 'audit.read');
    return listAudit(this.deps.database.db, {
      scope: orgScopeWhere(scope, auditLog.orgId, auditLog.municipalityId),
      entity: q.entity,
      action: q.action,
      user: q.user,
      orgId: q.orgId,
      from: q.from,
      to: q.to,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
  }
}
