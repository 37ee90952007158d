import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../services';
import {
  analysisQuery,
  analysisRunDetailResponse,
  analysisRunListResponse,
  analysisRunResponse,
  startAnalysisRequest,
} from '../../shared/analysis';
import { idParams } from '../../shared/common';
import { actorOf } from '../auth';
import { presentRun, presentSchoolResult } from '../presenters/analysis';

export function registerAnalysisRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Анализ объективности'];

  r.get(
    '/api/analysis/runs',
    {
      schema: {
        tags,
        summary: 'Запуски анализа объективности (orgId — запуски, охватывающие эту школу)',
        querystring: analysisQuery,
        response: { 200: analysisRunListResponse },
      },
    },
    async (request) => ({
      data: (await services.analysisRuns.list(actorOf(request), request.query.orgId)).map(
        presentRun,
      ),
    }),
  );

  r.get(
    '/api/analysis/runs/:id',
    {
      schema: {
        tags,
        summary: 'Запуск анализа с результатами школ (в пределах прав; orgId — одна школа)',
        params: idParams,
        querystring: analysisQuery,
        response: { 200: analysisRunDetailResponse },
      },
    },
    async (request) => {
      const { run, results } = await services.analysisRuns.get(
        actorOf(request),
        request.params.id,
        request.query.orgId,
      );
      return { data: { run: presentRun(run), results: results.map(presentSchoolResult) } };
    },
  );

  r.post(
    '/api/analysis/runs',
    {
      schema: {
        tags,
        summary: 'Выполнить анализ объективности по муниципалитету',
        body: startAnalysisRequest,
        response: { 200: analysisRunResponse },
      },
    },
    async (request) => ({
      data: presentRun(await services.analysisRuns.start(actorOf(request), request.body)),
    }),
  );
}
