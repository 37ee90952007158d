import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadResults, ResultsLoadError, testFromFileName } from './loadResults';

describe('results files for the engine', () => {
  it('reads the test of a school form from its file name', () => {
    expect(testFromFileName('dir/forma_sbora_vpr_2023_mat_4_sch780312.csv')).toEqual({
      procedure: 'vpr',
      year: 2023,
      subjectCode: 'math',
      grade: 4,
    });
    expect(testFromFileName('VPR-2025-rus-5.xlsx')).toMatchObject({
      year: 2025,
      subjectCode: 'rus',
      grade: 5,
    });
    expect(testFromFileName('results.csv')).toEqual({});
    expect(testFromFileName('vpr_2024_alchemy_5.csv')).toEqual({});
  });

  it('merges an export and a school form, keeps absent pupils out of the count', async () => {
    const exportFile = 'test/fixtures/results/individual_vpr_2024_rus_5_win1251.csv';
    const form = 'test/fixtures/results/forma_sbora_vpr_2023_mat_4_sch780312.csv';
    const loaded = await loadResults([
      { name: exportFile, bytes: new Uint8Array(readFileSync(exportFile)) },
      { name: form, bytes: new Uint8Array(readFileSync(form)) },
    ]);
    expect(loaded.tests.map((t) => [t.subject, t.grade, t.year])).toEqual([
      ['rus', 5, 2024],
      ['math', 4, 2023],
    ]);
    expect(loaded.files.map((f) => f.works)).toEqual([8, 3]);
  });

  it('refuses the whole set when one file is wrong, naming it', async () => {
    const bad = 'test/fixtures/results/wrong_headers.csv';
    await expect(
      loadResults([{ name: bad, bytes: new Uint8Array(readFileSync(bad)) }]),
    ).rejects.toThrow(ResultsLoadError);
    await expect(
      loadResults([{ name: bad, bytes: new Uint8Array(readFileSync(bad)) }]),
    ).rejects.toThrow(/wrong_headers\.csv/);
  });
});
