import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../services';
import { auditListQuery, auditListResponse } from '../../shared/audit';
import { actorOf } from '../auth';
import { presentAuditEntry } from '../presenters/misc';

export function registerAuditRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/audit',
    {
      schema: {
        tags: ['Журнал изменений'],
        summary: 'Журнал изменений в области доступа',
        querystring: auditListQuery,
        response: { 200: auditListResponse },
      },
    },
    async (request) => {
      const { rows, total } = await services.auditLog.list(actorOf(request), request.query);
      return { data: { items: rows.map(presentAuditEntry), total } };
    },
  );
}
