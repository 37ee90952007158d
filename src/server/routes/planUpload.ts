import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { invalid } from '../../core/errors';
import { MAX_DOCUMENT_BYTES } from '../../shared/documents';

export interface ReceivedFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

/** Reads a multipart body: text fields (validated by `schema`) and one file named `file`. */
export async function readUpload<T extends z.ZodType>(
  request: FastifyRequest,
  schema: T,
): Promise<{ fields: z.infer<T>; file: ReceivedFile }> {
  if (!request.isMultipart()) throw invalid('Ожидается форма с файлом (multipart/form-data)');
  const fields: Record<string, string> = {};
  let file: ReceivedFile | null = null;
  for await (const part of request.parts({ limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1 } })) {
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
  if (!file) throw invalid('Выберите файл');
  const parsed = schema.safeParse(fields);
  if (!parsed.success) {
    throw invalid(
      `Неверные данные формы: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return { fields: parsed.data as z.infer<T>, file };
}

/** Sends a generated file with a Cyrillic file name (RFC 5987). */
export function sendFile(reply: FastifyReply, fileName: string, mimeType: string, bytes: Buffer) {
  reply.header('content-type', mimeType);
  reply.header(
    'content-disposition',
    `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  );
  return reply.send(bytes);
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
