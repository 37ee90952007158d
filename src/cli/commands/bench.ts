import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { createRng } from '../../core/random';
import { openPostgres } from '../../db/database';
import { formatTaskHeader } from '../../core/results/taskHeader';
import {
  individualResultsTable,
  tablesToXlsx,
  type ExportWork,
} from '../../importers/results/writers';
import type { AnalysisBenchResult } from './benchAnalysisWorker';
import type { BenchResult } from './benchWorker';
import { loadBench } from './benchLoad';

/**
 * `npm run bench`: (1) imports — a region-year of ВПР (default 1,000,000 works × 15 tasks, ~2,000 schools)
 * as a Windows-1251 «Индивидуальные результаты» CSV and a 100,000-work XLSX (and one a quarter
 * of that size, to show how memory grows), imported through the real service (parse, check,
 * COPY) into PGlite and, with --pg / DATABASE_URL / TEST_DATABASE_URL, into a temporary
 * PostgreSQL database created and dropped here. Each import runs in its own process, so the
 * printed peak memory (max RSS) is that import's own. (2) analysis — a generated region
 * (`--analysis-works` per year × 3 years) analysed as `vsoko analyze` does, and the shared
 * aggregates side by side in DuckDB (`benchAnalysisWorker.ts`). (3) load — the objectivity
 * screens under 50 connections (`benchLoad.ts`, PostgreSQL only).
 */
const TASKS = Array.from({ length: 15 }, (_, i) => ({
  code: String(i + 1),
  max: i < 10 ? 1 : 2,
  level: (i < 10 ? 'Б' : 'П') as 'Б' | 'П',
}));
const MAX = TASKS.reduce((s, t) => s + t.max, 0);
const cut = (total: number) => (total >= 17 ? 5 : total >= 12 ? 4 : total >= 6 ? 3 : 2);
const PER_SCHOOL = 500;

function* regionCsvLines(works: number): Generator<string> {
  const rng = createRng(42);
  yield 'ВПР 2021 Математика 6 класс';
  yield `Максимальный первичный балл: ${MAX}`;
  yield `Регион | Кол-во участников: ${works}`;
  yield ['', '', '', '', '', '', ...TASKS.map((t) => t.level), '', '', ''].join(';');
  yield [
    'ОО',
    'Муниципалитет',
    'Название ОО',
    'Код участника',
    'Класс',
    'Вариант',
    ...TASKS.map((t) => formatTaskHeader(t.code, t.max)),
    'Первичный балл',
    'Отметка',
    'Отметка по журналу',
  ].join(';');
  for (let i = 0; i < works; i++) {
    const school = Math.floor(i / PER_SCHOOL);
    const login = `sch9${String(school).padStart(5, '0')}`;
    const ability = rng.next();
    const scores = TASKS.map((t) =>
      Math.min(t.max, Math.floor(ability * (t.max + 1) + rng.next() * 0.6)),
    );
    const total = scores.reduce((s, x) => s + x, 0);
    yield [
      login,
      `Муниципалитет ${school % 20}`,
      `Школа ${school}`,
      10000 + (i % PER_SCHOOL),
      `6${'АБВГ'[i % 4]}`,
      1 + (i % 2),
      ...scores,
      total,
      cut(total),
      cut(total),
    ].join(';');
  }
}

function regionCsv(works: number): Buffer {
  const parts: Buffer[] = [];
  let chunk: string[] = [];
  for (const line of regionCsvLines(works)) {
    chunk.push(line);
    if (chunk.length === 50_000) {
      parts.push(iconv.encode(`${chunk.join('\r\n')}\r\n`, 'win1251'));
      chunk = [];
    }
  }
  if (chunk.length) parts.push(iconv.encode(chunk.join('\r\n'), 'win1251'));
  return Buffer.concat(parts);
}

