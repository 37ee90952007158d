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
 * A municipal ВПР file for the objectivity card tests: Mathematics grade 4, 2023 (catalog
 * structure, the last four tasks level П), schools `numbers` with two classes of 25 pupils; school
 * 207 is manipulated as the demo manifest says. Imported for `municipalityId` (creates schools).
 */
export async function importMunicipalVpr(
  ctx: TestContext,
  municipalityId: number,
  numbers: readonly string[],
  seed = 42,
): Promise<void> {
  const catalog = KNOWN_TESTS.find(
    (t) => t.procedure === 'vpr' && t.year === 2023 && t.subjectCode === 'math' && t.grade === 4,
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
  const works = numbers.flatMap((number, s) =>
    simulateSchoolWorks(
      rng,
      test,
      { number, fisLogin: `sch78${number}`, shortName: `Школа № ${number}` },
      ['4А', '4Б'].map((className) => ({
        className,
        pupils: Array.from({ length: 25 }, () => ({ ability: 0.3 * rng.normal() + rng.normal() })),
      })),
      0,
      10000 + s * 300,
    ),
  );
  const bytes = tableToCsv(
    individualResultsTable({
      title: 'ВПР 2023 Математика 4 класс',
      municipality: 'Тестовый район',
      tasks,
      works,
    }),
  );
  const out = await ctx.services.resultImports.importFile(
    SYSTEM_ACTOR,
    { fileName: `vpr_2023_math_4_${seed}.csv`, bytes, choice: {} },
    { createSchools: true, municipalityId },
  );
  if (out.status !== 'imported') throw new Error(`import failed: ${JSON.stringify(out)}`);
}
