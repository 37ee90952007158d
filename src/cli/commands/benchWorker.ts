import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SYSTEM_ACTOR } from '../../core/access/actor';
import { openPglite, openPostgres, type Database } from '../../db/database';
import { insertMunicipality, insertRegion } from '../../db/repositories/reference';
import { STANDARD_SUBJECTS } from '../../core/registry/subjects';
import { parseResultsFile } from '../../importers/results';
import { analyseResults, detectTestKey } from '../../importers/results/analyse';
import { createServices } from '../../services';
import { ensureReferenceData } from '../../services/reference';
import { localFileStorage } from '../../storage/fileStorage';

/** What a bench child process reports to the parent. */
export interface BenchResult {
  works: number;
  /** Until the first slice of works was in (reading, checks, plan, batches, first COPY). */
  firstSeconds: number;
  seconds: number;
  /** Peak resident memory of the child process, bytes. */
  peakRss: number;
}

/**
 * One timed import in its own process (so that its peak memory is its own): `benchWorker.ts
 * <pglite|postgres|read> <data dir or URL> <file> <label>` (`read`: parse and check only). Imports through the real service into a
 * fresh database and sends a `BenchResult` to the parent.
 */
async function main() {
  const [kind, location, file, label] = process.argv.slice(2) as [string, string, string, string];
  if (kind === 'read') return readOnly(file);
  const database: Database =
    kind === 'pglite' ? await openPglite(location) : openPostgres(location);
  try {
    await database.migrate();
    await ensureReferenceData(database.db, new Date());
    const region = await insertRegion(database.db, `b${Date.now()}`, 'Регион');
    const m = await insertMunicipality(database.db, region.id, `Район ${Date.now()}`);
    const services = createServices({
      database,
      storage: localFileStorage(path.join(path.dirname(file), `files-${kind}`)),
      now: () => new Date(),
    });
    const bytes = readFileSync(file);
    const started = performance.now();
    let firstSeconds = 0;
    let step = 0;
    // Import speed only: the stored analysis is not re-run here.
    const { result: out } = await services.analysisRuns.deferReruns(() =>
      services.resultImports.importFile(
        SYSTEM_ACTOR,
        { fileName: path.basename(file), bytes, choice: {} },
        { createSchools: true, municipalityId: m.id },
        ({ index, of }) => {
          const seconds = (performance.now() - started) / 1000;
          if (index === 1) firstSeconds = seconds;
          if (index === of || index >= ((step + 1) * of) / 5) {
            step++;
            console.log(`  ${label}: загружено ОО ${index}/${of} (${seconds.toFixed(1)} с)`);
          }
        },
      ),
    );
    const result: BenchResult = {
      works: out.works,
      firstSeconds,
      seconds: (performance.now() - started) / 1000,
      peakRss: process.resourceUsage().maxRSS * 1024,
    };
    process.send?.(result);
  } finally {
    await database.close();
  }
}

/** Reading and checking only (no database): the memory the reader itself needs. */
async function readOnly(file: string) {
  const started = performance.now();
  const parsed = await parseResultsFile(path.basename(file), readFileSync(file));
  const { key } = detectTestKey(parsed, {}, STANDARD_SUBJECTS);
  if (!key) throw new Error('bench: the test of the file is not recognised');
  const analysis = analyseResults(parsed, key, null, 'bench');
  const seconds = (performance.now() - started) / 1000;
  const result: BenchResult = {
    works: analysis.works.length,
    firstSeconds: seconds,
    seconds,
    peakRss: process.resourceUsage().maxRSS * 1024,
  };
  process.send?.(result);
}

await main();
