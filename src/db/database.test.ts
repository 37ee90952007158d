import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from './database';

const dir = mkdtempSync(path.join(os.tmpdir(), 'vsoko-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The embedded engine only: the PostgreSQL run of the suite has nothing to add here.
describe('embedded database folder', () => {
  it('refuses a second opener with a Russian message and opens again once released', async () => {
    const first = await openPglite(dir);
    await expect(openPglite(dir)).rejects.toThrow(/уже используется другим процессом vsoko/);
    await first.close();
    const again = await openPglite(dir);
    await again.close();
  }, 60_000);
});
