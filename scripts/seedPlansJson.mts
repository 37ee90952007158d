/**
 * Writes the demo's transcription of the five seed plans (src/services/demo/seedPlans.json) by
 * importing the LibreOffice-made fixtures with the real importer. A test keeps the two equal:
 *   npx tsx scripts/seedPlansJson.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seedPlanOf } from '../src/services/demo/seedPlanData';
import { importPlanFile } from '../src/importers/plans';

const out: unknown[] = [];
for (const id of ['000', '001', '002', '003', '004']) {
  const bytes = readFileSync(path.resolve('test/fixtures/plans', `seed-${id}.docx`));
  out.push(seedPlanOf(id, await importPlanFile(bytes, `seed-${id}.docx`)));
}
writeFileSync('src/services/demo/seedPlans.json', `${JSON.stringify(out, null, 1)}\n`);
console.log('src/services/demo/seedPlans.json');
