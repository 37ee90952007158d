import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { chromiumAvailable, CHROMIUM_PATH } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: boolean;
  }
}

/**
 * Builds the web client once for the end-to-end run. Without Chromium the e2e tests are skipped
 * with a notice on a laptop, and fail under CI=true.
 */
export default async function setup(project: TestProject) {
  const available = chromiumAvailable();
  if (!available) {
    if (process.env.CI === 'true') {
      throw new Error(
        `CI=true: Chromium is required at ${CHROMIUM_PATH} (apt-get install -y chromium)`,
      );
    }
    console.warn(`[vsoko] Chromium not found at ${CHROMIUM_PATH}: end-to-end tests are skipped.`);
  } else {
    await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  }
  project.provide('chromium', available);
}
