import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  changePasswordRequest,
  loginRequest,
  metaResponse,
  sessionResponse,
  setupRequest,
} from '../../shared/auth';
import { okResponse } from '../../shared/common';
import type { Services } from '../../services';
import { SESSION_COOKIE, sessionOf } from '../auth';
import { presentSession } from '../presenters/users';
import type { ServerConfig } from '../config';
import { SESSION_IDLE_MS } from '../../services/auth/authService';

export function registerAuthRoutes(app: FastifyInstance, services: Services, config: ServerConfig) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: config.secureCookies,
  };

  r.get(
    '/api/meta',
    {
      config: { public: true },
      schema: { tags: ['Система'], summary: 'Сведения о системе', response: { 200: metaResponse } },
    },
    async () => ({
      data: {
        name: 'vsoko',
        version: config.version,
        demo: await config.isDemo(),
        setupRequired: await services.setup.isRequired(),
        database: services.deps.database.kind,
      },
    }),
  );

  r.post(
    '/api/setup',
    {
      config: { public: true },
      schema: {
        tags: ['Система'],
        summary: 'Первоначальная настройка: первый администратор',
        body: setupRequest,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await services.setup.complete(request.body);
      return { data: { ok: true as const } };
    },
  );

  r.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['Вход'],
        summary: 'Вход по логину и паролю',
        body: loginRequest,
        response: { 200: sessionResponse },
      },
    },
    async (request, reply) => {
      const { token, session } = await services.auth.login(
        request.body.login,
        request.body.password,
        {
          ip: request.ip ?? null,
          userAgent: request.headers['user-agent'] ?? null,
        },
      );
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: SESSION_IDLE_MS / 1000 });
      return { data: presentSession(await services.auth.describe(session)) };
    },
  );

  r.post(
    '/api/auth/logout',
    {
      config: { public: true },
      schema: { tags: ['Вход'], summary: 'Выход', response: { 200: okResponse } },
    },
    async (request, reply) => {
      if (request.session) await services.auth.logout(request.session);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return { data: { ok: true as const } };
    },
  );

  r.get(
    '/api/auth/session',
    {
      schema: {
        tags: ['Вход'],
        summary: 'Текущий пользователь, его роли и CSRF-токен',
        response: { 200: sessionResponse },
      },
    },
    async (request) => ({
      data: presentSession(await services.auth.describe(sessionOf(request))),
    }),
  );

  r.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['Вход'],
        summary: 'Смена собственного пароля',
        body: changePasswordRequest,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await services.auth.changePassword(sessionOf(request), request.body);
      return { data: { ok: true as const } };
    },
  );
}
