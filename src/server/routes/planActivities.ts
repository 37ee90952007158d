import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../services';
import type { TrackedRef } from '../../services/plans/access';
import { idParams, okResponse } from '../../shared/common';
import {
  activityDetailResponse,
  cascadeRequest,
  commentRequest,
  evidenceFileFields,
  evidenceLinkRequest,
  myTasksQuery,
  responsibleRequest,
  setStatusRequest,
  taskListResponse,
  updateActivityRequest,
} from '../../shared/plans';
import { actorOf } from '../auth';
import { presentDetail, presentTaskItem } from '../presenters/plans';
import { readUpload } from './planUpload';

export function registerPlanActivityRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Планы мероприятий: исполнение'];
  const s = services.plans;

  r.patch(
    '/api/plan-activities/:id',
    {
      schema: {
        tags,
        summary: 'Изменить мероприятие',
        params: idParams,
        body: updateActivityRequest,
        response: { 200: activityDetailResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await s.activities.update(actor, request.params.id, request.body);
      return {
        data: presentDetail(await s.activities.detail(actor, { activityId: request.params.id })),
      };
    },
  );

  r.delete(
    '/api/plan-activities/:id',
    {
      schema: {
        tags,
        summary: 'Удалить мероприятие',
        params: idParams,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await s.activities.remove(actorOf(request), request.params.id);
      return { data: { ok: true as const } };
    },
  );

  r.post(
    '/api/plan-activities/:id/cascade',
    {
      schema: {
        tags,
        summary: 'Назначить мероприятие школам (задача каждой школе)',
        params: idParams,
        body: cascadeRequest,
        response: { 200: activityDetailResponse },
      },
    },
    async (request) => ({
      data: presentDetail(
        await s.assign.cascade(actorOf(request), request.params.id, request.body.orgIds),
      ),
    }),
  );

  // The same tracking routes for an activity and for one school's task.
  const kinds: [string, string, (id: number) => TrackedRef][] = [
    ['/api/plan-activities/:id', 'мероприятие', (id) => ({ activityId: id })],
    ['/api/plan-tasks/:id', 'задача школы', (id) => ({ schoolTaskId: id })],
  ];
  for (const [base, what, ref] of kinds) {
    r.get(
      base,
      {
        schema: {
          tags,
          summary: `Карточка: ${what}, комментарии, подтверждения, история`,
          params: idParams,
          response: { 200: activityDetailResponse },
        },
      },
      async (request) => ({
        data: presentDetail(await s.activities.detail(actorOf(request), ref(request.params.id))),
      }),
    );

    r.post(
      `${base}/status`,
      {
        schema: {
          tags,
          summary: `Изменить статус (${what})`,
          params: idParams,
          body: setStatusRequest,
          response: { 200: activityDetailResponse },
        },
      },
      async (request) => ({
        data: presentDetail(
          await s.activities.setStatus(actorOf(request), ref(request.params.id), request.body),
        ),
      }),
    );

    r.put(
      `${base}/responsible`,
      {
        schema: {
          tags,
          summary: `Ответственный сотрудник (${what}): пользователь организации-исполнителя`,
          params: idParams,
          body: responsibleRequest,
          response: { 200: activityDetailResponse },
        },
      },
      async (request) => ({
        data: presentDetail(
          await s.assign.setResponsible(
            actorOf(request),
            ref(request.params.id),
            request.body.userId,
          ),
        ),
      }),
    );

    r.post(
      `${base}/comments`,
      {
        schema: {
          tags,
          summary: `Комментарий (${what})`,
          params: idParams,
          body: commentRequest,
          response: { 200: activityDetailResponse },
        },
      },
      async (request) => ({
        data: presentDetail(
          await s.activities.comment(actorOf(request), ref(request.params.id), request.body.text),
        ),
      }),
    );

    r.post(
      `${base}/evidence/link`,
      {
        schema: {
          tags,
          summary: `Подтверждение-ссылка на запись или адрес (${what})`,
          params: idParams,
          body: evidenceLinkRequest,
          response: { 200: activityDetailResponse },
        },
      },
      async (request) => ({
        data: presentDetail(
          await s.activities.addLink(actorOf(request), ref(request.params.id), request.body),
        ),
      }),
    );

    r.post(
      `${base}/evidence/file`,
      {
        schema: {
          tags,
          summary: `Подтверждение-файл (${what}; multipart: title и file)`,
          params: idParams,
          consumes: ['multipart/form-data'],
          response: { 200: activityDetailResponse },
        },
      },
      async (request) => {
        const { fields, file } = await readUpload(request, evidenceFileFields);
        return {
          data: presentDetail(
            await s.activities.addFile(
              actorOf(request),
              ref(request.params.id),
              fields.title,
              file,
            ),
          ),
        };
      },
    );
  }

  r.get(
    '/api/my-tasks',
    {
      schema: {
        tags,
        summary: 'Мои задачи: пользователя или организации',
        querystring: myTasksQuery,
        response: { 200: taskListResponse },
      },
    },
    async (request) => {
      const { items, today } = await s.tracking.myTasks(actorOf(request), request.query);
      return { data: items.map((i) => presentTaskItem(i, today)) };
    },
  );

  r.get(
    '/api/plan-reminders',
    {
      schema: {
        tags,
        summary: 'Напоминания: сроки ближайших дней и просроченные задачи',
        response: { 200: taskListResponse },
      },
    },
    async (request) => {
      const { items, today } = await s.tracking.reminders(actorOf(request));
      return {
        data: items
          .map((i) => presentTaskItem(i, today))
          .filter((i) => i.dueSoon || i.effectiveStatus === 'overdue'),
      };
    },
  );
}
