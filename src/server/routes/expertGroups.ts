import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../services';
import { idParams } from '../../shared/common';
import {
  createExpertGroupRequest,
  expertCandidatesQuery,
  expertCandidatesResponse,
  expertGroupListResponse,
  expertGroupResponse,
  updateExpertGroupRequest,
} from '../../shared/expertGroups';
import { actorOf } from '../auth';
import { presentExpertGroup } from '../presenters/misc';

export function registerExpertGroupRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Экспертные группы'];

  r.get(
    '/api/expert-groups',
    { schema: { tags, summary: 'Экспертные группы', response: { 200: expertGroupListResponse } } },
    async (request) => ({
      data: (await services.expertGroups.list(actorOf(request))).map(presentExpertGroup),
    }),
  );

  r.get(
    '/api/expert-groups/candidates',
    {
      schema: {
        tags,
        summary: 'Эксперты муниципалитета, которых можно включить в группу',
        querystring: expertCandidatesQuery,
        response: { 200: expertCandidatesResponse },
      },
    },
    async (request) => ({
      data: await services.expertGroups.candidates(actorOf(request), request.query.municipalityId),
    }),
  );

  r.get(
    '/api/expert-groups/:id',
    {
      schema: {
        tags,
        summary: 'Экспертная группа',
        params: idParams,
        response: { 200: expertGroupResponse },
      },
    },
    async (request) => ({
      data: presentExpertGroup(
        await services.expertGroups.get(actorOf(request), request.params.id),
      ),
    }),
  );

  r.post(
    '/api/expert-groups',
    {
      schema: {
        tags,
        summary: 'Создать экспертную группу',
        body: createExpertGroupRequest,
        response: { 200: expertGroupResponse },
      },
    },
    async (request) => ({
      data: presentExpertGroup(await services.expertGroups.create(actorOf(request), request.body)),
    }),
  );

  r.patch(
    '/api/expert-groups/:id',
    {
      schema: {
        tags,
        summary: 'Изменить экспертную группу: состав и курируемые ОО',
        params: idParams,
        body: updateExpertGroupRequest,
        response: { 200: expertGroupResponse },
      },
    },
    async (request) => ({
      data: presentExpertGroup(
        await services.expertGroups.update(actorOf(request), request.params.id, request.body),
      ),
    }),
  );
}
