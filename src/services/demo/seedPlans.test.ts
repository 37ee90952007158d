import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPlanFile } from '../../importers/plans';
import { seedPlanOf } from './seedPlanData';
import seedPlans from './seedPlans.json';

describe('the demo transcription of the seed plans', () => {
  it('equals what the importer reads from the seed DOCX fixtures', async () => {
    for (const [i, id] of ['000', '001', '002', '003', '004'].entries()) {
      const bytes = readFileSync(path.resolve('test/fixtures/plans', `seed-${id}.docx`));
      const expected = seedPlanOf(id, await importPlanFile(bytes, `seed-${id}.docx`));
      expect(seedPlans[i]).toEqual(JSON.parse(JSON.stringify(expected)));
    }
  });

  it('keeps the structure of each seed', () => {
    const count = (i: number) => seedPlans[i]!.activities.length;
    expect([count(0), count(1), count(2), count(3), count(4)]).toEqual([16, 26, 11, 16, 15]);
    expect(seedPlans.map((s) => s.sections.length)).toEqual([2, 4, 0, 0, 0]);
  });
});
