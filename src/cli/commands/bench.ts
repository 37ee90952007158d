import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { SYSTEM_ACTOR } from '../../core/access/actor';
import { createRng } from '../../core/random';
import { openPglite, openPostgres, type Database } from '../../db/database';
import { insertMunicipality, insertRegion } from '../../db/repositories/reference';
import { formatTaskHeader } from '../../core/results/taskHeader';
import {
  individualResultsTable,
  tablesToXlsx,
  type ExportWork,
} from '../../importers/results/writers';
import { createServices } from '../../services';
import { ensureReferenceData } from '../../services/reference';
import { localFileStorage } from '../../storage/fileStorage';

/**
 * `npm run bench`: a region-year of ВПР (default 1,000,000 works × 15 tasks, ~2,000 schools)
 * as a Windows-1251 «Индивидуальные результаты» CSV and a 100,000-work XLSX, imported through
 * the real service (parse, check, COPY) into PGlite and, with TEST_DATABASE_URL, PostgreSQL.
 * Prints seconds, rows/s and peak memory (max RSS).
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

export function regionCsv(works: number): Buffer {
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

async function importInto(
  database: Database,
  label: string,
  name: string,
  bytes: Buffer,
  filesDir: string,
) {
  await database.migrate();
  await ensureReferenceData(database.db, new Date());
  const region = await insertRegion(database.db, `b${Date.now()}`, 'Регион');
  const m = await insertMunicipality(database.db, region.id, `Район ${Date.now()}`);
  const services = createServices({
    database,
    storage: localFileStorage(filesDir),
    now: () => new Date(),
  });
  const started = performance.now();
  // Import speed only: the stored analysis is not re-run here.
  const { result: out } = await services.analysisRuns.deferReruns(() =>
    services.resultImports.importFile(
      SYSTEM_ACTOR,
      { fileName: name, bytes, choice: {} },
      { createSchools: true, municipalityId: m.id },
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${label}: ${name}: работ ${out.works} за ${seconds.toFixed(1)} с — ${Math.round(out.works / seconds)} строк/с; пик памяти ${mb(process.resourceUsage().maxRSS * 1024)}`,
  );
}

export async function benchCommand(o: { works: string; xlsxWorks: string }) {
  const works = Number(o.works);
  const xlsxWorks = Number(o.xlsxWorks);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vsoko-bench-'));
  try {
    let t = performance.now();
    const csv = regionCsv(works);
    console.log(
      `CSV: ${works} работ × 15 заданий, ${mb(csv.length)}, создан за ${((performance.now() - t) / 1000).toFixed(1)} с`,
    );
    t = performance.now();
    const xlsx = await regionXlsx(xlsxWorks);
    console.log(
      `XLSX: ${xlsxWorks} работ, ${mb(xlsx.length)}, создан за ${((performance.now() - t) / 1000).toFixed(1)} с`,
    );

    const pglite = await openPglite(path.join(dir, 'pglite'));
    try {
      await importInto(pglite, 'PGlite', 'region.csv', csv, path.join(dir, 'files'));
      await importInto(pglite, 'PGlite', 'region.xlsx', xlsx, path.join(dir, 'files'));
    } finally {
      await pglite.close();
    }
    const url = process.env.TEST_DATABASE_URL;
    if (url) {
      const name = `vsoko_bench_${Date.now()}`;
      const admin = openPostgres(url);
      await admin.db.execute(`create database ${name}`);
      await admin.close();
      const target = new URL(url);
      target.pathname = `/${name}`;
      const pg = openPostgres(target.toString());
      try {
        await importInto(pg, 'PostgreSQL', 'region.csv', csv, path.join(dir, 'files'));
        await importInto(pg, 'PostgreSQL', 'region.xlsx', xlsx, path.join(dir, 'files'));
      } finally {
        await pg.close();
        const drop = openPostgres(url);
        await drop.db.execute(`drop database if exists ${name} with (force)`);
        await drop.close();
      }
    } else {
      console.log('PostgreSQL: пропущено (задайте TEST_DATABASE_URL)');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
