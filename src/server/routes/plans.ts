import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services';
import { idParams, okResponse } from '../../shared/common';
import {
  activityDetailResponse,
  copyPlanRequest,
  createActivityRequest,
  createPlanRequest,
  createSectionRequest,
  dashboardResponse,
  importPlanFields,
  importPreviewResponse,
  objectiveRequest,
  planListQuery,
  planListResponse,
  planResponse,
  reportQuery,
  updatePlanRequest,
} from '../../shared/plans';
import { actorOf } from '../auth';
import { presentDetail, presentPlan, presentPlanList, presentPreview } from '../presenters/plans';
import { DOCX_MIME, XLSX_MIME, readUpload, sendFile } from './planUpload';

export function registerPlanRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Планы мероприятий'];
  const s = services.plans;

  r.get(
    '/api/plans',
    {
      schema: {
        tags,
        summary: 'Планы в области доступа',
        querystring: planListQuery,
        response: { 200: planListResponse },
      },
    },
    async (request) => ({
      data: presentPlanList(await s.plans.list(actorOf(request), request.query)),
    }),
  );

  r.post(
    '/api/plans',
    {
      schema: {
        tags,
        summary: 'Создать план',
        body: createPlanRequest,
        response: { 200: planResponse },
      },
    },
    async (request) => ({
      data: presentPlan(await s.plans.create(actorOf(request), request.body)),
    }),
  );

  r.get(
    '/api/plans/:id',
    {
      schema: {
        tags,
        summary: 'План: разделы, задачи, мероприятия',
        params: idParams,
        response: { 200: planResponse },
      },
    },
    async (request) => ({
      data: presentPlan(await s.plans.get(actorOf(request), request.params.id)),
    }),
  );

  r.patch(
    '/api/plans/:id',
    {
      schema: {
        tags,
        summary: 'Изменить план',
        params: idParams,
        body: updatePlanRequest,
        response: { 200: planResponse },
      },
    },
    async (request) => ({
      data: presentPlan(await s.plans.update(actorOf(request), request.params.id, request.body)),
    }),
  );

  r.delete(
    '/api/plans/:id',
    {
      schema: { tags, summary: 'Удалить план', params: idParams, response: { 200: okResponse } },
    },
    async (request) => {
      await s.plans.remove(actorOf(request), request.params.id);
      return { data: { ok: true as const } };
    },
  );

  r.post(
    '/api/plans/:id/sections',
    {
      schema: {
        tags,
        summary: 'Добавить раздел',
        params: idParams,
        body: createSectionRequest,
        response: { 200: planResponse },
      },
    },
    async (request) => ({
      data: presentPlan(
        await s.plans.addSection(actorOf(request), request.params.id, request.body),
      ),
    }),
  );

  r.post(
    '/api/plans/:id/objectives',
    {
      schema: {
        tags,
        summary: 'Добавить задачу плана',
        params: idParams,
        body: objectiveRequest,
        response: { 200: planResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = await s.objectives.add(actor, request.params.id, request.body.text);
      return { data: presentPlan(await s.plans.get(actor, id)) };
    },
  );

  r.patch(
    '/api/plan-objectives/:id',
    {
      schema: {
        tags,
        summary: 'Изменить задачу плана',
        params: idParams,
        body: objectiveRequest,
        response: { 200: planResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = await s.objectives.update(actor, request.params.id, request.body.text);
      return { data: presentPlan(await s.plans.get(actor, id)) };
    },
  );

  r.post(
    '/api/plans/:id/activities',
    {
      schema: {
        tags,
        summary: 'Добавить мероприятие',
        params: idParams,
        body: createActivityRequest,
        response: { 200: activityDetailResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = await s.activities.add(actor, request.params.id, request.body);
      return { data: presentDetail(await s.activities.detail(actor, { activityId: id })) };
    },
  );

  r.get(
    '/api/plans/:id/dashboard',
    {
      schema: {
        tags,
        summary: 'Исполнение плана: по разделам, исполнителям, месяцам, школам',
        params: idParams,
        response: { 200: dashboardResponse },
      },
    },
    async (request) => ({
      data: await s.tracking.dashboard(actorOf(request), request.params.id),
    }),
  );

  r.get(
    '/api/plans/:id/export.docx',
    { schema: { tags, summary: 'План в официальной форме (DOCX)', params: idParams } },
    async (request, reply) => {
      const file = await s.documents.exportDocx(actorOf(request), request.params.id);
      return sendFile(reply, file.fileName, DOCX_MIME, file.bytes);
    },
  );

  r.get(
    '/api/plans/:id/export.xlsx',
    { schema: { tags, summary: 'План таблицей (XLSX)', params: idParams } },
    async (request, reply) => {
      const file = await s.documents.exportXlsx(actorOf(request), request.params.id);
      return sendFile(reply, file.fileName, XLSX_MIME, file.bytes);
    },
  );

  r.get(
    '/api/plans/:id/report',
    {
      schema: {
        tags,
        summary: 'Справка о выполнении плана за период (DOCX)',
        params: idParams,
        querystring: reportQuery,
      },
    },
    async (request, reply) => {
      const file = await s.tracking.report(
        actorOf(request),
        request.params.id,
        request.query.from,
        request.query.to,
      );
      return sendFile(reply, file.fileName, DOCX_MIME, file.bytes);
    },
  );

  r.post(
    '/api/plans/:id/copy',
    {
      schema: {
        tags,
        summary: 'План нового года по плану прошлого',
        params: idParams,
        body: copyPlanRequest,
        response: { 200: planResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = await s.documents.copy(actor, request.params.id, request.body);
      return { data: presentPlan(await s.plans.get(actor, id)) };
    },
  );

  r.post(
    '/api/plans/import/preview',
    {
      schema: {
        tags,
        summary: 'Предпросмотр импорта плана из DOCX/XLSX (файл file, необязательное поле mapping)',
        consumes: ['multipart/form-data'],
        response: { 200: importPreviewResponse },
      },
    },
    async (request) => {
      const { fields, file } = await readUpload(
        request,
        z.object({ mapping: z.string().optional() }),
      );
      const { imp } = await s.documents.preview(file, fields.mapping);
      return { data: presentPreview(file.fileName, imp, imp.header.period) };
    },
  );

  r.post(
    '/api/plans/import',
    {
      schema: {
        tags,
        summary: 'Импорт плана из DOCX/XLSX: всё или ничего',
        consumes: ['multipart/form-data'],
        response: { 200: planResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { fields, file } = await readUpload(request, importPlanFields);
      const id = await s.documents.import(actor, fields, file);
      return { data: presentPlan(await s.plans.get(actor, id)) };
    },
  );
}
