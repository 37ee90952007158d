import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../services';
import {
  classListQuery,
  classListResponse,
  classResponse,
  createClassRequest,
  updateClassRequest,
} from '../../shared/classes';
import { idParams, okResponse, pageQuery } from '../../shared/common';
import {
  addStudentsRequest,
  addStudentsResponse,
  studentListResponse,
} from '../../shared/students';
import { actorOf } from '../auth';
import { presentClass, presentStudent } from '../presenters/registry';

export function registerClassRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Классы и обучающиеся'];

  r.get(
    '/api/orgs/:id/classes',
    {
      schema: {
        tags,
        summary: 'Классы организации',
        params: idParams,
        querystring: classListQuery,
        response: { 200: classListResponse },
      },
    },
    async (request) => ({
      data: (
        await services.classes.list(
          actorOf(request),
          request.params.id,
          request.query.academicYearId,
        )
      ).map(presentClass),
    }),
  );

  r.post(
    '/api/orgs/:id/classes',
    {
      schema: {
        tags,
        summary: 'Создать класс',
        params: idParams,
        body: createClassRequest,
        response: { 200: classResponse },
      },
    },
    async (request) => ({
      data: presentClass(
        await services.classes.create(actorOf(request), request.params.id, request.body),
      ),
    }),
  );

  r.patch(
    '/api/classes/:id',
    {
      schema: {
        tags,
        summary: 'Изменить класс',
        params: idParams,
        body: updateClassRequest,
        response: { 200: classResponse },
      },
    },
    async (request) => ({
      data: presentClass(
        await services.classes.update(actorOf(request), request.params.id, request.body),
      ),
    }),
  );

  r.delete(
    '/api/classes/:id',
    {
      schema: {
        tags,
        summary: 'Удалить пустой класс',
        params: idParams,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await services.classes.remove(actorOf(request), request.params.id);
      return { data: { ok: true as const } };
    },
  );

  r.get(
    '/api/orgs/:id/students',
    {
      schema: {
        tags,
        summary: 'Коды обучающихся организации (без ФИО)',
        params: idParams,
        querystring: pageQuery,
        response: { 200: studentListResponse },
      },
    },
    async (request) => {
      const { rows, total } = await services.students.list(
        actorOf(request),
        request.params.id,
        request.query.page,
        request.query.pageSize,
      );
      return { data: { items: rows.map(presentStudent), total } };
    },
  );

  r.post(
    '/api/orgs/:id/students',
    {
      schema: {
        tags,
        summary: 'Добавить коды обучающихся',
        params: idParams,
        body: addStudentsRequest,
        response: { 200: addStudentsResponse },
      },
    },
    async (request) => ({
      data: await services.students.add(actorOf(request), request.params.id, request.body),
    }),
  );
}
