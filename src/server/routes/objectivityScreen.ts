import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { invalid } from '../../core/errors';
import { OFFICIAL_LIST_LABELS } from '../../core/objectivity/officialLists';
import type { Services } from '../../services';
import { idParams } from '../../shared/common';
import { MAX_DOCUMENT_BYTES } from '../../shared/documents';
import {
  decisionRequest,
  dueProcessResponse,
  explanationFields,
  listImportFields,
  listImportResponse,
  listsOverviewResponse,
  listsQuery,
  orgParams,
  schoolListsResponse,
  screenQuery,
  screenResponse,
  yearQuery,
} from '../../shared/objectivityScreen';
import { actorOf } from '../auth';
import { presentListEntry, presentListImport } from '../presenters/objectivityScreen';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

interface Upload {
  fields: Record<string, string>;
  file: { fileName: string; mimeType: string; bytes: Buffer } | null;
}

/** Reads a multipart form: text fields and at most one file. */
async function readUpload(request: FastifyRequest): Promise<Upload> {
  const fields: Record<string, string> = {};
  let file: Upload['file'] = null;
  for await (const part of request.parts({ limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1 } })) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer();
      if (part.file.truncated) throw invalid('Файл больше 50 МБ');
      if (part.filename)
        file = {
          fileName: part.filename,
          mimeType: part.mimetype || 'application/octet-stream',
          bytes,
        };
    } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
  }
  return { fields, file };
}

const issues = (e: { issues: { path: PropertyKey[]; message: string }[] }) =>
  e.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ');

export function registerObjectivityScreenRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Объективность результатов'];

  r.get(
    '/api/objectivity/screen',
    {
      schema: {
        tags,
        summary: 'Экран «Объективность результатов»: школы с уровнем риска по последнему анализу',
        querystring: screenQuery,
        response: { 200: screenResponse },
      },
    },
    async (request) => ({
      data: await services.objectivityScreen.screen(actorOf(request), request.query),
    }),
  );

  r.get(
    '/api/objectivity/screen.xlsx',
    {
      schema: {
        tags,
        summary: 'Экран «Объективность результатов» в XLSX (те же отборы)',
        querystring: screenQuery,
      },
    },
    async (request, reply) => {
      const file = await services.objectivityScreen.xlsx(actorOf(request), request.query);
      reply.header('content-type', XLSX);
      reply.header('content-disposition', attachment(file.fileName));
      return reply.send(file.bytes);
    },
  );

  r.get(
    '/api/objectivity/lists',
    {
      schema: {
        tags,
        summary: 'Загруженные официальные списки (федеральный, ШНОР) по годам и история загрузок',
        querystring: listsQuery,
        response: { 200: listsOverviewResponse },
      },
    },
    async (request) => {
      const o = await services.officialLists.overview(
        actorOf(request),
        request.query.municipalityId,
      );
      return {
        data: {
          counts: o.counts.map((c) => ({ ...c, listLabel: OFFICIAL_LIST_LABELS[c.list] })),
          imports: o.imports.map(presentListImport),
        },
      };
    },
  );

  r.post(
    '/api/objectivity/lists',
    {
      schema: {
        tags,
        summary: 'Загрузить официальный список (multipart: list = federal | shnor, файл file)',
        consumes: ['multipart/form-data'],
        response: { 200: listImportResponse },
      },
    },
    async (request) => {
      const { fields, file } = await readUpload(request);
      if (!file) throw invalid('Выберите файл списка (.xlsx или .csv)');
      const parsed = listImportFields.safeParse(fields);
      if (!parsed.success) throw invalid(`Неверные данные: ${issues(parsed.error)}`);
      const out = await services.officialLists.import(
        actorOf(request),
        parsed.data.list,
        file,
        parsed.data.municipalityId,
      );
      return { data: { ...out, import: out.import ? presentListImport(out.import) : null } };
    },
  );

  r.get(
    '/api/objectivity/schools/:orgId/official-lists',
    {
      schema: {
        tags,
        summary: 'Школа в официальных списках (федеральный список, ШНОР) по годам',
        params: orgParams,
        response: { 200: schoolListsResponse },
      },
    },
    async (request) => ({
      data: (await services.officialLists.ofSchool(actorOf(request), request.params.orgId)).map(
        presentListEntry,
      ),
    }),
  );

  r.get(
    '/api/objectivity/schools/:orgId/due-process',
    {
      schema: {
        tags,
        summary: 'Признаки, доказательства, пояснения ОО и решения по школе за год',
        params: orgParams,
        querystring: yearQuery,
        response: { 200: dueProcessResponse },
      },
    },
    async (request) => ({
      data: await services.dueProcess.view(
        actorOf(request),
        request.params.orgId,
        request.query.year,
      ),
    }),
  );

  r.post(
    '/api/objectivity/schools/:orgId/explanations',
    {
      schema: {
        tags,
        summary: 'Пояснение ОО к признакам (multipart: year, text, необязательный файл file)',
        params: orgParams,
        consumes: ['multipart/form-data'],
        response: { 200: dueProcessResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { fields, file } = await readUpload(request);
      const parsed = explanationFields.safeParse(fields);
      if (!parsed.success) throw invalid(`Неверные данные пояснения: ${issues(parsed.error)}`);
      await services.dueProcess.explain(actor, request.params.orgId, parsed.data, file);
      return {
        data: await services.dueProcess.view(actor, request.params.orgId, parsed.data.year),
      };
    },
  );

  r.post(
    '/api/objectivity/schools/:orgId/decisions',
    {
      schema: {
        tags,
        summary: 'Решение по школе: снять, оставить в зоне риска, наблюдатели, перепроверка',
        params: orgParams,
        body: decisionRequest,
        response: { 200: dueProcessResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await services.dueProcess.decide(actor, request.params.orgId, request.body);
      return {
        data: await services.dueProcess.view(actor, request.params.orgId, request.body.year),
      };
    },
  );

  r.get(
    '/api/objectivity/explanations/:id/file',
    { schema: { tags, summary: 'Скачать файл пояснения ОО', params: idParams } },
    async (request, reply) => {
      const file = await services.dueProcess.openFile(actorOf(request), request.params.id);
      reply.header('content-type', file.doc.mimeType);
      reply.header('content-disposition', attachment(file.doc.fileName));
      return reply.send(file.stream);
    },
  );
}
