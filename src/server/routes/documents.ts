import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { invalid } from '../../core/errors';
import type { Services } from '../../services';
import { idParams } from '../../shared/common';
import {
  MAX_DOCUMENT_BYTES,
  documentListQuery,
  documentListResponse,
  documentResponse,
  uploadDocumentFields,
} from '../../shared/documents';
import { actorOf } from '../auth';
import { presentDocument } from '../presenters/misc';

/** RFC 5987 filename for Content-Disposition with Cyrillic names. */
const contentDisposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

export function registerDocumentRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Документы'];

  r.get(
    '/api/documents',
    {
      schema: {
        tags,
        summary: 'Документы организаций в области доступа',
        querystring: documentListQuery,
        response: { 200: documentListResponse },
      },
    },
    async (request) => ({
      data: (await services.documents.list(actorOf(request), request.query)).map(presentDocument),
    }),
  );

  r.get(
    '/api/documents/:id',
    {
      schema: {
        tags,
        summary: 'Сведения о документе',
        params: idParams,
        response: { 200: documentResponse },
      },
    },
    async (request) => ({
      data: presentDocument(await services.documents.get(actorOf(request), request.params.id)),
    }),
  );

  r.get(
    '/api/documents/:id/file',
    { schema: { tags, summary: 'Скачать файл документа', params: idParams } },
    async (request, reply) => {
      const { row, stream } = await services.documents.open(actorOf(request), request.params.id);
      reply.header('content-type', row.doc.mimeType);
      reply.header('content-disposition', contentDisposition(row.doc.fileName));
      return reply.send(stream);
    },
  );

  r.post(
    '/api/documents',
    {
      schema: {
        tags,
        summary: 'Загрузить документ (multipart/form-data: поля и файл file)',
        consumes: ['multipart/form-data'],
        response: { 200: documentResponse },
      },
    },
    async (request) => {
      const fields: Record<string, string> = {};
      let file: { fileName: string; mimeType: string; bytes: Buffer } | null = null;
      for await (const part of request.parts({
        limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1 },
      })) {
        if (part.type === 'file') {
          const bytes = await part.toBuffer();
          if (part.file.truncated) throw invalid('Файл больше 50 МБ');
          file = {
            fileName: part.filename,
            mimeType: part.mimetype || 'application/octet-stream',
            bytes,
          };
        } else if (typeof part.value === 'string') {
          fields[part.fieldname] = part.value;
        }
      }
      if (!file) throw invalid('Выберите файл документа');
      const parsed = uploadDocumentFields.safeParse(fields);
      if (!parsed.success) {
        throw invalid(
          `Неверные данные документа: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      }
      const row = await services.documents.upload(actorOf(request), parsed.data, file);
      return { data: presentDocument(row) };
    },
  );
}
