import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalid } from '../../core/errors';
import type { Services } from '../../services';
import {
  journalFileListResponse,
  journalFileResponse,
  journalMarksQuery,
  journalOutcomeResponse,
  journalPreviewRequest,
  journalPreviewResponse,
  journalTarget,
  studentMarksResponse,
} from '../../shared/journalMarks';
import { actorOf } from '../auth';

const MAX_JOURNAL_FILE_BYTES = 50 * 1024 * 1024;

async function readJournalUpload(request: FastifyRequest) {
  const fields: Record<string, string> = {};
  let file: { fileName: string; bytes: Buffer } | null = null;
  for await (const part of request.parts({
    limits: { fileSize: MAX_JOURNAL_FILE_BYTES, files: 1 },
  })) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer();
      if (part.file.truncated) throw invalid('Файл больше 50 МБ');
      file = { fileName: part.filename, bytes };
    } else if (typeof part.value === 'string' && part.value !== '') {
      fields[part.fieldname] = part.value;
    }
  }
  if (!file) throw invalid('Выберите файл с отметками');
  const parsed = journalTarget.safeParse(fields);
  if (!parsed.success) {
    throw invalid('Укажите организацию и учебный год (год начала, например 2024 для 2024/25)');
  }
  return { file, target: parsed.data };
}

/** Internal marks from electronic journals: upload → mapping → preview → commit; history. */
export function registerJournalMarkRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Отметки из электронного журнала'];

  r.post(
    '/api/results/journal/upload',
    {
      schema: {
        tags,
        summary:
          'Загрузить выгрузку электронного журнала (multipart: файл file, orgId, year): столбцы, предложенное сопоставление и предпросмотр',
        consumes: ['multipart/form-data'],
        response: { 200: journalPreviewResponse },
      },
    },
    async (request) => {
      const { file, target } = await readJournalUpload(request);
      return { data: await services.journalMarks.upload(actorOf(request), target, file) };
    },
  );

  r.post(
    '/api/results/journal/preview',
    {
      schema: {
        tags,
        summary: 'Предпросмотр загруженного файла при выбранном сопоставлении столбцов',
        body: journalPreviewRequest,
        response: { 200: journalPreviewResponse },
      },
    },
    async (request) => ({
      data: await services.journalMarks.preview(actorOf(request), request.body),
    }),
  );

  r.post(
    '/api/results/journal/imports',
    {
      schema: {
        tags,
        summary:
          'Загрузить отметки (всё или ничего; тот же файл повторно ничего не меняет; исправленный файл заменяет прежнюю загрузку тех же обучающихся, предметов и периодов)',
        body: journalPreviewRequest,
        response: { 200: journalOutcomeResponse },
      },
    },
    async (request) => ({
      data: await services.journalMarks.commit(actorOf(request), request.body),
    }),
  );

  r.get(
    '/api/results/journal/imports',
    {
      schema: {
        tags,
        summary: 'История загрузок отметок из электронных журналов',
        querystring: z.object({ orgId: z.coerce.number().int().positive().optional() }),
        response: { 200: journalFileListResponse },
      },
    },
    async (request) => ({
      data: await services.journalMarks.history(actorOf(request), request.query.orgId),
    }),
  );

  r.post(
    '/api/results/journal/imports/:id/undo',
    {
      schema: {
        tags,
        summary:
          'Отменить действующую загрузку отметок: её отметки перестают учитываться, заменённые ею загрузки снова действуют',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: journalFileResponse },
      },
    },
    async (request) => ({
      data: await services.journalMarks.undo(actorOf(request), request.params.id),
    }),
  );

  r.get(
    '/api/results/journal/marks',
    {
      schema: {
        tags,
        summary: 'Отметки из электронного журнала по обучающимся ОО',
        querystring: journalMarksQuery,
        response: { 200: studentMarksResponse },
      },
    },
    async (request) => ({
      data: await services.journalMarks.marksOf(
        actorOf(request),
        request.query.orgId,
        request.query.year,
      ),
    }),
  );
}
