import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../services';
import {
  compareQuery,
  compareResponse,
  supportProgrammeRequest,
  supportProgrammeResponse,
} from '../../shared/objectivitySupport';
import { actorOf } from '../auth';

/** Targeted support programme (as a plan) and external vs internal results of one school. */
export function registerObjectivitySupportRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Объективность результатов'];

  r.post(
    '/api/objectivity/support-programme',
    {
      schema: {
        tags,
        summary:
          'Сформировать программу адресного сопровождения выбранных школ как план мероприятий (ответ — id плана)',
        body: supportProgrammeRequest,
        response: { 200: supportProgrammeResponse },
      },
    },
    async (request) => ({
      data: await services.supportProgramme.create(actorOf(request), request.body),
    }),
  );

  r.get(
    '/api/objectivity/compare',
    {
      schema: {
        tags,
        summary:
          'Внешние (ВПР, ОГЭ, ЕГЭ) и внутренние (промежуточная, итоговая аттестация) отметки одних и тех же обучающихся школы',
        querystring: compareQuery,
        response: { 200: compareResponse },
      },
    },
    async (request) => ({
      data: await services.externalInternal.compare(
        actorOf(request),
        request.query.orgId,
        request.query.year,
      ),
    }),
  );
}
