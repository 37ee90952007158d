import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prettyJsonChunks, writeJsonFile } from './jsonFile';

const samples: unknown[] = [
  null,
  0,
  'строка "с кавычками"\n',
  [],
  {},
  [1, [2, [3, [4, { a: [5] }]]], {}, []],
  {
    schools: [
      { school: 'sch1', year: 2024, flagged: true, p: 1e-7, evidence: [{ a: null, b: [] }] },
      { school: 'sch2', year: 2024, flagged: false, skipped: undefined, f: () => 1 },
    ],
    nested: { deeper: { deepest: { x: [1, 2, { y: 'z' }] } } },
    date: new Date(Date.UTC(2026, 10, 25)),
    list: [undefined, () => 2, NaN, Infinity],
  },
];

describe('prettyJsonChunks', () => {
  it.each(samples.map((s, i) => [i, s]))(
    'sample %i is exactly JSON.stringify(x, null, 2)',
    (_, s) => {
      for (const depth of [0, 1, 2, 3, 6])
        expect([...prettyJsonChunks(s, depth)].join('')).toBe(JSON.stringify(s, null, 2));
    },
  );
});

describe('writeJsonFile', () => {
  it('writes the document and a newline, in pieces larger than one buffer', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vsoko-json-'));
    try {
      const big = {
        schools: Array.from({ length: 20_000 }, (_, i) => ({ i, text: 'x'.repeat(100) })),
      };
      const file = path.join(dir, 'out.json');
      await writeJsonFile(file, big);
      expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(big, null, 2)}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
