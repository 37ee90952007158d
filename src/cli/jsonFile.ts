import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * The text of `JSON.stringify(value, null, 2)` in pieces: objects and arrays down to `depth`
 * levels are walked, deeper values are stringified whole. A region's analysis document is longer
 * than the longest string V8 allows (~537 million characters), so it cannot be one string.
 */
export function* prettyJsonChunks(value: unknown, depth = 3, indent = ''): Generator<string> {
  const plain =
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function';
  if (!plain || depth === 0) {
    const text = JSON.stringify(value, null, 2);
    yield (text ?? 'null').replace(/\n/g, `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (!value.length) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i ? ',' : ''}\n${inner}`;
      const item: unknown = value[i];
      // As JSON.stringify: undefined, functions and symbols in arrays become null.
      const kept = item === undefined || typeof item === 'function' || typeof item === 'symbol';
      yield* prettyJsonChunks(kept ? null : item, depth - 1, inner);
    }
    yield `\n${indent}]`;
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol',
  );
  if (!entries.length) {
    yield '{}';
    return;
  }
  yield '{';
  for (const [i, [key, v]] of entries.entries()) {
    yield `${i ? ',' : ''}\n${inner}${JSON.stringify(key)}: `;
    yield* prettyJsonChunks(v, depth - 1, inner);
  }
  yield `\n${indent}}`;
}

/** Writes `JSON.stringify(value, null, 2)` and a newline to `file`, streamed. */
export async function writeJsonFile(file: string, value: unknown): Promise<number> {
  const out = createWriteStream(file);
  let length = 0;
  let buffer = '';
  const flush = async () => {
    length += buffer.length;
    if (!out.write(buffer)) await once(out, 'drain');
    buffer = '';
  };
  for (const chunk of prettyJsonChunks(value)) {
    buffer += chunk;
    if (buffer.length >= 1 << 20) await flush();
  }
  buffer += '\n';
  await flush();
  out.end();
  await once(out, 'finish');
  return length;
}
