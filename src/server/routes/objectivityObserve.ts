import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalid } from '../../core/errors';
import type { Services } from '../../services';
import {
  observationChangeResponse,
  observationListResponse,
  observationsQuery,
  observedComparisonResponse,
  setObservationsRequest,
} from '../../shared/objectivityObserve';
import { idSchema } from '../../shared/common';
import { actorOf } from '../auth';

const MAX_CSV_BYTES = 5 * 1024 * 1024;

const attachment = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** Observation marks of administrations and the observed vs unobserved comparison. */
export function registerObjectivityObserveRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Объективность: общественное наблюдение'];

  r.get(
    '/api/objectivity/observations',
    {
      schema: {
        tags,
        summary:
          'Работы ВПР с результатами (ОО × год × предмет × класс) и отметки об общественном наблюдении',
        querystring: observationsQuery,
        response: { 200: observationListResponse },
      },
    },
    async (request) => ({
      data: await services.observations.list(actorOf(request), request.query),
    }),
  );

  r.put(
    '/api/objectivity/observations',
    {
      schema: {
        tags,
        summary: 'Отметить наблюдение (да / нет / не известно) для одной или нескольких работ',
        body: setObservationsRequest,
        response: { 200: observationChangeResponse },
      },
    },
    async (request) => ({
      data: await services.observations.set(actorOf(request), request.body.items),
    }),
  );

  r.post(
    '/api/objectivity/observations/import',
    {
      schema: {
        tags,
        summary:
          'Загрузить CSV «Логин ОО;Год;Предмет;Параллель;Общественное наблюдение» (всё или ничего)',
        consumes: ['multipart/form-data'],
        response: { 200: observationChangeResponse },
      },
    },
    async (request) => {
      let file: { fileName: string; bytes: Buffer } | null = null;
      for await (const part of request.parts({ limits: { fileSize: MAX_CSV_BYTES, files: 1 } })) {
        if (part.type !== 'file') continue;
        const bytes = await part.toBuffer();
        if (part.file.truncated) throw invalid('Файл больше 5 МБ');
        file = { fileName: part.filename, bytes };
      }
      if (!file) throw invalid('Выберите CSV-файл с отметками о наблюдении');
      return {
        data: await services.observations.importCsv(actorOf(request), file.fileName, file.bytes),
      };
    },
  );

  r.get(
    '/api/objectivity/observations/export',
    {
      schema: {
        tags,
        summary: 'Скачать отметки «да»/«нет» в формате CSV для загрузки и для vsoko analyze',
        querystring: observationsQuery,
      },
    },
    async (request, reply) => {
      const file = await services.observations.exportCsv(actorOf(request), request.query);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', attachment(file.fileName));
      return reply.send(file.bytes);
    },
  );

  r.get(
    '/api/objectivity/schools/:orgId/observed',
    {
      schema: {
        tags,
        summary: 'Результаты школы в годы с наблюдателем и без него, рядом с муниципалитетом',
        params: z.object({ orgId: idSchema }),
        response: { 200: observedComparisonResponse },
      },
    },
    async (request) => ({
      data: await services.observations.comparison(actorOf(request), request.params.orgId),
    }),
  );
}
