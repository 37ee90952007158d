import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { analyze, type AnalysisResult } from '../../core/analytics/analyze';
import { buildDataset } from '../../core/analytics/build';
import type { IndicatorResult } from '../../core/analytics/indicators/result';
import { buildDossier, eq, INDICATOR_TITLES, yearsText } from '../../core/analytics/dossier';
import { STANDARD_SUBJECTS } from '../../core/registry/subjects';
import { formatIssue } from '../../core/results/issues';
import { loadResults, subjectName } from '../../importers/analytics/loadResults';
import { OBSERVATION_HEADER, parseObservations } from '../../importers/observations/index';
import { decodeCsv } from '../../importers/results/csv';
import { writeJsonFile } from '../jsonFile';

export interface AnalyzeOptions {
  observations?: string;
  q: number;
  json: string;
}

const RESULT_FILE = /\.(csv|xlsx)$/i;

function isObservationsTable(bytes: Uint8Array): boolean {
  const head = decodeCsv(bytes.subarray(0, 512)).text.split(/\r?\n/)[0] ?? '';
  return head.includes(OBSERVATION_HEADER[0]) && head.includes(OBSERVATION_HEADER[4]);
}

/** Files named on the command line, folders expanded recursively (CSV and XLSX), sorted. */
export async function collectFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (p: string): Promise<void> => {
    const s = await stat(p).catch(() => null);
    if (!s) throw new Error(`Файл или папка «${p}» не найдены`);
    if (s.isDirectory()) {
      for (const entry of (await readdir(p)).sort()) {
        const child = path.join(p, entry);
        const cs = await stat(child);
        if (cs.isDirectory() || RESULT_FILE.test(entry)) await walk(child);
      }
    } else out.push(p);
  };
  for (const p of paths) await walk(p);
  return [...new Set(out)];
}

export async function analyzeCommand(paths: string[], options: AnalyzeOptions): Promise<void> {
  if (!(options.q > 0 && options.q < 1))
    throw new Error(`--q должно быть числом от 0 до 1, получено «${options.q}»`);
  const observationsPath = options.observations ? path.resolve(options.observations) : null;
  const files = (await collectFiles(paths)).filter((f) => path.resolve(f) !== observationsPath);
  const read = await Promise.all(
    files.map(async (f) => ({ name: f, bytes: new Uint8Array(await readFile(f)) })),
  );
  // An observations table lying among the results files is not a results file.
  const results = read.filter((f) => !isObservationsTable(f.bytes));
  if (!results.length) throw new Error('Не найдено ни одного файла результатов (CSV или XLSX)');
  const loaded = await loadResults(results);
  let observed = new Map<string, boolean>();
  if (options.observations) {
    const obs = parseObservations(
      options.observations,
      new Uint8Array(await readFile(options.observations)),
      STANDARD_SUBJECTS,
    );
    const errors = obs.issues.filter((i) => i.severity === 'error');
    if (errors.length) throw new Error(errors.map(formatIssue).join('\n'));
    observed = obs.observed;
  }
  const { data, problems } = buildDataset(loaded.tests, observed);
  if (problems.length) {
    throw new Error(
      problems
        .map((p) => `${subjectName(p.subject)}, ${p.grade} класс, ${p.year}: ${p.message}`)
        .join('\n'),
    );
  }
  const result = analyze(data, { q: options.q, supportQ: 0.1 });
  const json = analysisJson(result, loaded.files, options);
  // Streamed: a region's document is longer than the longest string V8 allows.
  await writeJsonFile(options.json, json);
  process.stdout.write(summaryText(result, loaded.warnings, options));
}

function indicatorJson(i: IndicatorResult) {
  return {
    indicator: i.indicator,
    title: INDICATOR_TITLES[i.indicator],
    p: i.p,
    z: i.z,
    n: i.n,
    effect: i.effect,
    floorMet: i.floorMet,
    note: i.note,
  };
}

