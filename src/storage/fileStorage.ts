import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** Where uploaded files live. Local disk today; an object store could implement the same. */
export interface FileStorage {
  put(bytes: Buffer): Promise<{ key: string; sha256: string; size: number }>;
  open(key: string): Promise<Readable>;
  remove(key: string): Promise<void>;
}

const KEY_PATTERN = /^[0-9a-f]{2}\/[0-9a-f-]{36}$/;

/** Files under `<root>/<first two hex of uuid>/<uuid>`; keys never come from user input. */
export function localFileStorage(root: string): FileStorage {
  const resolve = (key: string): string => {
    if (!KEY_PATTERN.test(key)) throw new Error(`invalid storage key ${key}`);
    return path.join(root, key);
  };
  return {
    async put(bytes) {
      const id = randomUUID();
      const key = `${id.slice(0, 2)}/${id}`;
      const target = resolve(key);
      await mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.part`;
      await writeFile(temp, bytes);
      await rename(temp, target);
      return { key, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
    },
    async open(key) {
      const file = resolve(key);
      await stat(file);
      return createReadStream(file);
    },
    async remove(key) {
      await rm(resolve(key), { force: true });
    },
  };
}
