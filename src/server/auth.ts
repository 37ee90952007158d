import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../core/access/actor';
import { AppError } from '../core/errors';
import type { ResolvedSession } from '../services/auth/authService';
import type { Services } from '../services';

export const SESSION_COOKIE = 'vsoko_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    session: ResolvedSession | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, meta, setup). */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the session cookie of every API request, then requires a session on non-public
 * routes and a matching CSRF header on every state-changing request made with a session.
 */
export function registerAuth(app: FastifyInstance, services: Services) {
  app.decorateRequest('session', null);
  // onRequest runs before body parsing and validation: an anonymous or forged request learns
  // nothing about the shape of the data it sent.
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? await services.auth.resolve(token) : null;
    const isPublic = request.routeOptions.config.public === true;
    if (!isPublic && !request.session) {
      throw new AppError('UNAUTHENTICATED', 'Требуется вход в систему');
    }
    if (request.session && !SAFE_METHODS.has(request.method)) {
      if (request.headers[CSRF_HEADER] !== request.session.csrfToken) {
        throw new AppError('CSRF', 'Запрос отклонён: обновите страницу и повторите действие');
      }
    }
  });
}

export function sessionOf(request: FastifyRequest): ResolvedSession {
  if (!request.session) throw new AppError('UNAUTHENTICATED', 'Требуется вход в систему');
  return request.session;
}

export const actorOf = (request: FastifyRequest): Actor => sessionOf(request).actor;
