import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

/** The project root (where `src/cli/main.ts` runs from). */
export const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * A working folder for one CLI test file (removed after it) and `vsoko(args)`, which runs the
 * real CLI in a child process on an embedded database inside that folder.
 */
export function cliSandbox(prefix: string, timeout: number) {
  const work = mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  function vsoko(args: string[]) {
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: root,
      env: { ...process.env, VSOKO_DATA_DIR: path.join(work, 'data'), DATABASE_URL: '' },
      encoding: 'utf8',
      timeout,
    });
    return { status: res.status, out: res.stdout, err: res.stderr };
  }
  return { work, vsoko };
}
