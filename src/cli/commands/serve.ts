import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../../server/app';
import { createDemo, isDatabaseEmpty, isDemoDatabase } from '../../services/demo';
import { describeDatabase, openRuntime, readEnv } from '../runtime';

export const WEB_ROOT = fileURLToPath(new URL('../../../dist/web', import.meta.url));

export function packageVersion(): string {
  const pkg = JSON.parse(
    readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  return pkg.version;
}

/**
 * Starts the server. With `demo`, an empty database first gets the demo district; without it,
 * an empty database asks for the first administrator (setup page or `user:create`).
 */
export async function serve(options: { demo: boolean; port?: number; host?: string }) {
  const env = readEnv();
  const runtime = await openRuntime(env);
  const { services, database } = runtime;
  console.log(`База данных: ${describeDatabase(database)}`);
  if (options.demo && (await isDatabaseEmpty(services.deps))) {
    await createDemo(services.deps, services, (m) => console.log(m));
  }
  const setupCode = await services.setup.prepare();
  const app = await buildApp(services, {
    version: packageVersion(),
    webRoot: WEB_ROOT,
    secureCookies: process.env.VSOKO_SECURE_COOKIES === 'true',
    isDemo: () => isDemoDatabase(services.deps),
    logger: process.env.VSOKO_LOG === 'true',
    trustProxy: process.env.VSOKO_TRUST_PROXY === 'true',
  });
  const port = options.port ?? env.port;
  const host = options.host ?? env.host;
  await app.listen({ port, host });
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  console.log(`vsoko ${packageVersion()} работает: ${url}`);
  if (await isDemoDatabase(services.deps)) {
    console.log('Демонстрационный режим: логины и пароль — в README (раздел «Демо-вход»).');
  }
  if (setupCode) {
    console.log(
      `Система не настроена. Откройте ${url}/setup и введите код установки: ${setupCode}\n` +
        'или создайте администратора командой: npm run vsoko -- user:create --help',
    );
  }
  const stop = async () => {
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
