import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services';
import { idParams } from '../../shared/common';
import {
  campaignListResponse,
  campaignResponse,
  campaignSchoolResponse,
  createCampaignRequest,
  createTemplateRequest,
  newVersionRequest,
  reopenRequest,
  returnSelfRequest,
  saveCardRequest,
  saveSelfRequest,
  screenResponse,
  templateListQuery,
  templateListResponse,
  templateResponse,
  updateCampaignRequest,
} from '../../shared/monitoring';
import { actorOf } from '../auth';
import {
  presentCampaign,
  presentCampaignSchool,
  presentScreen,
  presentTemplate,
} from '../presenters/monitoring';

const attachment = (fileName: string) =>
  `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

export function registerMonitoringRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Мониторинг ВСОКО'];

  r.get(
    '/api/monitoring/templates',
    {
      schema: {
        tags,
        summary: 'Шаблоны (анкеты, чек-листы, экспертные карты) муниципалитета',
        querystring: templateListQuery,
        response: { 200: templateListResponse },
      },
    },
    async (request) => ({
      data: (
        await services.monitoringTemplates.list(actorOf(request), request.query.municipalityId)
      ).map(presentTemplate),
    }),
  );

  r.post(
    '/api/monitoring/templates',
    {
      schema: {
        tags,
        summary: 'Создать шаблон (версия 1)',
        body: createTemplateRequest,
        response: { 200: templateResponse },
      },
    },
    async (request) => ({
      data: presentTemplate(
        await services.monitoringTemplates.create(actorOf(request), request.body),
      ),
    }),
  );

  r.post(
    '/api/monitoring/templates/builtin',
    {
      schema: {
        tags,
        summary: 'Добавить муниципалитету недостающие типовые шаблоны',
        body: templateListQuery,
        response: { 200: z.object({ data: z.object({ added: z.number().int() }) }) },
      },
    },
    async (request) => ({
      data: {
        added: await services.monitoringTemplates.installBuiltins(
          actorOf(request),
          request.body.municipalityId,
        ),
      },
    }),
  );

  r.get(
    '/api/monitoring/templates/:id',
    {
      schema: {
        tags,
        summary: 'Шаблон и его версии',
        params: idParams,
        response: { 200: templateResponse },
      },
    },
    async (request) => ({
      data: presentTemplate(
        await services.monitoringTemplates.get(actorOf(request), request.params.id),
      ),
    }),
  );

  r.post(
    '/api/monitoring/templates/:id/versions',
    {
      schema: {
        tags,
        summary: 'Сохранить изменения шаблона новой версией',
        params: idParams,
        body: newVersionRequest,
        response: { 200: templateResponse },
      },
    },
    async (request) => ({
      data: presentTemplate(
        await services.monitoringTemplates.addVersion(
          actorOf(request),
          request.params.id,
          request.body,
        ),
      ),
    }),
  );

  r.get(
    '/api/monitoring/campaigns',
    {
      schema: {
        tags,
        summary: 'Мониторинги с ОО в области доступа',
        response: { 200: campaignListResponse },
      },
    },
    async (request) => ({
      data: (await services.campaigns.list(actorOf(request))).map(presentCampaign),
    }),
  );

  r.post(
    '/api/monitoring/campaigns',
    {
      schema: {
        tags,
        summary: 'Создать мониторинг',
        body: createCampaignRequest,
        response: { 200: campaignResponse },
      },
    },
    async (request) => ({
      data: presentCampaign(await services.campaigns.create(actorOf(request), request.body)),
    }),
  );

  r.get(
    '/api/monitoring/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Мониторинг',
        params: idParams,
        response: { 200: campaignResponse },
      },
    },
    async (request) => ({
      data: presentCampaign(await services.campaigns.get(actorOf(request), request.params.id)),
    }),
  );

  r.patch(
    '/api/monitoring/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Изменить мониторинг: статус, сроки, регламент',
        params: idParams,
        body: updateCampaignRequest,
        response: { 200: campaignResponse },
      },
    },
    async (request) => ({
      data: presentCampaign(
        await services.campaigns.update(actorOf(request), request.params.id, request.body),
      ),
    }),
  );

  r.get(
    '/api/monitoring/campaigns/:id/screen',
    {
      schema: {
        tags,
        summary: 'Экран с результатами мониторинга: ОО × показатели',
        params: idParams,
        response: { 200: screenResponse },
      },
    },
    async (request) => ({
      data: presentScreen(
        await services.monitoringScreen.screen(actorOf(request), request.params.id),
      ),
    }),
  );

  r.get(
    '/api/monitoring/campaigns/:id/screen.xlsx',
    { schema: { tags, summary: 'Экран мониторинга в XLSX', params: idParams } },
    async (request, reply) => {
      const file = await services.monitoringScreen.xlsx(actorOf(request), request.params.id);
      reply.header(
        'content-type',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      reply.header('content-disposition', attachment(file.fileName));
      return reply.send(file.bytes);
    },
  );

  r.get(
    '/api/monitoring/campaigns/:id/regulation',
    {
      schema: {
        tags,
        summary: 'Скачать документ-регламент мониторинга (всем, кто видит мониторинг)',
        params: idParams,
      },
    },
    async (request, reply) => {
      const file = await services.monitoringScreen.regulation(actorOf(request), request.params.id);
      reply.header('content-type', file.doc.mimeType);
      reply.header('content-disposition', attachment(file.doc.fileName));
      return reply.send(file.stream);
    },
  );

  r.get(
    '/api/monitoring/campaigns/:id/report.docx',
    { schema: { tags, summary: 'Аналитическая справка по мониторингу (DOCX)', params: idParams } },
    async (request, reply) => {
      const file = await services.monitoringScreen.report(actorOf(request), request.params.id);
      reply.header(
        'content-type',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      reply.header('content-disposition', attachment(file.fileName));
      return reply.send(file.bytes);
    },
  );

  r.get(
    '/api/monitoring/campaign-schools/:id',
    {
      schema: {
        tags,
        summary: 'ОО в мониторинге: самоотчёт, экспертная карта, документы, история',
        params: idParams,
        response: { 200: campaignSchoolResponse },
      },
    },
    async (request) => ({
      data: presentCampaignSchool(
        await services.campaigns.getSchool(actorOf(request), request.params.id),
      ),
    }),
  );

  r.put(
    '/api/monitoring/campaign-schools/:id/self',
    {
      schema: {
        tags,
        summary: 'Сохранить или отправить самоотчёт ОО',
        params: idParams,
        body: saveSelfRequest,
        response: { 200: campaignSchoolResponse },
      },
    },
    async (request) => ({
      data: presentCampaignSchool(
        await services.campaigns.saveSelf(actorOf(request), request.params.id, request.body),
      ),
    }),
  );

  r.put(
    '/api/monitoring/campaign-schools/:id/card',
    {
      schema: {
        tags,
        summary: 'Сохранить экспертную карту или сделать её итоговой',
        params: idParams,
        body: saveCardRequest,
        response: { 200: campaignSchoolResponse },
      },
    },
    async (request) => ({
      data: presentCampaignSchool(
        await services.campaigns.saveCard(actorOf(request), request.params.id, request.body),
      ),
    }),
  );

  r.post(
    '/api/monitoring/campaign-schools/:id/return',
    {
      schema: {
        tags,
        summary: 'Вернуть самоотчёт ОО на доработку',
        params: idParams,
        body: returnSelfRequest,
        response: { 200: campaignSchoolResponse },
      },
    },
    async (request) => ({
      data: presentCampaignSchool(
        await services.campaigns.returnSelf(
          actorOf(request),
          request.params.id,
          request.body.comment,
        ),
      ),
    }),
  );

  r.post(
    '/api/monitoring/campaign-schools/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Открыть заново итоговую экспертную карту (с причиной)',
        params: idParams,
        body: reopenRequest,
        response: { 200: campaignSchoolResponse },
      },
    },
    async (request) => ({
      data: presentCampaignSchool(
        await services.campaigns.reopenCard(
          actorOf(request),
          request.params.id,
          request.body.reason,
        ),
      ),
    }),
  );

  r.post(
    '/api/monitoring/campaigns/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Открыть заново завершённый мониторинг (с причиной)',
        params: idParams,
        body: reopenRequest,
        response: { 200: campaignResponse },
      },
    },
    async (request) => ({
      data: presentCampaign(
        await services.campaigns.reopenCampaign(
          actorOf(request),
          request.params.id,
          request.body.reason,
        ),
      ),
    }),
  );
}
