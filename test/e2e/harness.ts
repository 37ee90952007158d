import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { WEB_ROOT } from '../../src/cli/commands/serve';
import { buildApp } from '../../src/server/app';
import { createTestContext, type TestContext } from '../app';
import { launchChromium } from './browser';

/** Whether this run has a browser (see globalSetup: a skip on laptops, a failure under CI). */
export const hasBrowser = () => inject('chromium');

export interface E2E {
  ctx: TestContext;
  baseUrl: string;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** A real server on a random loopback port, serving the built web client, and a browser page. */
export async function startE2E(): Promise<E2E> {
  const ctx = await createTestContext();
  const app = await buildApp(ctx.services, {
    version: 'e2e',
    webRoot: WEB_ROOT,
    secureCookies: false,
    isDemo: async () => false,
    logger: false,
    trustProxy: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'ru-RU' });
  return {
    ctx,
    baseUrl,
    browser,
    page,
    async close() {
      await browser.close();
      await app.close();
      await ctx.close();
    },
  };
}

export async function loginAs(e2e: E2E, login: string, password: string) {
  const { page } = e2e;
  await page.goto(`${e2e.baseUrl}/login`);
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}
