import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { invalid } from '../../core/errors';
import type { Services } from '../../services';
import { idParams } from '../../shared/common';
import {
  saveScheduleRequest,
  scheduleQuery,
  scheduleResponse,
  uploadScheduleFields,
} from '../../shared/schedules';
import { actorOf } from '../auth';
import { presentSchedule } from '../presenters/schedules';

const MAX_SCHEDULE_BYTES = 5 * 1024 * 1024;

export function registerScheduleRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Графики оценочных процедур'];

  r.get(
    '/api/orgs/:id/schedule',
    {
      schema: {
        tags,
        summary: 'График оценочных процедур ОО за учебный год и его проверка',
        params: idParams,
        querystring: scheduleQuery,
        response: { 200: scheduleResponse },
      },
    },
    async (request) => ({
      data: presentSchedule(
        await services.schedules.get(
          actorOf(request),
          request.params.id,
          request.query.academicYearId,
        ),
      ),
    }),
  );

  r.put(
    '/api/orgs/:id/schedule',
    {
      schema: {
        tags,
        summary: 'Сохранить график, учебный план и число уроков в день (замена целиком)',
        params: idParams,
        body: saveScheduleRequest,
        response: { 200: scheduleResponse },
      },
    },
    async (request) => ({
      data: presentSchedule(
        await services.schedules.save(actorOf(request), request.params.id, request.body),
      ),
    }),
  );

  r.post(
    '/api/orgs/:id/schedule/upload',
    {
      schema: {
        tags,
        summary:
          'Загрузить график из XLSX (листы «График», «Учебный план», «Уроков в день») или CSV',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 200: scheduleResponse },
      },
    },
    async (request) => {
      const fields: Record<string, string> = {};
      let file: { fileName: string; mimeType: string; bytes: Buffer } | null = null;
      for await (const part of request.parts({
        limits: { fileSize: MAX_SCHEDULE_BYTES, files: 1 },
      })) {
        if (part.type === 'file') {
          const bytes = await part.toBuffer();
          if (part.file.truncated) throw invalid('Файл графика больше 5 МБ');
          file = { fileName: part.filename, mimeType: part.mimetype, bytes };
        } else if (typeof part.value === 'string') {
          fields[part.fieldname] = part.value;
        }
      }
      if (!file) throw invalid('Выберите файл графика (.xlsx или .csv)');
      const parsed = uploadScheduleFields.safeParse(fields);
      if (!parsed.success) throw invalid('Укажите учебный год графика');
      return {
        data: presentSchedule(
          await services.schedules.upload(
            actorOf(request),
            request.params.id,
            parsed.data.academicYearId,
            file,
          ),
        ),
      };
    },
  );
}
