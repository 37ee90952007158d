import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyze } from '../../core/analytics/analyze';
import {
  REGION_SERIES,
  regionSchools,
  simulateRegion,
} from '../../core/analytics/validation/region';
import { analysisJson } from './analyze';
import { writeJsonFile } from '../jsonFile';
import { aggregatesDiffer, duckdbAggregates, engineAggregates } from './benchAggregates';

/** What the analysis bench child reports to the parent: its printed lines, for the summary. */
export interface AnalysisBenchResult {
  lines: string[];
  analysisSeconds: number;
}

/** The target of issue 4: a region of 1,000,000 works × 3 years analysed in ≤ 10 s. */
export const ANALYSIS_TARGET_SECONDS = 10;
const TARGET_WORKS_PER_YEAR = 1_000_000;
const YEARS = [2023, 2024, 2025];
const SIZES = [25, 50, 75, 100];

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} МБ`;
const sec = (s: number) => `${s.toFixed(2).replace('.', ',')} с`;
const int = (n: number) => n.toLocaleString('ru-RU');
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const threadsText = (n: number) =>
  `${n} ${n % 10 === 1 && n % 100 !== 11 ? 'поток' : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 'потока' : 'потоков'}`;

/**
 * `benchAnalysisWorker.ts <works per year>`, in its own process (so the peak memory is the
 * analysis's own, with its input data): generates a region — the validation simulation for eight
 * series (Russian and Mathematics, grades 4–7) over the same schools and three years, each series
 * with its own kind of manipulation — in compact columns, runs the engine exactly as
 * `vsoko analyze` does after reading files (analysis, then the JSON document with dossiers), times
 * writing that JSON, then computes the shared aggregates with the engine and with DuckDB and
 * checks they are identical.
 */
async function main() {
  const perYear = Number(process.argv[2]);
  const lines: string[] = [];
  const say = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  let t = performance.now();
  const schools = regionSchools(perYear, SIZES);
  const { data, manipulated } = simulateRegion({
    seed: 2025,
    schools,
    years: YEARS,
    sizes: SIZES,
    series: REGION_SERIES,
  });
  const works = data.tests.reduce((a, x) => a + x.n, 0);
  console.log(
    `Регион для анализа: ${int(works)} работ (${YEARS.length} года по ~${int(perYear)}; ${int(schools)} ОО, ${REGION_SERIES.length} работ ВПР в год: русский язык и математика, 4–7 классы), создан за ${sec((performance.now() - t) / 1000)}`,
  );

  t = performance.now();
  const options = { q: 0.05, json: 'bench.json' };
  const result = analyze(data, { q: options.q, supportQ: 0.1 });
  const analyzed = performance.now();
  const json = analysisJson(result, [], options);
  const seconds = (performance.now() - t) / 1000;
  const peak = peakRss();
  const flagged = result.schools.filter((s) => s.flagged);
  const right = flagged.filter((s) => manipulated.has(`${s.school}|${s.year}`)).length;
  const met =
    perYear >= TARGET_WORKS_PER_YEAR
      ? `цель ≤ ${ANALYSIS_TARGET_SECONDS} с ${seconds <= ANALYSIS_TARGET_SECONDS ? 'выполнена' : 'НЕ выполнена'}`
      : `цель ≤ ${ANALYSIS_TARGET_SECONDS} с ставится для ${int(TARGET_WORKS_PER_YEAR)} работ в год`;
  say(
    `Анализ региона, ${int(works)} работ: ${sec(seconds)} — ${int(Math.round(works / seconds))} работ/с; пик памяти ${mb(peak)} (с данными); ${met}`,
  );
  say(
    `  (движок ${sec((analyzed - t) / 1000)}, документ JSON с досье ${sec((performance.now() - analyzed) / 1000)}; школ-лет ${int(result.schools.length)}, с признаками ${int(flagged.length)}, из них искажали ${int(right)})`,
  );

  // Writing the document, as `vsoko analyze --json` does: reported, not part of the target.
  t = performance.now();
  const file = path.join(os.tmpdir(), `vsoko-bench-analysis-${process.pid}.json`);
  try {
    const length = await writeJsonFile(file, json);
    say(
      `  запись JSON как у vsoko analyze --json: ${int(length)} символов за ${sec((performance.now() - t) / 1000)} (в цель не входит)`,
    );
  } catch (e) {
    say(`  запись JSON как у vsoko analyze --json: не удалась — ${(e as Error).message}`);
  } finally {
    rmSync(file, { force: true });
  }

  t = performance.now();
  const engine = engineAggregates(data);
  const engineSeconds = (performance.now() - t) / 1000;
  let duck;
  try {
    duck = await duckdbAggregates(data);
  } catch (e) {
    say(
      `Общие агрегаты в DuckDB: пропущено (@duckdb/node-api — dev-зависимость: ${(e as Error).message})`,
    );
    process.send?.({ lines, analysisSeconds: seconds } satisfies AnalysisBenchResult);
    return;
  }
  const differ = aggregatesDiffer(engine, duck.rows);
  if (differ) throw new Error(`Движок и DuckDB дали разные агрегаты: ${differ}`);
  const ratio = duck.querySeconds / engineSeconds;
  const compare = `время DuckDB / время движка = ${ratio.toFixed(2).replace('.', ',')}`;
  say(
    `Общие агрегаты (распределение отметок и Понизили/Подтвердили/Повысили по ОО и работе, ${int(engine.length)} строк): движок ${sec(engineSeconds)} (1 поток); DuckDB ${duck.version} ${sec(duck.querySeconds)} (${threadsText(duck.threads)}, запрос и чтение результата; загрузка работ ${sec(duck.loadSeconds)}); ${compare}; числа совпадают`,
  );
  process.send?.({ lines, analysisSeconds: seconds } satisfies AnalysisBenchResult);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
