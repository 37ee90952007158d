import { SYSTEM_ACTOR } from '../src/core/access/actor';
import { createRng } from '../src/core/random';
import { KNOWN_TESTS } from '../src/core/results/knownTests';
import { individualResultsTable, tableToCsv } from '../src/importers/results/writers';
import {
  simulateSchoolWorks,
  taskDifficulties,
  type SimTest,
} from '../src/services/demo/results/simulation';
import type { TestContext } from './app';

/**
 * Two years of municipal ВПР files (Mathematics grade 4, 2022 and 2023, catalog structure) for
 * ten schools of 60 pupils, simulated as in the demo. School 320 is manipulated as the demo
 * manifest says for its last year (flat gain of every work) — here the 2023 file — and honest
 * in 2022; every other school is honest. Imported with new schools `sch78<number>`.
 */
export const OBSERVE_NUMBERS = [
  '320',
  '901',
  '902',
  '903',
  '904',
  '905',
  '906',
  '907',
  '908',
  '909',
];
export const OBSERVE_YEARS = [2022, 2023] as const;

function municipalFile(year: 2022 | 2023, seed: number): Buffer {
  const catalog = KNOWN_TESTS.find(
    (t) => t.procedure === 'vpr' && t.year === year && t.subjectCode === 'math' && t.grade === 4,
  );
  if (!catalog?.cutScores) throw new Error('catalog entry missing');
  const rng = createRng(seed);
  const tasks = catalog.tasks.map((t, i) => ({
    ...t,
    level: t.level ?? (i >= catalog.tasks.length - 4 ? ('П' as const) : ('Б' as const)),
  }));
  const test: SimTest = {
    subject: 'math',
    grade: 4,
    tasks,
    cutScores: catalog.cutScores,
    difficulty: taskDifficulties(rng, tasks),
  };
  // Year indexes of the demo manifest: 2022 → 1, 2023 → 2 (school 320 manipulates in 2 only).
  const yearIndex = year === 2022 ? 1 : 2;
  const works = OBSERVE_NUMBERS.flatMap((number, s) =>
    simulateSchoolWorks(
      rng,
      test,
      { number, fisLogin: `sch78${number}`, shortName: `Школа № ${number}` },
      ['4А', '4Б'].map((className) => ({
        className,
        pupils: Array.from({ length: 30 }, () => ({ ability: 0.3 * rng.normal() + rng.normal() })),
      })),
      yearIndex,
      10000 + s * 300,
    ),
  );
  return tableToCsv(
    individualResultsTable({
      title: `ВПР ${year} Математика 4 класс`,
      municipality: 'Тестовый район',
      tasks,
      works,
    }),
  );
}

/** Imports both years; the analysis runs once at the end. */
export async function importObserveResults(ctx: TestContext, municipalityId: number) {
  const { changed } = await ctx.services.analysisRuns.deferReruns(async () => {
    for (const [i, year] of OBSERVE_YEARS.entries()) {
      const out = await ctx.services.resultImports.importFile(
        SYSTEM_ACTOR,
        { fileName: `vpr_${year}_math_4.csv`, bytes: municipalFile(year, 42 + i), choice: {} },
        { createSchools: true, municipalityId },
      );
      if (out.status !== 'imported') throw new Error(`import ${year}: ${out.status}`);
    }
  });
  await ctx.services.analysisRuns.rerun(SYSTEM_ACTOR, changed, 'import');
}
