import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { AppError } from '../core/errors';
import type { ErrorResponse } from '../shared/common';

const send = (reply: FastifyReply, status: number, body: ErrorResponse) =>
  reply.status(status).type('application/json; charset=utf-8').send(body);

const LOCATIONS: Record<string, string> = {
  body: 'тело запроса',
  querystring: 'параметры адреса',
  params: 'адрес',
  headers: 'заголовки',
};

/** Every error leaves the server as `{ error: { code, message } }` with a Russian message. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return send(reply, error.status, {
      error: {
        code: error.code,
        message: error.message,
        ...(error.details !== undefined ? { details: error.details } : {}),
      },
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = LOCATIONS[error.validationContext ?? ''] ?? 'запрос';
    const issues = error.validation.map((v) => {
      const field = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      return field ? `${field}: ${v.message}` : (v.message ?? 'неверное значение');
    });
    return send(reply, 400, {
      error: {
        code: 'VALIDATION',
        message: `Неверные данные (${where}): ${issues.join('; ')}`,
        details: error.validation.map((v) => ({ path: v.instancePath, message: v.message })),
      },
    });
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, issues: error.cause }, 'response does not match its schema');
    return send(reply, 500, {
      error: { code: 'INTERNAL', message: 'Внутренняя ошибка сервера: ответ не прошёл проверку' },
    });
  }
  const status = error.statusCode ?? 500;
  if (status === 413) {
    return send(reply, 413, {
      error: { code: 'VALIDATION', message: 'Файл или запрос слишком большой' },
    });
  }
  if (status === 415) {
    return send(reply, 415, {
      error: { code: 'VALIDATION', message: 'Неподдерживаемый формат запроса' },
    });
  }
  if (status >= 400 && status < 500) {
    return send(reply, status, {
      error: { code: 'VALIDATION', message: `Неверный запрос: ${error.message}` },
    });
  }
  request.log.error({ err: error }, 'unhandled error');
  return send(reply, 500, {
    error: {
      code: 'INTERNAL',
      message: 'Внутренняя ошибка сервера. Подробности — в журнале сервера.',
    },
  });
}
