import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SYSTEM_ACTOR } from '../../core/access/actor';
import { municipalitiesWithResults } from '../../db/repositories/analysisRuns';
import { listMunicipalities } from '../../db/repositories/reference';
import { describeDatabase, openRuntime, readEnv } from '../runtime';

/**
 * `vsoko region:import файл.xlsx|.csv [--municipality-id N]`: imports the regional ФИС ОКО
 * aggregates (docs/objectivity-card.md) for the region of the municipality (the only one with
 * results when not given); the region's analyses re-run when figures changed.
 */
export async function regionImportCommand(file: string, o: { municipalityId?: number }) {
  const runtime = await openRuntime(readEnv());
  try {
    const { db } = runtime.database;
    console.log(`База данных: ${describeDatabase(runtime.database)}`);
    let municipalityId = o.municipalityId;
    if (municipalityId === undefined) {
      const withResults = await municipalitiesWithResults(db);
      const all = await listMunicipalities(db);
      const candidates = withResults.length ? withResults : all.map((m) => m.id);
      if (candidates.length !== 1)
        throw new Error('Укажите муниципалитет: --municipality-id N (регион берётся по нему)');
      municipalityId = candidates[0] as number;
    }
    const bytes = await readFile(file);
    const out = await runtime.services.regionAggregates.importFile(
      SYSTEM_ACTOR,
      { fileName: path.basename(file), bytes },
      municipalityId,
    );
    console.log(
      `Региональные показатели: строк ${out.rows}, добавлено ${out.added}, изменено ${out.changed}, без изменений ${out.unchanged}`,
    );
  } finally {
    await runtime.close();
  }
}
