import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Services } from '../services';
import { registerAuth } from './auth';
import type { ServerConfig } from './config';
import { errorHandler } from './errors';
import { registerAuditRoutes } from './routes/audit';
import { registerAuthRoutes } from './routes/auth';
import { registerClassRoutes } from './routes/classes';
import { registerDocumentRoutes } from './routes/documents';
import { registerExpertGroupRoutes } from './routes/expertGroups';
import { registerOrgRoutes } from './routes/orgs';
import { registerPlanActivityRoutes } from './routes/planActivities';
import { registerPlanRoutes } from './routes/plans';
import { registerReferenceRoutes } from './routes/reference';
import { registerMonitoringRoutes } from './routes/monitoring';
import { registerScheduleRoutes } from './routes/schedules';
import { registerResultRoutes } from './routes/results';
import { registerAnalysisRoutes } from './routes/analysis';
import { registerJournalMarkRoutes } from './routes/resultsJournal';
import { registerObjectivityObserveRoutes } from './routes/objectivityObserve';
import { registerObjectivitySupportRoutes } from './routes/objectivitySupport';
import { registerObjectivityReportRoutes } from './routes/objectivityReport';
import { registerUserRoutes } from './routes/users';
import { registerObjectivityCardRoutes } from './routes/objectivityCard';
import { registerObjectivityScreenRoutes } from './routes/objectivityScreen';

/** A route of the API as registered, for the scope-matrix test and the docs. */
export interface RegisteredRoute {
  method: string;
  url: string;
  public: boolean;
}

/** Builds the HTTP application without listening: the server and the tests use the same app. */
export async function buildApp(services: Services, config: ServerConfig) {
  const app = Fastify({
    logger: config.logger,
    trustProxy: config.trustProxy,
    bodyLimit: 10 * 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, public: route.config?.public === true });
    }
  });
  app.decorate('apiRoutes', routes);

  await app.register(cookie);
  await app.register(multipart);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'vsoko API',
        description:
          'API системы «Объективная ВСОКО». Ответы: `{ data }` или `{ error: { code, message } }`.',
        version: config.version,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'vsoko_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerAuth(app, services);
  registerAuthRoutes(app, services, config);
  registerReferenceRoutes(app, services);
  registerOrgRoutes(app, services);
  registerClassRoutes(app, services);
  registerUserRoutes(app, services);
  registerExpertGroupRoutes(app, services);
  registerDocumentRoutes(app, services);
  registerAuditRoutes(app, services);
  registerScheduleRoutes(app, services);
  registerMonitoringRoutes(app, services);
  registerPlanRoutes(app, services);
  registerPlanActivityRoutes(app, services);
  registerResultRoutes(app, services);
  registerAnalysisRoutes(app, services);
  registerJournalMarkRoutes(app, services);
  registerObjectivityReportRoutes(app, services);
  registerObjectivityCardRoutes(app, services);
  registerObjectivityObserveRoutes(app, services);
  registerObjectivityScreenRoutes(app, services);
  registerObjectivitySupportRoutes(app, services);

  registerWeb(app, config.webRoot);
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: RegisteredRoute[];
  }
}

/** Serves the built SPA; every non-API GET falls back to index.html. */
function registerWeb(app: FastifyInstance, webRoot: string | null) {
  const hasWeb = webRoot !== null && existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) {
    void app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Адрес не найден' } });
    }
    if (!hasWeb) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('Веб-интерфейс не собран: выполните npm run build:web (npm start делает это сам).');
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}
