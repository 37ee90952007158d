import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database } from '../src/db/database';
import { buildApp } from '../src/server/app';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/server/auth';
import { createServices, type Services } from '../src/services';
import { ensureReferenceData } from '../src/services/reference';
import { localFileStorage } from '../src/storage/fileStorage';
import { createTestDatabase } from './db';

export interface TestContext {
  database: Database;
  services: Services;
  app: FastifyInstance;
  filesDir: string;
  close(): Promise<void>;
}

/** A migrated database, the services and the in-process HTTP app, as the server builds them. */
export async function createTestContext(options: { now?: () => Date } = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  await ensureReferenceData(database.db, new Date());
  const filesDir = mkdtempSync(path.join(os.tmpdir(), 'vsoko-files-'));
  const services = createServices({
    database,
    storage: localFileStorage(filesDir),
    now: options.now ?? (() => new Date()),
  });
  const app = await buildApp(services, {
    version: 'test',
    webRoot: null,
    secureCookies: false,
    isDemo: async () => false,
    logger: false,
    trustProxy: false,
  });
  return {
    database,
    services,
    app,
    filesDir,
    async close() {
      await app.close();
      await database.close();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

type Body = InjectOptions['payload'];

/** An HTTP client signed in as one user: sends the session cookie and the CSRF header. */
export interface Client {
  login: string;
  csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: Body, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: Body): Promise<LightMyRequestResponse>;
  put(url: string, body?: Body): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  request(
    method: InjectOptions['method'],
    url: string,
    body?: Body,
  ): Promise<LightMyRequestResponse>;
}

export async function signIn(
  app: FastifyInstance,
  login: string,
  password: string,
): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login, password },
  });
  if (res.statusCode !== 200)
    throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('no session cookie');
  const csrf = (res.json() as { data: { csrfToken: string } }).data.csrfToken;
  const request = (
    method: InjectOptions['method'],
    url: string,
    payload?: Body,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method,
      url,
      cookies: { [SESSION_COOKIE]: cookie.value },
      headers: { [CSRF_HEADER]: csrf, ...headers },
      ...(payload !== undefined ? { payload } : {}),
    });
  return {
    login,
    csrf,
    request,
    get: (url) => request('GET', url),
    post: (url, body, headers) => request('POST', url, body ?? {}, headers),
    patch: (url, body) => request('PATCH', url, body ?? {}),
    put: (url, body) => request('PUT', url, body ?? {}),
    delete: (url) => request('DELETE', url),
  };
}

/** The `data` of a successful JSON response; fails the test with the body otherwise. */
export function dataOf<T = unknown>(res: LightMyRequestResponse, status = 200): T {
  if (res.statusCode !== status) {
    throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  }
  return (res.json() as { data: T }).data;
}

export function errorOf(res: LightMyRequestResponse): {
  status: number;
  code: string;
  message: string;
} {
  const body = res.json() as { error: { code: string; message: string } };
  return { status: res.statusCode, code: body.error.code, message: body.error.message };
}
