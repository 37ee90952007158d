import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../services';
import { idParams, okResponse } from '../../shared/common';
import {
  createUserRequest,
  resetPasswordRequest,
  setAssignmentsRequest,
  updateUserRequest,
  userListQuery,
  userListResponse,
  userResponse,
} from '../../shared/users';
import { actorOf } from '../auth';
import { presentUser } from '../presenters/users';
import type { UserRecord } from '../../services/users';

const present = (r: UserRecord) => presentUser(r.user, r.workplaceName, r.assignments);

export function registerUserRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Пользователи'];

  r.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Пользователи в области доступа',
        querystring: userListQuery,
        response: { 200: userListResponse },
      },
    },
    async (request) => {
      const { items, total } = await services.users.list(actorOf(request), request.query);
      return { data: { items: items.map(present), total } };
    },
  );

  r.get(
    '/api/users/:id',
    {
      schema: { tags, summary: 'Пользователь', params: idParams, response: { 200: userResponse } },
    },
    async (request) => ({
      data: present(await services.users.get(actorOf(request), request.params.id)),
    }),
  );

  r.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Создать пользователя',
        body: createUserRequest,
        response: { 200: userResponse },
      },
    },
    async (request) => ({
      data: present(await services.users.create(actorOf(request), request.body)),
    }),
  );

  r.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Изменить пользователя',
        params: idParams,
        body: updateUserRequest,
        response: { 200: userResponse },
      },
    },
    async (request) => ({
      data: present(await services.users.update(actorOf(request), request.params.id, request.body)),
    }),
  );

  r.put(
    '/api/users/:id/assignments',
    {
      schema: {
        tags,
        summary: 'Заменить роли пользователя',
        params: idParams,
        body: setAssignmentsRequest,
        response: { 200: userResponse },
      },
    },
    async (request) => ({
      data: present(
        await services.users.setAssignments(
          actorOf(request),
          request.params.id,
          request.body.assignments,
        ),
      ),
    }),
  );

  r.post(
    '/api/users/:id/password',
    {
      schema: {
        tags,
        summary: 'Задать пользователю новый пароль',
        params: idParams,
        body: resetPasswordRequest,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await services.users.resetPassword(actorOf(request), request.params.id, request.body);
      return { data: { ok: true as const } };
    },
  );
}