/** The JSON document `vsoko analyze --json` writes (the external contract): dossiers included. */
export function analysisJson(result: AnalysisResult, files: unknown, options: AnalyzeOptions) {
  // Subject names looked up once per code (every unit of every school names its subject).
  const names = new Map<string, string>();
  const subjectOf = (code: string): string => {
    let name = names.get(code);
    if (name === undefined) {
      name = subjectName(code);
      names.set(code, name);
    }
    return name;
  };
  return {
    engineVersion: result.engineVersion,
    parameters: {
      q: options.q,
      supportQ: result.options.supportQ,
      observations: options.observations ?? null,
    },
    files,
    schools: result.schools.map((s) => {
      const dossier = buildDossier(s, subjectOf);
      return {
        school: s.school,
        year: s.year,
        flagged: s.flagged,
        score: s.score,
        p: s.p,
        q: s.q,
        supportList: s.supportList,
        yearsInRow: s.yearsInRow,
        tests: s.tests,
        driver: s.driver ? { ...s.driver, subject: subjectOf(s.driver.subject) } : null,
        summary: dossier.summary,
        evidence: dossier.evidence,
        caveats: dossier.caveats,
        units: s.units.map((u) => ({
          subject: subjectOf(u.subject),
          grade: u.grade,
          works: u.works,
          observed: u.observed,
          indicators: u.indicators.map(indicatorJson),
          homogeneity: u.homogeneity,
          tables: u.tables,
          classes: u.classes.map((c) => ({
            className: c.name,
            works: c.works,
            indicators: c.indicators.map(indicatorJson),
            homogeneity: c.homogeneity,
          })),
        })),
      };
    }),
    tests: result.tests.map((t) => ({ ...t, subject: subjectOf(t.subject) })),
  };
}

const fmt = (x: number, d = 2): string => x.toFixed(d).replace('.', ',');

export function summaryText(
  result: AnalysisResult,
  warnings: readonly string[],
  options: AnalyzeOptions,
): string {
  const lines: string[] = [];
  lines.push(
    `Анализ объективности результатов (движок ${result.engineVersion}), уровень FDR q = ${fmt(options.q)}`,
  );
  lines.push('');
  const years = [...new Set(result.schools.map((s) => s.year))].sort((a, b) => a - b);
  for (const year of years) {
    const list = result.schools.filter((s) => s.year === year);
    const flagged = list.filter((s) => s.flagged);
    const support = list.filter((s) => s.supportList && !s.flagged);
    lines.push(
      `${year} год: школ ${list.length}, с признаками необъективности ${flagged.length}, в списке поддержки (q ≤ 0,10) ещё ${support.length}`,
    );
    for (const s of flagged) {
      const driver = s.driver
        ? `${INDICATOR_TITLES[s.driver.indicator as keyof typeof INDICATOR_TITLES] ?? s.driver.indicator} (${subjectName(s.driver.subject)}, ${s.driver.grade} класс${s.driver.className ? `, ${s.driver.className}` : ''})`
        : '';
      const row = s.yearsInRow > 1 ? `; ${yearsText(s.yearsInRow)} подряд` : '';
      lines.push(
        `  ${s.school}: ${eq('p', s.p)}, балл ${fmt(s.score)}, ${eq('q', s.q)}; главный признак — ${driver}${row}`,
      );
    }
    for (const s of support)
      lines.push(`  (поддержка) ${s.school}: ${eq('p', s.p)}, ${eq('q', s.q)}`);
  }
  lines.push('');
  lines.push('Работы:');
  for (const t of result.tests) {
    const ref =
      t.reference.source === 'observed'
        ? `эталон — работы с наблюдателем (${t.reference.works})`
        : 'эталон — все работы района';
    lines.push(
      `  ${subjectName(t.subject)}, ${t.grade} класс, ${t.year}: работ ${t.works}, школ ${t.schools}; границы ${t.cuts.join('/')}; ${ref}; регион: ${'missing' in t.region ? t.region.missing : 'есть данные'}`,
    );
  }
  if (warnings.length) {
    lines.push('');
    lines.push(`Предупреждения при чтении файлов (${warnings.length}):`);
    for (const w of warnings.slice(0, 10)) lines.push(`  ${w}`);
    if (warnings.length > 10) lines.push(`  … и ещё ${warnings.length - 10}`);
  }
  lines.push('');
  lines.push(
    'Признаки статистические: они показывают, где нужна проверка (наблюдение, перепроверка), но не доказывают нарушений.',
  );
  return `${lines.join('\n')}\n`;
}
