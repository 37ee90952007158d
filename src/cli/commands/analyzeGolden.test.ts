import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analytics/analyze';
import { simulateRegion } from '../../core/analytics/validation/region';
import { analysisJson, summaryText } from './analyze';

/**
 * Speed work on the engine must not change a single figure: the whole `vsoko analyze` JSON (and
 * the printed summary) of a seeded region — four series, one per kind of manipulation, schools of
 * 8 to 120 works, observed years — is pinned by its SHA-256. A deliberate change of the engine's
 * results updates these hashes (and says why in the commit).
 */
const GOLDEN = {
  json: 'e7849c4e356c139c1f71c8d84be9ea3fa4f15d7b994586c86a5831ac287dc03a',
  summary: '2d63bdfef22a48ec04fe48e78c09fb7df544285723102a90d371625c28a95f73',
};

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('analysis output is pinned (golden hashes)', () => {
  it('the analyze JSON and summary of a seeded region are unchanged', () => {
    const { data } = simulateRegion({
      seed: 5,
      schools: 80,
      years: [2022, 2023, 2024],
      sizes: [8, 25, 60, 120],
      series: [
        { subject: 'rus', grade: 5 },
        { subject: 'math', grade: 5 },
        { subject: 'rus', grade: 6 },
        { subject: 'math', grade: 6 },
      ],
    });
    const options = { q: 0.05, json: 'out.json', observations: 'observations.csv' };
    const result = analyze(data, { q: options.q, supportQ: 0.1 });
    const json = `${JSON.stringify(analysisJson(result, [], options), null, 2)}\n`;
    expect(result.schools.length).toBe(80 * 3);
    expect(result.schools.some((s) => s.flagged)).toBe(true);
    expect({ json: sha(json), summary: sha(summaryText(result, [], options)) }).toEqual(GOLDEN);
  });
});
