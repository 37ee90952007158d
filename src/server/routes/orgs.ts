import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services';
import { idParams } from '../../shared/common';
import {
  createOrgRequest,
  orgListQuery,
  orgResponse,
  orgView,
  updateOrgRequest,
} from '../../shared/orgs';
import { actorOf } from '../auth';
import { presentOrg } from '../presenters/registry';

const orgListResponse = z.object({
  data: z.object({ items: z.array(orgView), total: z.number().int() }),
});

export function registerOrgRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Организации'];

  r.get(
    '/api/orgs',
    {
      schema: {
        tags,
        summary: 'Реестр организаций в области доступа',
        querystring: orgListQuery,
        response: { 200: orgListResponse },
      },
    },
    async (request) => {
      const { rows, total } = await services.organisations.list(actorOf(request), request.query);
      return { data: { items: rows.map(presentOrg), total } };
    },
  );

  r.get(
    '/api/orgs/:id',
    {
      schema: {
        tags,
        summary: 'Карточка организации',
        params: idParams,
        response: { 200: orgResponse },
      },
    },
    async (request) => ({
      data: presentOrg(await services.organisations.get(actorOf(request), request.params.id)),
    }),
  );

  r.post(
    '/api/orgs',
    {
      schema: {
        tags,
        summary: 'Создать организацию',
        body: createOrgRequest,
        response: { 200: orgResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await services.organisations.create(actor, request.body);
      return { data: presentOrg(await services.organisations.get(actor, row.id)) };
    },
  );

  r.patch(
    '/api/orgs/:id',
    {
      schema: {
        tags,
        summary: 'Изменить организацию',
        params: idParams,
        body: updateOrgRequest,
        response: { 200: orgResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await services.organisations.update(actor, request.params.id, request.body);
      return { data: presentOrg(await services.organisations.get(actor, request.params.id)) };
    },
  );
}
