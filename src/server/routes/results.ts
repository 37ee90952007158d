import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { invalid } from '../../core/errors';
import type { Services } from '../../services';
import { idParams } from '../../shared/common';
import {
  MAX_RESULTS_FILE_BYTES,
  batchListQuery,
  batchListResponse,
  batchResponse,
  commitImportRequest,
  createTestRequest,
  importChoice,
  importOutcomeResponse,
  importPreviewResponse,
  resultTestListResponse,
  testListQuery,
  testListResponse,
  testResponse,
  updateTestRequest,
  worksQuery,
  worksResponse,
} from '../../shared/results';
import { actorOf } from '../auth';
import { presentBatch, presentPreview, presentTest, presentWork } from '../presenters/results';

async function readUpload(request: FastifyRequest) {
  const fields: Record<string, string> = {};
  let file: { fileName: string; bytes: Buffer } | null = null;
  for await (const part of request.parts({
    limits: { fileSize: MAX_RESULTS_FILE_BYTES, files: 1 },
  })) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer();
      if (part.file.truncated) throw invalid('Файл больше 200 МБ');
      file = { fileName: part.filename, bytes };
    } else if (typeof part.value === 'string' && part.value !== '') {
      fields[part.fieldname] = part.value;
    }
  }
  if (!file) throw invalid('Выберите файл с результатами');
  const parsed = importChoice.safeParse(fields);
  if (!parsed.success) {
    throw invalid(
      `Неверные параметры загрузки: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return { file, choice: parsed.data };
}

export function registerResultRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Результаты оценочных процедур'];

  r.get(
    '/api/results/catalog',
    {
      schema: {
        tags,
        summary: 'Каталог работ',
        querystring: testListQuery,
        response: { 200: testListResponse },
      },
    },
    async (request) => ({
      data: (await services.testCatalog.list(actorOf(request), request.query)).map(presentTest),
    }),
  );

  r.post(
    '/api/results/catalog',
    {
      schema: {
        tags,
        summary: 'Добавить работу в каталог',
        body: createTestRequest,
        response: { 200: testResponse },
      },
    },
    async (request) => ({
      data: presentTest(await services.testCatalog.create(actorOf(request), request.body)),
    }),
  );

  r.patch(
    '/api/results/catalog/:id',
    {
      schema: {
        tags,
        summary: 'Исправить работу в каталоге',
        params: idParams,
        body: updateTestRequest,
        response: { 200: testResponse },
      },
    },
    async (request) => ({
      data: presentTest(
        await services.testCatalog.update(actorOf(request), request.params.id, request.body),
      ),
    }),
  );

  r.post(
    '/api/results/imports/preview',
    {
      schema: {
        tags,
        summary:
          'Проверить файл результатов перед загрузкой (multipart: файл file и параметры работы)',
        consumes: ['multipart/form-data'],
        response: { 200: importPreviewResponse },
      },
    },
    async (request) => {
      const { file, choice } = await readUpload(request);
      const { uploadKey, plan } = await services.resultImports.preview(actorOf(request), {
        fileName: file.fileName,
        bytes: file.bytes,
        choice,
      });
      return { data: presentPreview(uploadKey, plan) };
    },
  );

  r.post(
    '/api/results/imports',
    {
      schema: {
        tags,
        summary: 'Загрузить проверенный файл результатов',
        body: commitImportRequest,
        response: { 200: importOutcomeResponse },
      },
    },
    async (request) => {
      const { uploadKey, fileName, ...choice } = request.body;
      return {
        data: await services.resultImports.commitUpload(
          actorOf(request),
          uploadKey,
          fileName,
          choice,
        ),
      };
    },
  );

  r.get(
    '/api/results/imports',
    {
      schema: {
        tags,
        summary: 'История загрузок результатов',
        querystring: batchListQuery,
        response: { 200: batchListResponse },
      },
    },
    async (request) => {
      const { rows, total } = await services.resultImports.history(actorOf(request), request.query);
      return { data: { items: rows.map(presentBatch), total } };
    },
  );

  r.post(
    '/api/results/imports/:id/undo',
    {
      schema: {
        tags,
        summary: 'Отменить загрузку результатов',
        params: idParams,
        response: { 200: batchResponse },
      },
    },
    async (request) => ({
      data: presentBatch(await services.resultImports.undo(actorOf(request), request.params.id)),
    }),
  );

  r.get(
    '/api/results/tests',
    {
      schema: {
        tags,
        summary: 'Работы с загруженными результатами',
        response: { 200: resultTestListResponse },
      },
    },
    async (request) => ({
      data: (await services.results.tests(actorOf(request))).map((t) => ({
        test: presentTest(t.test),
        schools: t.schools,
      })),
    }),
  );

  r.get(
    '/api/results/tests/:id/works',
    {
      schema: {
        tags,
        summary: 'Работы обучающихся одной ОО (коды участников, без ФИО)',
        params: idParams,
        querystring: worksQuery,
        response: { 200: worksResponse },
      },
    },
    async (request) => {
      const res = await services.results.works(
        actorOf(request),
        request.params.id,
        request.query.orgId,
        request.query.className,
      );
      return {
        data: {
          test: presentTest(res.test),
          orgId: res.orgId,
          orgName: res.orgName,
          classes: res.classes,
          works: res.works.map(presentWork),
          summary: res.summary,
        },
      };
    },
  );
}