async function regionXlsx(works: number): Promise<Buffer> {
  const rng = createRng(7);
  const list: ExportWork[] = Array.from({ length: works }, (_, i) => {
    const scores = TASKS.map((t) => rng.int(0, t.max));
    const school = Math.floor(i / PER_SCHOOL);
    return {
      schoolLogin: `sch8${String(school).padStart(5, '0')}`,
      schoolName: `Школа ${school}`,
      participantCode: String(10000 + (i % PER_SCHOOL)),
      className: '6А',
      variant: 1,
      absent: false,
      scores,
      mark: cut(scores.reduce((s, x) => s + x, 0)),
      journalMark: 4,
    };
  });
  const table = individualResultsTable({
    title: 'ВПР 2021 Русский язык 6 класс',
    municipality: 'Регион',
    tasks: TASKS,
    works: list,
  });
  return tablesToXlsx([{ name: 'Результаты', table }]);
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} МБ`;
const WORKER = fileURLToPath(new URL('./benchWorker.ts', import.meta.url));

const ANALYSIS_WORKER = fileURLToPath(new URL('./benchAnalysisWorker.ts', import.meta.url));

/** The analysis of a generated region and the DuckDB comparison, in a child process. */
async function analysisBench(perYear: number): Promise<void> {
  if (!(perYear >= 1000)) throw new Error('--analysis-works: число работ в год, не меньше 1000');
  const result = await new Promise<AnalysisBenchResult>((resolve, reject) => {
    const child = fork(ANALYSIS_WORKER, [String(perYear)], { stdio: 'inherit' });
    let out: AnalysisBenchResult | null = null;
    child.on('message', (m) => (out = m as AnalysisBenchResult));
    child.on('error', reject);
    child.on('exit', (code) =>
      out ? resolve(out) : reject(new Error(`Анализ: процесс завершился с кодом ${code}`)),
    );
  });
  console.log(`\nИтог анализа:\n${result.lines.join('\n')}`);
}

/** Runs one import in a child process (same Node options, so the TypeScript loader too). */
function runImport(
  kind: 'pglite' | 'postgres' | 'read',
  location: string,
  file: string,
  label: string,
): Promise<BenchResult> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [kind, location, file, label], { stdio: 'inherit' });
    let result: BenchResult | null = null;
    child.on('message', (m) => (result = m as BenchResult));
    child.on('error', reject);
    child.on('exit', (code) =>
      result ? resolve(result) : reject(new Error(`${label}: процесс завершился с кодом ${code}`)),
    );
  });
}

function report(label: string, r: BenchResult): string {
  const first =
    r.firstSeconds < r.seconds
      ? ` (первая порция в базе через ${r.firstSeconds.toFixed(1)} с)`
      : '';
  const line = `${label}: работ ${r.works} за ${r.seconds.toFixed(1)} с — ${Math.round(r.works / r.seconds)} строк/с${first}; пик памяти ${mb(r.peakRss)}`;
  console.log(line);
  return line;
}

/** A temporary database on the server of `url`; dropped by the returned function. */
async function temporaryPgDatabase(
  url: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `vsoko_bench_${process.pid}_${Date.now()}`;
  const admin = openPostgres(url);
  await admin.db.execute(`create database ${name}`);
  await admin.close();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    async drop() {
      const db = openPostgres(url);
      await db.db.execute(`drop database if exists ${name} with (force)`);
      await db.close();
    },
  };
}

export interface BenchOptions {
  works: string;
  analysisWorks: string;
  xlsxWorks: string;
  pg?: string;
  only?: string;
  loadSchools: string;
  loadSeconds: string;
}

/** `npm run bench`: the import figures, then the load run of the objectivity screens. */
export async function benchCommand(o: BenchOptions) {
  const pgUrl = o.pg ?? process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (o.only !== undefined && !['import', 'analysis', 'load'].includes(o.only))
    throw new Error('--only: import, analysis или load');
  if (o.only === undefined || o.only === 'import') await importBench(o, pgUrl);
  if (o.only === undefined || o.only === 'analysis') await analysisBench(Number(o.analysisWorks));
  if (o.only !== undefined && o.only !== 'load') return;
  if (!pgUrl) {
    console.log(
      'Нагрузка: пропущено (нужен PostgreSQL: --pg <url>, DATABASE_URL или TEST_DATABASE_URL)',
    );
    return;
  }
  await loadBench({
    url: pgUrl,
    schools: Number(o.loadSchools),
    years: [2023, 2024, 2025],
    seconds: Number(o.loadSeconds),
    connections: 50,
  });
}

async function importBench(o: BenchOptions, pgUrl: string | undefined) {
  const works = Number(o.works);
  const xlsxWorks = Number(o.xlsxWorks);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vsoko-bench-'));
  const summary: string[] = [];
  try {
    let t = performance.now();
    const csvFile = path.join(dir, 'region.csv');
    const csv = regionCsv(works);
    writeFileSync(csvFile, csv);
    console.log(
      `CSV: ${works} работ × 15 заданий, ${mb(csv.length)}, создан за ${((performance.now() - t) / 1000).toFixed(1)} с`,
    );
    const xlsxFiles: { file: string; works: number }[] = [];
    // --xlsx-works 0: the CSV only.
    for (const n of xlsxWorks > 0 ? [Math.round(xlsxWorks / 4), xlsxWorks] : []) {
      t = performance.now();
      const file = path.join(dir, `region-${n}.xlsx`);
      const bytes = await regionXlsx(n);
      writeFileSync(file, bytes);
      xlsxFiles.push({ file, works: n });
      console.log(
        `XLSX: ${n} работ, ${mb(bytes.length)}, создан за ${((performance.now() - t) / 1000).toFixed(1)} с`,
      );
    }
    for (const x of xlsxFiles) {
      const label = `Чтение и проверка XLSX ${x.works} работ (без базы)`;
      summary.push(report(label, await runImport('read', '', x.file, label)));
    }
    const targets: { label: string; kind: 'pglite' | 'postgres' }[] = [
      { label: 'PGlite', kind: 'pglite' },
    ];
    if (pgUrl) targets.push({ label: 'PostgreSQL', kind: 'postgres' });
    else
      console.log('PostgreSQL: пропущено (укажите --pg <url>, DATABASE_URL или TEST_DATABASE_URL)');
    for (const target of targets) {
      const files = [{ file: csvFile, works, name: 'CSV' }].concat(
        xlsxFiles.map((x) => ({ ...x, name: 'XLSX' })),
      );
      for (const f of files) {
        const label = `${target.label}, ${f.name} ${f.works} работ`;
        console.log(`${label}: загрузка…`);
        if (target.kind === 'pglite') {
          const dataDir = path.join(dir, `pglite-${f.name}-${f.works}`);
          summary.push(report(label, await runImport('pglite', dataDir, f.file, label)));
          rmSync(dataDir, { recursive: true, force: true });
        } else {
          const temp = await temporaryPgDatabase(pgUrl as string);
          try {
            summary.push(report(label, await runImport('postgres', temp.url, f.file, label)));
          } finally {
            await temp.drop();
          }
        }
      }
    }
    console.log(`\nИтог:\n${summary.join('\n')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
